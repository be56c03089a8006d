"""The importer protocol and the host side of ``annotator import``, whatever the format.

An importer reads the files one labeling tool exports (after people corrected the
pre-annotations) and returns :class:`ImportedDocument` records: text, spans with their layer and
label, attributes as the tool kept them and relations between span ids. It is registered through
the ``register_importers`` hook and knows no layer by name. The host turns those records into
:class:`annotator.Document` objects typed with the installed span models, so an attribute kept as
text (``value=2024-03-01`` in a text area) gets back its type, and a relation gets back the
``span_ref`` field it came from. Anything wrong in the input is one line, ``file:line: reason``.
"""

from __future__ import annotations

import json
import typing
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError

from annotator.document import Document
from annotator.errors import AnnotatorError, ConfigError, InputError
from annotator.spans import ForeignSpan, Span, ref_field_names


class ImporterOptions(BaseModel):
    """Base of every importer's options: unknown keys are an error, not a silent no-op."""

    model_config = ConfigDict(extra="forbid")


@dataclass
class ImportedSpan:
    """One region as the tool exported it; ``attributes`` values may be text to be typed later."""

    layer: str
    id: str
    start: int
    end: int
    label: str
    attributes: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ImportedRelation:
    """A link from span ``source`` to span ``target``, labelled by the reference field's name."""

    label: str
    source: str
    target: str


@dataclass
class ImportedDocument:
    """A document read from a tool's export; ``line`` locates it in the file for errors."""

    id: str
    text: str
    spans: list[ImportedSpan] = field(default_factory=list)
    relations: list[ImportedRelation] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    file: str | None = None
    line: int | None = None


class Importer(ABC):
    """Reads one labeling tool's export back into documents.

    Subclasses declare ``name`` (the ``--from`` value), a one-line ``description`` and ``Options``.
    The host creates one instance per plugin at registration; ``annotator import`` validates the
    user's ``--option key=value`` pairs against ``Options`` and calls :meth:`read` once. Raise
    :class:`InputError` with the file and line for input the format does not allow.
    """

    name: ClassVar[str]
    description: ClassVar[str] = ""
    Options: ClassVar[type[ImporterOptions]] = ImporterOptions

    def options(self, raw: Mapping[str, Any] | None = None) -> ImporterOptions:
        """Validate raw options, naming this importer in the error."""
        try:
            return self.Options.model_validate(dict(raw or {}))
        except ValidationError as exc:
            problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
            raise ConfigError(f"Bad option for importer {self.name!r}: {problems}.") from exc

    @abstractmethod
    def read(self, path: Path, options: ImporterOptions) -> Iterator[ImportedDocument]:
        """The documents in ``path`` (a file or a folder, as the format needs)."""


@dataclass
class ImportResult:
    """Documents built from an import, and the warnings (unknown labels) to show the user."""

    documents: list[Document] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def import_documents(
    imported: Iterable[ImportedDocument],
    span_models: Mapping[str, type[Span]] | None = None,
    known_labels: Mapping[str, set[str]] | None = None,
) -> ImportResult:
    """Type every imported record; a label not in ``known_labels`` of its layer is kept and warned about."""
    result = ImportResult()
    for record in imported:
        try:
            result.documents.append(build_document(record, span_models or {}))
        except (ValueError, AnnotatorError) as exc:
            raise InputError(_reason(exc), record.file, record.line) from exc
        result.warnings.extend(unknown_label_warnings(record, known_labels or {}))
    return result


def build_document(record: ImportedDocument, span_models: Mapping[str, type[Span]]) -> Document:
    """One :class:`Document`: spans typed by their layer's model, relations set on their fields."""
    refs = _refs_by_source(record.relations)
    layers: dict[str, list[Span]] = {}
    ids = {s.id for s in record.spans}
    for rel in record.relations:
        missing = [i for i in (rel.source, rel.target) if i not in ids]
        if missing:
            raise ValueError(
                f"document {record.id!r}: relation {rel.label!r} names unknown region {missing[0]!r}"
            )
    for span in record.spans:
        model = span_models.get(span.layer, ForeignSpan)
        layers.setdefault(span.layer, []).append(typed_span(model, record, span, refs.get(span.id, {})))
    meta = dict(record.meta)
    return Document(id=record.id, text=record.text, meta=meta, spans=layers)


def typed_span(
    model: type[Span], record: ImportedDocument, span: ImportedSpan, refs: Mapping[str, list[str]]
) -> Span:
    """Validate one span against its model, typing text attributes and reference fields."""
    if not 0 <= span.start < span.end <= len(record.text):
        raise ValueError(
            f"document {record.id!r}: region {span.id!r} offsets {span.start}-{span.end} "
            f"out of range (text has {len(record.text)} characters)"
        )
    data: dict[str, Any] = {
        "id": span.id,
        "start": span.start,
        "end": span.end,
        "text": record.text[span.start : span.end],
        "label": span.label,
    }
    fields = model.model_fields
    for key, value in span.attributes.items():
        data[key] = typed_value(fields[key].annotation if key in fields else None, value)
    ref_fields = set(ref_field_names(model))
    for key, targets in refs.items():
        annotation = fields[key].annotation if key in fields else None
        data[key] = targets if _is_list(annotation, targets) else targets[0]
        if model is not ForeignSpan and key not in ref_fields:
            raise ValueError(f"document {record.id!r}: layer {span.layer!r} has no reference field {key!r}")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        if all(error["type"] == "missing" for error in exc.errors()):
            # A region a person added in the tool has no value for fields only the annotator fills
            # (entity_id, canonical): it is still gold, so it is kept as read, never dropped.
            return ForeignSpan.model_validate(data)
        raise ValueError(f"document {record.id!r}, region {span.id!r}: {_reason(exc)}") from exc


def typed_value(annotation: Any, value: Any) -> Any:
    """A value the tool kept as text, back in the field's type: JSON first, then the plain string.

    Exporters write a string attribute as it is and anything else as compact JSON, so ``2`` in a
    ``str`` field stays ``"2"`` and ``2`` in an ``int`` field becomes 2. Without a model (a layer
    whose plugin is not installed) JSON wins when it parses.
    """
    if not isinstance(value, str):
        return value
    if annotation is None:
        try:
            return json.loads(value)
        except ValueError:
            return value
    adapter: TypeAdapter[Any] = TypeAdapter(annotation)
    try:
        return adapter.validate_json(value)
    except ValidationError:
        return value


def parse_attribute_lines(lines: Iterable[str]) -> dict[str, str]:
    """``key=value`` lines (the exporters' free-text convention) to a dict of text values."""
    found: dict[str, str] = {}
    for line in lines:
        key, sep, value = line.partition("=")
        if sep and key.strip():
            found[key.strip()] = value
    return found


def json_array_items(path: Path) -> Iterator[tuple[int, Any]]:
    """(line number, item) for each item of the JSON array in ``path``; one object counts as one item.

    The line is where the item starts, so an error in task 7 of a 3,000-line export points at it.
    """
    text = path.read_text(encoding="utf-8")
    decoder = json.JSONDecoder()
    pos = _skip(text, 0)
    if not text.startswith("[", pos):
        try:
            yield _line_of(text, pos), decoder.raw_decode(text, pos)[0]
        except ValueError as exc:
            raise InputError(f"not JSON: {exc}", str(path), _line_of(text, pos)) from exc
        return
    pos = _skip(text, pos + 1)
    while pos < len(text) and text[pos] != "]":
        try:
            item, end = decoder.raw_decode(text, pos)
        except ValueError as exc:
            reason = f"not JSON: {exc.args[0].split(':')[0]}"
            raise InputError(reason, str(path), _line_of(text, pos)) from exc
        yield _line_of(text, pos), item
        pos = _skip(text, end)
        pos = _skip(text, pos + 1) if text.startswith(",", pos) else pos


def _skip(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _line_of(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def declared_labels(span_models: Mapping[str, type[Span]]) -> dict[str, set[str]]:
    """Per layer, the labels its span model allows when it says so with a ``Literal`` (else none)."""
    found: dict[str, set[str]] = {}
    for layer, model in span_models.items():
        info = model.model_fields.get("label")
        if info is not None and typing.get_origin(info.annotation) is typing.Literal:
            found[layer] = {str(a) for a in typing.get_args(info.annotation)}
    return found


def unknown_label_warnings(record: ImportedDocument, known: Mapping[str, set[str]]) -> list[str]:
    """One warning per span whose label its layer did not declare (the span is kept)."""
    return [
        f"{record.file}:{record.line}: document {record.id!r}: label {s.label!r} is not a known "
        f"{s.layer} label ({', '.join(sorted(known[s.layer]))}); kept"
        for s in record.spans
        if s.layer in known and known[s.layer] and s.label not in known[s.layer]
    ]


def _refs_by_source(relations: Iterable[ImportedRelation]) -> dict[str, dict[str, list[str]]]:
    refs: dict[str, dict[str, list[str]]] = {}
    for rel in relations:
        targets = refs.setdefault(rel.source, {}).setdefault(rel.label, [])
        if rel.target not in targets:
            targets.append(rel.target)
    return refs


def _is_list(annotation: Any, targets: list[str]) -> bool:
    """Whether a reference field holds a list of ids (unknown fields: when there are several)."""
    if annotation is None:
        return len(targets) > 1
    kinds = [annotation, *typing.get_args(annotation)]
    return any(typing.get_origin(k) in (list, tuple) or k in (list, tuple) for k in kinds)


def _reason(exc: Exception) -> str:
    """One line: the first few pydantic errors, or the first line of the message."""
    if isinstance(exc, ValidationError):
        return "; ".join(f"{'.'.join(map(str, e['loc'])) or 'value'}: {e['msg']}" for e in exc.errors()[:3])
    if isinstance(exc, InputError):
        return exc.reason
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
