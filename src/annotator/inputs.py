"""Read input documents from .txt files, folders, JSONL files and stdin, in a stable order.

Each item is either an :class:`InputDocument` or a :class:`RecordError` naming the file, the line
and the reason, so the caller can write an error record and go on: nothing is silently lost.
JSONL files are streamed line by line, so memory is bounded by the longest line, not the file.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import IO, Any, Literal

from annotator.document import SourceRef
from annotator.errors import ConfigError
from annotator.records import SKIP_STAGE, InputDocument, RecordError

META_SUFFIX = ".meta.jsonl"
TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl",)
REPLACE_HINT = " (use --encoding-errors replace to annotate it anyway)"
SNIFF_BYTES = 8192  # a NUL byte this early means a binary file, as git and grep decide

EncodingErrors = Literal["strict", "replace"]
ControlChars = Literal["space", "keep"]

# C0 controls except tab and newline, DEL and C1 controls: invisible, and illegal in XML 1.0.
CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

InputItem = InputDocument | RecordError


@dataclass(frozen=True)
class ReadOptions:
    """How to treat undecodable bytes and control characters; see docs/reliability.md."""

    encoding_errors: EncodingErrors = "strict"
    control_chars: ControlChars = "space"


DEFAULT_READ = ReadOptions()


def read_inputs(
    paths: Iterable[str], stdin: IO[bytes] | None = None, options: ReadOptions = DEFAULT_READ
) -> Iterator[InputItem]:
    """Yield the documents of every path in order; ``-`` reads standard input."""
    for raw in paths:
        if raw == "-":
            yield from read_stream(stdin or sys.stdin.buffer, "-", options)
            continue
        path = Path(raw)
        if path.is_dir():
            yield from read_folder(path, options)
        elif path.is_file():
            meta, problems = load_sibling_meta(path.parent)
            yield from problems
            yield from read_file(path, meta, options=options)
        else:
            yield RecordError(stage="read", reason="no such file or folder", source=_ref(raw), doc_id=raw)


def read_folder(folder: Path, options: ReadOptions = DEFAULT_READ) -> Iterator[InputItem]:
    """Every .txt and .jsonl file below ``folder`` (recursively, sorted), with sidecar metadata."""
    meta_by_dir: dict[Path, dict[str, dict[str, Any]]] = {}
    for path in folder_files(folder):
        if path.parent not in meta_by_dir:
            meta_by_dir[path.parent], problems = load_sibling_meta(path.parent)
            yield from problems
        binary = _binary_reason(path)
        if binary:
            yield RecordError(stage=SKIP_STAGE, reason=binary, source=_ref(str(path)), doc_id=str(path))
            continue
        yield from read_file(path, meta_by_dir[path.parent], id_base=folder, options=options)


def folder_files(folder: Path) -> list[Path]:
    """The input files below ``folder``, sorted: .txt and .jsonl, not sidecar metadata or hidden files."""
    return sorted(
        path
        for path in folder.rglob("*")
        if path.is_file()
        and path.suffix in TEXT_SUFFIXES + JSONL_SUFFIXES
        and not path.name.endswith(META_SUFFIX)
        and not path.name.startswith(".")
    )


def count_documents(paths: Iterable[str]) -> int | None:
    """How many documents ``paths`` hold (one per .txt file, one per non-blank JSONL line); None for stdin.

    A cheap pass over the files, for the progress bar's ETA; read errors count as the records they become.
    """
    total = 0
    for raw in paths:
        path = Path(raw)
        if raw == "-":
            return None
        if path.is_dir():
            total += sum(_documents_in(f) for f in folder_files(path))
        else:
            total += _documents_in(path) if path.is_file() else 1  # a missing file: one error record
    return total


def _documents_in(path: Path) -> int:
    if path.suffix not in JSONL_SUFFIXES:
        return 1
    with path.open("rb") as stream:
        return sum(1 for line in stream if line.strip())


def read_file(
    path: Path,
    meta_by_key: dict[str, dict[str, Any]],
    id_base: Path | None = None,
    options: ReadOptions = DEFAULT_READ,
) -> Iterator[InputItem]:
    """One .txt file is one document; a .jsonl file is one document per line."""
    if path.suffix in JSONL_SUFFIXES:
        with path.open("rb") as stream:
            yield from read_jsonl(stream, str(path), options)
        return
    doc_id = _text_id(path, id_base)
    meta = meta_by_key.get(path.name) or meta_by_key.get(doc_id) or {}
    yield _text_document(path.read_bytes(), str(path), doc_id, meta, options)


def read_stream(stream: IO[bytes], name: str, options: ReadOptions = DEFAULT_READ) -> Iterator[InputItem]:
    """Standard input: JSONL when its first non-blank line is a JSON object, else one plain text."""
    head: list[bytes] = []
    for line in stream:
        head.append(line)
        if line.strip():
            break
    if head and head[-1].lstrip().startswith(b"{"):
        yield from read_jsonl(chain(head, stream), name, options)
    else:
        yield _text_document(b"".join(head) + stream.read(), name, "stdin", {}, options)


def read_jsonl(lines: Iterable[bytes], name: str, options: ReadOptions = DEFAULT_READ) -> Iterator[InputItem]:
    """One document per non-blank line: ``{"text": ..., "id"?: ..., "meta"?: {...}}``."""
    stem = Path(name).stem if name != "-" else "stdin"
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield _jsonl_record(line, name, number, f"{stem}-{number}", options, bom=number == 1)


def _jsonl_record(
    line: bytes, name: str, number: int, default_id: str, options: ReadOptions, bom: bool = False
) -> InputItem:
    """One JSONL line; ``bom`` for a file's first line, where editors on Windows put a UTF-8 BOM."""
    source = SourceRef(file=name, line=number)
    decoded, bad_byte = _decode(line, options, bom=bom)
    if decoded is None:
        return _read_error(f"invalid UTF-8 at byte {bad_byte}{REPLACE_HINT}", source, default_id)
    try:
        record = json.loads(decoded)
    except json.JSONDecodeError as exc:
        return _read_error(f"malformed JSON: {exc.msg} (column {exc.colno})", source, default_id)
    except RecursionError:
        return _read_error(f"JSON nested deeper than {MAX_META_DEPTH} levels", source, default_id)
    problem = _record_problem(record)
    if problem:
        doc_id = record.get("id") if isinstance(record, dict) else None
        usable = isinstance(doc_id, (str, int)) and not _bad_value(doc_id, 0)
        return _read_error(problem, source, str(doc_id) if usable else default_id)
    text, changes = normalize_text(record["text"], options)
    raw_id = record.get("id")
    doc_id = default_id if raw_id is None or raw_id == "" else str(raw_id)
    meta = record.get("meta") or {}
    return InputDocument(
        id=doc_id, text=text, meta=meta, source=source, normalized=_replaced(bad_byte) + changes
    )


def _record_problem(record: Any) -> str | None:
    if not isinstance(record, dict):
        return f"expected a JSON object, got {type(record).__name__}"
    if "text" not in record:
        return "record has no 'text' field"
    if not isinstance(record["text"], str):
        return f"'text' must be a string, got {type(record['text']).__name__}"
    if "meta" in record and record["meta"] is not None and not isinstance(record["meta"], dict):
        return "'meta' must be an object"
    if "id" in record and record["id"] is not None and not isinstance(record["id"], (str, int)):
        return "'id' must be a string or an integer"
    for field in ("id", "text", "meta"):
        problem = _bad_value(record.get(field), 0)
        if problem:
            return f"'{field}' {problem}"
    return None


MAX_META_DEPTH = 64
"""Deepest nesting of lists and objects accepted in a record's ``meta`` (documented in reliability.md).

Why: JSON serialisation (orjson stops at 255 levels, the json module at the recursion limit) would
otherwise abort the whole run on one record; real metadata is a few levels deep."""


def _bad_value(value: Any, depth: int) -> str | None:
    """Why ``value`` cannot be written back as UTF-8 JSON (a lone surrogate, too deep), or None.

    Why: ``json.loads`` accepts ``"\\ud800"`` escapes that no UTF-8 writer can encode, so the
    record must become an error record here instead of crashing the writer (or a worker) later."""
    if depth > MAX_META_DEPTH:
        return f"is nested deeper than {MAX_META_DEPTH} levels"
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            return f"holds a lone surrogate U+{ord(value[exc.start]):04X} at character {exc.start}"
        return None
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        problem = (_bad_value(key, depth) if isinstance(key, str) else None) or _bad_value(item, depth + 1)
        if problem:
            return problem
    return None


def _text_document(
    data: bytes, name: str, doc_id: str, meta: dict[str, Any], options: ReadOptions
) -> InputItem:
    source = SourceRef(file=name)
    decoded, bad_byte = _decode(data, options, bom=True)
    if decoded is None:
        line = data[:bad_byte].count(b"\n") + 1
        reason = f"invalid UTF-8 at byte {bad_byte}{REPLACE_HINT}"
        return _read_error(reason, SourceRef(file=name, line=line), doc_id)
    text, changes = normalize_text(decoded, options)
    return InputDocument(
        id=doc_id, text=text, meta=meta, source=source, normalized=_replaced(bad_byte) + changes
    )


def _decode(data: bytes, options: ReadOptions, bom: bool = False) -> tuple[str | None, int | None]:
    """``(text, None)``; or, at the first invalid byte, ``(None, byte)`` or the replaced text and the byte."""
    codec = "utf-8-sig" if bom else "utf-8"
    try:
        return data.decode(codec), None
    except UnicodeDecodeError as exc:
        if options.encoding_errors == "replace":
            return data.decode(codec, errors="replace"), exc.start
        return None, exc.start


def _replaced(bad_byte: int | None) -> list[str]:
    return [] if bad_byte is None else [f"invalid-utf8-replaced (first at byte {bad_byte})"]


def normalize_text(text: str, options: ReadOptions = DEFAULT_READ) -> tuple[str, list[str]]:
    """Newlines become ``\\n``; control characters become spaces (one for one, so offsets stay put)."""
    changes = []
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        changes.append("newlines-to-lf")
    if options.control_chars == "space" and CONTROL_CHARS.search(text):
        text = CONTROL_CHARS.sub(" ", text)
        changes.append("control-chars-to-space")
    return text, changes


def _binary_reason(path: Path) -> str | None:
    with path.open("rb") as stream:
        head = stream.read(SNIFF_BYTES)
    at = head.find(b"\0")
    return None if at < 0 else f"skipped binary file (NUL byte at offset {at})"


def _read_error(reason: str, source: SourceRef, doc_id: str) -> RecordError:
    return RecordError(stage="read", reason=reason, source=source, doc_id=doc_id)


def _ref(name: str) -> SourceRef:
    return SourceRef(file=name)


def _text_id(path: Path, base: Path | None) -> str:
    rel = path.relative_to(base) if base is not None else Path(path.name)
    return rel.with_suffix("").as_posix()


def load_sibling_meta(folder: Path) -> tuple[dict[str, dict[str, Any]], list[RecordError]]:
    """Metadata from ``*.meta.jsonl`` files in ``folder``, keyed by 'file' and 'id'; bad lines are errors."""
    found: dict[str, dict[str, Any]] = {}
    problems: list[RecordError] = []
    for meta_file in sorted(folder.glob(f"*{META_SUFFIX}")):
        with meta_file.open("rb") as stream:
            for number, line in enumerate(stream, start=1):
                if line.strip():
                    _add_meta(line, SourceRef(file=str(meta_file), line=number), found, problems)
    return found, problems


def _add_meta(
    line: bytes, source: SourceRef, found: dict[str, dict[str, Any]], problems: list[RecordError]
) -> None:
    try:
        entry = json.loads(line.decode("utf-8"))
        if not isinstance(entry, dict):
            raise ValueError(f"expected a JSON object, got {type(entry).__name__}")
    except ValueError as exc:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        doc_id = f"{Path(str(source.file)).name}-{source.line}"
        problems.append(_read_error(f"metadata line ignored: {exc}", source, doc_id))
        return
    meta = {k: v for k, v in entry.items() if k not in ("file", "id")}
    for key in (entry.get("file"), entry.get("id")):
        if key:
            found[str(key)] = meta


DuplicateIds = Literal["error", "keep", "suffix"]


def handle_duplicate_ids(items: Iterable[InputItem], mode: DuplicateIds = "error") -> Iterator[InputItem]:
    """Apply ``--duplicate-ids``: a repeated id becomes an error, stays, or gets ``-2``, ``-3``..."""
    seen: set[str] = set()
    for item in items:
        if isinstance(item, InputDocument) and item.id in seen and mode != "keep":
            if mode == "error":
                reason = f"duplicate id {item.id!r} (use --duplicate-ids keep or suffix)"
                item = RecordError(stage="read", reason=reason, source=item.source, doc_id=item.id)
            else:
                item = item.model_copy(update={"id": _free_id(item.id, seen)})
        if isinstance(item, InputDocument):
            seen.add(item.id)
        yield item


def _free_id(doc_id: str, seen: set[str]) -> str:
    n = 2
    while f"{doc_id}-{n}" in seen:
        n += 1
    return f"{doc_id}-{n}"


@dataclass(frozen=True)
class Reading:
    """The input choices of one run: decoding, control characters and duplicate ids."""

    options: ReadOptions = DEFAULT_READ
    duplicate_ids: DuplicateIds = "error"

    @classmethod
    def parse(cls, encoding_errors: str, control_chars: str, duplicate_ids: str) -> Reading:
        """Check the command-line values, naming the allowed ones."""
        _choice("--encoding-errors", encoding_errors, ("strict", "replace"))
        _choice("--control-chars", control_chars, ("space", "keep"))
        _choice("--duplicate-ids", duplicate_ids, ("error", "keep", "suffix"))
        options = ReadOptions(encoding_errors, control_chars)  # type: ignore[arg-type]
        return cls(options, duplicate_ids)  # type: ignore[arg-type]

    def ids(self, items: Iterable[InputItem]) -> Iterator[InputItem]:
        """Apply the duplicate-id rule to a stream of items."""
        return handle_duplicate_ids(items, self.duplicate_ids)


def _choice(option: str, value: str, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        raise ConfigError(f"{option} must be {' or '.join(allowed)}, not {value!r}.")
