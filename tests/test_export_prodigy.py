"""Prodigy: tokens rebuild the text, every span maps to its tokens strictly, relations point at tokens."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import spacy
from annotator_exporters.prodigy import ProdigyExporter
from spacy.tokens import Doc
from test_export_golden import golden_document, seed_documents

from annotator import Document


def export(documents: list[Document], tmp_path: Path) -> list[dict[str, Any]]:
    exporter = ProdigyExporter()
    out = tmp_path / "tasks.jsonl"
    exporter.export(documents, out, exporter.options())
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def rebuild(task: dict[str, Any]) -> Doc:
    vocab = spacy.blank("en").vocab
    return Doc(vocab, words=[t["text"] for t in task["tokens"]], spaces=[t["ws"] for t in task["tokens"]])


def sources(name: str) -> list[Document]:
    return [golden_document()] if name == "golden" else seed_documents()


@pytest.mark.parametrize("source", ["golden", "seeds"])
def test_prodigy_tokens_rebuild_the_text_and_offsets(source: str, tmp_path: Path) -> None:
    for task in export(sources(source), tmp_path):
        doc = rebuild(task)
        assert doc.text == task["text"]
        assert [t.idx for t in doc] == [t["start"] for t in task["tokens"]]


@pytest.mark.parametrize("source", ["golden", "seeds"])
def test_prodigy_spans_align_strictly_to_their_tokens(source: str, tmp_path: Path) -> None:
    for task in export(sources(source), tmp_path):
        doc = rebuild(task)
        for span in task["spans"]:
            found = doc.char_span(span["start"], span["end"], alignment_mode="strict")
            assert found is not None, span
            assert (found.start, found.end - 1) == (span["token_start"], span["token_end"])
            assert found.text == span["text"]


def test_prodigy_relation_heads_are_span_end_tokens(tmp_path: Path) -> None:
    task = export([golden_document()], tmp_path)[0]
    rel = next(r for r in task["relations"] if r["label"] == "speaker")
    tokens = task["tokens"]
    assert tokens[rel["child"]]["text"] == "Ann" and tokens[rel["head"]]["text"] == "”"
    assert rel["head_span"]["label"] == "QUOTE" and rel["child_span"]["label"] == "PERSON"


def test_prodigy_meta_carries_document_id_and_summaries(tmp_path: Path) -> None:
    meta = export([golden_document()], tmp_path)[0]["meta"]
    assert (
        meta["doc_id"] == "golden/1" and json.loads(meta["summaries"])["stance"]["pairs"][0][2] == "support"
    )
