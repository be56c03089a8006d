"""Reading gold and predicted JSONL for scoring: leniently typed, strictly checked, by id.

Gold made by people or converted from a public suite rarely has every field our span models
require (an entity without ``entity_id``), so every layer is read as :class:`ForeignSpan`, which
keeps whatever fields are there. Offsets, texts and unique ids are still checked; a span without an
``id`` gets ``<layer>-<n>`` and one without ``text`` gets the slice, because neither changes what is
scored. Every problem is one line naming the file, the line and the reason.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from annotator.document import Document
from annotator.errors import AnnotatorError, InputError


class EvaluationInputError(AnnotatorError):
    """GOLD or PRED has records that cannot be scored; ``problems`` holds one line for each."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        super().__init__(problems[0] + more)


@dataclass
class ScoredFile:
    """The documents of one file by id, the line each came from, and the ids that failed upstream."""

    path: str
    documents: dict[str, Document] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, documents: Iterable[Document], path: str = "<memory>") -> ScoredFile:
        """Documents built in memory (by a benchmark script), numbered as if they were lines."""
        scored = cls(path)
        for number, document in enumerate(documents, start=1):
            scored.documents[document.id] = document
            scored.lines[document.id] = number
        return scored

    def where(self, doc_id: str) -> str:
        """``file:line`` of a document."""
        return f"{self.path}:{self.lines.get(doc_id, 1)}"


def read_scored(path: Path) -> ScoredFile:
    """Read every record of ``path``; problems are collected, not raised (see the module docstring)."""
    scored = ScoredFile(str(path))
    try:
        stream = path.open(encoding="utf-8-sig")
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", str(path)) from exc
    with stream:
        for number, line in enumerate(stream, start=1):
            if line.strip():
                _read_line(scored, line, number)
    return scored


def _read_line(scored: ScoredFile, line: str, number: int) -> None:
    try:
        data = json.loads(line)
        if isinstance(data, dict) and "error" in data and "text" not in data:
            _failed(scored, data, number)
            return
        document = Document.from_dict(_filled(data), {})
    except (ValueError, AnnotatorError, UnicodeError) as exc:
        scored.problems.append(f"{scored.path}:{number}: {_reason(exc)}")
        return
    if document.id in scored.documents:
        first = scored.lines[document.id]
        scored.problems.append(
            f"{scored.path}:{number}: duplicate document id {document.id!r} (first on line {first})"
        )
        return
    scored.documents[document.id] = document
    scored.lines[document.id] = number


def _failed(scored: ScoredFile, data: dict[str, Any], number: int) -> None:
    doc_id = data.get("id")
    if isinstance(doc_id, str):
        error = data.get("error")
        reason = error.get("reason") if isinstance(error, dict) else None
        scored.failed[doc_id] = str(reason or "error record")
        scored.lines.setdefault(doc_id, number)


def _filled(data: Any) -> Any:
    """Give spans without an id or a text the ones that change nothing (see the module docstring)."""
    if not isinstance(data, dict):
        raise ValueError(f"a record must be a JSON object, not {_json_type(data)}")
    if not (isinstance(data.get("spans"), dict) and isinstance(data.get("text"), str)):
        return data
    text = data["text"]
    layers = {}
    for layer, items in data["spans"].items():
        layers[layer] = (
            [_filled_span(text, layer, n, item) for n, item in enumerate(items or [], 1)]
            if isinstance(items, list)
            else items
        )
    return {**data, "spans": layers}


def _filled_span(text: str, layer: str, n: int, item: Any) -> Any:
    if not isinstance(item, dict):
        return item
    item = dict(item)
    item.setdefault("id", f"{layer}-{n}")
    start, end = item.get("start"), item.get("end")
    if isinstance(start, int) and isinstance(end, int):
        if not 0 <= start < end <= len(text):
            raise ValueError(
                f"span {item['id']!r} in layer {layer!r}: offsets {start}-{end} are out of range "
                f"for a text of {len(text)} characters"
            )
        item.setdefault("text", text[start:end])
    return item


def _json_type(value: Any) -> str:
    names = {list: "an array", str: "a string", bool: "a boolean", int: "a number", float: "a number"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


def _reason(exc: Exception) -> str:
    """One line: the first invalid fields for pydantic errors, the message otherwise."""
    if isinstance(exc, ValidationError):
        parts = []
        for error in exc.errors()[:2]:
            loc = ".".join(map(str, error["loc"]))
            message = str(error["msg"]).removeprefix("Value error, ")
            parts.append(f"{loc}: {message}" if loc else message)
        return "; ".join(parts)
    if isinstance(exc, json.JSONDecodeError):
        return f"malformed JSON: {exc.msg} (column {exc.colno})"
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
