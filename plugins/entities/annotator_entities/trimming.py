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
    }
)
TRAILING = frozenset({"'s", "’s", "'", "’"})


def trim(ent: SpacySpan) -> SpacySpan | None:
    """The name inside ``ent``, or None when nothing of a name is left."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and _droppable_head(doc[start], ent.label_):
        start += 1
    while end > start and (doc[end - 1].text in TRAILING or doc[end - 1].is_punct):
        end -= 1
    if start >= end:
        return None
    return SpacySpan(doc, start, end, label=ent.label_)


def _droppable_head(token: object, label: str) -> bool:
    text = getattr(token, "lower_", "").rstrip(".")
    if text in LEADING_WORDS:
        return True
    # Titles are only dropped in front of a person's name ("Defence Minister Khawaja Asif").
    return label == "PERSON" and text in TITLES and getattr(token, "is_title", False)
