"""The words around a mention that speak for a label, as votes beside the model's.

The model labels each mention from a narrow window, and the document vote then gives every
mention of an entity the winning label, so a single wrong label could spread. These cues add
votes of their own: a title before a name ("Mr", "President") or "said" after it speaks for a
person; "in" / "near" before it for a place; an organisation word ending the name ("Corp",
"Bank") or following "the X" ("the X company") for an organisation; and a name opening a
results or standings row, followed by a score ("Denver 45 30", "Leeds 2 Villa 1"), for a team,
which is an organisation even when it is named after its city.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from annotator_entities.mentions import Mention


def _spellings(words: str) -> frozenset[str]:
    """Each word as written in running text: lower, capitalised, upper, with a full stop or not."""
    forms = {f for w in words.split() for f in (w, w.capitalize(), w.upper())}
    return frozenset(forms | {f + "." for f in forms})


# Spelled out in every case once, so a cue costs set lookups and no case folding per mention.
PERSON_TITLES = _spellings(
    "mr mrs ms dr prof sir president senator sen rep governor gov chancellor king queen "
    "gen general lt col maj capt coach"
)
SPEECH = frozenset({"said", "says", "told"})
PLACE_WORDS = _spellings("in near outside")
THE = _spellings("the")
ORG_ENDINGS = _spellings(
    "inc corp corporation co ltd plc ag sa nv bv gmbh group bank party club union association "
    "council committee university airlines airways fc"
) | {"GmbH"}
ORG_NOUNS = frozenset({"company", "club", "group", "party", "bank", "firm", "team"})
FIGURE = re.compile(r"[-+(]?\d[\d.,:/()%-]*")
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# The labels a place is mistaken for; "in English", "in Dutch" are languages and peoples.
NAMES_OF_PLACES_OR_NOT = PLACE_LABELS | {"PERSON", "ORG"}
WINDOW = 12  # characters read on each side: the longest cue word is "chancellor."
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
    """The kind of context around ``m`` that speaks for a label, or None.

    It runs on every mention, so the word just before (on its line, "" at the line's start) and
    the word just after (likewise) are read inline, and the cheap tests come first.
    """
    label, start, end = m.label, m.start, m.end
    piece = text[max(0, start - WINDOW) : start]
    before = piece[piece.rfind("\n") + 1 :].rsplit(None, 1)
    prev = before[-1] if before else ""
    piece = text[end : end + WINDOW]
    cut = piece.find("\n")
    after = (piece if cut < 0 else piece[:cut]).split(None, 1)
    nxt = after[0] if after else ""
    if label in PLACE_LABELS and len(nxt) <= 3 and nxt.isdigit() and _team(text, m):
        return "team"
    if (prev in THE and nxt in ORG_NOUNS) or m.text.rsplit(None, 1)[-1] in ORG_ENDINGS:
        return "org-word"
    if prev in PERSON_TITLES:
        return "title"
    if prev in PLACE_WORDS and label in NAMES_OF_PLACES_OR_NOT and nxt not in ("'s", "’s"):
        return "place"
    if nxt in SPEECH and label in ("PERSON", "ORG") and " " in m.text:
        return "speech"
    return None


def _team(text: str, m: Mention) -> bool:
    """A name opening a row of figures, or right after one, on a line of two figures or more."""
    line_start = text.rfind("\n", 0, m.start) + 1
    line_end = text.find("\n", m.end)
    before = text[line_start : m.start].split()
    after = text[m.end : len(text) if line_end < 0 else line_end].split()
    figures = sum(1 for w in before + after if FIGURE.fullmatch(w))
    return figures >= 2 and (not before or FIGURE.fullmatch(before[-1]) is not None)
