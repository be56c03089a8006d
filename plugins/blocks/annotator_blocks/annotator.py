"""The blocks annotator: mark lines (or parts of lines) that are not running prose."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from annotator import Annotator, AnnotatorOptions, Document
from annotator_blocks.model import BLOCK_LABELS, BlockSpan
from annotator_blocks.rules import LINE_RULES, Hit, credit_tail


class BlocksOptions(AnnotatorOptions):
    """Options of the blocks annotator."""

    labels: list[str] = list(BLOCK_LABELS)
    max_heading_words: int = 16


class BlocksAnnotator(Annotator):
    """Headings, captions, bylines, datelines and site furniture, one span per recognised line part."""

    name = "blocks"
    version = "0.1.0"
    span_model = BlockSpan
    needs = ()
    Options = BlocksOptions

    def annotate(self, document: Document, parsed: Doc) -> Iterable[BlockSpan]:
        """Classify every non-empty line with the first rule that recognises it."""
        opts: BlocksOptions = self.options  # type: ignore[assignment]
        spans: list[BlockSpan] = []
        for number, offset, line, first in _lines(document.text):
            hit = classify(line, 0 if first else 1, opts.max_heading_words)
            if hit is None or hit.label not in opts.labels:
                continue
            start, end = offset + hit.start, offset + hit.end
            spans.append(
                BlockSpan(
                    id=self.span_id(len(spans)),
                    start=start,
                    end=end,
                    text=document.text[start:end],
                    label=hit.label,  # type: ignore[arg-type]
                    rule=hit.rule,
                    confidence=hit.confidence,
                    line=number,
                )
            )
        return spans


def classify(line: str, index: int, max_words: int) -> Hit | None:
    """The first whole-line rule that fits, else an 'Image: …' credit at the end of the line."""
    for rule in LINE_RULES:
        hit = rule(line, index, max_words)
        if hit is not None:
            return hit
    return credit_tail(line)


def _lines(text: str) -> Iterator[tuple[int, int, str, bool]]:
    """(1-based line number, offset of the stripped line, stripped line, is first non-empty line)."""
    offset, first = 0, True
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip()
        if stripped:
            yield number, offset + raw.index(stripped[0]), stripped, first
            first = False
        offset += len(raw) + 1


def covering(blocks: Iterable[BlockSpan], start: int, end: int) -> BlockSpan | None:
    """The block that contains ``start``–``end``, if any (for annotators that skip blocks)."""
    for block in blocks:
        if block.start <= start and end <= block.end:
            return block
    return None
