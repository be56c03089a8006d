"""A brat collection that a person corrected, imported and scored against the pre-annotations it came from.

The pre-annotations are written by hand as document JSONL and exported with ``annotator export
--to brat``. The person's work is made on that export the way brat's editor changes the ``.ann``:
the ``T`` line of "Asif" is resized to "Khawaja Asif" (brat keeps its id), the ``T`` of "defence"
is deleted with the lines that point at it, a ``T`` is added for "Islamabad" with the next free id,
and the quote's ``R`` line is pointed at the resized span. Every count below follows from those edits.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from correction_edits import assert_edit_counts, assert_speaker_changed
from test_import_corrections_doccano import TEXT, predicted

CLI = Path(sys.executable).parent / "annotator"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(CLI), *args], capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("brat")
    pred = folder / "pred.jsonl"
    pred.write_text(json.dumps(predicted(), ensure_ascii=False) + "\n", encoding="utf-8")
    done = run("export", str(pred), "--to", "brat", "-o", str(folder / "brat"))
    assert done.returncode == 0, done.stderr
    return pred, folder / "brat"


def copy_export(export: Path, to: Path) -> Path:
    to.mkdir(parents=True, exist_ok=True)
    for path in export.iterdir():
        (to / path.name).write_bytes(path.read_bytes())
    return to


def tid_of(ann: str, phrase: str) -> str:
    return re.search(rf"^(T\d+)\t\S+ [\d ;]+\t{re.escape(phrase)}$", ann, re.M).group(1)  # type: ignore[union-attr]


def corrected(ann: str) -> str:
    """The person's four edits, as brat's editor writes them."""
    asif, pakistan, defence = tid_of(ann, "Asif"), tid_of(ann, "Pakistan"), tid_of(ann, "defence")
    start = TEXT.index("Khawaja Asif")
    ann = re.sub(
        rf"^{asif}\tPERSON \d+ \d+\tAsif$",
        f"{asif}\tPERSON {start} {start + 12}\tKhawaja Asif",
        ann,
        flags=re.M,
    )
    ann = "".join(line for line in ann.splitlines(keepends=True) if not re.search(rf"\b{defence}\b", line))
    next_t = 1 + max(int(n) for n in re.findall(r"^T(\d+)\t", ann, re.M))
    added = TEXT.index("Islamabad")
    ann += f"T{next_t}\tGPE {added} {added + 9}\tIslamabad\n"
    return re.sub(rf"^(R\d+\tspeaker Arg1:T\d+) Arg2:{pakistan}$", rf"\1 Arg2:{asif}", ann, flags=re.M)


@pytest.fixture(scope="module")
def report(exported: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    pred, export = exported
    folder = copy_export(export, tmp_path_factory.mktemp("corrected") / "brat")
    ann = folder / "asif.ann"
    ann.write_text(corrected(ann.read_text(encoding="utf-8")), encoding="utf-8")
    gold = folder.parent / "gold.jsonl"
    done = run("import", str(folder), "--from", "brat", "-o", str(gold))
    assert done.returncode == 0, done.stderr
    done = run("evaluate", str(gold), str(pred), "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)["layers"]


def test_brat_moved_deleted_and_added_spans_give_the_expected_counts(report: dict[str, Any]) -> None:
    assert_edit_counts(report)


def test_brat_changed_speaker_relation_is_a_wrong_speaker(report: dict[str, Any]) -> None:
    assert_speaker_changed(report)


def test_brat_export_reads_back_with_document_id_meta_and_attributes(
    exported: tuple[Path, Path], tmp_path: Path
) -> None:
    _, export = exported
    gold = tmp_path / "gold.jsonl"
    done = run("import", str(export), "--from", "brat", "-o", str(gold))
    assert done.returncode == 0 and "Warning" not in done.stderr, done.stderr
    doc = json.loads(gold.read_text(encoding="utf-8"))
    want = predicted()
    assert (doc["id"], doc["meta"], doc["text"]) == (want["id"], want["meta"], want["text"])
    (quote,) = doc["spans"]["quotes"]
    assert (quote["id"], quote["speaker"], quote["kind"]) == ("q1", "e2", "direct")
    assert {s["id"]: s["canonical"] for s in doc["spans"]["entities"]} == {
        "e1": "Asif",
        "e2": "Pakistan",
        "e3": "defence",
    }


def test_brat_type_of_no_layer_is_kept_and_reported(exported: tuple[Path, Path], tmp_path: Path) -> None:
    folder = copy_export(exported[1], tmp_path / "brat")
    start = TEXT.index("minister")
    note_line = len((folder / "asif.ann").read_text(encoding="utf-8").splitlines()) + 2
    with (folder / "asif.ann").open("a", encoding="utf-8") as stream:
        stream.write(f"T90\tROLE {start} {start + 8}\tminister\n#90\tAnnotatorNotes T90\tcheck this\n")
    gold = tmp_path / "gold.jsonl"
    done = run("import", str(folder), "--from", "brat", "-o", str(gold))
    assert done.returncode == 0, done.stderr
    ann = folder / "asif.ann"
    assert f"Warning: {ann}: types 'ROLE' are in no layer" in done.stderr
    assert "kept in layer 'unknown'" in done.stderr
    assert (
        f"Warning: {ann}: line {note_line}: note on T90 kept out (not key=value): 'check this'" in done.stderr
    )
    doc = json.loads(gold.read_text(encoding="utf-8"))
    assert [(s["id"], s["text"], s["label"]) for s in doc["spans"]["unknown"]] == [
        ("brat-T90", "minister", "ROLE")
    ]


def one_line_error(done: subprocess.CompletedProcess[str], where: str) -> str:
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: {where}: "), lines
    return lines[0]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (
            "T90\tPERSON 80 500\tx",
            "T90: fragment 80-500 out of range or overlapping (the text has 86 characters)",
        ),
        ("T90\tPERSON 0 3\tWe!", "T90: text 'We!' differs from the .txt at 0 3"),
        ("R90\tspeaker Arg1:T1 Arg2:T77", "'T77' names no textbound (T) annotation of this file"),
        ("A90\tkind T77 direct", "'T77' names no textbound (T) annotation of this file"),
        ("T90 PERSON 0 3", "not a brat annotation line"),
    ],
)
def test_brat_bad_line_is_one_line_naming_file_and_line(
    exported: tuple[Path, Path], tmp_path: Path, line: str, reason: str
) -> None:
    folder = copy_export(exported[1], tmp_path / "brat")
    ann = folder / "asif.ann"
    lines = ann.read_text(encoding="utf-8").splitlines()
    ann.write_text("\n".join([*lines[:2], line, *lines[2:]]) + "\n", encoding="utf-8")
    done = run("import", str(folder), "--from", "brat", "-o", str(tmp_path / "gold.jsonl"))
    assert reason in one_line_error(done, f"{ann}:3")
    assert not (tmp_path / "gold.jsonl").exists()


def test_brat_ann_without_its_txt_is_an_error_naming_it(exported: tuple[Path, Path], tmp_path: Path) -> None:
    folder = copy_export(exported[1], tmp_path / "brat")
    (folder / "asif.txt").unlink()
    done = run("import", str(folder), "--from", "brat", "-o", str(tmp_path / "gold.jsonl"))
    assert "no asif.txt next to it" in one_line_error(done, str(folder / "asif.ann"))


FOREIGN_TEXT = "Maria Ruiz met the mayor of Lyon.\nShe left on Monday."
FOREIGN_ANN = """T1\tPerson 0 10\tMaria Ruiz
T2\tCity 28 32\tLyon
T3\tMeet 11 14\tmet
E1\tMeet:T3 Agent:T1
A1\tNegated E1
A2\tCertain T1 High
*\tEquiv T1 T2
R1\tLocated Arg1:T1 Arg2:T2
#1\tAnnotatorNotes R1\tchecked
N1\tReference T2 Wikidata:Q456\tLyon
T4\tDate 46 52\tMonday
"""


def test_brat_collection_made_elsewhere_keeps_spans_and_reports_what_it_skips(tmp_path: Path) -> None:
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    (folder / "news-1.txt").write_text(FOREIGN_TEXT, encoding="utf-8")
    (folder / "news-1.ann").write_text(FOREIGN_ANN, encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    done = run("import", str(folder), "--from", "brat", "-o", str(gold))
    assert done.returncode == 0, done.stderr
    doc = json.loads(gold.read_text(encoding="utf-8"))
    assert doc["id"] == "news-1"
    spans = {s["text"]: s for s in doc["spans"]["unknown"]}
    assert {t: s["label"] for t, s in spans.items()} == {
        "Maria Ruiz": "Person",
        "Lyon": "City",
        "met": "Meet",
        "Monday": "Date",
    }
    assert spans["Maria Ruiz"]["Certain"] == "High" and spans["Maria Ruiz"]["Located"] == "brat-T2"
    for skipped in (
        "1 E line(s)",
        "1 * line(s)",
        "1 N line(s)",
        "1 A (on E1) line(s)",
        "1 # (on R1) line(s)",
    ):
        assert skipped in done.stderr
    assert "types 'City', 'Date', 'Meet', 'Person' are in no layer" in done.stderr
