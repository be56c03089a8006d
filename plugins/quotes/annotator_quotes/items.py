"""Quote candidates before speaker resolution, built from frames, posts and reported clauses."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

from annotator_quotes.frames import Frame
from annotator_quotes.indirect import Reported
from annotator_quotes.marks import Region
from annotator_quotes.posts import Post

SENTENCE_END = re.compile(r"[.!?…]")
REGION_CONFIDENCE = {
    "marks": 0.95,
    "multi-paragraph": 0.9,
    "multi-paragraph-unclosed": 0.6,
    "recovered-open": 0.7,
    "recovered-close": 0.6,
}


@dataclass
class Item:
    """One quote to emit: content range, kind, cue and subject; the speaker comes later."""

    start: int
    end: int
    kind: str
    rule: str
    confidence: float
    cue: Token | None = None
    subject: Token | None = None
    post: Post | None = None
    paragraphs: int = 1
    named: tuple[int, int] | None = None  # a credited name, resolved as a name, not as a subject


def from_frame(frame: Frame) -> Item:
    """A direct or mixed quote from its frame."""
    region = frame.region
    base = REGION_CONFIDENCE.get(region.rule, 0.7)
    if frame.kind == "mixed" and frame.clause is not None:
        start, end = frame.clause
        return Item(
            start,
            end,
            "mixed",
            f"{frame.rule}/{region.rule}",
            round(base * 0.9, 3),
            frame.cue,
            frame.subject,
            None,
            region.paragraphs,
        )
    return Item(
        region.start,
        region.end,
        "direct",
        f"{frame.rule}/{region.rule}",
        base,
        frame.cue,
        frame.subject,
        None,
        region.paragraphs,
        frame.named,
    )


TITLE_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
TITLE_SMALL = frozenset({"a", "an", "the", "of", "and", "or", "for", "in", "on", "to", "at", "with", "by"})
TITLE_MAX_WORDS = 6


def title_like(content: str) -> bool:
    """Whether quoted content reads as the title of a work or outlet ("Meet the Press").

    Two to six words without sentence punctuation, all starting with a capital (small
    function words aside), name something rather than report speech, even next to a cue; one
    word ("Enough,") is more often an exclamation than a title.
    """
    words = TITLE_WORD.findall(content)
    if len(words) < 2 or len(content.split()) > TITLE_MAX_WORDS or SENTENCE_END.search(content):
        return False
    if any(ch in content for ch in ",;:"):
        return False
    return words[0][0].isupper() and all(w[0].isupper() or w.lower() in TITLE_SMALL for w in words)


WORK_NOUNS = frozenset(
    """film movie show series sitcom book novel memoir album song single play musical program
    programme magazine newspaper column documentary podcast episode ad slogan titled entitled
    called named dubbed""".split()
)
WORK_WINDOW = 30  # characters before the opening mark searched for a work noun


def work_title(text: str, region: Region) -> bool:
    """Whether quoted content is a title: title-like, or one capitalised word named as a work.

    One capitalised word is more often an exclamation ("Enough,") than a title, unless the noun
    right before the mark names a work: "the film “Trainwreck”", "a show called “Veep”".
    """
    content = text[region.start : region.end]
    if title_like(content):
        return True
    words = TITLE_WORD.findall(content)
    if len(words) != 1 or len(content.split()) != 1 or not words[0][0].isupper():
        return False
    before = text[max(0, region.outer_start - WORK_WINDOW) : region.outer_start].lower().split()
    return bool(before) and before[-1].strip(",:'’s") in WORK_NOUNS


def split_opening(text: str, region: Region, frame: Frame | None) -> bool:
    """Whether a title-case quote opens a sentence, its frame after it: '“As President,” she said, “...'.

    The first half of a split quote ends in a comma inside the marks and is attributed by the
    words after them; a title named at a sentence start ("“Meet the Press” airs on Sunday")
    has no comma, and one inside a clause ("appeared on “Meet the Press,” he said") does not
    open the sentence.
    """
    if frame is None or frame.cue is None or frame.cue.idx < region.outer_end or region.close_at is None:
        return False
    if text[region.end : region.close_at].strip() != ",":
        return False
    before = text[: region.outer_start].rstrip(" ")
    return not before or before[-1] in "\n.?!:" or before.endswith(("”", '"', "''"))


def titled(region: Region) -> Item:
    """A title of a work or outlet: kind ``title``, no speaker (it names something, nobody says it)."""
    base = REGION_CONFIDENCE.get(region.rule, 0.7)
    return Item(region.start, region.end, "title", f"title/{region.rule}", round(base * 0.7, 3))


def short_fragment(content: str, scare_max_words: int) -> bool:
    """Whether unattributed content is a short fragment (a scare quote) rather than speech.

    A fragment opened in lower case keeps the sentence's full stop inside the closing mark
    (American style: the so-called “sin levy.”), so that stop does not make it a sentence.
    """
    if content[:1].islower():
        content = content.removesuffix(".")
    return len(content.split()) <= scare_max_words and not SENTENCE_END.search(content)


def unframed(text: str, region: Region, scare_max_words: int) -> Item:
    """A quote with no cue in its sentence: a scare quote when short, else a floating quote."""
    content = text[region.start : region.end]
    base = REGION_CONFIDENCE.get(region.rule, 0.7)
    if short_fragment(content, scare_max_words):
        end = region.end - 1 if content[:1].islower() and content.endswith(".") else region.end
        return Item(region.start, end, "scare", f"short-unattributed/{region.rule}", round(base * 0.7, 3))
    return Item(
        region.start,
        region.end,
        "floating",
        f"floating/{region.rule}",
        round(base * 0.85, 3),
        paragraphs=region.paragraphs,
    )


def from_post(post: Post) -> Item:
    """The text of an embedded post, attributed by its signature line."""
    return Item(post.start, post.end, "direct", "embedded-post", 0.85, post=post)


def from_reported(rep: Reported) -> Item:
    """An indirect quote."""
    return Item(rep.start, rep.end, "indirect", rep.rule, 0.75, rep.cue, rep.subject)
