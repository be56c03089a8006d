"""For any text, every built-in annotator keeps the offset invariant and its JSONL round trip is lossless.

The annotators come from the registry, so a plugin installed later is covered without editing this file.
One pipeline with every annotator is built once for the module; hypothesis only varies the text.
"""

from __future__ import annotations

import functools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.document import Document, check_span
from annotator.pipeline import Pipeline
from annotator.registry import build_registry

REGISTRY = build_registry()
BUILT_INS = sorted(REGISTRY.annotators)

# Pieces of real news copy, glued together at random with arbitrary characters in between.
FRAGMENTS = [
    "Pakistan's defence minister Khawaja Asif",
    " said on Monday",
    " that talks in Istanbul had failed.",
    '"We will respond," he told Geo News.',
    " Prices rose 3.5% in October",
    " to $2.4 billion,",
    " about 20,000 people",
    " on 12 March 2025",
    " last Thursday",
    " (Reuters) -",
    " the U.S. State Department",
    "\n\n",
    "\n",
    " — ",
    "\u2019",
    " 🇵🇰 ",
    "e\u0301",
    "\t",
]
TEXTS = st.one_of(
    st.text(max_size=120),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), max_size=14).map("".join),
)
PROPERTY = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@functools.lru_cache(maxsize=1)
def pipeline() -> Pipeline:
    return Pipeline(registry=REGISTRY, on_error="record")


def annotate(text: str) -> Document:
    return pipeline()(text, doc_id="prop")


@pytest.mark.parametrize("name", BUILT_INS)
@PROPERTY
@given(text=TEXTS)
def test_property_every_span_of_builtin_satisfies_offset_invariant(name: str, text: str) -> None:
    doc = annotate(text)
    assert [e for e in doc.errors if e.annotator == name] == []
    for span in doc.layer(name):
        check_span(doc.text, span)
        assert doc.text[span.start : span.end] == span.text


@pytest.mark.parametrize("name", BUILT_INS)
@PROPERTY
@given(text=TEXTS)
def test_property_jsonl_round_trip_of_builtin_layer_is_lossless(name: str, text: str) -> None:
    doc = annotate(text)
    line = doc.to_json()
    back = Document.from_json(line, REGISTRY.span_models(), REGISTRY.summary_models())
    assert back.to_json() == line
    assert back.layer(name) == doc.layer(name)
