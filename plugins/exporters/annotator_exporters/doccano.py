"""doccano: "JSONL (Relation)" lines with offsets in the units doccano counts.

doccano's annotator indexes JavaScript strings, so offsets default to UTF-16 code units;
``units=grapheme`` matches a project set to count grapheme clusters, ``units=codepoint`` keeps
Python offsets. doccano drops overlapping spans silently unless the project allows overlap, so
overlaps are either ``flag``-ged (one file; the line lists them in ``overlapping``) or ``split``
into one file per layer (``OUT`` is then a folder).

doccano labels have no layer, so each line also carries the way back, kept by doccano as example
meta and read by ``annotator import --from doccano``: ``label_layers`` maps every label name of the
export to its ``[layer, label]``, and ``span_attributes`` holds, per local entity id, the span's
id, layer, offsets and label as written, and its ``attributes``. ``label_layers`` holds every label
each exported layer can carry, not only those used, and so do the label-type files written beside
the JSONL for doccano's "Import Labels": ``export.jsonl`` gets ``export.span-types.json`` and
``export.relation-types.json`` (``LAYER.*`` per layer when splitting; see
:mod:`annotator_exporters.doccano_labels`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Literal

from annotator import Document
from annotator.errors import ConfigError
from annotator.exporting import (
    Exporter,
    ExporterOptions,
    ExportError,
    LabelNames,
    LayerSpan,
    Utf16Offsets,
    about,
    attributes,
    document_metadata,
    layer_spans,
    output_path,
    relation_label_sets,
    relations,
)
from annotator_exporters.doccano_labels import check_names, write_label_types

Units = Literal["utf16", "codepoint", "grapheme"]


class DoccanoOptions(ExporterOptions):
    """Options of the doccano exporter."""

    units: Units = "utf16"
    overlap: Literal["flag", "split"] = "flag"


class DoccanoExporter(Exporter):
    """doccano relation-project JSONL; see the module docstring for units and overlaps."""

    name = "doccano"
    description = "doccano JSONL (entities, relations, metadata); UTF-16 offsets by default."
    Options = DoccanoOptions

    def export(self, documents: Sequence[Document], out: Path, options: ExporterOptions) -> list[Path]:
        """Write one file, or one file per layer when splitting overlaps, and the label types."""
        assert isinstance(options, DoccanoOptions)
        names = LabelNames(documents, self.layer_models)
        layers_of = label_layers(names)
        relation_sets = relation_label_sets(documents, self.layer_models)
        check_names([*layers_of, *(label for labels in relation_sets.values() for label in labels)])
        if options.overlap == "flag":
            lines = [doccano_line(d, names, options.units, None, layers_of) for d in documents]
            rels = sorted({label for labels in relation_sets.values() for label in labels})
            return [_write(out, lines), *write_label_types(out.with_suffix(""), list(layers_of), rels)]
        out.mkdir(parents=True, exist_ok=True)
        paths: dict[str, Path] = {}
        for layer in names.labels:
            path = output_path(out, layer, ".jsonl")
            if path.name.casefold() in {p.name.casefold() for p in paths.values()}:
                raise ExportError(f"layers {layer!r} and another both become the file name {path.name!r}")
            paths[layer] = path
        written: list[Path] = []
        for layer, path in paths.items():
            written.append(
                _write(path, [doccano_line(d, names, options.units, layer, layers_of) for d in documents])
            )
            spans = [names(layer, label) for label in names.labels[layer]]
            written += write_label_types(path.with_suffix(""), spans, list(relation_sets[layer]))
        return written


def _write(path: Path, lines: list[dict[str, Any]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as stream:
        stream.writelines(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
    return path


def label_layers(names: LabelNames) -> dict[str, list[str]]:
    """Every label name the export declares, to its ``[layer, label]``: the inverse of ``names``.

    Every label of every exported layer, not only those used: a person may add a span with a label
    no exported example has, and the importer then still knows its layer."""
    return {names(layer, label): [layer, label] for layer, label in names.pairs()}


def doccano_line(
    document: Document,
    names: LabelNames,
    units: Units = "utf16",
    layer: str | None = None,
    layers_of: dict[str, list[str]] | None = None,
) -> dict[str, Any]:
    """One example: text, entities with local int ids, relations between them, metadata keys."""
    with about(document):
        return _line(document, names, units, layer, layers_of)


def _line(
    document: Document,
    names: LabelNames,
    units: Units,
    layer: str | None,
    layers_of: dict[str, list[str]] | None,
) -> dict[str, Any]:
    items = [i for i in layer_spans(document) if layer is None or i.layer == layer]
    local = {i.span.id: n for n, i in enumerate(items)}
    convert = offset_converter(document.text, units)
    line: dict[str, Any] = {
        "text": document.text,
        "entities": [_entity(i, local, names, convert) for i in items],
        "relations": [
            {"id": n, "from_id": local[r.source.span.id], "to_id": local[r.target.span.id], "type": r.label}
            for n, r in enumerate(
                r for r in relations(document) if {r.source.span.id, r.target.span.id} <= local.keys()
            )
        ],
        **document_metadata(document),
        "offset_units": units,
    }
    entities = {e["id"]: e for e in line["entities"]}
    line["span_attributes"] = {
        str(local[i.span.id]): span_record(i, entities[local[i.span.id]]) for i in items
    }
    line["label_layers"] = layers_of if layers_of is not None else label_layers(names)
    line["overlapping"] = overlapping(items, local)
    return line


def span_record(item: LayerSpan, entity: dict[str, Any]) -> dict[str, Any]:
    """What doccano cannot hold about a span, with the offsets and label that identify it again.

    Why the offsets: doccano gives every entity a new database id, so after a round trip through
    the tool a record is found by the entity it was written with, not by its local id."""
    at = {k: entity[k] for k in ("start_offset", "end_offset", "label")}
    attrs = attributes(item.span)
    if item.span.confidence is not None:
        attrs["confidence"] = item.span.confidence
    return {"span_id": item.span.id, "layer": item.layer, **at, "attributes": attrs}


def _entity(
    item: LayerSpan, local: dict[str, int], names: LabelNames, convert: Callable[[int], int]
) -> dict[str, Any]:
    span = item.span
    return {
        "id": local[span.id],
        "start_offset": convert(span.start),
        "end_offset": convert(span.end),
        "label": names(item.layer, span.label),
    }


def overlapping(items: Sequence[LayerSpan], local: dict[str, int]) -> list[int]:
    """Local ids of the spans doccano would drop without ``allow_overlapping`` (its sort-and-skip rule)."""
    dropped: list[int] = []
    last_end = -1
    for item in sorted(items, key=lambda i: i.span.start):  # stable: ties keep the file order
        if item.span.start < last_end:
            dropped.append(local[item.span.id])
        else:
            last_end = item.span.end
    return sorted(dropped)


def offset_converter(text: str, units: Units) -> Callable[[int], int]:
    """A function from code-point offsets to ``units``."""
    if units == "codepoint":
        return lambda i: i
    if units == "utf16":
        return Utf16Offsets(text)
    return _grapheme_offsets(text)


def _grapheme_offsets(text: str) -> Callable[[int], int]:
    """Code-point offset -> number of grapheme clusters before it (UAX #29, via ``regex``'s \\X)."""
    try:
        import regex
    except ImportError as exc:  # pragma: no cover - regex is a dependency
        raise ConfigError("units=grapheme needs the 'regex' package: pip install regex") from exc
    table: dict[int, int] = {0: 0}
    for n, match in enumerate(regex.finditer(r"\X", text), start=1):
        table[match.end()] = n

    def convert(index: int) -> int:
        if index not in table:
            raise ExportError(f"offset {index} falls inside a grapheme cluster; use units=utf16")
        return table[index]

    return convert
