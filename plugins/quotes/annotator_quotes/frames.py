"""Attribute each quoted region: find the cue that introduces it and decide direct or mixed.

The cue is searched for in the sentences the quote touches (outside every quote), plus a short
"he said." sentence right after it or a sentence ending in a colon right before it. A cue whose
reported clause holds the quote together with unquoted words makes the clause a mixed quote.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from annotator_quotes.columns import token_starts, tokens_equal
from annotator_quotes.cues import cue_indices, reported_clause, subject_of
from annotator_quotes.frame_shapes import quote_leads, trailing_frame, with_trailing_frame
from annotator_quotes.frame_subjects import (
    is_word,
    reports_other,
    unquoted_subject,
)
from annotator_quotes.marks import Region


@dataclass(frozen=True)
class Frame:
    """How a quoted region is attributed in its own sentence."""

    region: Region
    cue: Token | None
    subject: Token | None
    kind: str  # "direct" or "mixed"
    clause: tuple[int, int] | None = None  # char range of the reported clause (mixed)
    rule: str = "frame"
    named: tuple[int, int] | None = None  # char range of a name that credits the quote (credit line)


class FrameFinder:
    """Finds frames for the regions of one parsed document.

    Everything a region asks about (its paragraph, the token at a character, the regions inside a
    clause) is looked up by bisection in indexes built once here, so that the work per region does
    not grow with the document.
    """

    def __init__(self, doc: Doc, text: str, regions: list[Region], paragraphs: list[tuple[int, int]]) -> None:
        self.doc = doc
        self.text = text  # the document's text: spaCy rebuilds Doc.text on every access
        self.regions = regions
        self.paragraphs = paragraphs
        self._para_starts = [lo for lo, _ in paragraphs]
        self.token_starts = token_starts(doc)
        self.cues = cue_indices(doc)
        self._sent_starts = _sentence_starts(doc)
        by_start = sorted((r.start, r.outer_end) for r in regions)
        self._region_starts = [start for start, _ in by_start]
        self._region_ends = [end for _, end in by_start]
        self.quoted = [False] * len(doc)
        for r in regions:
            for i in self.token_range(r.outer_start, r.outer_end) or ():
                self.quoted[i] = not self.glued_past(i, r)

    def glued_past(self, i: int, region: Region) -> bool:
        """Whether token ``i`` runs on past the closing mark ('paranoia,”Clinton said').

        With no space after the mark the tokenizer makes one token of the quote's last word and
        the next word; that word is the frame's (the speaker's name), so the token is not quoted.
        """
        end, after = self.token_end(i), region.outer_end
        return region.close_at is not None and end > after and self.text[after : after + 1].isalpha()

    def sentence(self, i: int) -> tuple[int, int]:
        """Token range [start, end) of the sentence holding token ``i``, as ``doc[i].sent`` has it.

        Found by bisection in the sentence starts read once, instead of a walk per call.
        """
        starts = self._sent_starts
        if starts is None:
            sent = self.doc[i].sent
            return sent.start, sent.end
        k = bisect.bisect_right(starts, i)
        return (starts[k - 1] if k else 0), (starts[k] if k < len(starts) else len(self.doc))

    def token_end(self, i: int) -> int:
        """The character offset just past token ``i`` (its trailing whitespace excluded)."""
        return self.token_starts[i] + len(self.doc[i])

    def token_range(self, start: int, end: int) -> range | None:
        """The tokens ``doc.char_span(start, end, alignment_mode="expand")`` holds, found by bisection.

        Same rules as spaCy: a character belongs to the token it is in or to the whitespace after;
        a span starting on that trailing whitespace starts at the next token.
        """
        size, starts = len(self.text), self.token_starts
        if not (0 <= start < size and 0 <= end - 1 < size):
            return None  # tokens tile the text: every character in it is in (or after) one token
        first = bisect.bisect_right(starts, start) - 1
        last = bisect.bisect_right(starts, end - 1) - 1
        if start != starts[first] and start == starts[first] + len(self.doc[first]):
            first += 1  # starts on the first token's trailing whitespace
        return range(first, last + 1)

    def paragraph_index(self, char: int) -> int | None:
        """The index of the paragraph holding ``char`` (paragraphs are sorted and disjoint)."""
        i = bisect.bisect_right(self._para_starts, char) - 1
        if i >= 0 and char < self.paragraphs[i][1]:
            return i
        return None

    def paragraph_of(self, char: int) -> tuple[int, int]:
        """The paragraph holding ``char``."""
        i = self.paragraph_index(char)
        return self.paragraphs[i] if i is not None else (0, len(self.text))

    def cues_between(self, start: int, end: int) -> list[int]:
        """The cue indices from token ``start`` up to (not including) token ``end``."""
        return self.cues[bisect.bisect_left(self.cues, start) : bisect.bisect_left(self.cues, end)]

    def line_break_in(self, start: int, end: int) -> bool:
        """Whether the text of tokens ``start``-``end`` holds a line break (as ``doc[start:end].text``)."""
        hi = self.token_starts[end] if end < len(self.token_starts) else len(self.text)
        return self.text.find("\n", self.token_starts[start], hi) >= 0

    def text_outside_quotes(self, lo: int, hi: int, tokens: range) -> str:
        """``text[lo:hi]`` with the quoted ones among ``tokens`` that start in it blanked out.

        A token is blanked up to the next token's start: what lies between is its trailing
        whitespace, a single space, so blanking it too changes nothing.
        """
        starts, size = self.token_starts, len(self.token_starts)
        chars = list(self.text[lo:hi])
        for i in tokens:
            start = starts[i]
            if self.quoted[i] and lo <= start < hi:
                end = min(hi, starts[i + 1] if i + 1 < size else len(self.text))
                chars[start - lo : end - lo] = " " * (end - start)
        return "".join(chars)

    def frame(self, region: Region) -> Frame | None:
        """The cue, subject and kind of ``region``, or None when its sentence has no cue."""
        cues = [c for c in self._window_cues(region) if not reports_other(self, c, region)]
        if not cues:
            return None
        root = self.quote_root(region)
        cue = min(cues, key=lambda c: (not _governs(c, root), _distance(c, region)))
        subject = self.unquoted_subject(subject_of(cue), cue, region)
        clause = self._mixed_clause(cue, region)
        if clause is not None:
            trailing = trailing_frame(self, cues, region)
            if trailing is not None:
                return Frame(region, trailing[0], trailing[1], "direct", None, "frame")
            if not quote_leads(self, clause, region):
                return Frame(region, cue, subject, "mixed", clause, "reported-clause")
        rule = "colon" if self._colon_before(region) else "frame"
        return Frame(region, cue, subject, "direct", None, rule)

    def unquoted_subject(self, subject: Token | None, cue: Token, region: Region) -> Token | None:
        """The cue's subject, unless the parser took it from inside a quote (see :mod:`frame_subjects`)."""
        return unquoted_subject(self, subject, cue, region)

    def _window_cues(self, region: Region) -> list[Token]:
        """Unquoted cues in the sentences around the quote, kept inside its paragraph(s)."""
        lo = self.paragraph_of(region.outer_start)[0]
        hi = self.paragraph_of(max(region.outer_start, region.outer_end - 1))[1]
        tokens = self.token_range(region.outer_start, region.outer_end)
        if tokens is None:
            return []
        start, end = self.sentence(tokens[0])[0], self.sentence(tokens[-1])[1]
        start = self._with_colon_sentence(start)
        end = with_trailing_frame(self, end, region)
        starts, quoted = self.token_starts, self.quoted
        return [self.doc[i] for i in self.cues_between(start, end) if lo <= starts[i] < hi and not quoted[i]]

    def _with_colon_sentence(self, start: int) -> int:
        """Include the previous sentence when it ends in a colon ('Asif wrote on X:')."""
        if start > 0 and self.doc[start - 1].text == ":":
            return self.sentence(start - 1)[0]
        return start

    def first_token_from(self, char: int) -> int | None:
        """The first token that starts at or after character ``char`` (by bisection).

        Before issue 17 this took ``char`` itself as a token index too, so the trailing
        "he said." sentence was almost never looked at.
        """
        i = bisect.bisect_left(self.token_starts, char)
        return i if i < len(self.token_starts) else None

    def quote_root(self, region: Region) -> Token | None:
        """The syntactic root of the quote's content."""
        span = self.doc.char_span(region.start, region.end, alignment_mode="expand")
        return span.root if span is not None else None

    def _mixed_clause(self, cue: Token, region: Region) -> tuple[int, int] | None:
        """Char range of the cue's reported clause when it holds the quote plus unquoted words."""
        found = reported_clause(cue)
        if found is None:
            return None
        start, end = self._within_paragraphs(found, region)
        if start >= end:
            return None
        clause = self.doc[start:end]
        if not (clause.start_char <= region.start and region.end <= clause.end_char + 2):
            return None
        if not any(not self.quoted[i] and is_word(self.doc[i]) for i in range(start, end)):
            return None
        end_char = self._before_next_sentence_quote(clause, region)
        if end_char is not None:
            return clause.start_char, end_char
        return clause.start_char, max([clause.end_char, *self._region_ends_within(clause)])

    def _before_next_sentence_quote(self, clause: Span, region: Region) -> int | None:
        """Where the clause ends when a later quote in it opens with a capital (a whole quoted sentence).

        'Mitt Romney “had a crazy policy,” adding, “He lost all of the Latino vote”': the parse
        hangs the second quote inside the first one's clause, but it is a direct quote of its own.
        """
        lo = bisect.bisect_right(self._region_starts, region.start)
        hi = bisect.bisect_left(self._region_starts, clause.end_char)
        for start in self._region_starts[lo:hi]:
            if self.text[start : start + 1].isupper():
                cut = self.text.rfind(" ", clause.start_char, start)
                while (
                    cut > region.end
                    and not self.text[cut - 1].isalnum()
                    and self.text[cut - 1] not in "”\"’'"
                ):
                    cut -= 1
                return max(cut, region.end + 1) if cut > clause.start_char else None
        return None

    def _within_paragraphs(self, tokens: tuple[int, int], region: Region) -> tuple[int, int]:
        """A token range cut to the quote's paragraph(s): the parse runs sentences across line breaks."""
        lo = self.paragraph_of(region.outer_start)[0]
        hi = self.paragraph_of(max(region.outer_start, region.outer_end - 1))[1]
        start, end = tokens
        while start < end and self.token_starts[start] < lo:
            start += 1
        while end > start and self.token_starts[end - 1] >= hi:
            end -= 1
        while start < end and not is_word(self.doc[start]) and not self.quoted[start]:
            start += 1
        return start, end

    def _region_ends_within(self, clause: Span) -> list[int]:
        """Outer ends of the regions whose content starts inside ``clause``."""
        lo = bisect.bisect_left(self._region_starts, clause.start_char)
        hi = bisect.bisect_left(self._region_starts, clause.end_char)
        return self._region_ends[lo:hi]

    def _colon_before(self, region: Region) -> bool:
        before = self.text[max(0, region.outer_start - 3) : region.outer_start]
        return ":" in before


def _sentence_starts(doc: Doc) -> list[int] | None:
    """The tokens that start a sentence, or None when ``Token.sent`` must be asked (hooks, no parse)."""
    hooks = ("sent" in doc.user_token_hooks, "sent" in doc.user_span_hooks, "sents" in doc.user_hooks)
    if any(hooks) or not doc.has_annotation("SENT_START"):
        return None
    return tokens_equal(doc, "SENT_START", 1)


def _governs(cue: Token, root: Token | None) -> bool:
    """Whether the quote's root hangs (directly or not) from the cue."""
    node = root
    for _ in range(6):
        if node is None or node.head.i == node.i:
            return False
        node = node.head
        if node.i == cue.i:
            return True
    return False


def _distance(cue: Token, region: Region) -> int:
    if cue.idx >= region.outer_end:
        return cue.idx - region.outer_end
    return max(0, region.outer_start - cue.idx)
