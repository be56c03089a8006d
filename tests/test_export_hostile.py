"""Hostile documents (issue 20): exporters must never write outside ``-o`` nor forge lines.

The records are what an unlucky user or an attacker can feed ``annotator export``: layer names and
ids are data, so they may hold ``/``, ``..`` and line separators.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from annotator_exporters.brat import BratExporter
from annotator_exporters.doccano import DoccanoExporter
from annotator_exporters.inception import InceptionExporter

from annotator import Document
from annotator.exporting import read_documents

TEXT = "Yesterday Bob said it would rain."


def _document(tmp_path: Path, record: dict) -> Document:
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return next(read_documents(path))


def _span(layer_id: str, **extra: object) -> dict:
    return {"id": layer_id, "start": 10, "end": 13, "text": "Bob", "label": "PERSON", **extra}


def _files(root: Path) -> set[Path]:
    return {p for p in root.rglob("*") if p.is_file()}


def test_doccano_split_keeps_hostile_layer_names_inside_the_output_folder(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    escape = "../../outside/y"
    absolute = str(outside / "x")
    doc = _document(
        tmp_path,
        {"id": "d1", "text": TEXT, "spans": {absolute: [_span("a")], escape: [_span("b")]}},
    )
    out = tmp_path / "dc" / "inner"
    exporter = DoccanoExporter()
    written = exporter.export([doc], out, exporter.options({"overlap": "split"}))
    assert not outside.exists()
    assert len(written) == 4  # per layer: the JSONL and its doccano label-type file
    for path in written:
        assert path.resolve().is_relative_to(out.resolve())
    assert _files(tmp_path / "dc") == set(written)


def test_brat_notes_cannot_forge_lines_from_a_newline_or_line_separator(tmp_path: Path) -> None:
    doc = _document(
        tmp_path,
        {
            "id": "d1",
            "text": TEXT,
            "spans": {"people": [_span("a", comment="ok\nT99\tEVIL 8 11\tBob", alias="Shehbaz\u2028Sharif")]},
        },
    )
    BratExporter().export([doc], tmp_path / "brat", BratExporter().options())
    ann = (tmp_path / "brat" / "d1.ann").read_text(encoding="utf-8")
    # brat's reader splits with str.splitlines(), which honours U+2028 as well as "\n".
    lines = ann.splitlines()
    assert not any(line.startswith("T99") for line in lines)
    assert [line.split("\t")[0][0] for line in lines] == ["T", "#"]
    note = lines[1].split("\t")[2]
    assert "EVIL 8 11" in note and "Shehbaz" in note and "Sharif" in note


@pytest.mark.parametrize("exporter_cls", [BratExporter, InceptionExporter])
def test_long_ids_are_shortened_with_a_stable_hash(exporter_cls: type, tmp_path: Path) -> None:
    docs = [_document(tmp_path, {"id": "x" * 300 + tail, "text": TEXT, "spans": {}}) for tail in ("a", "b")]
    exporter = exporter_cls()
    written = exporter.export(docs, tmp_path / "out", exporter.options())
    stems = {p.stem for p in written if p.suffix in {".ann", ".xmi"}}
    assert len(stems) == 2
    assert all(len(s.encode()) < 250 for s in stems)  # filesystems cap a name at 255 bytes
    again = exporter.export(docs, tmp_path / "again", exporter.options())
    assert stems == {p.stem for p in again if p.suffix in {".ann", ".xmi"}}


def test_ids_differing_only_by_case_get_distinct_file_names(tmp_path: Path) -> None:
    docs = [_document(tmp_path, {"id": i, "text": TEXT, "spans": {}}) for i in ("Case", "case")]
    with pytest.warns(UserWarning, match="collides"):
        written = BratExporter().export(docs, tmp_path / "brat", BratExporter().options())
    names = [p.name.casefold() for p in written if p.suffix == ".ann"]
    assert len(set(names)) == 2


def _export_cli(records: list[dict], fmt: str, out: str, *options: str, cwd: Path):
    (cwd / "in.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "annotator", "export", "in.jsonl", "--to", fmt, "-o", out, *options],
        capture_output=True, text=True, cwd=cwd, timeout=120,
    )  # fmt: skip


# Each export fails at its last document or layer, after the exporter wrote earlier files.
MIDWAY_FAILURES = {
    "inception": (
        [
            {"id": "one", "text": TEXT, "spans": {"people": [_span("a")]}},
            {"id": "bad\x00id", "text": TEXT, "spans": {}},  # XML 1.0 cannot hold NUL
        ],
        [],
        "bad\\x00id",
    ),
    "brat": (
        [
            {"id": "one", "text": TEXT, "spans": {"people": [_span("a")]}},
            {
                "id": "two",
                "text": "Ann\n\nBob",
                "spans": {"gaps": [{"id": "g", "start": 3, "end": 5, "text": "\n\n", "label": "GAP"}]},
            },  # a span of line breaks only has no brat fragment
        ],
        [],
        "two",
    ),
    "doccano": (
        [
            {
                "id": "one",
                "text": "Cafe\u0301 Bob",
                "spans": {
                    "a": [{"id": "a1", "start": 6, "end": 9, "text": "Bob", "label": "PERSON"}],
                    "b": [{"id": "b1", "start": 0, "end": 4, "text": "Cafe", "label": "X"}],
                },
            }
        ],  # layer a is written first; b ends inside the cluster e + combining acute
        ["-O", "overlap=split", "-O", "units=grapheme"],
        "one",
    ),
}


@pytest.mark.parametrize("fmt", sorted(MIDWAY_FAILURES))
@pytest.mark.parametrize("existing", [True, False], ids=["existing-folder", "new-folder"])
def test_an_export_failing_midway_writes_nothing_and_names_the_document(
    fmt: str, existing: bool, tmp_path: Path
) -> None:
    records, options, culprit = MIDWAY_FAILURES[fmt]
    if existing:
        (tmp_path / "out").mkdir()
        (tmp_path / "out" / "keep.txt").write_text("mine\n", encoding="utf-8")
    before = sorted(os.listdir(tmp_path))
    result = _export_cli(records, fmt, "out" if existing else "new/out", *options, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and f"'{culprit}'" in errors[0], result.stderr
    assert sorted(os.listdir(tmp_path)) == sorted({*before, "in.jsonl"})  # no staging folder left
    if existing:
        assert os.listdir(tmp_path / "out") == ["keep.txt"]


def test_a_successful_export_is_moved_into_an_existing_folder_with_umask_modes(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "keep.txt").write_text("mine\n", encoding="utf-8")
    records = [{"id": i, "text": TEXT, "spans": {"people": [_span("a")]}} for i in ("one", "two")]
    result = _export_cli(records, "brat", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert sorted(os.listdir(tmp_path)) == ["in.jsonl", "out"]
    assert sorted(os.listdir(tmp_path / "out")) == sorted(
        ["keep.txt", "one.txt", "one.ann", "two.txt", "two.ann", "annotation.conf", "tools.conf"]
        + ["annotator-layers.json"]
    )
    reference = (tmp_path / "in.jsonl").stat().st_mode & 0o777
    assert (tmp_path / "out" / "one.ann").stat().st_mode & 0o777 == reference


def test_a_successful_export_into_a_new_folder_gets_the_umask_mode(tmp_path: Path) -> None:
    records = [{"id": "one", "text": TEXT, "spans": {"people": [_span("a")]}}]
    result = _export_cli(records, "inception", "new/out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert sorted(os.listdir(tmp_path / "new" / "out")) == ["TypeSystem.xml", "one.xmi"]
    assert os.listdir(tmp_path / "new") == ["out"]
    umask = os.umask(0)
    os.umask(umask)
    assert (tmp_path / "new" / "out").stat().st_mode & 0o777 == 0o777 & ~umask


def test_an_export_into_a_link_to_a_folder_writes_into_that_folder(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real", target_is_directory=True)
    records = [{"id": "one", "text": TEXT, "spans": {"people": [_span("a")]}}]
    result = _export_cli(records, "brat", "link", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "link").is_symlink()
    assert sorted(os.listdir(tmp_path / "real")) == [
        "annotation.conf",
        "annotator-layers.json",
        "one.ann",
        "one.txt",
        "tools.conf",
    ]
