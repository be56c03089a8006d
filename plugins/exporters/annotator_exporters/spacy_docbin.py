"""spaCy: a ``.spacy`` DocBin with each layer in ``doc.spans[layer]`` and every value kept.

Span groups allow overlap, so nothing is dropped. Each span keeps its label, its id as ``id_`` and,
when the model has a ``kb_id`` field, that as ``kb_id_``. Attributes, relations and document
metadata go in ``doc.user_data["annotator"]`` (saved with ``store_user_data=True``), keyed by span
id, so a reader needs no custom extension registered.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from annotator import Document
from annotator.exporting import (
    Exporter,
    ExporterOptions,
    ExportError,
    attributes,
    document_metadata,
    layer_spans,
    relations,
)
from annotator_exporters.tokens import spacy_doc

USER_DATA_KEY = "annotator"


class SpacyOptions(ExporterOptions):
    """Options of the spaCy exporter."""

    lang: str = "en"


class SpacyExporter(Exporter):
    """One ``.spacy`` file holding every document."""

    name = "spacy"
    description = "spaCy DocBin (.spacy): layers as span groups, values in user_data."
    Options = SpacyOptions

    def export(self, documents: Sequence[Document], out: Path, options: ExporterOptions) -> list[Path]:
        """Build a Doc per document and save them all."""
        from spacy.tokens import DocBin

        assert isinstance(options, SpacyOptions)
        docbin = DocBin(store_user_data=True)
        for doc in documents:
            docbin.add(to_spacy(doc, options.lang))
        out.parent.mkdir(parents=True, exist_ok=True)
        docbin.to_disk(out)
        return [out]


def to_spacy(document: Document, lang: str = "en") -> Any:
    """The spaCy Doc of one document, with its span groups and user data."""
    from spacy.tokens import SpanGroup

    doc = spacy_doc(document, lang)
    groups: dict[str, list[Any]] = {layer: [] for layer in document.spans}
    for item in layer_spans(document):
        span = item.span
        kb_id = getattr(span, "kb_id", None)
        found = doc.char_span(
            span.start,
            span.end,
            label=span.label,
            kb_id=kb_id if isinstance(kb_id, str) else "",
            span_id=span.id,
            alignment_mode="strict",
        )
        if found is None:  # cannot happen with aligned tokens; fail loudly rather than drop a span
            raise ExportError(f"span {span.id!r} of document {document.id!r} does not fit the tokens")
        groups[item.layer].append(found)
    for layer, spans in groups.items():
        doc.spans[layer] = SpanGroup(doc, name=layer, spans=spans)
    doc.user_data[USER_DATA_KEY] = user_data(document)
    return doc


def user_data(document: Document) -> dict[str, Any]:
    """Document metadata, attributes by span id, and relations as ``{label, from, to}`` span ids."""
    return {
        **document_metadata(document),
        "attributes": {i.span.id: _values(i.span) for i in layer_spans(document)},
        "relations": [
            {"label": r.label, "from": r.source.span.id, "to": r.target.span.id} for r in relations(document)
        ],
    }


def _values(span: Any) -> dict[str, Any]:
    values = attributes(span)
    for key in ("confidence", "rule"):
        if getattr(span, key) is not None:
            values[key] = getattr(span, key)
    return values
