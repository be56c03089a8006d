"""Prodigy: a task a person corrected in db-out form, imported and scored; answers; bad lines in one line.

The correction is written the way Prodigy's ``spans_manual``/``rel.manual`` store a person's work:
the moved span keeps its other keys but gets new ``start``/``token_start``/``text``, the added span
has only Prodigy's own keys (no ``layer``, no ``id``), and the new speaker relation names its ends
by offsets and label only. The record carries ``answer: accept`` and the hashes ``db-out`` writes.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from correction_edits import (
    TEXT,
    assert_edit_counts,
    assert_speaker_changed,
    at,
    export_predicted,
    import_to,
    one_error_line,
    run,
    score_correction,
)

KEYS = ("start", "end", "token_start", "token_end", "label")


def token_at(task: dict[str, Any], offset: int, side: str) -> int:
    return next(t["id"] for t in task["tokens"] if t[side] == offset)


def drawn(task: dict[str, Any], phrase: str, label: str) -> dict[str, Any]:
    """A span as Prodigy's UI adds it: offsets, token indices and label only."""
    start, end = at(phrase)
    first, last = token_at(task, start, "start"), token_at(task, end, "end")
    return {"start": start, "end": end, "token_start": first, "token_end": last, "label": label}


def correct(task: dict[str, Any]) -> dict[str, Any]:
    """The four edits, then Prodigy's answer and hashes."""
    task = copy.deepcopy(task)
    spans = {s["text"]: s for s in task["spans"]}
    moved = spans["Asif"]
    moved["start"], moved["text"] = at("Khawaja Asif")[0], "Khawaja Asif"
    moved["token_start"] = token_at(task, moved["start"], "start")
    task["spans"] = [s for s in task["spans"] if s["text"] != "defence"] + [drawn(task, "Islamabad", "GPE")]
    quote = spans["We will not back down"]
    head, child = {k: quote[k] for k in KEYS}, {k: moved[k] for k in KEYS}
    rel = {"head": head["token_end"], "child": child["token_end"], "label": "speaker"}
    task["relations"] = [{**rel, "head_span": head, "child_span": child}]
    return {**task, "answer": "accept", "_input_hash": 101, "_task_hash": 202, "_session_id": "s-ann"}


def read_task(export: Path) -> dict[str, Any]:
    return json.loads(export.read_text(encoding="utf-8"))


def write(path: Path, *records: dict[str, Any]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export_predicted(tmp_path_factory.mktemp("prodigy"), "prodigy", "tasks.jsonl")


@pytest.fixture(scope="module")
def report(exported: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("scored")
    db_out = write(folder / "db-out.jsonl", correct(read_task(exported)))
    return score_correction(db_out, exported, "prodigy", folder)


def test_prodigy_corrected_spans_give_the_expected_counts(report: dict[str, Any]) -> None:
    assert_edit_counts(report)


def test_prodigy_changed_speaker_relation_is_a_wrong_speaker(report: dict[str, Any]) -> None:
    assert_speaker_changed(report)


def gold_documents(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_prodigy_drawn_span_joins_the_layer_of_its_label(exported: Path, tmp_path: Path) -> None:
    db_out = write(tmp_path / "db-out.jsonl", correct(read_task(exported)))
    done = import_to(db_out, "prodigy", tmp_path / "gold.jsonl")
    (gold,) = gold_documents(tmp_path / "gold.jsonl")
    added = [(s["label"], s["text"]) for s in gold["spans"]["entities"] if s["text"] == "Islamabad"]
    assert added == [("GPE", "Islamabad")] and "without a layer" not in done.stderr
    assert gold["meta"]["prodigy"] == {"input_hash": 101, "task_hash": 202, "session_id": "s-ann"}


@pytest.mark.parametrize("answer", ["reject", "ignore"])
def test_prodigy_only_accepted_records_are_gold(exported: Path, tmp_path: Path, answer: str) -> None:
    other = {**read_task(exported), "answer": answer, "meta": {"doc_id": "other"}}
    db_out = write(tmp_path / "db-out.jsonl", correct(read_task(exported)), other)
    done = import_to(db_out, "prodigy", tmp_path / "gold.jsonl")
    assert [d["id"] for d in gold_documents(tmp_path / "gold.jsonl")] == ["asif"]
    assert f"{db_out}:2: document 'other': answer {answer!r}, not gold; skipped" in done.stderr


def test_prodigy_last_accepted_record_of_a_document_wins(exported: Path, tmp_path: Path) -> None:
    first = {**read_task(exported), "answer": "accept"}
    db_out = write(tmp_path / "db-out.jsonl", first, correct(read_task(exported)))
    done = import_to(db_out, "prodigy", tmp_path / "gold.jsonl")
    (gold,) = gold_documents(tmp_path / "gold.jsonl")
    assert "defence" not in [s["text"] for s in gold["spans"]["entities"]]
    assert f"{db_out}:1: document 'asif': superseded by the accepted record on line 2" in done.stderr


def failed_import(tmp_path: Path, *records: dict[str, Any]) -> tuple[Path, str]:
    db_out = write(tmp_path / "db-out.jsonl", *records)
    done = run("import", str(db_out), "--from", "prodigy", "-o", str(tmp_path / "gold.jsonl"))
    assert not (tmp_path / "gold.jsonl").exists()
    return db_out, one_error_line(done)


def test_prodigy_malformed_json_line_is_named(exported: Path, tmp_path: Path) -> None:
    db_out = tmp_path / "db-out.jsonl"
    db_out.write_text(exported.read_text(encoding="utf-8") + '{"text": "cut off\n', encoding="utf-8")
    done = run("import", str(db_out), "--from", "prodigy", "-o", str(tmp_path / "gold.jsonl"))
    assert one_error_line(done).startswith(f"Error: {db_out}:2: not JSON")


def test_prodigy_offsets_out_of_range_are_named(exported: Path, tmp_path: Path) -> None:
    task = read_task(exported)
    index = next(i for i, s in enumerate(task["spans"]) if s["text"] == "defence")
    task["spans"][index].update(end=500, text=None)
    db_out, line = failed_import(tmp_path, task)
    assert line == (
        f"Error: {db_out}:1: span {index} ('NORP' {at('defence')[0]}-500): offsets out of range "
        f"(text has {len(TEXT)} characters)"
    )


def test_prodigy_span_moved_without_its_tokens_is_an_error(exported: Path, tmp_path: Path) -> None:
    task = read_task(exported)
    moved = next(s for s in task["spans"] if s["text"] == "Asif")
    moved["start"], moved["text"] = at("Khawaja Asif")[0], "Khawaja Asif"
    db_out, line = failed_import(tmp_path, task)
    assert line.startswith(f"Error: {db_out}:1: span ") and "not the span's offsets" in line


def test_prodigy_span_text_must_be_the_text_at_its_offsets(exported: Path, tmp_path: Path) -> None:
    task = read_task(exported)
    next(s for s in task["spans"] if s["text"] == "Pakistan")["text"] = "Pakistani"
    db_out, line = failed_import(tmp_path, task)
    assert line.startswith(f"Error: {db_out}:1: span ") and "'Pakistani' is not the text there" in line


def test_prodigy_relation_to_no_span_is_an_error(exported: Path, tmp_path: Path) -> None:
    task = correct(read_task(exported))
    task["relations"][0]["child_span"]["start"] = 0
    db_out, line = failed_import(tmp_path, task)
    assert (
        line.startswith(f"Error: {db_out}:1: relation 0 ('speaker') child_span 0-")
        and "matches no span" in line
    )


@pytest.mark.parametrize(("option", "layer"), [([], "entities"), (["--option", "layer=claims"], "claims")])
def test_prodigy_span_of_an_unknown_label_goes_to_the_layer_option(
    exported: Path, tmp_path: Path, option: list[str], layer: str
) -> None:
    task = {**read_task(exported), "answer": "accept"}
    task["spans"].append(drawn(task, "back down", "CLAIM"))
    db_out = write(tmp_path / "db-out.jsonl", task)
    done = run("import", str(db_out), "--from", "prodigy", "-o", str(tmp_path / "gold.jsonl"), *option)
    assert done.returncode == 0, done.stderr
    (gold,) = gold_documents(tmp_path / "gold.jsonl")
    assert [s["text"] for s in gold["spans"][layer] if s["label"] == "CLAIM"] == ["back down"]
    assert f"{db_out}:1: document 'asif': spans without a layer read into {layer!r}: CLAIM (1)" in done.stderr
