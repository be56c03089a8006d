"""The pipeline checks what annotators return and contains their failures per document."""

from __future__ import annotations

import pytest
from host_annotators import VANDALS, BadOffsets, Clearer, Crasher, Recorder, WrongType

from annotator import Document
from annotator.errors import AnnotatorError, ConfigError
from annotator.pipeline import Pipeline
from annotator.registry import Registered, Registry

TEXT = "Islamabad accused Kabul of harbouring militants, officials said on Thursday."


def registry_of(*classes: type) -> Registry:
    return Registry(annotators={c.name: Registered(c.name, c, "test") for c in classes})


@pytest.mark.parametrize(
    ("culprit", "stage", "reason"),
    [
        (Crasher, "annotate", "ZeroDivisionError: boom"),
        (BadOffsets, "validate", "differs from the document slice"),
        (WrongType, "validate", "returned dict, not its span model Span"),
    ],
)
def test_pipeline_records_faulty_annotator_and_keeps_other_layers(
    culprit: type, stage: str, reason: str
) -> None:
    pipe = Pipeline(plugins=["recorder", culprit.name], registry=registry_of(Recorder, culprit))
    doc = pipe(TEXT)
    assert doc.layer("recorder")[0].text == "Islamabad"
    assert culprit.name not in doc.spans
    error = doc.errors[0]
    assert (error.annotator, error.stage) == (culprit.name, stage)
    assert reason in error.reason


def test_pipeline_raises_when_asked_to() -> None:
    pipe = Pipeline(plugins=["crasher"], registry=registry_of(Crasher), on_error="raise")
    with pytest.raises(AnnotatorError, match="annotator 'crasher' failed on document 'doc-0'"):
        pipe(TEXT)


def test_pipeline_rejects_unknown_option_key() -> None:
    with pytest.raises(ConfigError, match="Invalid options for annotator 'entities': labelz"):
        Pipeline(plugins=["entities"], options={"entities": {"labelz": ["PERSON"]}})


def test_pipeline_applies_options() -> None:
    doc = Pipeline(plugins=["entities"], options={"entities": {"labels": ["GPE"]}})(TEXT)
    assert {s.label for s in doc.layer("entities")} == {"GPE"}


def test_pipeline_records_provenance_of_each_annotator() -> None:
    doc = Pipeline(plugins=["entities"])(TEXT)
    assert [r.name for r in doc.annotated_by] == ["blocks", "entities"]
    run = doc.annotated_by[1]
    assert (run.name, run.plugin) == ("entities", "entities")
    assert (
        run.spacy is not None
        and run.spacy.name.startswith("en_core_web_sm")
        and run.spacy.components == ["ner"]
    )


@pytest.mark.parametrize("vandal", VANDALS, ids=lambda c: c.name)
def test_pipeline_refuses_an_annotator_that_changes_the_text_meta_or_another_layer(vandal: type) -> None:
    pipe = Pipeline(plugins=["recorder", vandal.name], registry=registry_of(Recorder, vandal))
    doc = pipe(TEXT, meta={"published": "2025-10-29", "source": {"outlet": "Dawn"}})
    assert doc.text == TEXT
    assert doc.meta == {"published": "2025-10-29", "source": {"outlet": "Dawn"}}
    assert list(doc.spans) == ["recorder"]
    assert [(s.text, s.label) for s in doc.layer("recorder")] == [("Islamabad", "FIRST")]
    assert [(e.annotator, e.stage) for e in doc.errors] == [(vandal.name, "validate")]
    assert "may only read" in doc.errors[0].reason
    Document.from_json(doc.to_json())  # the record stays valid


def test_pipeline_raises_on_a_read_only_violation_when_asked_to() -> None:
    pipe = Pipeline(
        plugins=["recorder", "clearer"], registry=registry_of(Recorder, Clearer), on_error="raise"
    )
    with pytest.raises(AnnotatorError, match="annotator 'clearer' failed on document 'doc-0'.*recorder"):
        pipe(TEXT)
