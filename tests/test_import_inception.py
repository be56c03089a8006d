"""INCEpTION: a CAS a person corrected, imported and scored; the export layouts; bad XMI in one line.

The correction is made through cassis on the exported CAS, as INCEpTION stores a person's work: the
"Asif" annotation's begin moves to "Khawaja", the "defence" annotation is removed, an ``Entities``
annotation labelled GPE is added over "Islamabad" without a ``spanId`` (the UI does not know it)
and the quote's speaker relation gets the moved entity as its Dependent (begin/end with it, as
INCEpTION's relation adapter keeps them). The CAS is then written back with ``to_xmi``.
"""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest
from cassis import Cas, load_cas_from_xmi, load_typesystem
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

CUSTOM = "webanno.custom."
NAMED_ENTITY = "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity"
DEPENDENCY = "de.tudarmstadt.ukp.dkpro.core.api.syntax.type.dependency.Dependency"


def load(folder: Path) -> Cas:
    with (folder / "TypeSystem.xml").open("rb") as stream:
        typesystem = load_typesystem(stream)
    with (folder / "asif.xmi").open("rb") as stream:
        return load_cas_from_xmi(stream, typesystem=typesystem, lenient=False)


def correct(cas: Cas) -> Cas:
    """The four edits, made on the CAS through cassis."""
    entities = {a.get_covered_text(): a for a in cas.select(CUSTOM + "Entities")}
    moved = entities["Asif"]
    moved.begin = at("Khawaja Asif")[0]
    cas.remove(entities["defence"])
    start, end = at("Islamabad")
    cas.add(cas.typesystem.get_type(CUSTOM + "Entities")(begin=start, end=end, label="GPE"))
    link = cas.select(CUSTOM + "QuotesSpeakerRelation")[0]
    link.Dependent, link.begin, link.end = moved, moved.begin, moved.end
    return cas


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export_predicted(tmp_path_factory.mktemp("inception"), "inception", "xmi")


@pytest.fixture(scope="module")
def corrected(exported: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corrected") / "xmi"
    shutil.copytree(exported, folder)
    (folder / "asif.xmi").write_text(correct(load(folder)).to_xmi(), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def report(exported: Path, corrected: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return score_correction(corrected, exported, "inception", tmp_path_factory.mktemp("scored"))


def test_inception_corrected_spans_give_the_expected_counts(report: dict[str, Any]) -> None:
    assert_edit_counts(report)


def test_inception_changed_speaker_relation_is_a_wrong_speaker(report: dict[str, Any]) -> None:
    assert_speaker_changed(report)


def test_inception_added_annotation_without_span_id_is_kept(corrected: Path, tmp_path: Path) -> None:
    import_to(corrected, "inception", tmp_path / "gold.jsonl")
    gold = json.loads((tmp_path / "gold.jsonl").read_text(encoding="utf-8"))
    added = [s for s in gold["spans"]["entities"] if s["text"] == "Islamabad"]
    assert [(s["label"], s["start"], s["end"]) for s in added] == [("GPE", *at("Islamabad"))]
    assert gold["spans"]["quotes"][0]["speaker"] == "e1"


@pytest.mark.parametrize("inner", ["", "export/"])
def test_inception_zip_reads_like_its_folder(corrected: Path, tmp_path: Path, inner: str) -> None:
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as out:
        for file in corrected.iterdir():
            out.write(file, inner + file.name)
    import_to(corrected, "inception", tmp_path / "folder.jsonl")
    import_to(archive, "inception", tmp_path / "zip.jsonl")
    assert (tmp_path / "zip.jsonl").read_text(encoding="utf-8") == (tmp_path / "folder.jsonl").read_text(
        encoding="utf-8"
    )


def test_inception_foreign_type_is_kept_and_reported(exported: Path, tmp_path: Path) -> None:
    folder = tmp_path / "xmi"
    shutil.copytree(exported, folder)
    cas = load(folder)
    start, end = at("Islamabad")
    cas.add(cas.typesystem.get_type(NAMED_ENTITY)(begin=start, end=end, value="LOC"))
    (folder / "asif.xmi").write_text(cas.to_xmi(), encoding="utf-8")
    done = import_to(folder, "inception", tmp_path / "gold.jsonl")
    gold = json.loads((tmp_path / "gold.jsonl").read_text(encoding="utf-8"))
    assert [(s["label"], s["text"]) for s in gold["spans"]["named_entity"]] == [("LOC", "Islamabad")]
    assert f"{folder / 'asif.xmi'}: document 'asif': 1 annotation(s) of type {NAMED_ENTITY}" in done.stderr


def test_inception_offsets_out_of_range_name_the_file_and_element(exported: Path, tmp_path: Path) -> None:
    folder = tmp_path / "xmi"
    shutil.copytree(exported, folder)
    xmi = folder / "asif.xmi"
    start, end = at("defence")
    text = xmi.read_text(encoding="utf-8")
    element = re.compile(f'(<custom:Entities [^>]*begin="{start}" end=")({end})"')
    assert len(element.findall(text)) == 1
    xmi.write_text(element.sub(r'\g<1>500"', text), encoding="utf-8")
    line = one_error_line(run("import", str(folder), "--from", "inception", "-o", str(tmp_path / "g.jsonl")))
    assert line.startswith(f"Error: {xmi}: webanno.custom.Entities xmi:id=")
    assert f"offsets {start}-500 out of range (text has {len(TEXT)} characters)" in line
    assert not (tmp_path / "g.jsonl").exists()


def test_inception_missing_type_system_is_one_line(exported: Path, tmp_path: Path) -> None:
    xmi = tmp_path / "asif.xmi"
    shutil.copy(exported / "asif.xmi", xmi)
    line = one_error_line(run("import", str(xmi), "--from", "inception", "-o", str(tmp_path / "g.jsonl")))
    assert line.startswith(f"Error: {xmi}: no TypeSystem.xml next to it")


def test_inception_type_missing_from_the_type_system_is_named(exported: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    pred = tmp_path / "only_entities.jsonl"
    doc = json.loads((exported.parent / "pred.annotated.jsonl").read_text(encoding="utf-8"))
    doc["spans"].pop("quotes")
    pred.write_text(json.dumps(doc, ensure_ascii=False) + "\n", encoding="utf-8")
    assert run("export", str(pred), "--to", "inception", "-o", str(other)).returncode == 0
    done = run(
        "import", str(exported / "asif.xmi"), "--from", "inception", "-o", str(tmp_path / "g.jsonl"),
        "--option", f"typesystem={other / 'TypeSystem.xml'}",
    )  # fmt: skip
    line = one_error_line(done)
    assert line.startswith(f"Error: {exported / 'asif.xmi'}: ") and "webanno.custom.Quotes" in line


def test_inception_malformed_xml_names_the_line(exported: Path, tmp_path: Path) -> None:
    folder = tmp_path / "xmi"
    shutil.copytree(exported, folder)
    xmi = folder / "asif.xmi"
    xmi.write_text(xmi.read_text(encoding="utf-8")[:400], encoding="utf-8")
    line = one_error_line(run("import", str(folder), "--from", "inception", "-o", str(tmp_path / "g.jsonl")))
    assert line.startswith(f"Error: {xmi}:") and "not XML" in line


def test_inception_link_between_non_spans_is_reported_not_read(exported: Path, tmp_path: Path) -> None:
    folder = tmp_path / "xmi"
    shutil.copytree(exported, folder)
    cas = load(folder)
    tokens = cas.select("de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Token")
    dependency = cas.typesystem.get_type(DEPENDENCY)
    cas.add(dependency(begin=tokens[1].begin, end=tokens[1].end, Governor=tokens[0], Dependent=tokens[1]))
    (folder / "asif.xmi").write_text(cas.to_xmi(), encoding="utf-8")
    done = import_to(folder, "inception", tmp_path / "gold.jsonl")
    gold = json.loads((tmp_path / "gold.jsonl").read_text(encoding="utf-8"))
    assert gold["spans"]["quotes"][0]["speaker"] == "e2" and "dependency" not in gold["spans"]
    assert f"1 link(s) of type {DEPENDENCY} not read: Governor or Dependent is not a span" in done.stderr


def test_inception_two_files_of_one_document_are_an_error(exported: Path, tmp_path: Path) -> None:
    folder = tmp_path / "xmi"
    shutil.copytree(exported, folder)
    shutil.copy(folder / "asif.xmi", folder / "second.xmi")
    line = one_error_line(run("import", str(folder), "--from", "inception", "-o", str(tmp_path / "g.jsonl")))
    assert line.startswith(
        f"Error: {folder / 'second.xmi'}: document id 'asif' is also in {folder / 'asif.xmi'}"
    )
