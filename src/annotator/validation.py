"""Check a JSONL file of records against the models, line by line, reporting every problem."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError

from annotator.document import Document
from annotator.errors import SpanError
from annotator.records import ErrorRecord
from annotator.spans import Span


@dataclass(frozen=True)
class Problem:
    """One invalid line."""

    line: int
    reason: str


@dataclass
class Report:
    """What a file held and what was wrong with it."""

    records: int = 0
    documents: int = 0
    error_records: int = 0
    problems: list[Problem] = field(default_factory=list)


def validate_file(
    path: Path,
    span_models: Mapping[str, type[Span]],
    summary_models: Mapping[str, type[BaseModel]] | None = None,
) -> Report:
    """Validate every non-blank line of ``path``; unknown layers are accepted as foreign spans."""
    report = Report()
    with path.open("rb") as stream:
        for number, raw in enumerate(stream, start=1):
            if raw.strip():
                report.records += 1
                _check_line(raw, number, span_models, summary_models or {}, report)
    return report


def _check_line(
    raw: bytes,
    number: int,
    span_models: Mapping[str, type[Span]],
    summary_models: Mapping[str, type[BaseModel]],
    report: Report,
) -> None:
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        report.problems.append(Problem(number, f"not a JSON line: {exc}"))
        return
    try:
        if isinstance(data, dict) and "error" in data and "text" not in data:
            ErrorRecord.model_validate(data)
            report.error_records += 1
        else:
            Document.from_dict(data, span_models, summary_models)
            report.documents += 1
    except (ValidationError, SpanError) as exc:
        report.problems.append(Problem(number, _short(exc)))


def _short(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        first = exc.errors()[0]
        loc = ".".join(str(p) for p in first["loc"])
        return f"{loc}: {first['msg']}"
    return str(exc)
