"""The words around a mention that speak for a label, as votes beside the model's.

The model labels each mention from a narrow window, and the document vote then gives every
mention of an entity the winning label, so a single wrong label could spread. These cues add
votes of their own: a title before a name ("Mr", "President") or "said" after it speaks for a
person; "in" / "near" before it for a place; an organisation word ending the name ("Corp",
"Bank") or following "the X" ("the X company") for an organisation; and a name opening a
results or standings row, followed by a score ("Detroit 45 30", "Leeds 2 Villa 1"), for a team,
which is an organisation even when it is named after its city.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from annotator_entities.mentions import Mention

PERSON_TITLES = frozenset(
    "mr mrs ms dr prof sir president senator sen rep governor gov chancellor king queen "
    "gen general lt col maj capt coach".split()
)
SPEECH = frozenset({"said", "says", "told"})
PLACE_WORDS = frozenset({"in", "near", "outside"})
ORG_ENDINGS = frozenset(
    "inc corp corporation co ltd plc ag sa nv bv gmbh group bank party club union association "
    "council committee university airlines airways fc".split()
)
ORG_NOUNS = frozenset({"company", "club", "group", "party", "bank", "firm", "team"})
SCORE = re.compile(r"\d{1,3}")
FIGURE = re.compile(r"[-+(]?\d[\d.,:/()%-]*")
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# The labels a place is mistaken for; "in English", "in Dutch" are languages and peoples.
NAMES_OF_PLACES_OR_NOT = PLACE_LABELS | {"PERSON", "ORG"}
WEIGHTS = {"title": 1.0, "speech": 0.5, "place": 1.5, "org-word": 1.0, "team": 2.0}
LABELS = {"title": "PERSON", "speech": "PERSON", "place": "GPE", "org-word": "ORG", "team": "ORG"}


def mark(text: str, mentions: Iterable[Mention]) -> None:
    """Give each mention the cue its context holds, if any (``Mention.cue``)."""
    for m in mentions:
        kind = cue(text, m)
        if kind is not None:
            same = kind == "place" and m.label in PLACE_LABELS  # "in South Asia" backs LOC, not GPE
            m.cue, m.cue_weight = (m.label if same else LABELS[kind]), WEIGHTS[kind]


def cue(text: str, m: Mention) -> str | None:
    """The kind of context around ``m`` that speaks for a label, or None."""
    line_start = text.rfind("\n", 0, m.start) + 1
    line_end = text.find("\n", m.end)
    before = text[line_start : m.start].split()
    after = text[m.end : len(text) if line_end < 0 else line_end].split()
    prev = before[-1].lower().rstrip(".") if before else ""
    nxt = after[0].lower() if after else ""
    last = m.text.split()[-1].lower().rstrip(".")
    if m.label in PLACE_LABELS and _team(before, after):
        return "team"
    if last in ORG_ENDINGS or (prev == "the" and nxt in ORG_NOUNS):
        return "org-word"
    if prev in PERSON_TITLES:
        return "title"
    if prev in PLACE_WORDS and nxt not in ("'s", "’s") and m.label in NAMES_OF_PLACES_OR_NOT:
        return "place"
    if nxt in SPEECH and m.label in ("PERSON", "ORG") and " " in m.text:
        return "speech"
    return None


def _team(before: list[str], after: list[str]) -> bool:
    """A name opening a row of figures, or right after one, and followed by a score."""
    if not after or not SCORE.fullmatch(after[0]):
        return False
    figures = sum(1 for w in before + after if FIGURE.fullmatch(w))
    return figures >= 2 and (not before or FIGURE.fullmatch(before[-1]) is not None)
