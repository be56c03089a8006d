"""The exporter protocol and the helpers every exporter shares, whatever the layers.

An exporter turns annotated documents into the files one labeling tool imports. It is registered
through the ``register_exporters`` hook and called by ``annotator export``. Exporters know no layer
by name: labels come from each layer's spans, attributes from the span model's extra fields,
relations from the fields declared with :func:`annotator.span_ref`. Offsets stay code points here;
:class:`Utf16Offsets` converts for the tools that count UTF-16 units.
"""

from __future__ import annotations

import hashlib
import json
import warnings
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path
from types import MappingProxyType
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, ValidationError

from annotator.document import Document
from annotator.errors import AnnotatorError, ConfigError, InputError
from annotator.spans import Span, label_set, ref_field_names

BASE_FIELDS = frozenset(Span.model_fields)


class ExportError(AnnotatorError):
    """A document cannot be written in the requested format; the message names it and why."""


@contextmanager
def about(document: Document) -> Iterator[None]:
    """Name ``document`` in an ExportError raised while writing it (unless the message already does).

    Why: ``annotator export`` stops at the first such error, and "offset 4 falls inside a
    grapheme cluster" alone does not say which of thousands of documents to fix."""
    try:
        yield
    except ExportError as exc:
        if repr(document.id) in str(exc):
            raise
        raise ExportError(f"document {document.id!r}: {exc}") from exc


class ExporterOptions(BaseModel):
    """Base of every exporter's options: unknown keys are an error, not a silent no-op."""

    model_config = ConfigDict(extra="forbid")


class Exporter(ABC):
    """Writes documents in one labeling tool's format.

    Subclasses declare ``name`` (the ``--to`` value), a one-line ``description`` and ``Options``.
    The host creates one instance per plugin at registration; ``annotator export`` validates the
    user's ``--option key=value`` pairs against ``Options`` and calls :meth:`export` once with all
    documents. Return every path written, so the command can report them.

    Before :meth:`export`, the command sets ``layer_models`` to the span model of every installed
    layer, so a format with a label schema (a Label Studio config, brat's annotation.conf,
    doccano's label types, Prodigy's ``--label`` file) can declare labels that no exported
    document happens to contain (see :func:`label_sets` and :mod:`annotator.layer_schemas`).
    """

    name: ClassVar[str]
    description: ClassVar[str] = ""
    Options: ClassVar[type[ExporterOptions]] = ExporterOptions
    layer_models: Mapping[str, type[Span]] = MappingProxyType({})

    def options(self, raw: Mapping[str, Any] | None = None) -> ExporterOptions:
        """Validate raw options, naming this exporter in the error."""
        try:
            return self.Options.model_validate(dict(raw or {}))
        except ValidationError as exc:
            problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
            raise ConfigError(f"Bad option for exporter {self.name!r}: {problems}.") from exc

    @abstractmethod
    def export(self, documents: Sequence[Document], out: Path, options: ExporterOptions) -> list[Path]:
        """Write ``documents`` to ``out`` (a file or a folder, as the format needs); return the paths."""


@dataclass(frozen=True)
class LayerSpan:
    """A span with the layer it belongs to."""

    layer: str
    span: Span


@dataclass(frozen=True)
class Relation:
    """A directed link from a span to a span it refers to; ``label`` is the reference field's name."""

    label: str
    source: LayerSpan
    target: LayerSpan


def layer_spans(document: Document) -> list[LayerSpan]:
    """Every span of every layer, in text order (then longest first, then layer name)."""
    items = [LayerSpan(layer, s) for layer, spans in document.spans.items() for s in spans]
    return sorted(items, key=lambda ls: (ls.span.start, -ls.span.end, ls.layer, ls.span.id))


def relations(document: Document) -> list[Relation]:
    """The links declared by span_ref fields, in the order of their source spans."""
    by_id = {ls.span.id: ls for ls in layer_spans(document)}
    found: list[Relation] = []
    for item in by_id.values():
        for field in ref_field_names(type(item.span)):
            found.extend(Relation(field, item, by_id[ref]) for ref in _ids(getattr(item.span, field)))
    return found


def _ids(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)):
        return [v for v in value if isinstance(v, str)]
    return []


def attributes(span: Span) -> dict[str, Any]:
    """The span model's own fields (not the base ones, not references), JSON-ready, without nulls."""
    data = span.model_dump(mode="json", exclude_none=True)
    skip = BASE_FIELDS | set(ref_field_names(type(span)))
    return {k: v for k, v in data.items() if k not in skip and v != [] and v != {}}


def value_text(value: Any) -> str:
    """One attribute value as plain text: strings as they are, anything else as compact JSON."""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def attribute_lines(span: Span) -> list[str]:
    """``key=value`` lines for formats that carry attributes only as free text."""
    return [f"{key}={value_text(value)}" for key, value in attributes(span).items()]


def labels_by_layer(documents: Iterable[Document]) -> dict[str, list[str]]:
    """The labels seen in each layer, sorted; layers in name order."""
    seen: dict[str, set[str]] = {}
    for doc in documents:
        for layer, spans in doc.spans.items():
            seen.setdefault(layer, set()).update(s.label for s in spans)
    return {layer: sorted(seen[layer]) for layer in sorted(seen)}


def exported_layers(documents: Iterable[Document]) -> list[str]:
    """Every layer the documents carry, empty ones too (an annotator that found nothing), in name order."""
    return sorted({layer for doc in documents for layer in doc.spans})


def layer_label_set(spans: Iterable[Span], model: type[Span] | None = None) -> tuple[str, ...]:
    """Every label one layer can carry: what its span models declare, plus any label its spans carry.

    The models are the installed one (``model``) and the type of every span, so labels typed as a
    ``Literal`` or listed in ``known_labels`` count (:func:`annotator.spans.label_set`); a label
    no model declares (an open layer, a layer whose plugin is not installed) counts once it is
    seen. Sorted, so the same layers give the same list whatever the batch holds.
    """
    items = list(spans)
    span_types = {type(span) for span in items} | ({model} if model is not None else set())
    declared = {label for t in span_types for label in label_set(t).labels}
    return tuple(sorted(declared | {span.label for span in items}))


def label_sets(
    documents: Iterable[Document], models: Mapping[str, type[Span]] | None = None
) -> dict[str, tuple[str, ...]]:
    """:func:`layer_label_set` of each exported layer (``models``: the installed span models), by name.

    Why not only the labels seen: a tool's label config (brat's annotation.conf, doccano's label
    types, Prodigy's ``--label``) is what an annotator can choose from, and a label the batch
    happens not to contain must still be there to add.
    """
    docs = list(documents)
    found = models or {}
    return {
        layer: layer_label_set((s for d in docs for s in d.layer(layer)), found.get(layer))
        for layer in exported_layers(docs)
    }


def relation_label_sets(
    documents: Iterable[Document], models: Mapping[str, type[Span]] | None = None
) -> dict[str, tuple[str, ...]]:
    """The relation labels (span_ref field names) each exported layer's span models declare, sorted."""
    docs = list(documents)
    found = models or {}
    result: dict[str, tuple[str, ...]] = {}
    for layer in exported_layers(docs):
        model = found.get(layer)
        span_types = {type(s) for d in docs for s in d.layer(layer)} | ({model} if model else set())
        result[layer] = tuple(sorted({f for t in span_types for f in ref_field_names(t)}))
    return result


def relation_labels(documents: Iterable[Document]) -> list[str]:
    """Every relation label (reference field name) present, sorted."""
    return sorted({r.label for doc in documents for r in relations(doc)})


class LabelNames:
    """Flat label names for tools with one label namespace: the bare label unless two layers share it.

    Sharing is decided on the declared label sets (:func:`label_sets`), not on the labels seen, so
    a label keeps one name from batch to batch: ``DATE`` does not become ``dates_DATE`` in the
    export whose documents happen to hold a second layer's ``DATE`` too."""

    def __init__(self, documents: Iterable[Document], models: Mapping[str, type[Span]] | None = None) -> None:
        self.labels = label_sets(documents, models)
        owners: dict[str, set[str]] = {}
        for layer, labels in self.labels.items():
            for label in labels:
                owners.setdefault(label, set()).add(layer)
        self.shared = {label for label, layers in owners.items() if len(layers) > 1}

    def __call__(self, layer: str, label: str) -> str:
        """The name to show for ``label`` of ``layer``."""
        return f"{layer}_{label}" if label in self.shared else label

    def pairs(self) -> list[tuple[str, str]]:
        """Every declared ``(layer, label)``, layers in name order, labels sorted."""
        return [(layer, label) for layer, labels in self.labels.items() for label in labels]


class Utf16Offsets:
    """Code-point offsets to UTF-16 code units (what JavaScript tools count), in O(1) per lookup."""

    def __init__(self, text: str) -> None:
        self.units = [0, *accumulate(2 if ord(ch) > 0xFFFF else 1 for ch in text)]

    def __call__(self, index: int) -> int:
        """The UTF-16 offset of code-point offset ``index``."""
        return self.units[index]


def utf16_offset(text: str, index: int) -> int:
    """The UTF-16 offset of code-point offset ``index`` of ``text`` (as cassis computes it)."""
    return len(text[:index].encode("utf-16-le")) // 2


def model_version(document: Document, layers: Iterable[str] | None = None) -> str:
    """``name-version`` of each annotator that wrote the document (or the given layers), joined by +."""
    wanted = set(layers) if layers is not None else None
    runs = [r for r in document.annotated_by if wanted is None or r.name in wanted]
    return "+".join(f"{r.name}-{r.version}" for r in runs) or "unknown"


def document_metadata(document: Document) -> dict[str, Any]:
    """What a tool can keep about the document itself: id, meta, summaries, provenance, normalization."""
    data: dict[str, Any] = {"doc_id": document.id}
    if document.meta:
        data["meta"] = document.meta
    if document.summaries:
        data["summaries"] = {k: v.model_dump(mode="json") for k, v in document.summaries.items()}
    if document.normalized:
        data["normalized"] = document.normalized
    data["annotated_by"] = [f"{r.name}-{r.version}" for r in document.annotated_by]
    return data


def read_documents(path: Path, registry: Any | None = None) -> Iterator[Document]:
    """Documents of an ``annotator annotate`` JSONL, typed with the registry's models; error records skipped.

    A malformed line raises :class:`InputError` naming the file and line, because an export that
    silently leaves a document out is worse than no export.
    """
    span_models = registry.span_models() if registry is not None else {}
    summary_models = registry.summary_models() if registry is not None else {}
    with path.open(encoding="utf-8") as stream:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
                if isinstance(data, dict) and "error" in data and "text" not in data:
                    continue
                yield Document.from_dict(data, span_models, summary_models)
            except (ValueError, AnnotatorError) as exc:
                raise InputError(f"not an annotated document: {_reason(exc)}", str(path), number) from exc


def _reason(exc: Exception) -> str:
    """One line naming each invalid field (pydantic's own message spans several lines)."""
    if isinstance(exc, ValidationError):
        return "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()[:3])
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


MAX_STEM = 100
"""Longest file-name stem an exporter writes; longer names keep a prefix plus a stable hash.

Why: most filesystems cap a name at 255 bytes, and an id of 300 characters (or fewer multi-byte
ones) otherwise fails mid-export with some files already written."""


def safe_name(raw: str) -> str:
    """A file-name stem made from data (an id, a layer name): no separators, no ``..``, bounded.

    Why: ids and layer names come from input records, so they may hold ``/``, ``..``, NUL or be
    very long; one helper used by every exporter keeps every output file inside ``-o``."""
    base = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in raw).strip(".") or "doc"
    if len(base.encode("utf-8")) > MAX_STEM:
        digest = hashlib.sha1(raw.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        prefix = base.encode("utf-8")[: MAX_STEM - 9].decode("utf-8", "ignore")
        base = f"{prefix}_{digest}"
    return base


def output_path(out: Path, raw: str, suffix: str) -> Path:
    """``out / (safe_name(raw) + suffix)``, refused unless it resolves inside ``out``."""
    path = out / f"{safe_name(raw)}{suffix}"
    if not path.resolve().is_relative_to(out.resolve()):
        raise ExportError(f"refusing to write {path}: outside the output folder {out}")
    return path


def unique_stems(documents: Sequence[Document]) -> list[str]:
    """A file-name-safe stem per document, from its id, unique even on case-insensitive filesystems.

    Why case-folded: ids ``Case`` and ``case`` would otherwise overwrite each other on macOS and
    Windows; the later one gets a ``_2`` suffix and a warning is printed."""
    stems: list[str] = []
    seen: set[str] = set()
    for doc in documents:
        base = safe_name(doc.id)
        stem, n = base, 1
        while stem.casefold() in seen:
            n += 1
            stem = f"{base}_{n}"
        if n > 1:
            warnings.warn(
                f"document id {doc.id!r} collides with an earlier file name; written as {stem!r}",
                stacklevel=2,
            )
        seen.add(stem.casefold())
        stems.append(stem)
    return stems
