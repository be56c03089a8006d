"""Places named by a news dateline: "ISLAMABAD, Oct 29 (Reuters) -", "GATWICK, England 2024-05-02".

A dateline opens a wire story with the place it was filed from (and often its country or state)
before the date or the agency. The model, reading capitals without context, misses most of these
or takes them for organisations, so each capitalised name there before the date or agency becomes
a place (rule ``dateline``), which outweighs the model in the entity's label vote.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from annotator_entities.mentions import Mention

MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
NAME = rf"(?!{MONTH}\b)[A-Z][\w.'’-]*(?: (?!{MONTH}\b)[A-Z][\w.'’-]*){{0,3}}"
PLACES = re.compile(rf"(?P<place>{NAME})(?:\s*,\s*(?P<region>{NAME}))?\s*,?\s*(?=\(|\d|{MONTH}\s+\d)")
RULE = "dateline"


def dateline_places(text: str, blocks: Iterable[tuple[int, int]]) -> list[Mention]:
    """The place (and region) at the start of each dateline block ``start``-``end`` of ``text``."""
    found = []
    for start, end in blocks:
        match = PLACES.match(text, start, end)
        if match is None:
            continue
        for group in ("place", "region"):
            if match.group(group):
                a, b = match.span(group)
                found.append(Mention(a, b, text[a:b], "GPE", rule=RULE))
    return found
