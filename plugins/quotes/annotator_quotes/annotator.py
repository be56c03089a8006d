"""The quotes annotator: quoted regions and reported clauses, attributed to speakers in order."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from spacy.tokens import Doc

from annotator import Annotator, Document
from annotator.intervals import IntervalIndex
from annotator_quotes.builder import SpanBuilder
from annotator_quotes.frames import FrameFinder
from annotator_quotes.indirect import find_indirect
from annotator_quotes.items import (
    Item,
    from_frame,
    from_post,
    from_reported,
    short_fragment,
    split_opening,
    titled,
    unframed,
    work_title,
)
from annotator_quotes.marks import Region, find_regions, paragraphs
from annotator_quotes.model import QuotesOptions, QuoteSpan
from annotator_quotes.naming import naming_frame
from annotator_quotes.openframes import named_after_dash, open_frame
from annotator_quotes.openings import adjacent_cue, opens_as_speech
from annotator_quotes.posts import find_posts
from annotator_quotes.scoring import QuotesScorer
from annotator_quotes.speakers import SpeakerResolver


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
        builder = SpanBuilder(text, parsed, resolver, finder)
        spans = builder.settle(items, [builder.span(item) for item in items])
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
            frame = finder.frame(region) or naming_frame(finder, region)
            if frame is not None:
                frame = named_after_dash(finder, region, frame)
            limit = self.options.scare_max_words  # type: ignore[attr-defined]
            if frame is None:
                frame = adjacent_cue(finder, region)
            short = short_fragment(text[region.start : region.end], limit)
            if frame is None and (not short or opens_as_speech(text, region)):
                frame = open_frame(finder, region)
            if (
                (frame is None or frame.kind == "direct")
                and work_title(text, region)
                and not split_opening(text, region, frame)
            ):
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
