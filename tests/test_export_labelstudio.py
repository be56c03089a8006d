"""Label Studio: every prediction passes the SDK's own validation, and our offset checks."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from annotator_exporters.labelstudio import LabelStudioExporter, config_path_for
from test_export_golden import golden_document, seed_documents

from annotator import Document


def export(documents: list[Document], tmp_path: Path) -> tuple[list[dict[str, Any]], str]:
    exporter = LabelStudioExporter()
    out = tmp_path / "tasks.json"
    exporter.export(documents, out, exporter.options())
    return json.loads(out.read_text(encoding="utf-8")), config_path_for(out).read_text(encoding="utf-8")


def regions(task: dict[str, Any]) -> list[dict[str, Any]]:
    return [r for r in task["predictions"][0]["result"] if r["type"] != "relation"]


def test_labelstudio_tasks_file_is_a_json_array_with_text_data(tmp_path: Path) -> None:
    tasks, _ = export([golden_document()], tmp_path)
    assert isinstance(tasks, list) and tasks[0]["data"]["text"] == golden_document().text


@pytest.mark.parametrize("source", ["golden", "seeds"])
def test_labelstudio_predictions_pass_sdk_validation(source: str, tmp_path: Path) -> None:
    interface = pytest.importorskip("label_studio_sdk.label_interface")
    documents = [golden_document()] if source == "golden" else seed_documents()
    tasks, config = export(documents, tmp_path)
    li = interface.LabelInterface(config)
    li.validate()
    for task in tasks:
        assert li.validate_prediction(task["predictions"][0], return_errors=True) == []


@pytest.mark.parametrize("source", ["golden", "seeds"])
def test_labelstudio_region_offsets_slice_to_value_text(source: str, tmp_path: Path) -> None:
    documents = [golden_document()] if source == "golden" else seed_documents()
    tasks, _ = export(documents, tmp_path)
    for task in tasks:
        text = task["data"]["text"]
        for region in regions(task):
            value = region["value"]
            assert 0 <= value["start"] < value["end"] <= len(text)
            if region["type"] == "labels":
                assert text[value["start"] : value["end"]] == value["text"]


def test_labelstudio_quote_speaker_is_a_relation_between_regions(tmp_path: Path) -> None:
    tasks, _ = export([golden_document()], tmp_path)
    result = tasks[0]["predictions"][0]["result"]
    speaker = next(r for r in result if r["type"] == "relation" and r["labels"] == ["speaker"])
    ids = {r["id"]: r["value"]["text"] for r in regions(tasks[0]) if r["type"] == "labels"}
    assert (ids[speaker["from_id"]], ids[speaker["to_id"]]) == ("“hi”", "Ann")


def test_labelstudio_attributes_share_the_region_id(tmp_path: Path) -> None:
    tasks, _ = export([golden_document()], tmp_path)
    attrs = next(
        r for r in regions(tasks[0]) if r["type"] == "textarea" and r["from_name"] == "dates_attributes"
    )
    label = next(r for r in regions(tasks[0]) if r["type"] == "labels" and r["id"] == attrs["id"])
    assert label["value"]["labels"] == ["DATE"] and "value=2024-03-01" in attrs["value"]["text"]


def test_labelstudio_prediction_carries_score_and_model_version(tmp_path: Path) -> None:
    doc = golden_document()
    doc.annotated_by = []
    tasks, _ = export([doc], tmp_path)
    prediction = tasks[0]["predictions"][0]
    assert prediction["score"] == pytest.approx((0.8 + 0.9) / 2) and prediction["model_version"] == "unknown"


def test_labelstudio_task_data_keeps_summaries_as_metadata(tmp_path: Path) -> None:
    tasks, _ = export([golden_document()], tmp_path)
    assert tasks[0]["data"]["summaries"]["stance"]["pairs"] == [["Ann", "😊", "support"]]
