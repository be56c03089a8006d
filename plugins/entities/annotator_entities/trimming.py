"""Trim entity spans to the bare name: titles, a leading "the" and possessives stay outside."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan

LEADING_WORDS = frozenset({"the", "a", "an"})
TITLES = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sir",
        "president",
        "minister",
        "prime",
        "defence",
        "defense",
        "foreign",
        "interior",
        "information",
        "spokesman",
        "spokesperson",
        "gen",
        "general",
        "lt",
        "col",
        "maj",
        "capt",
        "senator",
        "sen",
        "rep",
        "governor",
        "gov",
        "chancellor",
        "king",
        "queen",
        "sheikh",
        "mullah",
        "secretary",
        "ambassador",
        "chief",
        "commander",
        "envoy",
        "deputy",
        "state",
        "acting",
        "supreme",
        "leader",
        "senior",
        "barrister",
        "justice",
        "judge",
        "pope",
        "prince",
        "princess",
        "emir",
        "imam",
        "rabbi",
        "cardinal",
        "bishop",
        "speaker",
        "representative",
        "commissioner",
        "premier",
        "director",
        "coach",
    }
)
TRAILING = frozenset({"'s", "’s", "'", "’"})
# Common nouns the model glues to an organisation's name: "Taliban Regime", "Hamas Government".
GENERIC_TAILS = frozenset({"regime", "government", "delegation", "militants", "fighters"})


def trim(ent: SpacySpan) -> SpacySpan | None:
    """The name inside ``ent``, or None when nothing of a name is left."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and _droppable_head(doc[start], ent.label_):
        start += 1
    while end > start and (
        doc[end - 1].text in TRAILING or doc[end - 1].is_punct or _generic_tail(doc, end, ent)
    ):
        end -= 1
    start, end = _before_open_paren(doc, start, end)
    if start >= end:
        return None
    return SpacySpan(doc, start, end, label=ent.label_)


def _droppable_head(token: object, label: str) -> bool:
    text = getattr(token, "lower_", "").rstrip(".")
    if text in LEADING_WORDS:
        return True
    # Titles are only dropped in front of a person's name ("Defence Minister Khawaja Asif").
    return label == "PERSON" and text in TITLES and getattr(token, "is_title", False)


def _generic_tail(doc: object, end: int, ent: SpacySpan) -> bool:
    return ent.label_ in ("ORG", "NORP") and end - ent.start > 1 and doc[end - 1].lower_ in GENERIC_TAILS  # type: ignore[index]


def _before_open_paren(doc: object, start: int, end: int) -> tuple[int, int]:
    """Cut a span at an unclosed parenthesis: "Africa CDC (Africa" is two names, keep the first."""
    texts = [doc[i].text for i in range(start, end)]  # type: ignore[index]
    if "(" in texts and ")" not in texts:
        end = start + texts.index("(")
        while end > start and doc[end - 1].is_punct:  # type: ignore[index]
            end -= 1
    return start, end
