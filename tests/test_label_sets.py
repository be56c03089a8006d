"""A span model declares its labels: a Literal or Enum label is a closed set, ``known_labels`` an open one."""

from __future__ import annotations

import enum
from typing import ClassVar, Literal

import pytest
from test_export_golden import seed_documents

from annotator import Span
from annotator.registry import build_registry
from annotator.spans import LabelSet, label_set


class Colour(enum.Enum):
    RED = "RED"
    BLUE = "BLUE"


class LiteralSpan(Span):
    label: Literal["A", "B"] = "A"


class EnumOrLiteralSpan(Span):
    label: Colour | Literal["GREEN"]


class OptionalLiteralSpan(Span):
    label: Literal["ONLY"] | None = None  # type: ignore[assignment]


class KnownSpan(Span):
    known_labels: ClassVar[tuple[str, ...]] = ("PERSON", "ORG")


@pytest.mark.parametrize(
    ("model", "expected"),
    [
        (LiteralSpan, LabelSet(("A", "B"), closed=True)),
        (EnumOrLiteralSpan, LabelSet(("RED", "BLUE", "GREEN"), closed=True)),
        (OptionalLiteralSpan, LabelSet(("ONLY",), closed=True)),
        (KnownSpan, LabelSet(("PERSON", "ORG"), closed=False)),
        (Span, LabelSet((), closed=False)),
    ],
)
def test_label_set_reads_the_label_declaration(model: type[Span], expected: LabelSet) -> None:
    assert label_set(model) == expected


def test_label_set_closed_literal_is_enforced_on_spans() -> None:
    with pytest.raises(ValueError, match="label"):
        LiteralSpan(id="x", start=0, end=1, text="a", label="C")  # type: ignore[arg-type]


def test_label_set_every_installed_layer_declares_labels() -> None:
    models = build_registry().span_models()
    assert models
    assert {layer for layer, model in models.items() if not label_set(model).labels} == set()


def test_label_set_holds_every_label_the_installed_plugins_produce_on_the_seeds() -> None:
    models = build_registry().span_models()
    layers = [layer for doc in seed_documents() for layer in doc.spans.items()]
    found = {(name, span.label) for name, spans in layers for span in spans}
    assert found
    assert {(layer, label) for layer, label in found if label not in label_set(models[layer]).labels} == set()
