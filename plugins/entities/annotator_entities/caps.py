"""All-capitals text: headlines such as "RUGBY - WARRIORS EDGE SHARKS IN SEASON OPENER".

There the model cannot use case, so it takes runs of capitalised words for one organisation and
labels single names at random. An organisation in an all-capitals line that covers most of the
line's words is not a name but the line; the other mentions are kept with a small weight in the
entity's label vote, so the label the model gave the same name in running text wins. Names the
document spells in normal case elsewhere are looked up again in capitals (``upper_forms``), since
the model misses most of them there ("MERKEL MEETS MACRON").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from annotator_entities.mentions import Mention

MOST_OF_LINE = 0.6
LOWER_WORD = re.compile(r"\b[a-z]+\b")


def line_of(text: str, start: int, end: int) -> str:
    """The line holding ``start``-``end``."""
    end_of_line = text.find("\n", end)
    return text[text.rfind("\n", 0, start) + 1 : len(text) if end_of_line < 0 else end_of_line]


def is_caps_line(line: str) -> bool:
    """Whether a line has letters and none in lower case (``str.isupper``: figures do not count)."""
    return line.isupper()


@lru_cache(maxsize=4)
def has_caps_line(text: str) -> bool:
    """Whether any line of ``text`` is in capitals (asked twice per document, hence the cache)."""
    return any(line.isupper() for line in text.split("\n"))


def weigh(text: str, mentions: list[Mention]) -> list[Mention]:
    """Drop whole-line organisations of all-capitals lines and down-weight their other mentions."""
    if not has_caps_line(text):
        return mentions  # most articles: nothing to weigh
    kept = []
    for m in mentions:
        if m.rule != "model" or not m.text.isupper():
            kept.append(m)
            continue
        line = line_of(text, m.start, m.end)
        if not is_caps_line(line):
            kept.append(m)
            continue
        if m.label == "ORG" and _most_of(m.text, line):
            continue
        m.rule = "caps"
        kept.append(m)
    return kept


def _most_of(name: str, line: str) -> bool:
    """Whether a name of two words or more covers most of the line's words."""
    words = [w for w in line.split() if any(ch.isalpha() for ch in w)]
    size = len(name.split())
    return size >= 2 and size >= MOST_OF_LINE * len(words)


def upper_forms(forms: Iterable[str], text: str) -> dict[str, str]:
    """Capitalised spelling -> known form, for forms with a lower-case letter.

    A one-word form the text also writes in lower case ("May" and "may") is left out: in capitals
    the two cannot be told apart.
    """
    out: dict[str, str] = {}
    if not has_caps_line(text):
        return out  # most articles have no line in capitals: nothing to look for
    lower = set(LOWER_WORD.findall(text))
    for form in forms:
        upper = form.upper()
        if upper != form and len(form) > 2 and not (" " not in form and form.lower() in lower):
            out.setdefault(upper, form)
    return out
