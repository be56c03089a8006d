"""The quotes annotator: quoted regions and reported clauses, attributed to speakers in order."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from spacy.tokens import Doc

from annotator import Annotator, Document
from annotator.intervals import IntervalIndex
from annotator_quotes.cues import addressee_in, addressee_of, channel_in, cue_of
from annotator_quotes.frames import FrameFinder
from annotator_quotes.indirect import find_indirect
from annotator_quotes.items import (
    Item,
    from_frame,
    from_post,
    from_reported,
    short_fragment,
    title_like,
    titled,
    unframed,
)
from annotator_quotes.marks import Region, find_regions, paragraphs
from annotator_quotes.model import QuotesOptions, QuoteSpan
from annotator_quotes.openframes import open_frame
from annotator_quotes.posts import find_posts
from annotator_quotes.scoring import QuotesScorer
from annotator_quotes.speakers import Speaker, SpeakerResolver


class QuotesAnnotator(Annotator):
    """Direct, indirect, mixed, floating and scare quotes with speaker, cue, channel and addressee."""

    name = "quotes"
    version = "0.1.0"
    span_model = QuoteSpan
    requires = ("entities",)
    needs = ("parser", "ner")
    Options = QuotesOptions

    @classmethod
    def scorer(cls) -> QuotesScorer:
        """Spans per kind, kind accuracy and speaker figures (see annotator_quotes.scoring)."""
        return QuotesScorer()

    def annotate(self, document: Document, parsed: Doc) -> Iterable[QuoteSpan]:
        """Find the quote candidates, then resolve speakers in document order."""
        text = document.text
        paras = paragraphs(text)
        blocks = _skipped_blocks(document, self._skip())
        regions = [r for r in find_regions(text) if not blocks.contains(r.start, r.end)]
        finder = FrameFinder(parsed, text, regions, paras)
        items = self._region_items(text, regions, finder)
        items += self._post_items(text, paras, items)
        resolver = SpeakerResolver(text, list(document.layer("entities")), parsed)
        if self.options.indirect:  # type: ignore[attr-defined]
            items += self._indirect_items(parsed, finder, resolver, items)
        items.sort(key=lambda it: (it.start, it.end))
        builder = _Builder(text, parsed, resolver, finder)
        spans = [builder.span(item) for item in items]
        for i, span in enumerate(spans):
            span.id = self.span_id(i)
        return spans

    def _skip(self) -> set[str]:
        return {s.upper() for s in self.options.skip_blocks}  # type: ignore[attr-defined]

    def _region_items(self, text: str, regions: list[Region], finder: FrameFinder) -> list[Item]:
        items: list[Item] = []
        mixed = IntervalIndex()
        for region in regions:
            if mixed.covers(region.start):
                continue  # a further fragment inside a mixed quote already taken
            frame = finder.frame(region)
            limit = self.options.scare_max_words  # type: ignore[attr-defined]
            if frame is None and not short_fragment(text[region.start : region.end], limit):
                frame = open_frame(finder, region)
            if frame is not None and frame.kind == "direct" and title_like(text[region.start : region.end]):
                items.append(titled(region))
            else:
                items.append(from_frame(frame) if frame is not None else unframed(text, region, limit))
            if items[-1].kind == "mixed":
                mixed.add(items[-1].start, items[-1].end)
        return items

    def _post_items(self, text: str, paras: list[tuple[int, int]], items: list[Item]) -> list[Item]:
        taken = _index(items)
        return [from_post(p) for p in find_posts(text, paras) if not taken.overlaps(p.start, p.end)]

    def _indirect_items(
        self, parsed: Doc, finder: FrameFinder, resolver: SpeakerResolver, items: list[Item]
    ) -> list[Item]:
        named = _tokens_in_entities(finder, resolver.entities)
        found = [from_reported(r) for r in find_indirect(finder, named)]
        taken = _index(items)
        found = [it for it in found if not taken.overlaps(it.start, it.end)]
        return _outermost(found)


def _tokens_in_entities(finder: FrameFinder, entities: list[Any]) -> set[int]:
    """Start offsets of the tokens that share a character with an entity mention.

    Built from the few mentions rather than by asking about every token of the document.
    """
    found: set[int] = set()
    for entity in entities:
        tokens = finder.token_range(entity.start, entity.end)
        if tokens:
            found.update(finder.token_starts[tokens.start : tokens.stop])
    return found


def _index(items: list[Item]) -> IntervalIndex:
    return IntervalIndex((it.start, it.end) for it in items)


def _outermost(found: list[Item]) -> list[Item]:
    """The items not reported within another one (keep the outer report only), in their order.

    An item is inside another when one starts no later and ends no earlier; two items with the
    same range are inside each other. Sorting by (start, longest first) makes this one pass.
    """
    ranges = Counter((it.start, it.end) for it in found)
    inner: set[int] = set()
    reach: int | None = None
    for it in sorted(found, key=lambda it: (it.start, -it.end)):
        if ranges[(it.start, it.end)] > 1 or (reach is not None and reach >= it.end):
            inner.add(id(it))
        reach = it.end if reach is None else max(reach, it.end)
    return [it for it in found if id(it) not in inner]


def _skipped_blocks(document: Document, skip: set[str]) -> IntervalIndex:
    """Heading, byline, caption and furniture blocks (when blocks ran): no quotes are looked for there."""
    return IntervalIndex((b.start, b.end) for b in document.layer("blocks") if b.label.upper() in skip)


class _Builder:
    """Resolves each item's speaker (in document order) and builds its span."""

    def __init__(self, text: str, doc: Doc, resolver: SpeakerResolver, finder: FrameFinder) -> None:
        self.text = text
        self.doc = doc
        self.resolver = resolver
        self.finder = finder
        self.last: tuple[Item, Speaker, str | None] | None = None

    def span(self, item: Item) -> QuoteSpan:
        speaker, channel, addressee = self._attribution(item)
        if speaker is not None:
            self.resolver.remember(item.start, speaker)
            if item.kind != "scare":
                self.last = (item, speaker, channel)
        return QuoteSpan(
            id="",
            start=item.start,
            end=item.end,
            text=self.text[item.start : item.end],
            kind=item.kind,  # type: ignore[arg-type]
            confidence=item.confidence,
            rule=item.rule,
            cue=cue_of(item.cue) if item.cue is not None else None,
            channel=channel,
            addressee=addressee,
            paragraphs=item.paragraphs,
            **_speaker_fields(speaker),
        )

    def _attribution(self, item: Item) -> tuple[Speaker | None, str | None, str | None]:
        if item.post is not None:
            post = item.post
            return self.resolver.from_name(post.name, post.name_start, post.name_end), "X", None
        if item.kind == "scare":
            return None, None, None
        if item.kind == "floating":
            return self._floating(item)
        speaker = self.resolver.from_subject(item.subject) if item.subject is not None else None
        frame = self._frame_text(item)
        addressee = (addressee_of(item.cue) if item.cue is not None else None) or addressee_in(frame)
        return speaker, channel_in(frame, addressee), addressee

    def _floating(self, item: Item) -> tuple[Speaker | None, str | None, str | None]:
        """Borrow the speaker of the previous quote in this or the previous paragraph."""
        if self.last is not None and self.last[0].end <= item.start:
            lo = self._previous_paragraph_start(item.start)
            prev_item, speaker, channel = self.last
            if prev_item.start >= lo:
                return speaker.weaker(0.9), channel, None
        return None, None, None

    def _previous_paragraph_start(self, at: int) -> int:
        paras = self.finder.paragraphs
        idx = self.finder.paragraph_index(at) or 0
        return paras[max(0, idx - 1)][0]

    def _frame_text(self, item: Item) -> str:
        """The cue's sentence with the quoted stretches blanked out (so 'on X' inside a quote is ignored)."""
        if item.cue is None:
            return ""
        start, end = self.finder.sentence(item.cue.i)
        lo, hi = self.finder.paragraph_of(item.cue.idx)
        lo, hi = max(lo, self.finder.token_starts[start]), min(hi, self.finder.token_end(end - 1))
        return self.finder.text_outside_quotes(lo, hi, range(start, end))


def _speaker_fields(speaker: Speaker | None) -> dict[str, Any]:
    if speaker is None:
        return {}
    ent = speaker.entity
    return {
        "speaker": ent.id if ent is not None else None,
        "speaker_canonical": ent.canonical if ent is not None else None,
        "speaker_text": speaker.text,
        "speaker_description": speaker.description if ent is None else None,
        "speaker_confidence": speaker.confidence,
    }
