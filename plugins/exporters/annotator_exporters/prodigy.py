"""Prodigy: JSONL tasks with our own tokens, spans by token index, relations and metadata.

Tokens are shipped (rather than left to Prodigy's tokenizer) and split at every span boundary,
so no span is skipped as "mismatched tokenization". ``token_end`` is inclusive, and a relation's
``head``/``child`` are the token index of each span's last token, as Prodigy's own output has it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from annotator import Document
from annotator.exporting import (
    Exporter,
    ExporterOptions,
    LabelNames,
    LayerSpan,
    Relation,
    attributes,
    document_metadata,
    layer_spans,
    relations,
)
from annotator_exporters.tokens import Token, aligned_tokens


class ProdigyOptions(ExporterOptions):
    """Options of the Prodigy exporter."""

    lang: str = "en"


class ProdigyExporter(Exporter):
    """Prodigy ``spans_manual`` / ``rel.manual`` tasks, one JSON line per document."""

    name = "prodigy"
    description = "Prodigy JSONL (text, tokens with ws, spans with token indices, relations, meta)."
    Options = ProdigyOptions

    def export(self, documents: Sequence[Document], out: Path, options: ExporterOptions) -> list[Path]:
        """Write one task per document."""
        assert isinstance(options, ProdigyOptions)
        names = LabelNames(documents)
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf-8", newline="\n") as stream:
            for doc in documents:
                stream.write(json.dumps(prodigy_task(doc, names, options.lang), ensure_ascii=False) + "\n")
        return [out]


def prodigy_task(document: Document, names: LabelNames, lang: str = "en") -> dict[str, Any]:
    """One task: text, tokens, spans, relations and meta."""
    tokens = aligned_tokens(document, lang)
    by_start = {t.start: i for i, t in enumerate(tokens)}
    by_end = {t.end: i for i, t in enumerate(tokens)}
    spans = {i.span.id: _span(i, names, by_start, by_end) for i in layer_spans(document)}
    return {
        "text": document.text,
        "tokens": [_token(document.text, t, i) for i, t in enumerate(tokens)],
        "spans": list(spans.values()),
        "relations": [_relation(r, spans) for r in relations(document)],
        "meta": _meta(document),
    }


def _meta(document: Document) -> dict[str, Any]:
    """Document metadata; nested values as JSON text, because Prodigy shows meta values as they are."""
    items = document_metadata(document).items()
    return {k: v if isinstance(v, (str, int, float)) else json.dumps(v, ensure_ascii=False) for k, v in items}


def _token(text: str, token: Token, index: int) -> dict[str, Any]:
    return {
        "text": text[token.start : token.end],
        "start": token.start,
        "end": token.end,
        "id": index,
        "ws": token.ws,
    }


def _span(
    item: LayerSpan, names: LabelNames, by_start: dict[int, int], by_end: dict[int, int]
) -> dict[str, Any]:
    span = item.span
    out: dict[str, Any] = {
        "start": span.start,
        "end": span.end,
        "token_start": by_start[span.start],
        "token_end": by_end[span.end],
        "label": names(item.layer, span.label),
        "text": span.text,
        "id": span.id,
        "layer": item.layer,
    }
    if span.confidence is not None:
        out["score"] = span.confidence
    attrs = attributes(span)
    if attrs:
        out["attributes"] = attrs
    return out


def _relation(relation: Relation, spans: dict[str, dict[str, Any]]) -> dict[str, Any]:
    head, child = spans[relation.source.span.id], spans[relation.target.span.id]
    keys = ("start", "end", "token_start", "token_end", "label", "id")  # id: spans can share offsets
    return {
        "head": head["token_end"],
        "child": child["token_end"],
        "label": relation.label,
        "head_span": {k: head[k] for k in keys},
        "child_span": {k: child[k] for k in keys},
    }
