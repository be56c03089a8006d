"""A doccano export that a person corrected, imported and scored against the pre-annotations it came from.

The pre-annotations are written by hand as document JSONL and exported with ``annotator export
--to doccano``. The corrected export is made from that file the way doccano would write it back
after a person's work: every entity and relation gets a new database id (so spans are found again
by their offsets and label, not by id), the person re-drew one span ("Asif" -> "Khawaja Asif";
doccano cannot resize, so it is a new entity), deleted one ("defence"), added one ("Islamabad")
and pointed the quote's speaker at the re-drawn span. Every count below follows from those edits.
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
RENUMBER = 1000  # doccano's database ids instead of the export's local ones


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(CLI), *args], capture_output=True, text=True, timeout=300)


def entity(sid: str, phrase: str, label: str) -> dict[str, Any]:
    start = TEXT.index(phrase)
    end = start + len(phrase)
    return {
        "id": sid,
        "start": start,
        "end": end,
        "text": phrase,
        "label": label,
        "entity_id": sid,
        "canonical": phrase,
    }


def predicted() -> dict[str, Any]:
    """The pre-annotated document: three entities and a direct quote whose speaker is Pakistan."""
    phrase = "We will not back down"
    start = TEXT.index(phrase)
    quote = {"id": "q1", "start": start, "end": start + len(phrase), "text": phrase, "label": "QUOTE"}
    quote.update(kind="direct", speaker="e2")
    entities = [
        entity("e1", "Asif", "PERSON"),
        entity("e2", "Pakistan", "GPE"),
        entity("e3", "defence", "NORP"),
    ]
    return {
        "id": "asif",
        "text": TEXT,
        "meta": {"source": "test"},
        "spans": {"entities": entities, "quotes": [quote]},
    }


def utf16(index: int) -> int:
    return len(TEXT[:index].encode("utf-16-le")) // 2


def as_doccano_returns_it(line: dict[str, Any]) -> dict[str, Any]:
    """The line as doccano's own export writes it back: new ids, the example id, meta kept."""
    back = dict(line, id=77)
    back["entities"] = [dict(e, id=e["id"] + RENUMBER) for e in line["entities"]]
    back["relations"] = [
        dict(r, id=r["id"] + RENUMBER, from_id=r["from_id"] + RENUMBER, to_id=r["to_id"] + RENUMBER)
        for r in line["relations"]
    ]
    return back


def corrected(line: dict[str, Any]) -> dict[str, Any]:
    """The person's four edits on the returned line."""
    back = as_doccano_returns_it(line)
    by_label = {e["label"]: e for e in back["entities"]}
    asif, norp = by_label["PERSON"], by_label["NORP"]
    new = [
        {"id": 2001, "start_offset": utf16(TEXT.index("Khawaja Asif")), "label": "PERSON"},
        {"id": 2002, "start_offset": utf16(TEXT.index("Islamabad")), "label": "GPE"},
    ]
    new[0]["end_offset"] = new[0]["start_offset"] + len("Khawaja Asif")
    new[1]["end_offset"] = new[1]["start_offset"] + len("Islamabad")
    back["entities"] = [e for e in back["entities"] if e not in (asif, norp)] + new
    (speaker,) = back["relations"]
    speaker["to_id"] = 2001
    return back


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("doccano")
    pred = folder / "pred.jsonl"
    pred.write_text(json.dumps(predicted(), ensure_ascii=False) + "\n", encoding="utf-8")
    export = folder / "export.jsonl"
    done = run("export", str(pred), "--to", "doccano", "-o", str(export))
    assert done.returncode == 0, done.stderr
    return pred, export


def write_line(path: Path, line: dict[str, Any]) -> Path:
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def exported_line(export: Path) -> dict[str, Any]:
    return json.loads(export.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def report(exported: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    pred, export = exported
    folder = tmp_path_factory.mktemp("corrected")
    edited = write_line(folder / "corrected.jsonl", corrected(exported_line(export)))
    gold = folder / "gold.jsonl"
    done = run("import", str(edited), "--from", "doccano", "-o", str(gold))
    assert done.returncode == 0, done.stderr
    done = run("evaluate", str(gold), str(pred), "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)["layers"]


def test_doccano_moved_deleted_and_added_spans_give_the_expected_counts(report: dict[str, Any]) -> None:
    assert_edit_counts(report)


def test_doccano_changed_speaker_relation_is_a_wrong_speaker(report: dict[str, Any]) -> None:
    assert_speaker_changed(report)


def test_doccano_returned_export_finds_every_span_again_by_offsets(
    exported: tuple[Path, Path], tmp_path: Path
) -> None:
    pred, export = exported
    back = write_line(tmp_path / "back.jsonl", as_doccano_returns_it(exported_line(export)))
    gold = tmp_path / "gold.jsonl"
    done = run("import", str(back), "--from", "doccano", "-o", str(gold))
    assert done.returncode == 0 and "Warning" not in done.stderr, done.stderr
    (doc,) = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()]
    want = predicted()
    assert (doc["id"], doc["meta"]) == (want["id"], want["meta"])
    got = {
        layer: sorted((s["id"], s["start"], s["end"], s["label"]) for s in spans)
        for layer, spans in doc["spans"].items()
    }
    assert got == {
        layer: sorted((s["id"], s["start"], s["end"], s["label"]) for s in spans)
        for layer, spans in want["spans"].items()
    }
    (quote,) = doc["spans"]["quotes"]
    assert (quote["speaker"], quote["kind"]) == ("e2", "direct")


def test_doccano_label_of_no_layer_is_kept_and_reported(exported: tuple[Path, Path], tmp_path: Path) -> None:
    _, export = exported
    line = exported_line(export)
    line["entities"].append({"id": 9, "start_offset": utf16(TEXT.index("minister")), "label": "ROLE"})
    line["entities"][-1]["end_offset"] = line["entities"][-1]["start_offset"] + len("minister")
    gold = tmp_path / "gold.jsonl"
    done = run("import", str(write_line(tmp_path / "e.jsonl", line)), "--from", "doccano", "-o", str(gold))
    assert done.returncode == 0, done.stderr
    warning = f"Warning: {tmp_path / 'e.jsonl'}:1: document 'asif': labels 'ROLE' are in no layer"
    assert warning in done.stderr and "kept in layer 'unknown'" in done.stderr
    doc = json.loads(gold.read_text(encoding="utf-8"))
    assert [(s["text"], s["label"]) for s in doc["spans"]["unknown"]] == [("minister", "ROLE")]


def test_doccano_old_label_triples_read_as_spans(tmp_path: Path) -> None:
    start = TEXT.index("Pakistan")
    line = {"id": 5, "text": TEXT, "label": [[utf16(start), utf16(start) + 8, "GPE"]]}
    gold = tmp_path / "gold.jsonl"
    done = run(
        "import",
        str(write_line(tmp_path / "seq.jsonl", line)),
        "--from",
        "doccano",
        "-o",
        str(gold),
        "--option",
        "default_layer=entities",
    )
    assert done.returncode == 0, done.stderr
    doc = json.loads(gold.read_text(encoding="utf-8"))
    assert doc["id"] == "5"
    assert [(s["text"], s["label"]) for s in doc["spans"]["entities"]] == [("Pakistan", "GPE")]


def one_line_error(done: subprocess.CompletedProcess[str], path: Path, line: int) -> str:
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: {path}:{line}: "), lines
    return lines[0]


@pytest.mark.parametrize(
    ("edit", "reason"),
    [
        (lambda line: line["entities"][0].update(end_offset=500), "offset 500 is out of range"),
        (lambda line: line["entities"][0].update(start_offset=-1), "offset -1 is out of range"),
        (lambda line: line["relations"][0].update(to_id=99), "to_id 99 names no entity of the line"),
        (
            lambda line: line["entities"][0].pop("label"),
            "needs integer start_offset and end_offset and a label",
        ),
    ],
)
def test_doccano_bad_line_is_one_line_naming_file_and_line(
    exported: tuple[Path, Path], tmp_path: Path, edit: Any, reason: str
) -> None:
    _, export = exported
    good, bad = exported_line(export), exported_line(export)
    edit(bad)
    path = tmp_path / "bad.jsonl"
    path.write_text(
        "\n".join(json.dumps(x, ensure_ascii=False) for x in (good, bad)) + "\n", encoding="utf-8"
    )
    done = run("import", str(path), "--from", "doccano", "-o", str(tmp_path / "gold.jsonl"))
    assert reason in one_line_error(done, path, 2)
    assert not (tmp_path / "gold.jsonl").exists()
