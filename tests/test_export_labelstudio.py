"""Label Studio: every prediction passes the SDK's own validation, and our offset checks."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from annotator_exporters.labelstudio import LabelStudioExporter, config_path_for, labeling_config
from labelstudio_batches import exported_batch, labels_in
from pydantic import Field
from test_export_golden import golden_document, seed_documents

from annotator import Document, Span
from annotator.registry import build_registry


def export(documents: list[Document], tmp_path: Path) -> tuple[list[dict[str, Any]], str]:
    exporter = LabelStudioExporter()
    exporter.layer_models = build_registry().span_models()  # as `annotator export` does
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


def _sdk_interface(config: str) -> Any:
    interface = pytest.importorskip("label_studio_sdk.label_interface")
    li = interface.LabelInterface(config)
    li.validate()  # raises on a config Label Studio refuses (an empty <Labels> among them)
    return li


@pytest.mark.parametrize("batch", [1, 2])
def test_labelstudio_config_with_a_layer_without_spans_passes_sdk_validation(batch: int) -> None:
    tasks, config = exported_batch(batch)
    empty = {"stance"} if batch == 1 else {"blocks"}
    assert empty.isdisjoint(labels_in(tasks)), "the fixture batch no longer has a layer without spans"
    _sdk_interface(config)
    assert all(f'<Labels name="{layer}"' in config for layer in empty)


def test_labelstudio_config_is_identical_for_two_batches() -> None:
    (tasks_1, config_1), (tasks_2, config_2) = exported_batch(1), exported_batch(2)
    assert labels_in(tasks_1) != labels_in(tasks_2)
    assert config_1 == config_2


def test_labelstudio_config_of_one_batch_accepts_predictions_of_the_other() -> None:
    (tasks_1, config_1), (tasks_2, _) = exported_batch(1), exported_batch(2)
    used_1, used_2 = labels_in(tasks_1), labels_in(tasks_2)
    assert any(used_2[layer] - used_1.get(layer, set()) for layer in used_2), "batch 2 adds no label"
    li = _sdk_interface(config_1)
    for task in tasks_2:
        assert li.validate_prediction(task["predictions"][0], return_errors=True) == []


def test_labelstudio_config_declares_the_relations_of_every_installed_layer() -> None:
    tasks_1, config_1 = exported_batch(1)
    assert "holder" not in labels_in(tasks_1).get("relation", set())
    for field in ("holder", "target", "speaker"):
        assert f'<Relation value="{field}"/>' in config_1


class FreeNote(Span):
    """A layer with a free-form label and no declared labels, like an uninstalled plugin's."""

    note: str = Field(description="Free text.")


def test_labelstudio_config_leaves_out_a_free_form_layer_without_labels() -> None:
    doc = golden_document()
    doc.spans["notes"] = []
    config = labeling_config([doc], {"notes": FreeNote})
    _sdk_interface(config)
    assert 'name="notes"' not in config and 'name="notes_attributes"' not in config


def test_labelstudio_config_lists_the_labels_a_free_form_layer_has() -> None:
    doc = golden_document()
    span = FreeNote(id="n1", start=5, end=8, text="Ann", label="NAME", note="x")
    doc.spans["notes"] = [span]
    config = labeling_config([doc], {"notes": FreeNote})
    assert '<Labels name="notes" toName="text"><Label value="NAME"/></Labels>' in config
