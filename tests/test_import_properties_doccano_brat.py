"""Property: any document exported to doccano or brat and imported back is the same document.

Texts mix astral emoji (two UTF-16 units each, so doccano's offsets differ from ours), ZWJ
sequences, curly quotes, CRLF, tabs and U+2028; spans fall anywhere with ``start < end``, in two
layers whose plugins are not installed, with labels that brat's type names cannot spell
(``A B`` and ``A_B`` both become ``A_B``); string attributes hold the characters that end a brat
line or a note item (newline, tab, U+2028, ``;``, ``=``, ``\\``) and strings that read as JSON.
brat cannot start or end a span on a line break or tab (a fragment cannot hold one; see
docs/evaluation.md), so brat's spans start and end on other characters.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest
from annotator_exporters.brat import BratExporter
from annotator_exporters.brat_import import BratImporter
from annotator_exporters.brat_notes import BREAKS
from annotator_exporters.doccano import DoccanoExporter
from annotator_exporters.doccano_import import DoccanoImporter
from hypothesis import given, settings
from hypothesis import strategies as st
from test_export_golden import golden_document

from annotator import Document
from annotator.importing import import_documents
from annotator.spans import ForeignSpan

TEXT_CHARS = st.sampled_from([*"Ab z.,", "😊", "\u200d", "👨", "“", "”", "\n", "\r", "\t", "\u2028", "é"])
VALUE_CHARS = st.sampled_from([*'ab 1;=\\"{}[]', "\n", "\t", "\r", "\u2028", "\u2029", "\x85", "😊"])
VALUES = st.one_of(
    st.text(VALUE_CHARS, max_size=12), st.sampled_from(["12", "null", "true", "[1]", " 3 ", '"x"', ""])
)
LAYERS = st.sampled_from(["people", "places"])
LABELS = st.sampled_from(["PERSON", "GPE", "A B", "A_B", "x:y"])
KEYS = st.sampled_from(["note", "alias", "comment"])
IDS = st.sampled_from(["d1", "a/b c", "Ünï", "x" * 120])


@st.composite
def documents(draw: st.DrawFn, brat: bool) -> Document:
    text = draw(st.text(TEXT_CHARS, min_size=1, max_size=40))
    ok = [i for i, ch in enumerate(text) if not (brat and ch in BREAKS)]
    layers: dict[str, list[Any]] = {}
    for n in range(draw(st.integers(0, 6)) if ok else 0):
        start = draw(st.sampled_from(ok))
        end = draw(st.sampled_from([i + 1 for i in ok if i >= start]))
        attrs = draw(st.dictionaries(KEYS, VALUES, max_size=2))
        span = ForeignSpan(
            id=f"s{n}", start=start, end=end, text=text[start:end], label=draw(LABELS), **attrs
        )
        layers.setdefault(draw(LAYERS), []).append(span)
    return Document(id=draw(IDS), text=text, meta={"note": draw(VALUES)}, spans=layers)


def round_trip(doc: Document, exporter: Any, importer: Any, out_name: str, **options: str) -> Document:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / out_name
        exporter.export([doc], out, exporter.options(options))
        (back,) = import_documents(importer.read(out, importer.options({}))).documents
    return back


def dumped(doc: Document) -> dict[str, Any]:
    layers = {
        layer: sorted((s.model_dump(mode="json", exclude_none=True) for s in spans), key=lambda s: s["id"])
        for layer, spans in doc.spans.items()
        if spans
    }
    return {"id": doc.id, "text": doc.text, "meta": doc.meta, "layers": layers}


def assert_same(doc: Document, back: Document) -> None:
    assert dumped(back) == dumped(doc)
    assert all(s.text == back.text[s.start : s.end] for spans in back.spans.values() for s in spans)


@settings(max_examples=80, deadline=None)
@given(documents(brat=False), st.sampled_from(["utf16", "codepoint"]))
def test_doccano_round_trip_keeps_any_document(doc: Document, units: str) -> None:
    assert_same(doc, round_trip(doc, DoccanoExporter(), DoccanoImporter(), "export.jsonl", units=units))


@settings(max_examples=80, deadline=None)
@given(documents(brat=True))
def test_brat_round_trip_keeps_any_document(doc: Document) -> None:
    assert_same(doc, round_trip(doc, BratExporter(), BratImporter(), "brat"))


@pytest.mark.parametrize(
    ("exporter", "importer", "out_name", "options"),
    [
        (DoccanoExporter(), DoccanoImporter(), "export.jsonl", {"units": "utf16"}),
        (DoccanoExporter(), DoccanoImporter(), "export.jsonl", {"units": "grapheme"}),
        (BratExporter(), BratImporter(), "brat", {}),
    ],
)
def test_golden_document_round_trips_with_its_typed_layers(
    exporter: Any, importer: Any, out_name: str, options: dict[str, str]
) -> None:
    # The golden document: a ZWJ emoji, a span across the line break, list references (targets).
    doc = golden_document()
    models = {layer: type(spans[0]) for layer, spans in doc.spans.items()}
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / out_name
        exporter.export([doc], out, exporter.options(options))
        (back,) = import_documents(importer.read(out, importer.options({})), models).documents
    assert {layer: {type(s) for s in spans} for layer, spans in back.spans.items()} == {
        layer: {models[layer]} for layer in doc.spans
    }
    assert_same(doc, back)
