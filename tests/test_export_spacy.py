"""spaCy: the DocBin loads back with every layer as a span group and the values in user_data."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from annotator_exporters.spacy_docbin import SpacyExporter
from spacy.tokens import Doc, DocBin
from test_export_golden import golden_document, seed_documents

from annotator import Document


def load(documents: list[Document], tmp_path: Path) -> list[Doc]:
    exporter = SpacyExporter()
    out = tmp_path / "docs.spacy"
    exporter.export(documents, out, exporter.options())
    return list(DocBin().from_disk(out).get_docs(spacy.blank("en").vocab))


@pytest.mark.parametrize("source", ["golden", "seeds"])
def test_spacy_docbin_round_trips_text_and_every_span(source: str, tmp_path: Path) -> None:
    documents = [golden_document()] if source == "golden" else seed_documents()
    for original, doc in zip(documents, load(documents, tmp_path), strict=True):
        assert doc.text == original.text
        for layer, spans in original.spans.items():
            got = [(s.start_char, s.end_char, s.label_, s.id_) for s in doc.spans[layer]]
            assert sorted(got) == sorted((s.start, s.end, s.label, s.id) for s in spans)


@pytest.mark.parametrize("source", ["golden", "seeds"])
def test_spacy_spans_fit_token_boundaries_strictly(source: str, tmp_path: Path) -> None:
    documents = [golden_document()] if source == "golden" else seed_documents()
    for original, doc in zip(documents, load(documents, tmp_path), strict=True):
        for spans in original.spans.values():
            assert all(doc.char_span(s.start, s.end, alignment_mode="strict") is not None for s in spans)


def test_spacy_overlapping_layers_are_kept(tmp_path: Path) -> None:
    doc = load([golden_document()], tmp_path)[0]
    assert [s.text for s in doc.spans["numbers"]] == ["1"] and [s.text for s in doc.spans["dates"]] == [
        "1 March 2024"
    ]


def test_spacy_user_data_keeps_values_relations_and_kb_id(tmp_path: Path) -> None:
    doc = load([golden_document()], tmp_path)[0]
    data = doc.user_data["annotator"]
    assert data["attributes"]["date-1"]["value"] == "2024-03-01"
    assert {"label": "speaker", "from": "quote-hi", "to": "ent-ann"} in data["relations"]
    assert doc.spans["entities"][0].kb_id_ == "Q-ann" and data["summaries"]["stance"]["pairs"]
