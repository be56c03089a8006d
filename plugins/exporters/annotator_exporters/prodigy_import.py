"""Prodigy: read ``prodigy db-out`` JSONL (or a task file) back into documents.

The inverse of :mod:`annotator_exporters.prodigy`. Only a record a person accepted is gold: one
with ``answer`` ``reject`` or ``ignore`` is skipped and reported, and a record without ``answer``
(a task file nobody has annotated yet, such as our own export) is read as it is. When several
accepted records are the same document (two sessions, or ``_input_hash`` twice), the last one wins
and the earlier ones are reported. Offsets are code points; ``token_start``/``token_end`` and the
span's ``text`` are checked against them, so an edited file that moved one but not the other is
an error, not a silent shift.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.errors import InputError
from annotator.importing import ImportedDocument, Importer, ImporterOptions
from annotator_exporters.prodigy_spans import LayerGuess, read_relations, read_spans

NOT_GOLD = {"reject", "ignore"}
EXPORT_META = {"doc_id", "meta", "summaries", "normalized", "annotated_by"}
HASHES = {"_input_hash": "input_hash", "_task_hash": "task_hash", "_session_id": "session_id"}


class ProdigyImportOptions(ImporterOptions):
    """Options of the Prodigy importer."""

    layer: str = "entities"
    """The layer of a span whose record names none and whose label no other span of the file has."""


class ProdigyImporter(Importer):
    """Prodigy ``db-out`` JSONL: accepted records are the gold, rejected or ignored ones are reported."""

    name = "prodigy"
    description = "Prodigy db-out JSONL: accepted records' spans, relations, meta (reject/ignore reported)."
    Options = ProdigyImportOptions

    def read(self, path: Path, options: ImporterOptions) -> Iterator[ImportedDocument]:
        """One document per accepted record; skipped records carry only their warning."""
        assert isinstance(options, ProdigyImportOptions)
        records = list(jsonl_records(path))
        guess = LayerGuess.from_records([r for _, r in records], options.layer)
        documents = []
        for line, record in records:
            try:
                documents.append(record_document(record, line, guess))
            except InputError as exc:
                raise InputError(exc.reason, str(path), line) from exc
        for document in supersede(documents):
            document.file = str(path)
            yield document


def jsonl_records(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, record) for every non-empty line; a line that is not a JSON object is an error."""
    with path.open(encoding="utf-8-sig") as stream:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError as exc:
                raise InputError(f"not JSON: {exc.args[0].split(':')[0]}", str(path), number) from exc
            if not isinstance(record, dict):
                raise InputError("a Prodigy record must be a JSON object", str(path), number)
            yield number, record


def record_document(record: dict[str, Any], line: int, guess: LayerGuess) -> ImportedDocument:
    """The document of one record; a rejected or ignored one is marked skipped and says why."""
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError("record has no 'text' string")
    meta: dict[str, Any] = record["meta"] if isinstance(record.get("meta"), dict) else {}
    doc = ImportedDocument(id=_document_id(record, meta, line), text=text, line=line)
    doc.meta = document_meta(record, meta)
    answer = record.get("answer")
    if answer in NOT_GOLD:
        doc.skipped = True
        doc.warnings.append(f"document {doc.id!r}: answer {answer!r}, not gold; skipped")
        return doc
    if answer not in (None, "accept"):
        raise InputError(f"answer {answer!r} is none of accept, reject, ignore")
    keys = read_spans(record, doc, guess)
    read_relations(record, keys, doc)
    return doc


def _document_id(record: dict[str, Any], meta: dict[str, Any], line: int) -> str:
    """``meta.doc_id`` as the exporter writes it, else Prodigy's input hash, else the line."""
    for found in (meta.get("doc_id"), record.get("_input_hash")):
        if found is not None and str(found):
            return str(found)
    return f"line-{line}"


def document_meta(record: dict[str, Any], meta: dict[str, Any]) -> dict[str, Any]:
    """The document's meta: the exporter's JSON ``meta`` entry, else the record's other meta keys.

    Prodigy's hashes and session are kept under ``prodigy`` so a gold document can be traced
    back to the database row it came from.
    """
    found: dict[str, Any]
    if isinstance(meta.get("meta"), str):
        try:
            parsed = json.loads(meta["meta"])
        except ValueError:
            parsed = None
        found = dict(parsed) if isinstance(parsed, dict) else {"meta": meta["meta"]}
    else:
        found = {k: v for k, v in meta.items() if k not in EXPORT_META}
    hashes = {name: record[key] for key, name in HASHES.items() if key in record}
    if hashes:
        found["prodigy"] = hashes
    return found


def supersede(documents: list[ImportedDocument]) -> list[ImportedDocument]:
    """Mark every accepted record but the last of each document id as skipped, naming the one kept."""
    last = {d.id: d.line for d in documents if not d.skipped}
    for doc in documents:
        if not doc.skipped and last[doc.id] != doc.line:
            doc.skipped = True
            doc.warnings.append(
                f"document {doc.id!r}: superseded by the accepted record on line {last[doc.id]}; skipped"
            )
    return documents
