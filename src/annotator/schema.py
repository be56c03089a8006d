"""Generate the JSON Schemas in ``schemas/`` from the models, so the files never drift."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from annotator.document import Document
from annotator.records import ErrorRecord
from annotator.registry import Registry


def schema_files(registry: Registry) -> dict[str, dict[str, Any]]:
    """Relative path -> JSON Schema, for the document record, the error record and every layer."""
    files: dict[str, dict[str, Any]] = {
        "document.schema.json": _titled(Document.model_json_schema(), "annotator document record"),
        "error.schema.json": _titled(ErrorRecord.model_json_schema(), "annotator error record"),
    }
    for name, model in sorted(registry.span_models().items()):
        files[f"spans/{name}.schema.json"] = _titled(model.model_json_schema(), f"{name} span")
    for name, model in sorted(registry.summary_models().items()):
        files[f"summaries/{name}.schema.json"] = _titled(model.model_json_schema(), f"{name} summary")
    return files


def render(schema: dict[str, Any]) -> str:
    """Stable text of one schema file."""
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def write_schemas(registry: Registry, folder: Path) -> list[Path]:
    """Write every schema under ``folder``; return the paths written."""
    written = []
    for rel, schema in schema_files(registry).items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render(schema), encoding="utf-8")
        written.append(path)
    return written


def _titled(schema: dict[str, Any], title: str) -> dict[str, Any]:
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema, "title": title}
