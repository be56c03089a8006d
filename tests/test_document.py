"""The document model: offsets, text slices, references, foreign layers and byte-stable round trips."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator import Document, Span, TextAnchor, span_ref
from annotator.errors import SpanError

TEXT = "Pakistan’s Defence Minister Khawaja Asif said talks in Istanbul had failed."


class LinkSpan(Span):
    """A test span type with a reference field."""

    target: str | None = span_ref("Another span.", default=None)


class CueAnchor(TextAnchor):
    """A nested stretch of text with a field of its own."""

    lemma: str


class CuedSpan(Span):
    """A span holding one optional anchor and a list of them."""

    cue: CueAnchor | None = None
    extra_cues: list[CueAnchor] = []


def entity(span_id: str, start: int, end: int, label: str = "PERSON") -> Span:
    return Span(id=span_id, start=start, end=end, text=TEXT[start:end], label=label)


@pytest.mark.parametrize(
    ("start", "end"),
    [(28, 28), (40, 28), (60, len(TEXT) + 1)],
    ids=["empty", "reversed", "past-the-end"],
)
def test_document_rejects_bad_offsets(start: int, end: int) -> None:
    span = Span.model_construct(id="e1", start=start, end=end, text=TEXT[start:end], label="PERSON")
    with pytest.raises((SpanError, ValueError), match="offsets|outside"):
        Document(id="d", text=TEXT, spans={"entities": [span]})


def test_span_rejects_negative_start() -> None:
    with pytest.raises(ValueError, match="greater than or equal to 0"):
        Span(id="e1", start=-1, end=3, text="Pak", label="GPE")


def test_document_rejects_text_that_differs_from_slice() -> None:
    span = Span(id="e1", start=28, end=40, text="Khawaja Asif ", label="PERSON")
    with pytest.raises(SpanError, match="differs from the document slice"):
        Document(id="d", text=TEXT, spans={"entities": [span]})


def test_document_rejects_dangling_reference() -> None:
    quote = LinkSpan(id="q1", start=46, end=74, text=TEXT[46:74], label="QUOTE", target="entities-9")
    with pytest.raises(SpanError, match="refers to 'entities-9'"):
        Document(id="d", text=TEXT, spans={"entities": [entity("entities-0", 28, 40)], "quotes": [quote]})


def test_document_accepts_resolved_reference() -> None:
    quote = LinkSpan(id="q1", start=46, end=74, text=TEXT[46:74], label="QUOTE", target="entities-0")
    doc = Document(id="d", text=TEXT, spans={"entities": [entity("entities-0", 28, 40)], "quotes": [quote]})
    assert doc.span_index()["q1"].target == "entities-0"  # type: ignore[attr-defined]


def test_document_rejects_duplicate_span_ids() -> None:
    spans = [entity("x", 28, 40), entity("x", 55, 63, "GPE")]
    with pytest.raises(SpanError, match="not unique"):
        Document(id="d", text=TEXT, spans={"entities": spans})


def test_document_keeps_fields_of_layers_from_uninstalled_plugins() -> None:
    record = {
        "id": "d",
        "text": TEXT,
        "spans": {
            "sentiment": [
                {"id": "s1", "start": 0, "end": 8, "text": "Pakistan", "label": "NEG", "polarity": -0.4}
            ]
        },
    }
    doc = Document.from_dict(record, span_models={})
    again = json.loads(doc.to_json())
    assert again["spans"]["sentiment"][0]["polarity"] == -0.4


def test_document_types_known_layers_with_their_model() -> None:
    record = {
        "id": "d",
        "text": TEXT,
        "spans": {
            "quotes": [
                {"id": "q1", "start": 46, "end": 74, "text": TEXT[46:74], "label": "QUOTE", "target": None}
            ]
        },
    }
    doc = Document.from_dict(record, span_models={"quotes": LinkSpan})
    assert type(doc.layer("quotes")[0]) is LinkSpan


def test_document_layer_of_unknown_model_rejects_unknown_field() -> None:
    record = {
        "id": "d",
        "text": TEXT,
        "spans": {
            "quotes": [
                {"id": "q1", "start": 46, "end": 74, "text": TEXT[46:74], "label": "QUOTE", "tone": "x"}
            ]
        },
    }
    with pytest.raises(ValueError, match="tone"):
        Document.from_dict(record, span_models={"quotes": LinkSpan})


@st.composite
def text_and_spans(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    text = draw(st.text(min_size=1, max_size=60))
    cuts = draw(st.lists(st.tuples(st.integers(0, len(text)), st.integers(0, len(text))), max_size=6))
    return text, [(min(a, b), max(a, b)) for a, b in cuts if a != b]


@given(text_and_spans())
def test_document_round_trip_is_byte_stable(case: tuple[str, list[tuple[int, int]]]) -> None:
    text, offsets = case
    spans = [Span(id=f"s{i}", start=a, end=b, text=text[a:b], label="X") for i, (a, b) in enumerate(offsets)]
    doc = Document(id="d", text=text, spans={"layer": spans})
    line = doc.to_json()
    assert Document.from_json(line, {"layer": Span}).to_json() == line
    for span in Document.from_json(line, {"layer": Span}).layer("layer"):
        assert span.text == text[span.start : span.end]


def cued(cue: CueAnchor | None = None, extra: list[CueAnchor] | None = None) -> CuedSpan:
    return CuedSpan(
        id="q1", start=46, end=74, text=TEXT[46:74], label="QUOTE", cue=cue, extra_cues=extra or []
    )


def test_document_accepts_anchors_that_match_the_text() -> None:
    said = CueAnchor(start=41, end=45, text="said", lemma="say")
    doc = Document(id="d", text=TEXT, spans={"quotes": [cued(said, [said])]})
    assert doc.layer("quotes")[0].cue.lemma == "say"  # type: ignore[attr-defined]


@pytest.mark.parametrize("where", ["field", "list"])
def test_document_rejects_anchor_whose_text_differs_from_slice(where: str) -> None:
    wrong = CueAnchor(start=41, end=45, text="told", lemma="tell")
    span = cued(wrong) if where == "field" else cued(None, [wrong])
    with pytest.raises(SpanError, match="q1/CueAnchor.*differs from the document slice"):
        Document(id="d", text=TEXT, spans={"quotes": [span]})


def test_document_rejects_anchor_outside_the_text() -> None:
    outside = CueAnchor(start=70, end=90, text=TEXT[70:90], lemma="x")
    with pytest.raises(SpanError, match="q1/CueAnchor.*outside"):
        Document(id="d", text=TEXT, spans={"quotes": [cued(outside)]})


@pytest.mark.parametrize(
    "record",
    [
        {"id": "d", "text": TEXT, "source": {"file": "in.jsonl", "line": True}},
        {
            "id": "d",
            "text": TEXT,
            "spans": {"entities": [{"id": "e", "start": True, "end": 8, "text": "akistan", "label": "GPE"}]},
        },
        {
            "id": "d",
            "text": TEXT,
            "spans": {"entities": [{"id": "e", "start": 0, "end": 8.0, "text": "Pakistan", "label": "GPE"}]},
        },
    ],
    ids=["line-true", "start-true", "end-float"],
)
def test_offsets_and_lines_are_integers_not_booleans_or_floats(record: dict) -> None:
    """JSON ``true`` is not line 1 nor offset 1 (schemathesis found ``"line": true`` accepted)."""
    with pytest.raises(Exception, match="integer"):
        Document.model_validate_json(json.dumps(record))
