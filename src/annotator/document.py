"""The one document record every annotator writes into and every tool reads.

A record carries the text, its metadata, the spans grouped by layer (the layer name is the
annotator's name), the provenance of each annotator that ran, and per-document errors.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, SerializeAsAny, model_validator

from annotator.errors import SpanError
from annotator.spans import ForeignSpan, Span, TextAnchor, anchors_of, referenced_ids

SCHEMA_VERSION = "1.0"


class SourceRef(BaseModel):
    """Where a document (or an error about it) came from."""

    model_config = ConfigDict(extra="forbid")

    file: str | None = Field(default=None, description="Input file path, or '-' for standard input.")
    line: int | None = Field(default=None, ge=1, strict=True, description="1-based line in a JSONL input.")


class PipelineInfo(BaseModel):
    """The spaCy pipeline whose parse the annotators shared."""

    model_config = ConfigDict(extra="forbid")

    name: str
    version: str
    components: list[str] = Field(default_factory=list, description="Components that ran.")


class AnnotatorRun(BaseModel):
    """Provenance of one annotator's contribution to a document."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(description="Annotator and layer name.")
    plugin: str = Field(description="Plugin that registered it (entry point name or plugins-dir file).")
    version: str
    options: dict[str, Any] = Field(default_factory=dict)
    spacy: PipelineInfo | None = None


class DocumentError(BaseModel):
    """Something that went wrong for this document without stopping the run."""

    model_config = ConfigDict(extra="forbid")

    stage: str = Field(description="read, parse, annotate or validate.")
    reason: str
    annotator: str | None = Field(default=None, description="The annotator at fault, when there is one.")
    source: SourceRef | None = None


class ForeignSummary(BaseModel):
    """A summary from a layer whose plugin is not installed: kept as it was read."""

    model_config = ConfigDict(extra="allow")


class Document(BaseModel):
    """A text with its metadata and its span layers; see the module docstring."""

    model_config = ConfigDict(extra="forbid")

    schema_version: str = SCHEMA_VERSION
    id: str = Field(min_length=1)
    text: str
    meta: dict[str, Any] = Field(
        default_factory=dict, description="Free metadata; 'published' is an ISO date when known."
    )
    spans: dict[str, list[SerializeAsAny[Span]]] = Field(
        default_factory=dict, description="Spans grouped by layer; the layer name is the annotator's name."
    )
    summaries: dict[str, SerializeAsAny[BaseModel]] = Field(
        default_factory=dict, description="Document-level results by layer, e.g. aggregated stance pairs."
    )
    annotated_by: list[AnnotatorRun] = Field(default_factory=list)
    errors: list[DocumentError] = Field(default_factory=list)
    source: SourceRef | None = Field(default=None, description="Where the document was read from.")
    normalized: list[str] = Field(
        default_factory=list,
        description="Changes made to the input text before annotating (e.g. 'crlf-to-lf'), so offsets match.",
    )

    @model_validator(mode="after")
    def _check_spans(self) -> Document:
        check_document_spans(self.text, self.spans)
        return self

    def layer(self, name: str) -> list[Span]:
        """The spans of one layer (empty when the layer is absent)."""
        return self.spans.get(name, [])

    def span_index(self) -> dict[str, Span]:
        """Every span of every layer by id."""
        return {s.id: s for spans in self.spans.values() for s in spans}

    def to_json(self) -> str:
        """One JSONL line (without the newline); stable, so a round trip is byte-identical."""
        return self.model_dump_json(exclude_none=True)

    @classmethod
    def from_json(
        cls,
        line: str | bytes,
        span_models: Mapping[str, type[Span]] | None = None,
        summary_models: Mapping[str, type[BaseModel]] | None = None,
    ) -> Document:
        """Parse a JSONL line, typing layers with their registered models (foreign ones keep all fields)."""
        return cls.from_dict(json.loads(line), span_models or {}, summary_models)

    @classmethod
    def from_dict(
        cls,
        data: Any,
        span_models: Mapping[str, type[Span]],
        summary_models: Mapping[str, type[BaseModel]] | None = None,
    ) -> Document:
        """Build a document from parsed JSON, typing spans and summaries by layer (foreign ones kept)."""
        if isinstance(data, dict) and isinstance(data.get("spans"), dict):
            data = dict(data)
            data["spans"] = {
                layer: _typed_spans(span_models.get(layer, ForeignSpan), items)
                for layer, items in data["spans"].items()
            }
        if isinstance(data, dict) and isinstance(data.get("summaries"), dict):
            models = summary_models or {}
            data["summaries"] = {
                layer: models.get(layer, ForeignSummary).model_validate(value)
                for layer, value in data["summaries"].items()
            }
        return cls.model_validate(data)


def _typed_spans(model: type[Span], items: Any) -> Any:
    """Validate each raw span against its layer's model; non-lists are left for pydantic to reject."""
    if not isinstance(items, list):
        return items
    return [model.model_validate(item) if isinstance(item, dict) else item for item in items]


def check_span(text: str, span: Span) -> None:
    """Raise SpanError unless the span's offsets and text, and those of its anchors, agree with the text."""
    _check_stretch(text, span.id, span)
    for anchor in anchors_of(span):
        _check_stretch(text, f"{span.id}/{type(anchor).__name__}", anchor)


def _check_stretch(text: str, name: str, span: Span | TextAnchor) -> None:
    """Offsets inside the text, non-empty, and the text equal to the slice."""
    if not 0 <= span.start < span.end <= len(text):
        raise SpanError(f"span {name!r} has offsets {span.start}-{span.end} outside 0-{len(text)} or empty")
    if text[span.start : span.end] != span.text:
        raise SpanError(
            f"span {name!r} text {span.text!r} differs from the document slice "
            f"{text[span.start : span.end]!r} at {span.start}-{span.end}"
        )


def check_document_spans(text: str, layers: Mapping[str, Iterable[Span]]) -> None:
    """Check offsets, unique ids and that every reference names a span of the document."""
    spans = {layer: list(items) for layer, items in layers.items()}
    ids: set[str] = set()
    for layer, items in spans.items():
        ids |= _checked_ids(text, layer, items, ids)
    for span in _all(spans):
        _check_refs(span, ids)


def check_new_layer(text: str, layer: str, spans: list[Span], known_ids: set[str]) -> None:
    """Check one layer about to join spans whose ids are ``known_ids`` (already checked themselves).

    Earlier layers cannot refer to the new one, so only the new spans need checking: this keeps
    adding a layer proportional to its own size.
    """
    ids = known_ids | _checked_ids(text, layer, spans, known_ids)
    for span in spans:
        _check_refs(span, ids)


def _checked_ids(text: str, layer: str, spans: Iterable[Span], taken: set[str]) -> set[str]:
    """Check each span's offsets and text; return their ids, refusing any already taken."""
    ids: set[str] = set()
    for span in spans:
        check_span(text, span)
        if span.id in ids or span.id in taken:
            raise SpanError(f"span id {span.id!r} in layer {layer!r} is not unique in the document")
        ids.add(span.id)
    return ids


def _check_refs(span: Span, ids: set[str]) -> None:
    for ref in referenced_ids(span):
        if ref not in ids:
            raise SpanError(f"span {span.id!r} refers to {ref!r}, which is not a span of this document")


def _all(layers: Mapping[str, Iterable[Span]]) -> Iterator[Span]:
    for spans in layers.values():
        yield from spans
