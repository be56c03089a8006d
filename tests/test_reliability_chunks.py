"""Huge documents are parsed in paragraph-aligned chunks whose offsets need no mapping."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.document import check_document_spans
from annotator.pipeline import Pipeline, chunk_bounds


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.sampled_from("ab .\n"), max_size=300), size=st.integers(1, 40))
def test_chunk_bounds_cover_text_exactly_within_size(text: str, size: int) -> None:
    bounds = chunk_bounds(text, size)
    assert "".join(text[a:b] for a, b in bounds) == text
    assert all(0 < b - a <= size for a, b in bounds if text)
    assert all(b == a2 for (_, b), (a2, _) in zip(bounds, bounds[1:], strict=False))


def test_chunk_bounds_end_after_a_paragraph_break(seed_texts: dict[str, str]) -> None:
    text = "\n\n".join(seed_texts.values())
    for a, b in chunk_bounds(text, 2000)[:-1]:
        assert text[a:b].endswith("\n\n") or "\n\n" not in text[a:b]


@pytest.fixture(scope="module")
def pipes() -> tuple[Pipeline, Pipeline]:
    whole, chunked = Pipeline(plugins=["entities", "numbers"]), Pipeline(plugins=["entities", "numbers"])
    chunked.chunk_chars = 400
    return whole, chunked


def test_pipeline_chunked_document_keeps_text_and_exact_offsets(
    pipes: tuple[Pipeline, Pipeline], seed_texts: dict[str, str]
) -> None:
    text = "\n\n".join(seed_texts.values())
    doc = pipes[1](text)
    assert doc.text == text and not doc.errors
    check_document_spans(doc.text, doc.spans)
    assert len(doc.layer("entities")) > 20


@pytest.mark.parametrize("layer", ["numbers", "entities"])
def test_pipeline_chunked_spans_match_unchunked(
    pipes: tuple[Pipeline, Pipeline], seed_texts: dict[str, str], layer: str
) -> None:
    text = next(iter(seed_texts.values()))
    whole, chunked = (p(text).layer(layer) for p in pipes)
    assert [(s.start, s.end, s.label) for s in chunked] == [(s.start, s.end, s.label) for s in whole]


def test_pipeline_document_over_spacy_max_length_is_annotated(pipes: tuple[Pipeline, Pipeline]) -> None:
    chunked = pipes[1]
    text = "Exports rose 4% to $2.4 billion in October, officials in Karachi said.\n\n" * 40
    limit = chunked.nlp.max_length
    chunked.nlp.max_length = 1000  # spaCy would refuse this text whole (error E088)
    try:
        doc = chunked(text)
    finally:
        chunked.nlp.max_length = limit
    assert len(text) > 1000 and not doc.errors
    assert [s.text for s in doc.layer("numbers")][:3] == ["4%", "$2.4 billion", "4%"]
