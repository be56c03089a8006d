"""A Label Studio export that a person corrected, imported and scored against its own pre-annotations.

The export is written here the way Label Studio's JSON export holds a task: the pre-annotation in
``predictions`` and the person's work in ``annotations``. The person moved a span ("Asif" ->
"Khawaja Asif"), deleted one ("defence"), added one ("Islamabad") and changed a relation (the
quote's speaker: "Pakistan" -> "Khawaja Asif"). Every count below follows from those four edits.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from correction_edits import assert_edit_counts, assert_speaker_changed

CLI = Path(sys.executable).parent / "annotator"
TEXT = "“We will not back down,” said Khawaja Asif, Pakistan’s defence minister, in Islamabad."


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(CLI), *args], capture_output=True, text=True, timeout=300)


def region(rid: str, phrase: str, label: str, layer: str = "entities") -> dict[str, Any]:
    start = TEXT.index(phrase)
    value = {"start": start, "end": start + len(phrase), "text": phrase, "labels": [label]}
    return {"id": rid, "from_name": layer, "to_name": "text", "type": "labels", "value": value}


def quote(speaker: str) -> list[dict[str, Any]]:
    """The quote region, its kind attribute and its speaker relation."""
    attrs = {"id": "q1", "from_name": "quotes_attributes", "to_name": "text", "type": "textarea"}
    attrs["value"] = {"text": ["kind=direct"]}
    rel = {"from_id": "q1", "to_id": speaker, "type": "relation", "direction": "right", "labels": ["speaker"]}
    return [region("q1", "We will not back down", "QUOTE", "quotes"), attrs, rel]


PREDICTED = [
    region("e1", "Asif", "PERSON"),
    region("e2", "Pakistan", "GPE"),
    region("e3", "defence", "NORP"),
    *quote("e2"),
]
CORRECTED = [
    region("e1", "Khawaja Asif", "PERSON"),
    region("e2", "Pakistan", "GPE"),
    region("e9", "Islamabad", "GPE"),
    *quote("e1"),
]


def task(annotated: bool) -> dict[str, Any]:
    found = {"id": 1, "was_cancelled": False, "result": CORRECTED}
    return {
        "id": 7,
        "data": {"text": TEXT, "doc_id": "asif"},
        "annotations": [found] if annotated else [],
        "predictions": [{"id": 3, "model_version": "annotator", "result": PREDICTED}],
    }


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("corrections")
    files = {}
    for name, annotated in (("gold", True), ("pred", False)):
        export = folder / f"{name}.export.json"
        export.write_text(json.dumps([task(annotated)], ensure_ascii=False), encoding="utf-8")
        files[name] = folder / f"{name}.jsonl"
        done = run("import", str(export), "--from", "label-studio", "-o", str(files[name]))
        assert done.returncode == 0, done.stderr
    done = run("evaluate", str(files["gold"]), str(files["pred"]), "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)["layers"]


def test_moved_deleted_and_added_spans_give_the_expected_counts(report: dict[str, Any]) -> None:
    assert_edit_counts(report)


def test_a_changed_speaker_relation_is_a_wrong_speaker(report: dict[str, Any]) -> None:
    assert_speaker_changed(report)


def test_the_corrected_relation_is_right_against_itself(tmp_path: Path) -> None:
    export = tmp_path / "export.json"
    export.write_text(json.dumps([task(True)], ensure_ascii=False), encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    assert run("import", str(export), "--from", "label-studio", "-o", str(gold)).returncode == 0
    same = json.loads(run("evaluate", str(gold), str(gold), "--json").stdout)["layers"]["quotes"]
    assert same["figures"]["speaker_right"] == 1


def test_a_bad_region_is_one_line_naming_the_file_and_task(tmp_path: Path) -> None:
    broken = task(True)
    broken["annotations"][0]["result"][0]["value"]["end"] = 500
    export = tmp_path / "export.json"
    export.write_text(json.dumps([broken], ensure_ascii=False), encoding="utf-8")
    done = run("import", str(export), "--from", "label-studio", "-o", str(tmp_path / "gold.jsonl"))
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: {export}:1: ") and "out of range" in lines[0]
    assert not (tmp_path / "gold.jsonl").exists()
