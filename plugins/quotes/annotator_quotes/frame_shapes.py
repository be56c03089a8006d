"""How a quote stands in its sentence: closed by a comma or stop, apart from the writer's clause,
leading a reported clause, or followed at once by its own frame.

Split from :mod:`frames`; these read the text around a quote's marks and the parse, through the
indexes a :class:`frames.FrameFinder` built once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from annotator_quotes.cues import subject_of
from annotator_quotes.frame_subjects import TRAILING_SUBJECT_MAX, inverted_after, is_word
from annotator_quotes.marks import Region

if TYPE_CHECKING:
    from annotator_quotes.frames import FrameFinder

NEXT_FRAME_MAX = 8  # tokens in a trailing "he told reporters on Tuesday." sentence
EARLY_CUE = 4  # a cue this near the start of the next sentence attributes the quote before it


def trailing_frame(finder: FrameFinder, cues: list[Token], region: Region) -> tuple[Token, Token] | None:
    """A '“...,” Mr. Pike said' frame right after the quote: the quote is direct, whatever the parse.

    The parser may hang a quote that ends in a comma (or "?", "!") inside the reported clause
    of another cue ("Mr. Biden suggested Mr. Trump ... - ''He would have loved Stalin,'' Mr.
    Biden said twice -") or take the quote and its own frame for one clause. A quote closed
    by a comma and followed at once by a subject and its cue (or a cue and its subject) is
    the classic direct quote all the same: that frame attributes it.
    """
    if not closed_by(finder, region, ",?!") or not stands_apart(finder, region):
        return None
    first = finder.first_token_from(region.outer_end)
    while first is not None and first < len(finder.doc) and not is_word(finder.doc[first]):
        first += 1
    if first is None or first >= len(finder.doc):
        return None
    cue = next((c for c in cues if c.i >= first), None)
    if cue is None or cue.i - first > TRAILING_SUBJECT_MAX:
        return None
    if any(finder.quoted[i] for i in range(first, cue.i + 1)) or finder.line_break_in(first, cue.i + 1):
        return None
    if cue.i == first:
        subject = inverted_after(finder, cue, region)
    else:
        subject = subject_of(cue)
        if subject is None or subject.left_edge.i != first or subject.i > cue.i:
            return None
    return (cue, subject) if subject is not None and not finder.quoted[subject.i] else None


def quote_leads(finder: FrameFinder, clause: tuple[int, int], region: Region) -> bool:
    """Whether the clause opens with a quoted sentence ('said, “We’ll see,” when asked ...').

    The words after such a quote ("when asked", "and vowing to compete") belong to the
    frame, not to what was said: the quote is direct.
    """
    if region.open_at is None or not finder.text[region.start : region.start + 1].isupper():
        return False
    if not closed_by(finder, region, ",.?!"):
        return False  # '“We’re alive” at the convention': the words go on the quote's own clause
    tokens = finder.token_range(clause[0], region.outer_start)
    return tokens is None or not any(
        is_word(finder.doc[i]) and finder.token_starts[i] < region.outer_start for i in tokens
    )


def closed_by(finder: FrameFinder, region: Region, marks: str) -> bool:
    """Whether the quote ends in one of ``marks`` (the content leaves out a comma before the mark)."""
    end = region.end
    while end > region.start and finder.text[end - 1] in "’'":
        end -= 1  # a nested quote closed first: 'products you called ‘miracles,’”'
    tail = finder.text[max(region.start, end - 1) : region.outer_end + 1]
    return region.close_at is not None and any(p in tail for p in marks)


def stands_apart(finder: FrameFinder, region: Region) -> bool:
    """A quote opening with a capital, or after a comma, colon or dash: not a fragment of a clause.

    'placed a note card in a “burn bag,” she said' quotes two words of the reporter's
    clause (a mixed quote); '... pronouncements, “I kind of write them off,” said Mr. Pike'
    quotes a sentence of its own.
    """
    if finder.text[region.start : region.start + 1].isupper():
        return True
    # The first character of a doubled opening mark ('' or two backticks) stands before it.
    before = finder.text[max(0, region.outer_start - 5) : region.outer_start].rstrip()
    if finder.text[region.outer_start - 1 : region.outer_start + 1] in ("''", "``"):
        before = before[:-1].rstrip()
    return not before or before[-1] in ",:;—–-(\n"


def with_trailing_frame(finder: FrameFinder, end: int, region: Region) -> int:
    """Include the attributing start of the next sentence ('“...?” Trump said.', 'he said, adding ...').

    The parser ends a sentence at the "?" or "!" inside a quote, so the frame is then the next
    sentence: its words before any further quote, when they hold a cue near their start (a
    subject and its verb) or are a short sentence that starts in lower case or with a pronoun.
    """
    after = finder.first_token_from(region.outer_end)
    if end >= len(finder.doc) or after is None:
        return end
    if any(is_word(t) for t in finder.doc[after:end]):
        return end
    nxt_start, nxt_end = finder.sentence(end)
    stop = next((i for i in range(nxt_start, nxt_end) if finder.quoted[i]), nxt_end)
    cues = finder.cues_between(nxt_start, stop)
    if not cues:
        return end
    first = finder.doc[nxt_start]
    opener = first.is_lower or first.lower_ in {"he", "she", "they"}
    short = stop - nxt_start <= NEXT_FRAME_MAX and opener
    return (
        stop
        if short or cues[0] - nxt_start <= EARLY_CUE or _opens_with_subject(finder, cues[0], nxt_start)
        else end
    )


def _opens_with_subject(finder: FrameFinder, cue: int, start: int) -> bool:
    """Whether the sentence starting at ``start`` opens with the cue's subject phrase.

    '"Perpetual motion!" Rep. Glenn Thompson, R-Pa., said of ...': the subject is long, but
    the sentence is its attribution all the same.
    """
    subject = subject_of(finder.doc[cue])
    return subject is not None and subject.left_edge.i == start and subject.i < cue
