"""Read input documents from .txt files, folders, JSONL files and stdin, in a stable order.

Each item is either an :class:`InputDocument` or a :class:`RecordError` naming the file, the line
and the reason, so the caller can write an error record and go on: nothing is silently lost.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from annotator.document import SourceRef
from annotator.records import InputDocument, RecordError

META_SUFFIX = ".meta.jsonl"
TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl",)

InputItem = InputDocument | RecordError


def read_inputs(paths: Iterable[str], stdin: IO[bytes] | None = None) -> Iterator[InputItem]:
    """Yield the documents of every path in order; ``-`` reads standard input."""
    for raw in paths:
        if raw == "-":
            yield from read_stream((stdin or sys.stdin.buffer).read(), "-")
            continue
        path = Path(raw)
        if path.is_dir():
            yield from read_folder(path)
        elif path.is_file():
            yield from read_file(path, _sibling_meta(path))
        else:
            yield RecordError(stage="read", reason="no such file or folder", source=SourceRef(file=raw))


def read_folder(folder: Path) -> Iterator[InputItem]:
    """Every .txt and .jsonl file below ``folder`` (recursively, sorted), with sidecar metadata."""
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if path.name.endswith(META_SUFFIX) or path.name.startswith("."):
            continue
        if path.suffix in TEXT_SUFFIXES + JSONL_SUFFIXES:
            yield from read_file(path, _sibling_meta(path), id_base=folder)


def read_file(
    path: Path, meta_by_key: dict[str, dict[str, Any]], id_base: Path | None = None
) -> Iterator[InputItem]:
    """One .txt file is one document; a .jsonl file is one document per line."""
    data = path.read_bytes()
    if path.suffix in JSONL_SUFFIXES:
        yield from read_jsonl(data, str(path))
        return
    doc_id = _text_id(path, id_base)
    meta = meta_by_key.get(path.name) or meta_by_key.get(doc_id) or {}
    yield _text_document(data, str(path), doc_id, meta)


def read_stream(data: bytes, name: str) -> Iterator[InputItem]:
    """Standard input: JSONL when its first non-blank line is a JSON object, else one plain text."""
    first = next((ln for ln in data.splitlines() if ln.strip()), b"")
    if first.lstrip().startswith(b"{"):
        yield from read_jsonl(data, name)
    else:
        yield _text_document(data, name, "stdin", {})


def read_jsonl(data: bytes, name: str) -> Iterator[InputItem]:
    """One document per non-blank line: ``{"text": ..., "id"?: ..., "meta"?: {...}}``."""
    stem = Path(name).stem if name != "-" else "stdin"
    for number, line in enumerate(data.split(b"\n"), start=1):
        if line.strip():
            yield _jsonl_record(line, name, number, f"{stem}-{number}")


def _jsonl_record(line: bytes, name: str, number: int, default_id: str) -> InputItem:
    source = SourceRef(file=name, line=number)
    try:
        record = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return RecordError(stage="read", reason=f"invalid UTF-8 at byte {exc.start}", source=source)
    except json.JSONDecodeError as exc:
        return RecordError(
            stage="read", reason=f"malformed JSON: {exc.msg} (column {exc.colno})", source=source
        )
    problem = _record_problem(record)
    if problem:
        return RecordError(stage="read", reason=problem, source=source)
    text, changes = normalize_text(record["text"])
    meta = record.get("meta") or {}
    doc_id = str(record.get("id") or default_id)
    return InputDocument(id=doc_id, text=text, meta=meta, source=source, normalized=changes)


def _record_problem(record: Any) -> str | None:
    if not isinstance(record, dict):
        return f"expected a JSON object, got {type(record).__name__}"
    if "text" not in record:
        return "record has no 'text' field"
    if not isinstance(record["text"], str):
        return f"'text' must be a string, got {type(record['text']).__name__}"
    if "meta" in record and record["meta"] is not None and not isinstance(record["meta"], dict):
        return "'meta' must be an object"
    if "id" in record and not isinstance(record["id"], (str, int)):
        return "'id' must be a string or an integer"
    return None


def _text_document(data: bytes, name: str, doc_id: str, meta: dict[str, Any]) -> InputItem:
    source = SourceRef(file=name)
    try:
        raw = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return RecordError(
            stage="read", reason=f"invalid UTF-8 at byte {exc.start}", source=SourceRef(file=name, line=line)
        )
    text, changes = normalize_text(raw)
    return InputDocument(id=doc_id, text=text, meta=meta, source=source, normalized=changes)


def normalize_text(text: str) -> tuple[str, list[str]]:
    """Normalize newlines to ``\\n`` so offsets agree with what labeling tools display."""
    if "\r" not in text:
        return text, []
    return text.replace("\r\n", "\n").replace("\r", "\n"), ["newlines-to-lf"]


def _text_id(path: Path, base: Path | None) -> str:
    rel = path.relative_to(base) if base is not None else Path(path.name)
    return rel.with_suffix("").as_posix()


def _sibling_meta(path: Path) -> dict[str, dict[str, Any]]:
    """Metadata from ``*.meta.jsonl`` files beside ``path``, keyed by their 'file' and 'id' fields."""
    found: dict[str, dict[str, Any]] = {}
    for meta_file in sorted(path.parent.glob(f"*{META_SUFFIX}")):
        for line in meta_file.read_text(encoding="utf-8").splitlines():
            if line.strip():
                entry = json.loads(line)
                meta = {k: v for k, v in entry.items() if k not in ("file", "id")}
                for key in (entry.get("file"), entry.get("id")):
                    if key:
                        found[str(key)] = meta
    return found
