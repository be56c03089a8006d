"""Names in results and standings rows, where the model runs a name into the figures after it.

"Denver 5", "Stade Rennais 1 Stade Brestois 4", "Lyon 0 Nantes 0": in a row of figures the model
often takes a score for part of a name, or two teams and their scores for one. In such a row a
mention is cut at its figures into the names between them; elsewhere a figure can belong to a
name ("Chapter 11", "Euro 96") and is left alone.
"""

from __future__ import annotations

import re

from annotator_entities.caps import line_of
from annotator_entities.mentions import Mention

FIGURE = re.compile(r"[-+(]?\d[\d.,:/()%-]*")
DIGIT = re.compile(r"\d")  # most names have none: one search rules them out
MIN_FIGURES = 2  # figures on the line that make it a row of a table


def split_rows(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions with figures inside, on a table row, cut into the names around their figures."""
    out: list[Mention] = []
    for m in mentions:
        if (
            DIGIT.search(m.text) is None
            or m.rule != "model"
            or not any(FIGURE.fullmatch(w) for w in m.text.split())
        ):
            out.append(m)
            continue
        line = line_of(text, m.start, m.end)
        if sum(1 for w in line.split() if FIGURE.fullmatch(w)) < MIN_FIGURES:
            out.append(m)
            continue
        out.extend(_pieces(m))
    return out


def _pieces(m: Mention) -> list[Mention]:
    """The runs of words between the figures of ``m`` that start with a capital."""
    pieces: list[Mention] = []
    run: list[re.Match[str]] = []
    for w in [*re.finditer(r"\S+", m.text), None]:
        if w is None or FIGURE.fullmatch(w.group()):
            if run and run[0].group()[:1].isupper():
                a, b = m.start + run[0].start(), m.start + run[-1].end()
                pieces.append(Mention(a, b, m.text[run[0].start() : run[-1].end()], m.label, m.rule))
            run = []
        else:
            run.append(w)
    return pieces
