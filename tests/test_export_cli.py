"""``annotator export`` and ``annotator view`` from the command line: formats, options, clear errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from test_export_golden import golden_document

CLI = Path(sys.executable).parent / "annotator"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(CLI), *args], capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL
    )


@pytest.fixture
def annotated(tmp_path: Path) -> Path:
    # Layers renamed so the installed plugins' models (which would re-type them) do not apply.
    doc = golden_document()
    doc.spans = {f"gold_{layer}": spans for layer, spans in doc.spans.items()}
    doc.summaries = {f"gold_{layer}": value for layer, value in doc.summaries.items()}
    path = tmp_path / "in.jsonl"
    path.write_text(doc.to_json() + "\n", encoding="utf-8")
    return path


def test_export_cli_writes_doccano_in_the_chosen_units(annotated: Path, tmp_path: Path) -> None:
    out = tmp_path / "d.jsonl"
    done = run("export", str(annotated), "--to", "doccano", "-O", "units=codepoint", "-o", str(out))
    assert done.returncode == 0, done.stderr
    line = json.loads(out.read_text(encoding="utf-8"))
    date = next(e for e in line["entities"] if e["label"] == "DATE")
    assert (date["start_offset"], date["end_offset"]) == (24, 36)


def test_export_cli_names_the_available_formats_for_an_unknown_one(annotated: Path, tmp_path: Path) -> None:
    done = run("export", str(annotated), "--to", "labelstudio", "-o", str(tmp_path / "x.json"))
    assert done.returncode != 0
    assert (
        "Unknown export format 'labelstudio'. Available: brat, doccano, inception, label-studio"
        in done.stderr
    )


def test_export_cli_names_the_line_and_field_of_an_invalid_document(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    bad = {
        "id": "d",
        "text": "Ann",
        "spans": {"x": [{"id": "x-0", "start": 0, "end": 9, "text": "Ann", "label": "P"}]},
    }
    path.write_text(json.dumps(bad) + "\n", encoding="utf-8")
    done = run("export", str(path), "--to", "brat", "-o", str(tmp_path / "out"))
    assert (
        done.returncode != 0
        and "bad.jsonl:1: not an annotated document" in done.stderr
        and "0-3" in done.stderr
    )


def test_export_cli_rejects_an_option_the_exporter_does_not_have(annotated: Path, tmp_path: Path) -> None:
    done = run("export", str(annotated), "--to", "doccano", "-O", "unit=utf16", "-o", str(tmp_path / "x"))
    assert done.returncode != 0 and "Bad option for exporter 'doccano': unit" in done.stderr


def test_view_cli_writes_a_self_contained_page(annotated: Path, tmp_path: Path) -> None:
    out = tmp_path / "page.html"
    done = run("view", str(annotated), "-o", str(out))
    page = out.read_text(encoding="utf-8")
    assert done.returncode == 0, done.stderr
    assert "golden/1" in page and "<script src" not in page and "<link" not in page
