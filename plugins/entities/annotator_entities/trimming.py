"""Trim entity spans to the bare name: titles, a leading "the" and possessives stay outside."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

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


def trim(
    tokens: Sequence[Token], start: int, end: int, label: str, text: str | None = None
) -> tuple[int, int] | None:
    """The bounds of the name inside ``tokens[start:end]`` (an entity labelled ``label``), or None.

    ``tokens`` is a list the caller made once: spaCy builds a new ``Token`` on every ``doc[i]``.
    Given the document's ``text``, a name with no "(" in it skips the parenthesis check, which
    would read every token's text.
    """
    first = start
    while start < end and _droppable_head(tokens[start], label):
        start += 1
    while end > start and _droppable_tail(tokens, first, end, label):
        end -= 1
    if start >= end:
        return None
    last = tokens[end - 1]
    if text is None or text.find("(", tokens[start].idx, last.idx + len(last)) >= 0:
        start, end = _before_open_paren(tokens, start, end)
    if start >= end:
        return None
    return start, end


def _droppable_head(token: Token, label: str) -> bool:
    text = token.lower_.rstrip(".")
    if text in LEADING_WORDS:
        return True
    # Titles are only dropped in front of a person's name ("Defence Minister Khawaja Asif").
    return label == "PERSON" and text in TITLES and token.is_title


def _droppable_tail(tokens: Sequence[Token], first: int, end: int, label: str) -> bool:
    """A possessive, punctuation or, after an organisation's name of two words or more, a generic noun."""
    last = tokens[end - 1]
    return (
        last.text in TRAILING
        or last.is_punct
        or (label in ("ORG", "NORP") and end - first > 1 and last.lower_ in GENERIC_TAILS)
    )


def _before_open_paren(tokens: Sequence[Token], start: int, end: int) -> tuple[int, int]:
    """Cut a span at an unclosed parenthesis: "Africa CDC (Africa" is two names, keep the first."""
    texts = [tokens[i].text for i in range(start, end)]
    if "(" in texts and ")" not in texts:
        end = start + texts.index("(")
        while end > start and tokens[end - 1].is_punct:
            end -= 1
    return start, end
