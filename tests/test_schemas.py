"""The checked-in JSON Schemas are exactly what the models generate."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.registry import build_registry
from annotator.schema import render, schema_files

SCHEMAS = Path(__file__).resolve().parents[1] / "schemas"
GENERATED = schema_files(build_registry())


@pytest.mark.parametrize("rel", sorted(GENERATED))
def test_schema_file_matches_models(rel: str) -> None:
    path = SCHEMAS / rel
    assert path.exists(), f"{rel} is missing: run `annotator schema schemas`"
    assert path.read_text(encoding="utf-8") == render(GENERATED[rel]), (
        f"{rel} drifted: run `annotator schema schemas`"
    )


def test_schema_folder_has_no_stale_files() -> None:
    present = {p.relative_to(SCHEMAS).as_posix() for p in SCHEMAS.rglob("*.json")}
    assert present <= set(GENERATED), f"stale schema files: {sorted(present - set(GENERATED))}"


def test_schema_documents_offset_units() -> None:
    props = GENERATED["spans/entities.schema.json"]["properties"]
    assert "code points" in props["start"]["description"] and "UTF-16" in props["end"]["description"]
