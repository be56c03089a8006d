"""Prodigy: JSONL tasks with our own tokens, spans by token index, relations and metadata.

Tokens are shipped (rather than left to Prodigy's tokenizer) and split at every span boundary,
so no span is skipped as "mismatched tokenization". ``token_end`` is inclusive, and a relation's
``head``/``child`` are the token index of each span's last token, as Prodigy's own output has it.

Beside the tasks, ``tasks.labels.txt`` lists every label name of every exported layer (declared by
its span model, or seen), one per line, for the recipe's ``--label`` (``--span-label`` in
``rel.manual``), and ``tasks.relations.txt`` the relation labels, for ``rel.manual --label``: the
label menu then holds every label a layer can carry, also one the batch happens not to contain.
"""

from __future__ import annotations

import json
import warnings
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
    relation_label_sets,
    relations,
)
from annotator_exporters.tokens import Token, aligned_tokens

LABELS = ".labels.txt"
RELATIONS = ".relations.txt"


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
        names = LabelNames(documents, self.layer_models)
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf-8", newline="\n") as stream:
            for doc in documents:
                stream.write(json.dumps(prodigy_task(doc, names, options.lang), ensure_ascii=False) + "\n")
        relation_sets = relation_label_sets(documents, self.layer_models)
        rels = sorted({label for labels in relation_sets.values() for label in labels})
        return [out, *write_label_files(out.with_suffix(""), names, rels)]


def write_label_files(stem: Path, names: LabelNames, relation_labels: list[str]) -> list[Path]:
    """``STEM.labels.txt`` (every span label name) and ``STEM.relations.txt`` (if any), one per line.

    Prodigy's recipes read ``--label`` (``--span-label`` in ``rel.manual``) as a comma-separated list
    or as a text file with one label per line; the file is the one that holds labels with commas."""
    spans = [names(layer, label) for layer, label in names.pairs()]
    written = [_label_file(stem.with_name(stem.name + LABELS), spans)]
    if relation_labels:
        written.append(_label_file(stem.with_name(stem.name + RELATIONS), relation_labels))
    return written


def _label_file(path: Path, labels: list[str]) -> Path:
    """One label a line; a label that cannot be one (a line break, outer spaces Prodigy strips) is
    left out with a warning, since the tasks still carry it."""
    kept = list(dict.fromkeys(label for label in labels if _one_line(label)))
    for label in labels:
        if not _one_line(label):
            warnings.warn(f"label {label!r} cannot be a line of {path.name}; left out of it", stacklevel=3)
    path.write_text("".join(f"{label}\n" for label in kept), encoding="utf-8", newline="\n")
    return path


def _one_line(label: str) -> bool:
    return label.splitlines() == [label] and label.strip() == label


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
