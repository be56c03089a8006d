"""Hostile documents (issue 20): exporters must never write outside ``-o`` nor forge lines.

The records are what an unlucky user or an attacker can feed ``annotator export``: layer names and
ids are data, so they may hold ``/``, ``..`` and line separators.
"""

from __future__ import annotations

import json
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
    assert len(written) == 2
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
