"""Indirect (reported) speech: a speech verb with a reported clause and no quotation marks in it.

"A Pakistani security official said the Taliban's refusal ... led to the collapse", "Islamabad
accuses Kabul of harbouring the Pakistani Taliban", "According to Reuters, the talks ...". Only
subjects that can speak count (a named entity, a pronoun, or a person or body noun), so that
"firefights killed five soldiers, suggesting ..." is not reported speech.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from annotator_quotes.cues import is_according, reported_clause, subject_of
from annotator_quotes.frames import FrameFinder
from annotator_quotes.lexicon import SPEAKER_NOUNS, SUBJECT_PRONOUNS

MIN_CLAUSE_TOKENS = 3


@dataclass(frozen=True)
class Reported:
    """One indirect quote before its speaker is resolved."""

    start: int
    end: int
    cue: Token
    subject: Token | None
    rule: str


def find_indirect(finder: FrameFinder, entity_chars: set[int]) -> list[Reported]:
    """Reported clauses without quotation marks, in document order.

    Only the document's cues (indexed once by the finder) are visited, not every token.
    """
    doc, quoted = finder.doc, finder.quoted
    found = []
    for i in finder.cues:
        if quoted[i]:
            continue
        token = doc[i]
        span = _according_clause(token) if is_according(token) else reported_clause(token)
        if span is None or span[1] - span[0] < MIN_CLAUSE_TOKENS:
            continue
        if any(quoted[span[0] : span[1]]) or _crosses_line(finder, i, span):
            continue
        subject = subject_of(token)
        if subject is None or not _can_speak(subject, entity_chars):
            continue
        rule = "according-to" if is_according(token) else "reported-clause"
        found.append(
            Reported(doc[span[0]].idx, doc[span[1] - 1].idx + len(doc[span[1] - 1]), token, subject, rule)
        )
    return found


def _crosses_line(finder: FrameFinder, cue: int, span: tuple[int, int]) -> bool:
    """Whether the cue and its clause are not on one line (one paragraph)."""
    return finder.line_break_in(min(cue, span[0]), max(cue + 1, span[1]))


def _can_speak(subject: Token, entity_chars: set[int]) -> bool:
    if subject.idx in entity_chars or subject.lower_ in SUBJECT_PRONOUNS:
        return True
    return subject.lower_ in SPEAKER_NOUNS


def _according_clause(token: Token) -> tuple[int, int] | None:
    """The clause an 'according to X' phrase is attached to, without the phrase itself."""
    head = token.head
    while head.dep_ not in {"ROOT", "ccomp", "conj"} and head.head.i != head.i:
        head = head.head
    doc = token.doc
    lo, hi = head.left_edge.i, head.right_edge.i + 1
    phrase_lo, phrase_hi = token.left_edge.i, token.right_edge.i + 1
    start, end = (phrase_hi, hi) if phrase_lo <= lo + 1 else (lo, phrase_lo)
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return (start, end) if start < end else None
