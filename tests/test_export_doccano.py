"""doccano: offsets in UTF-16 units slice the UTF-16 text to the span text; doccano's rules hold."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from annotator_exporters.doccano import DoccanoExporter, offset_converter
from hypothesis import given
from hypothesis import strategies as st
from test_export_golden import golden_document, seed_documents

from annotator import Document


def export(documents: list[Document], tmp_path: Path, **options: str) -> Path:
    exporter = DoccanoExporter()
    out = tmp_path / "doccano.jsonl"
    exporter.export(documents, out, exporter.options(options))
    return out


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def utf16_slice(text: str, start: int, end: int) -> str:
    return text.encode("utf-16-le")[2 * start : 2 * end].decode("utf-16-le")


def spans_by_local_id(document: Document) -> dict[int, str]:
    return dict(enumerate(s.text for s in sorted_spans(document)))


def sorted_spans(document: Document) -> list[Any]:
    from annotator.exporting import layer_spans

    return [i.span for i in layer_spans(document)]


@pytest.mark.parametrize("source", ["golden", "seeds"])
def test_doccano_utf16_offsets_slice_utf16_text_to_span_text(source: str, tmp_path: Path) -> None:
    documents = [golden_document()] if source == "golden" else seed_documents()
    for doc, line in zip(documents, lines(export(documents, tmp_path)), strict=True):
        expected = spans_by_local_id(doc)
        for ent in line["entities"]:
            assert 0 <= ent["start_offset"] < ent["end_offset"] and ent["label"]
            assert utf16_slice(line["text"], ent["start_offset"], ent["end_offset"]) == expected[ent["id"]]


@pytest.mark.parametrize(
    ("units", "offsets"), [("utf16", (28, 40)), ("codepoint", (24, 36)), ("grapheme", (21, 33))]
)
def test_doccano_date_offsets_in_each_unit(units: str, offsets: tuple[int, int], tmp_path: Path) -> None:
    line = lines(export([golden_document()], tmp_path, units=units))[0]
    date = next(e for e in line["entities"] if e["label"] == "DATE")
    assert (date["start_offset"], date["end_offset"]) == offsets


def test_doccano_relations_link_local_entity_ids(tmp_path: Path) -> None:
    line = lines(export([golden_document()], tmp_path))[0]
    ents = {e["id"]: e["label"] for e in line["entities"]}
    speaker = next(r for r in line["relations"] if r["type"] == "speaker")
    assert (ents[speaker["from_id"]], ents[speaker["to_id"]]) == ("QUOTE", "PERSON")


def test_doccano_flags_the_spans_it_would_drop_without_overlap(tmp_path: Path) -> None:
    # doccano sorts by start (stable, so ties keep the file's longest-first order) and drops any span
    # starting before the end of the last kept one: kept 0-4, 5-8, 14-20, 24-36; the rest overlap.
    line = lines(export([golden_document()], tmp_path))[0]
    flagged = {line["span_attributes"][str(i)]["span_id"] for i in line["overlapping"]}
    assert flagged == {"quote-hi", "stance-2", "sym-smile", "num-1"}


def test_doccano_split_writes_one_file_per_layer_without_cross_layer_relations(tmp_path: Path) -> None:
    exporter = DoccanoExporter()
    written = exporter.export([golden_document()], tmp_path / "split", exporter.options({"overlap": "split"}))
    layers = golden_document().spans
    assert sorted(p.name for p in written) == sorted(
        [f"{layer}.jsonl" for layer in layers]
        + [f"{layer}.span-types.json" for layer in layers]
        + ["quotes.relation-types.json", "stance.relation-types.json"]  # the layers with span_ref fields
    )
    quotes = lines(tmp_path / "split" / "quotes.jsonl")[0]
    assert [e["label"] for e in quotes["entities"]] == ["QUOTE"] and quotes["relations"] == []


def test_doccano_metadata_keys_carry_document_id_and_summaries(tmp_path: Path) -> None:
    line = lines(export([golden_document()], tmp_path))[0]
    assert (
        line["doc_id"] == "golden/1"
        and line["summaries"]["stance"]["pairs"]
        and line["meta"]["source"] == "test"
    )


@given(st.text(alphabet=st.sampled_from(["a", " ", "é", "😊", "👨", "\u200d", "🏻", "“", "\n"]), min_size=1))
def test_doccano_utf16_converter_round_trips_every_slice(text: str) -> None:
    convert = offset_converter(text, "utf16")
    for start in range(len(text)):
        end = len(text)
        assert utf16_slice(text, convert(start), convert(end)) == text[start:end]


@pytest.mark.parametrize(("length", "refused"), [(100, False), (101, True)])
def test_doccano_refuses_a_label_name_longer_than_its_100_characters(
    length: int, refused: bool, tmp_path: Path
) -> None:
    from annotator_exporters.doccano_labels import SPAN_TYPES

    from annotator.exporting import ExportError

    document = golden_document()
    first, *others = document.spans["symbols"]
    document.spans["symbols"] = [first.model_copy(update={"label": "E" * length}), *others]
    if refused:
        with pytest.raises(ExportError, match="at most 100 characters; 'EEEE.*has 101"):
            export([document], tmp_path)
        assert not list(tmp_path.iterdir())  # refused before any file is written
    else:
        export([document], tmp_path)
        types = json.loads((tmp_path / "doccano").with_suffix(SPAN_TYPES).read_text(encoding="utf-8"))
        assert "E" * length in {t["text"] for t in types}
