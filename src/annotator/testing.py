"""Helpers for testing annotators, registered as a pytest plugin (entry point ``pytest11``).

Plugin authors (and this project's own tests) use them to run one annotator, with the layers it
requires, on a text, and to check the document invariants. Nothing is loaded at import time.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest

from annotator.document import Document, check_document_spans
from annotator.records import InputDocument


@functools.lru_cache(maxsize=8)
def _pipeline(names: tuple[str, ...], plugins_dirs: tuple[Path, ...], model: str) -> Any:
    from annotator.pipeline import Pipeline
    from annotator.registry import build_registry

    return Pipeline(plugins=names, registry=build_registry(plugins_dirs), model=model, on_error="raise")


def with_requirements(name: str, plugins_dirs: Sequence[Path] = ()) -> tuple[str, ...]:
    """``name`` preceded by every layer it requires, transitively."""
    from annotator.registry import build_registry

    available = build_registry(plugins_dirs).annotators
    order: list[str] = []

    def visit(n: str) -> None:
        for req in available[n].obj.requires:
            visit(req)
        if n not in order:
            order.append(n)

    visit(name)
    return tuple(order)


def run_annotator(
    name: str,
    text: str,
    meta: Mapping[str, Any] | None = None,
    plugins_dirs: Sequence[Path] = (),
    model: str = "en_core_web_sm",
    doc_id: str = "test",
) -> Document:
    """Annotate ``text`` with ``name`` and what it requires; annotator errors are raised, not recorded."""
    pipe = _pipeline(with_requirements(name, plugins_dirs), tuple(plugins_dirs), model)
    return next(pipe.annotate([InputDocument(id=doc_id, text=text, meta=dict(meta or {}))]))


def spans_of(document: Document, layer: str, label: str | None = None) -> list[Any]:
    """The spans of one layer, optionally of one label."""
    return [s for s in document.layer(layer) if label is None or s.label == label]


def span_texts(document: Document, layer: str, label: str | None = None) -> list[str]:
    """The texts of :func:`spans_of`, in document order."""
    return [s.text for s in spans_of(document, layer, label)]


def assert_valid(document: Document) -> None:
    """Assert offsets, text slices, unique ids and references; and a lossless JSONL round trip."""
    check_document_spans(document.text, document.spans)
    line = document.to_json()
    models = {layer: type(spans[0]) for layer, spans in document.spans.items() if spans}
    assert Document.from_json(line, models).to_json() == line


def find_span(spans: Iterable[Any], text: str) -> Any:
    """The first span whose text is ``text``; fails the test with the texts that were found."""
    spans = list(spans)
    for span in spans:
        if span.text == text:
            return span
    pytest.fail(f"no span {text!r}; found {[s.text for s in spans]}")


@pytest.fixture
def annotate_with() -> Any:
    """Fixture form of :func:`run_annotator`."""
    return run_annotator
