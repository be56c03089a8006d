"""Pair quotation marks into quoted regions, one paragraph at a time.

Straight marks are told apart by what surrounds them; apostrophes inside words are not marks.
A double quote left open at a paragraph end continues only when the next paragraph opens with a
mark (the news convention for multi-paragraph quotes); otherwise it is closed at the paragraph end,
and a closing mark with no opener is taken to open at the paragraph start. So a stray mark never
makes a quote run across the document.

Two apostrophes (``''``) or two backticks are one double mark: the New York Times prints its
quotes that way, and so does Penn Treebank-style text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN = {"“": "double", "„": "double", "«": "guillemet", "‘": "single", "‹": "sguillemet"}
CLOSE = {"”": "double", "»": "guillemet", "’": "single", "›": "sguillemet"}
STRAIGHT = {'"': "double", "'": "single"}
BEFORE_OPEN = set("([{—–-/:")
AFTER_CLOSE = set(".,;:!?)]}—–-…")
PARAGRAPH = re.compile(r"[^\n]+")
DOUBLE_FAMILIES = ("double", "guillemet")
DOUBLED = re.compile(r"''|``")
# What follows an apostrophe that leaves letters or digits out: a decade or year ('80s, ‘08) or an
# elided word ('t, 'n', 'em, 'cause); a single quote opening there would swallow the next quote.
ELIDED = re.compile(r"(?:\d\d(?:s\b|(?!\w))|(?:t|n|em|cause|til|bout|tis)\b(?!['’]\w))")
# Any character that may be a quotation mark: found by the regex engine rather than char by char.
MARK_CHAR = re.compile("[" + re.escape("".join([*OPEN, *CLOSE, *STRAIGHT])) + "]")


@dataclass(frozen=True)
class Region:
    """A quoted stretch: content offsets (marks excluded) and the marks that delimit it."""

    start: int
    end: int
    open_at: int | None
    close_at: int | None
    rule: str
    paragraphs: int = 1

    @property
    def outer_start(self) -> int:
        """Offset of the opening mark, or of the content when the opener was recovered."""
        return self.open_at if self.open_at is not None else self.start

    @property
    def outer_end(self) -> int:
        """Offset just past the closing mark, or the content end when the closer was recovered."""
        return self.close_at + 1 if self.close_at is not None else self.end


@dataclass(frozen=True)
class Mark:
    """One quotation mark with its family and role."""

    at: int
    family: str
    role: str  # "open", "close" or "either"


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-empty line; a line is a paragraph in plain-text news."""
    return [(m.start(), m.end()) for m in PARAGRAPH.finditer(text) if m.group().strip()]


def classify(text: str, i: int, lo: int, hi: int) -> Mark | None:
    """The role of the character at ``i`` as a quotation mark, or None (apostrophe, not a mark)."""
    ch = text[i]
    left = text[i - 1] if i > lo else " "
    right = text[i + 1] if i + 1 < hi else " "
    if left.isalnum() and right.isalnum() and ch in "'’":
        return None
    if ch in "'‘’" and ELIDED.match(text, i + 1, hi):
        return None  # "the '80s", "in 't Veld", "rock 'n' roll": an apostrophe, no opening mark
    if ch in OPEN:
        return Mark(i, OPEN[ch], "open")
    if ch in CLOSE:
        if ch == "’" and not _closes(left, right):
            return None
        return Mark(i, CLOSE[ch], "close")
    if ch in STRAIGHT:
        opens = (left.isspace() or left in BEFORE_OPEN) and not right.isspace()
        closes = _closes(left, right)
        if opens and closes:
            return Mark(i, STRAIGHT[ch], "either")
        if opens or closes:
            return Mark(i, STRAIGHT[ch], "open" if opens else "close")
        if ch == '"' and _after_stop(text, i, lo):
            return Mark(i, "double", "close")  # 'coalitions, " said' / NYT 'coalitions, '' said'
    return None


def _after_stop(text: str, i: int, lo: int) -> bool:
    """Whether a free-standing straight double mark follows a comma or stop across a space.

    The stop may itself be closed by a nested single quote: 'treat it like, \'Oh, this is
    important,\' " Magel said' (the space keeps the two closing marks apart).
    """
    j = i - 1
    while j >= lo and text[j] == " ":
        j -= 1
    if j < lo or j == i - 1:
        return False
    if text[j] in "'’" and j > lo:
        j -= 1
    return text[j] in ",.?!;"


def _closes(left: str, right: str) -> bool:
    return not left.isspace() and (right.isspace() or right in AFTER_CLOSE or right in "”’\"'")


def marks_in(text: str, lo: int, hi: int) -> list[Mark]:
    """Every quotation mark between ``lo`` and ``hi``."""
    found = (classify(text, m.start(), lo, hi) for m in MARK_CHAR.finditer(text, lo, hi))
    return [m for m in found if m is not None]


def find_regions(text: str) -> list[Region]:
    """Top-level quoted regions of the whole text, in order."""
    text = _single_width_doubles(text)
    regions: list[Region] = []
    carry: tuple[int, int, int] | None = None  # (open_at, content start, paragraphs so far)
    paras = paragraphs(text)
    for n, (lo, hi) in enumerate(paras):
        found, left_open = _pair_paragraph(text, lo, hi, carry)
        regions.extend(found)
        carry = None
        if left_open is not None:
            nxt = paras[n + 1] if n + 1 < len(paras) else None
            if nxt is not None and _opens_paragraph(text, *nxt):
                carry = (left_open[0], left_open[1], left_open[2] + 1)
            else:
                regions.append(_recover_close(text, left_open, hi))
    return [r for r in regions if _has_words(text, r)]


def _single_width_doubles(text: str) -> str:
    """``''`` and two backticks as one straight double mark plus a space, offsets unchanged.

    The mark takes the pair's inner position when it opens (the next character is not a space)
    and its outer one when it closes, so the content excludes both characters and the space
    reads as what stands outside a quote.
    """
    if "''" not in text and "``" not in text:
        return text
    chars = list(text)
    for m in DOUBLED.finditer(text):
        i = m.start()
        after = text[i + 2] if i + 2 < len(text) else " "
        opens = not after.isspace() and after not in AFTER_CLOSE
        chars[i], chars[i + 1] = (" ", '"') if opens else ('"', " ")
    return "".join(chars)


def _pair_paragraph(
    text: str, lo: int, hi: int, carry: tuple[int, int, int] | None
) -> tuple[list[Region], tuple[int, int, int] | None]:
    """Pair the marks of one paragraph; return regions and a top-level double quote left open."""
    stack: list[Mark] = []
    regions: list[Region] = []
    marks = marks_in(text, lo, hi)
    if carry is not None and marks and marks[0].role != "close" and marks[0].family in DOUBLE_FAMILIES:
        marks = marks[1:]  # the continuation mark that reopens a carried quote
        stack.append(Mark(carry[0], "double", "open"))
    last_end = lo
    for mark in marks:
        region = _step(text, stack, mark, lo, last_end, carry)
        if region is not None:
            regions.append(region)
            last_end = region.outer_end
            carry = None
    bottom = next((m for m in stack if m.family in DOUBLE_FAMILIES), None)
    if bottom is None:
        return regions, None
    if carry is not None and bottom.at == carry[0]:
        return regions, carry
    return regions, (bottom.at, bottom.at + 1, 1)


def _step(
    text: str, stack: list[Mark], mark: Mark, lo: int, last_end: int, carry: tuple[int, int, int] | None
) -> Region | None:
    """Apply one mark to the stack; return a region when a top-level quote closes."""
    match = next((k for k in range(len(stack) - 1, -1, -1) if stack[k].family == mark.family), None)
    if mark.role == "open" or (mark.role == "either" and match is None):
        stack.append(mark)
        return None
    if match is None:
        if mark.family in DOUBLE_FAMILIES and not stack:
            return _recover_open(text, last_end, mark.at)
        return None
    opener = stack[match]
    del stack[match:]
    if stack:
        return None  # a nested quote: part of the outer one's content
    if carry is not None and opener.at == carry[0]:
        return _trimmed(text, carry[1], mark.at, carry[0], mark.at, "multi-paragraph", carry[2])
    return _trimmed(text, opener.at + 1, mark.at, opener.at, mark.at, "marks")


def _opens_paragraph(text: str, lo: int, hi: int) -> bool:
    first = marks_in(text, lo, min(hi, lo + 3))
    return bool(first) and first[0].at == lo and first[0].role != "close" and first[0].family != "single"


def _recover_open(text: str, lo: int, close_at: int) -> Region:
    return _trimmed(text, lo, close_at, None, close_at, "recovered-open")


def _recover_close(text: str, left_open: tuple[int, int, int], hi: int) -> Region:
    open_at, start, paras = left_open
    rule = "recovered-close" if paras == 1 else "multi-paragraph-unclosed"
    return _trimmed(text, start, hi, open_at, None, rule, paras)


def _trimmed(
    text: str, start: int, end: int, open_at: int | None, close_at: int | None, rule: str, paras: int = 1
) -> Region:
    """A region whose content is stripped of spaces and of a trailing comma."""
    while start < end and (text[start].isspace() or (open_at is None and text[start] in ",;")):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    paras = text.count("\n", start, end) + 1  # a carried quote whose first part was empty spans fewer
    if paras == 1 and rule.startswith("multi-paragraph"):
        rule = "marks" if close_at is not None else "recovered-close"
    return Region(start, end, open_at, close_at, rule, paras)


def _has_words(text: str, region: Region) -> bool:
    return region.end > region.start and any(ch.isalnum() for ch in text[region.start : region.end])
