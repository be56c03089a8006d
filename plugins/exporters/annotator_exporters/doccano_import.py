"""doccano: read a JSONL export back into documents, the inverse of :mod:`annotator_exporters.doccano`.

Both shapes doccano exports are read: a relation project's ``entities`` (``id``, ``start_offset``,
``end_offset``, ``label``) with ``relations`` (``from_id``, ``to_id``, ``type``), and a sequence
labeling project's ``label`` list of ``[start, end, label]`` triples. Offsets are converted back
to code points from the units the line names (``offset_units``, written by our exporter), else
from the ``units`` option, else from UTF-16 code units, which is what doccano counts.

doccano labels have no layer. For our own exports the line carries the way back as example meta,
which doccano keeps: ``label_layers`` maps each label name to its layer and label, and
``span_attributes`` holds each span's id, layer, attributes and the offsets and label it was
written with. doccano renumbers entities, so a span record is found again by those offsets and
label (then by the offsets alone, for a label changed within its layer). A label the export does
not map (a span a person added with a new label, or a project made elsewhere) is kept in the
``default_layer`` (``unknown`` unless set) and reported.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from annotator.errors import InputError
from annotator.exporting import Utf16Offsets
from annotator.importing import ImportedDocument, ImportedRelation, ImportedSpan, Importer, ImporterOptions
from annotator_exporters.doccano import Units

Entity = tuple[Any, int, int, str]  # (doccano id, start, end, label) in the export's units
Record = dict[str, Any]


class DoccanoImportOptions(ImporterOptions):
    """Options of the doccano importer."""

    units: Units | None = None
    default_layer: str = "unknown"


class DoccanoImporter(Importer):
    """doccano JSONL export (one file, or a folder of per-layer files written with ``overlap=split``)."""

    name = "doccano"
    description = "doccano JSONL export: entities and relations (or label triples), UTF-16 offsets."
    Options = DoccanoImportOptions

    def read(self, path: Path, options: ImporterOptions) -> Iterator[ImportedDocument]:
        """One document per line; per-layer files of a folder are merged by document id."""
        assert isinstance(options, DoccanoImportOptions)
        if not path.is_dir():
            yield from read_file(path, options)
            return
        merged: dict[str, ImportedDocument] = {}
        for file in sorted(path.glob("*.jsonl")):
            for doc in read_file(file, options):
                merge(merged, doc)
        yield from merged.values()


def merge(merged: dict[str, ImportedDocument], doc: ImportedDocument) -> None:
    """Add one file's version of a document to the documents read so far from other files."""
    first = merged.setdefault(doc.id, doc)
    if first is doc:
        return
    if first.text != doc.text:
        raise InputError(f"document {doc.id!r} has another text than in {first.file}", doc.file, doc.line)
    first.spans += doc.spans
    first.relations += doc.relations
    first.warnings += doc.warnings


def read_file(path: Path, options: DoccanoImportOptions) -> Iterator[ImportedDocument]:
    """The documents of one JSONL file; a bad line is an error naming the file and line."""
    with path.open(encoding="utf-8-sig") as stream:
        for number, raw in enumerate(stream, start=1):
            if not raw.strip():
                continue
            try:
                document = line_document(json.loads(raw), number, options, str(path))
            except (ValueError, InputError) as exc:
                reason = exc.reason if isinstance(exc, InputError) else f"not JSON: {exc}"
                raise InputError(reason, str(path), number) from exc
            yield document


def line_document(
    data: Any, number: int, options: DoccanoImportOptions, file: str | None = None
) -> ImportedDocument:
    """The document of one exported line."""
    if not isinstance(data, dict):
        raise InputError("a line must be a JSON object")
    text = data.get("text", data.get("data"))
    if not isinstance(text, str) or not text:
        raise InputError("the line has no non-empty 'text' string")
    doc_id = str(data.get("doc_id") or data.get("id") or f"line-{number}")
    meta = data["meta"] if isinstance(data.get("meta"), dict) else {}
    doc = ImportedDocument(id=doc_id, text=text, meta=dict(meta), file=file, line=number)
    units = options.units or data.get("offset_units") or "utf16"
    local = read_spans(doc, data, codepoints(text, units), options.default_layer)
    doc.relations = [relation(item, local) for item in _list(data, "relations")]
    return doc


def read_spans(
    doc: ImportedDocument, data: dict[str, Any], to_cp: Callable[[int], int], default_layer: str
) -> dict[Any, str]:
    """Add every entity of the line to ``doc``; return doccano id -> span id, for the relations."""
    layers_of = data["label_layers"] if isinstance(data.get("label_layers"), dict) else {}
    records = RecordIndex(data.get("span_attributes"))
    local: dict[Any, str] = {}
    unplaced: list[str] = []
    for eid, start, end, name in entities(data):
        layer, label = _layer_label(layers_of, name)
        record = records.take(eid, start, end, name, layer)
        if layer is None:
            layer, label = default_layer, name
            unplaced.append(name)
        span_id = record["span_id"] if record else _fresh_id(eid, local.values(), records.ids)
        try:
            span = ImportedSpan(layer, str(span_id), to_cp(start), to_cp(end), label)
        except InputError as exc:
            raise InputError(f"entity {eid!r}: {exc.reason}") from exc
        span.attributes = typed_later(record_attributes(record))
        local[eid] = span.id
        doc.spans.append(span)
    if unplaced:
        names = ", ".join(map(repr, sorted(set(unplaced))))
        doc.warnings.append(
            f"document {doc.id!r}: labels {names} are in no layer of the "
            f"export's label_layers; kept in layer {default_layer!r}"
        )
    return local


def entities(data: dict[str, Any]) -> list[Entity]:
    """The line's entities (relation projects) or label triples (sequence labeling projects)."""
    if "entities" in data:
        items = _list(data, "entities")
        return [_entity(item, n) for n, item in enumerate(items)]
    key = "label" if "label" in data else "labels"
    return [_entity(item, n) for n, item in enumerate(_list(data, key))]


def _entity(item: Any, n: int) -> Entity:
    """One entity as ``(id, start, end, label)``; a triple's id is its position."""
    found: tuple[Any, Any, Any, Any]
    if isinstance(item, dict):
        found = (item.get("id", n), item.get("start_offset"), item.get("end_offset"), item.get("label"))
    elif isinstance(item, (list, tuple)) and len(item) == 3:
        found = (n, item[0], item[1], item[2])
    else:
        raise InputError(f"entity {n}: expected an object or a [start, end, label] triple, got {item!r}")
    eid, start, end, label = found
    if not (_is_int(start) and _is_int(end) and isinstance(label, str) and label):
        raise InputError(f"entity {eid!r}: needs integer start_offset and end_offset and a label")
    return eid, start, end, label


class RecordIndex:
    """The ``span_attributes`` records of a line, each taken at most once by the entity it describes."""

    def __init__(self, raw: Any) -> None:
        self.records: dict[str, Record] = (
            {str(k): v for k, v in raw.items() if isinstance(v, dict) and "span_id" in v}
            if isinstance(raw, dict)
            else {}
        )
        self.ids = {str(r["span_id"]) for r in self.records.values()}

    def take(self, eid: Any, start: int, end: int, name: str, layer: str | None) -> Record | None:
        """The record written for this entity: same offsets and label, else same offsets and layer."""
        exact = [k for k, r in self.records.items() if _at(r) == (start, end, name)]
        relabelled = [
            k for k, r in self.records.items() if _at(r)[:2] == (start, end) and r.get("layer") == layer
        ]
        legacy = [k for k, r in self.records.items() if "start_offset" not in r and k == str(eid)]
        for keys in (exact, relabelled, legacy):
            if keys:
                key = str(eid) if str(eid) in keys else keys[0]
                return self.records.pop(key)
        return None


def _at(record: Record) -> tuple[Any, Any, Any]:
    return record.get("start_offset"), record.get("end_offset"), record.get("label")


def record_attributes(record: Record | None) -> dict[str, Any]:
    """A record's attributes (nested since the layer-mapped export; flat in older ones)."""
    if record is None:
        return {}
    if isinstance(record.get("attributes"), dict):
        return dict(record["attributes"])
    return {k: v for k, v in record.items() if k != "span_id"}


def typed_later(attributes: dict[str, Any]) -> dict[str, Any]:
    """Strings as JSON text, so the host's typing gives back the very string (never ``"2"`` -> 2).

    Why: the host reads text attributes as JSON first (Label Studio keeps every value as text);
    doccano's record holds real JSON values, so a string here is a string."""
    return {k: json.dumps(v) if isinstance(v, str) else v for k, v in attributes.items()}


def relation(item: Any, local: dict[Any, str]) -> ImportedRelation:
    """A relation between two entities of the line; its type is the reference field's name."""
    if not isinstance(item, dict) or not isinstance(item.get("type"), str) or not item["type"]:
        raise InputError(f"relation {item!r} needs from_id, to_id and a type")
    for end in ("from_id", "to_id"):
        if item.get(end) not in local:
            found = item.get(end)
            raise InputError(f"relation {item.get('id')!r}: {end} {found!r} names no entity of the line")
    return ImportedRelation(item["type"], local[item["from_id"]], local[item["to_id"]])


def codepoints(text: str, units: str) -> Callable[[int], int]:
    """A function from an offset in ``units`` to the code-point offset (an error if none matches)."""
    if units == "codepoint":
        table = {i: i for i in range(len(text) + 1)}
    elif units == "utf16":
        table = {u: i for i, u in enumerate(Utf16Offsets(text).units)}
    elif units == "grapheme":
        table = _grapheme_table(text)
    else:
        raise InputError(f"offset_units {units!r} is not one of codepoint, utf16, grapheme")
    size = max(table)

    def convert(offset: int) -> int:
        if offset not in table:
            where = "out of range" if not 0 <= offset <= size else "inside a character"
            raise InputError(f"offset {offset} is {where} (the text has {size} {units} units)")
        return table[offset]

    return convert


def _grapheme_table(text: str) -> dict[int, int]:
    import regex

    table = {0: 0}
    for n, match in enumerate(regex.finditer(r"\X", text), start=1):
        table[n] = match.end()
    return table


def _layer_label(layers_of: dict[str, Any], name: str) -> tuple[str | None, str]:
    pair = layers_of.get(name)
    if isinstance(pair, list) and len(pair) == 2 and all(isinstance(p, str) for p in pair):
        return pair[0], pair[1]
    return None, name


def _fresh_id(eid: Any, used: Any, reserved: set[str]) -> str:
    """An id for a span a person added: ``doccano-<entity id>``, unique within the document."""
    taken = set(used) | reserved
    base = candidate = f"doccano-{eid}"
    n = 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def _list(data: dict[str, Any], key: str) -> list[Any]:
    value = data.get(key) or []
    if not isinstance(value, list):
        raise InputError(f"'{key}' must be a list")
    return value


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
