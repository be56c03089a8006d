"""Tokens that every span boundary falls on, for the token-based formats (Prodigy, spaCy, INCEpTION).

spaCy's rule-based tokenizer gives the tokens; a span boundary inside a token splits it, and a
span that starts or ends on a token's trailing space makes that space a token of its own. So
``doc.char_span(start, end, alignment_mode="strict")`` finds every span, and the tokens still
rebuild the text exactly.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from annotator import Document


@dataclass(frozen=True)
class Token:
    """A token by code-point offsets; ``ws`` says whether one space follows it (spaCy's convention)."""

    start: int
    end: int
    ws: bool


@functools.lru_cache(maxsize=4)
def blank(lang: str = "en") -> Language:
    """A blank spaCy pipeline (tokenizer and sentencizer only; no model download)."""
    import spacy

    nlp = spacy.blank(lang)
    nlp.add_pipe("sentencizer")
    return nlp


def aligned_tokens(document: Document, lang: str = "en") -> list[Token]:
    """Tokens of ``document.text`` with a boundary at every span start and end."""
    starts = {s.start for spans in document.spans.values() for s in spans}
    ends = {s.end for spans in document.spans.values() for s in spans}
    tokens: list[Token] = []
    for tok in blank(lang).tokenizer(document.text):
        tokens.extend(_split(tok.idx, tok.idx + len(tok.text), bool(tok.whitespace_), starts | ends))
        if tok.whitespace_ and (tokens[-1].end in starts or tokens[-1].end + 1 in ends):
            tokens[-1] = Token(tokens[-1].start, tokens[-1].end, False)
            tokens.append(Token(tokens[-1].end, tokens[-1].end + 1, False))
    return tokens


def _split(start: int, end: int, ws: bool, cuts: Iterable[int]) -> list[Token]:
    points = [start, *sorted(c for c in cuts if start < c < end), end]
    pieces = [Token(a, b, False) for a, b in zip(points, points[1:], strict=False)]
    pieces[-1] = Token(pieces[-1].start, pieces[-1].end, ws)
    return pieces


def spacy_doc(document: Document, lang: str = "en") -> Doc:
    """A spaCy Doc over the aligned tokens, with sentence starts from the sentencizer."""
    from spacy.tokens import Doc

    nlp = blank(lang)
    text = document.text
    tokens = aligned_tokens(document, lang)
    doc = Doc(nlp.vocab, words=[text[t.start : t.end] for t in tokens], spaces=[t.ws for t in tokens])
    return nlp.get_pipe("sentencizer")(doc) if len(doc) else doc
