"""brat standoff: ``.txt`` + ``.ann`` per document, and ``annotation.conf`` / ``tools.conf`` for the set.

Spans become ``T`` lines (split into fragments at line breaks and tabs, which would break the
``.ann`` line), span_ref fields ``R`` lines, boolean and enumerated (``Literal``) attributes ``A``
lines, and every other attribute value a ``#`` AnnotatorNotes line, because brat only accepts
attribute values its config enumerates. Offsets are code points, as brat's Python server counts.
Notes are escaped (:mod:`annotator_exporters.brat_notes`) so they stay on one line and read back
exactly; ``annotator-layers.json`` (:mod:`annotator_exporters.brat_map`) records the layers, span
ids and document ids that brat's flat types and file names cannot hold. ``annotation.conf``
declares every label each exported layer can carry, not only those in the batch
(:mod:`annotator_exporters.brat_conf`).
"""

from __future__ import annotations

import json
import typing
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from annotator import Document, Span
from annotator.exporting import (
    Exporter,
    ExporterOptions,
    ExportError,
    LabelNames,
    LayerSpan,
    about,
    attributes,
    layer_spans,
    output_path,
    relations,
    unique_stems,
    value_text,
)
from annotator.importing import typed_value
from annotator_exporters.brat_conf import BratTypes, ConfBuilder, brat_name
from annotator_exporters.brat_map import MAP_NAME, BratMap
from annotator_exporters.brat_notes import BREAKS, note_text


class BratExporter(Exporter):
    """brat standoff files in the folder ``OUT``."""

    name = "brat"
    description = "brat standoff (.txt/.ann per document) with generated annotation.conf and tools.conf."

    def export(self, documents: Sequence[Document], out: Path, options: ExporterOptions) -> list[Path]:
        """Write every document's pair of files, then the two configs."""
        out.mkdir(parents=True, exist_ok=True)
        names, conf, bmap = declared_types(documents, self.layer_models)
        written: list[Path] = []
        for doc, stem in zip(documents, unique_stems(documents), strict=True):
            txt, ann = output_path(out, stem, ".txt"), output_path(out, stem, ".ann")
            bmap.document(stem, doc.id, doc.meta)
            with about(doc):
                lines = ann_lines(doc, names, conf, bmap, stem)
            txt.write_text(doc.text, encoding="utf-8", newline="")
            ann.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
            written += [txt, ann]
        (out / "annotation.conf").write_text(conf.annotation_conf(), encoding="utf-8")
        (out / "tools.conf").write_text(conf.tools_conf(), encoding="utf-8")
        (out / MAP_NAME).write_text(bmap.to_json(), encoding="utf-8")
        return [*written, out / "annotation.conf", out / "tools.conf", out / MAP_NAME]


def declared_types(
    documents: Sequence[Document], models: Mapping[str, type[Span]]
) -> tuple[BratTypes, ConfBuilder, BratMap]:
    """The type names, with every label of every exported layer already in the conf and the map.

    Why all of them: brat offers only the entity types annotation.conf lists, so a label the batch
    lacks could not be added; and the map must name its layer when a person adds one."""
    labels = LabelNames(documents, models)
    names, conf, bmap = BratTypes(labels, labels.pairs()), ConfBuilder(shared_keys(labels, models)), BratMap()
    for layer, label in labels.pairs():
        bmap.declare(conf.entity(names(layer, label), layer), layer, label)
    return names, conf, bmap


def shared_keys(labels: LabelNames, models: Mapping[str, type[Span]]) -> set[str]:
    """Attribute names that the models of two or more exported layers declare as brat attributes."""
    owners: dict[str, int] = {}
    for layer in labels.labels:
        model = models.get(layer)
        fields = model.model_fields.items() if model is not None else ()
        for key in {k for k, info in fields if k not in Span.model_fields and _declarable(info.annotation)}:
            owners[key] = owners.get(key, 0) + 1
    return {key for key, count in owners.items() if count > 1}


def _declarable(annotation: Any) -> bool:
    """A field brat can hold as an attribute: a flag, or an enumeration of brat-safe strings."""
    return bool(literal_choices(annotation)) or annotation is bool or bool in typing.get_args(annotation)


def ann_lines(
    document: Document,
    names: BratTypes,
    conf: ConfBuilder,
    bmap: BratMap | None = None,
    stem: str = "",
) -> list[str]:
    """The ``.ann`` lines of one document, recording the types used in ``conf`` (and ``bmap``)."""
    bmap = bmap if bmap is not None else BratMap(documents={stem: {"spans": {}}})
    tids: dict[str, str] = {}
    lines: list[str] = []
    attrs: list[str] = []
    notes: list[str] = []
    for item in layer_spans(document):
        tid = tids[item.span.id] = f"T{len(tids) + 1}"
        type_name = names(item.layer, item.span.label)
        conf.entity(type_name)
        bmap.span(stem, tid, (item.span.id, item.layer, item.span.label), type_name)
        lines.append(textbound(tid, type_name, document.text, item.span))
        flags, free = split_attributes(item)
        for key, value, choices in flags:
            name = conf.attribute(key, type_name, value, choices, item.layer)
            bmap.attributes[name] = key
            attrs.append(f"A{len(attrs) + 1}\t{name} {tid}{_value(value)}")
        if free:
            notes.append(f"#{len(notes) + 1}\tAnnotatorNotes {tid}\t{note_text(free)}")
    for n, rel in enumerate(relations(document), start=1):
        kind = conf.relation(rel.label, _type(rel.source, names), _type(rel.target, names))
        bmap.relations[kind] = rel.label
        lines.append(f"R{n}\t{kind} Arg1:{tids[rel.source.span.id]} Arg2:{tids[rel.target.span.id]}")
    return lines + attrs + notes


def _type(item: LayerSpan, names: BratTypes) -> str:
    return names(item.layer, item.span.label)


def _value(value: Any) -> str:
    return "" if value is True else f" {value}"


def textbound(tid: str, type_name: str, text: str, span: Span) -> str:
    """A ``T`` line; fragments skip line breaks and tabs, and the text joins them with one space."""
    frags = fragments(text, span.start, span.end)
    offsets = ";".join(f"{a} {b}" for a, b in frags)
    return f"{tid}\t{type_name} {offsets}\t{' '.join(text[a:b] for a, b in frags)}"


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Maximal runs of ``text[start:end]`` without a break character (at least one run)."""
    runs: list[tuple[int, int]] = []
    run_start = None
    for i in range(start, end):
        if text[i] in BREAKS:
            if run_start is not None:
                runs.append((run_start, i))
            run_start = None
        elif run_start is None:
            run_start = i
    if run_start is not None:
        runs.append((run_start, end))
    if not runs:
        raise ExportError(
            f"span {text[start:end]!r} at {start}-{end} holds only line breaks; brat cannot show it"
        )
    return runs


def split_attributes(
    item: LayerSpan,
) -> tuple[list[tuple[str, Any, tuple[str, ...]]], list[tuple[str, str]]]:
    """(enumerable attributes for ``A`` lines with the values their field declares, ``(key, value
    text)`` notes for the rest)."""
    flags: list[tuple[str, Any, tuple[str, ...]]] = []
    notes: list[tuple[str, str]] = []
    fields = type(item.span).model_fields
    for key, value in attributes(item.span).items():
        info = fields.get(key)
        if info is not None and _enumerable(info.annotation, value):
            if value is not False:
                flags.append((key, value, literal_choices(info.annotation)))
        else:
            notes.append((key, note_value(info.annotation if info is not None else None, value)))
    if item.span.confidence is not None:
        notes.append(("confidence", f"{item.span.confidence!r}"))
    return flags, notes


def note_value(annotation: Any, value: Any) -> str:
    """A value as note text that the importer types back to ``value``: a string that would read
    as another value (``"2"`` in an ``int | str`` field, ``"null"``, any string of a layer whose
    plugin is not installed that parses as JSON) is written as a JSON string."""
    text = value_text(value)
    if isinstance(value, str) and typed_value(annotation, text) != value:
        return json.dumps(value, ensure_ascii=False)
    return text


def literal_choices(annotation: Any) -> tuple[str, ...]:
    """The string values a ``Literal`` field (or an optional one) declares that brat can enumerate."""
    args = [annotation, *typing.get_args(annotation)]
    literals = [a for a in args if typing.get_origin(a) is typing.Literal]
    values = [v for lit in literals for v in typing.get_args(lit) if isinstance(v, str)]
    return tuple(v for v in dict.fromkeys(values) if brat_name(v) == v)


def _enumerable(annotation: Any, value: Any) -> bool:
    """Booleans, and strings of a ``Literal`` type without spaces, can be declared in the config."""
    if isinstance(value, bool):
        return True
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    literal = typing.get_origin(annotation) is typing.Literal or any(
        typing.get_origin(a) is typing.Literal for a in args
    )
    return literal and isinstance(value, str) and brat_name(value) == value
