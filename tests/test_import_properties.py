"""Property: any document's spans survive export -> import unchanged, whatever the characters.

The texts mix astral characters (emoji, a skin tone, a ZWJ, mathematical letters), combining marks,
curly quotes, tabs and line breaks, so UTF-16 offsets (what the XMI stores) differ from Python's;
spans start and end anywhere, on whitespace or inside a grapheme, and overlap. The exporters and
importers are called in process (no CLI), so hypothesis can try many documents. The spans are
ForeignSpan (no plugin model), so a text attribute that parses as JSON ("7") comes back typed, as
importing.typed_value documents; the ``note`` attribute starts with "n" to test the characters
in it, not that documented guess.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from annotator_exporters.inception import InceptionExporter
from annotator_exporters.inception_import import InceptionImporter
from annotator_exporters.prodigy import ProdigyExporter
from annotator_exporters.prodigy_import import ProdigyImporter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_export_golden import golden_document

from annotator import Document
from annotator.exporting import Exporter
from annotator.importing import Importer, import_documents
from annotator.spans import ForeignSpan, Span

CHARACTERS = [
    "a",
    "Z",
    "7",
    " ",
    ".",
    "\n",
    "\t",
    "“",
    "”",
    "’",
    "é",
    "e\u0301",
    "中",
    "😊",
    "👨",
    "🏻",
    "\u200d",
]
CHARACTERS += ["🚒", "𝔘", "\U00010348", "-", "\r", "\u2028", "\x85"]
TOOLS = {
    "inception": ("xmi", InceptionExporter, InceptionImporter),
    "prodigy": ("t.jsonl", ProdigyExporter, ProdigyImporter),
}


@st.composite
def documents(draw: st.DrawFn) -> Document:
    """A document with up to eight spans in two layers, each with a text attribute."""
    text = "".join(draw(st.lists(st.sampled_from(CHARACTERS), min_size=1, max_size=40)))
    spans: dict[str, list[ForeignSpan]] = {"alpha": [], "beta_layer": []}
    for index in range(draw(st.integers(0, 8))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        layer = draw(st.sampled_from(sorted(spans)))
        label = draw(st.sampled_from(["A", "B", "QUOTE"]))
        note = "n" + "".join(draw(st.lists(st.sampled_from(CHARACTERS), max_size=5)))
        span = ForeignSpan(id=f"s{index}", start=start, end=end, text=text[start:end], label=label, note=note)
        spans[layer].append(span)
    return Document(id="doc-1", text=text, spans={k: v for k, v in spans.items() if v})


def round_trip(document: Document, tool: str, models: dict[str, type[Span]] | None = None) -> Document:
    out_name, exporter_class, importer_class = TOOLS[tool]
    exporter: Exporter = exporter_class()
    importer: Importer = importer_class()
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / out_name
        exporter.export([document], out, exporter.options())
        result = import_documents(importer.read(out, importer.options()), models)
    assert result.warnings == []
    (back,) = result.documents
    return back


def described(document: Document) -> set[tuple[object, ...]]:
    return {
        (layer, s.id, s.start, s.end, s.label, s.text, getattr(s, "note", None))
        for layer, spans in document.spans.items()
        for s in spans
    }


@pytest.mark.parametrize("tool", sorted(TOOLS))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document=documents())
def test_import_property_random_spans_round_trip_unchanged(tool: str, document: Document) -> None:
    back = round_trip(document, tool)
    assert back.text == document.text
    assert described(back) == described(document)
    assert all(s.text == back.text[s.start : s.end] for spans in back.spans.values() for s in spans)


@pytest.mark.parametrize("tool", sorted(TOOLS))
def test_import_golden_document_round_trips_with_its_models(tool: str) -> None:
    """Typed attributes (bool, float, Literal), a list of references and a ZWJ emoji sequence."""
    document = golden_document()
    models = {layer: type(spans[0]) for layer, spans in document.spans.items() if spans}
    back = round_trip(document, tool, models)
    dumped = {layer: [s.model_dump(exclude={"rule"}) for s in spans] for layer, spans in back.spans.items()}
    assert dumped == {
        layer: [s.model_dump(exclude={"rule"}) for s in spans] for layer, spans in document.spans.items()
    }
