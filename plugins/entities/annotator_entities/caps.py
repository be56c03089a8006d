"""All-capitals text: headlines such as "SOCCER - LEICESTERSHIRE TAKE OVER AT TOP".

There the model cannot use case, so it takes runs of capitalised words for one organisation and
labels single names at random. A mention in an all-capitals line that covers most of the line's
words is not a name but the line; the rest are kept, with a small weight in the entity's label
vote, so the label the model gave the same name in running text wins.
"""

from __future__ import annotations

from annotator_entities.mentions import Mention

CAPS_WEIGHT = 0.25
MOST_OF_LINE = 0.6


def line_of(text: str, start: int, end: int) -> str:
    """The line holding ``start``-``end``."""
    end_of_line = text.find("\n", end)
    return text[text.rfind("\n", 0, start) + 1 : len(text) if end_of_line < 0 else end_of_line]


def weigh(text: str, mentions: list[Mention]) -> list[Mention]:
    """Drop whole-line mentions of all-capitals lines and down-weight the others."""
    kept = []
    for m in mentions:
        if not m.text.isupper() or m.rule != "model":
            kept.append(m)
            continue
        words = [w for w in line_of(text, m.start, m.end).split() if any(ch.isalpha() for ch in w)]
        if not any(w.islower() for w in words):
            if len(m.text.split()) >= 2 and len(m.text.split()) >= MOST_OF_LINE * len(words):
                continue
            m.rule = "caps"
        kept.append(m)
    return kept
