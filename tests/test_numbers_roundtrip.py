"""Number values survive the JSONL round trip exactly (hypothesis)."""

from __future__ import annotations

from annotator_numbers import NumberSpan
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator import Document
from annotator.testing import run_annotator

finite = st.floats(allow_nan=False, allow_infinity=False)
numbers = st.one_of(st.integers(min_value=-(10**30), max_value=10**30), finite)


@given(value=numbers, low=st.none() | numbers, si=st.none() | finite)
def test_numbers_span_values_survive_jsonl_round_trip(
    value: float, low: float | None, si: float | None
) -> None:
    text = "Officials counted 600 attacks."
    span = NumberSpan(
        id="numbers-0",
        start=18,
        end=21,
        text="600",
        label="CARDINAL",
        kind="cardinal",
        value=value,
        low=low,
        si_value=si,
    )
    doc = Document(id="d", text=text, spans={"numbers": [span]})
    back = Document.from_json(doc.to_json(), {"numbers": NumberSpan}).layer("numbers")[0]
    assert (back.value, back.low, back.si_value) == (value, low, si)
    assert type(back.value) is type(value)


@settings(max_examples=25, deadline=None)
@given(whole=st.integers(min_value=0, max_value=10**9), cents=st.integers(min_value=0, max_value=99))
def test_numbers_annotated_value_survives_jsonl_round_trip(whole: int, cents: int) -> None:
    written = f"{whole:,}.{cents:02d}" if cents else f"{whole:,}"
    doc = run_annotator("numbers", f"Officials said {written} tonnes of grain were lost.")
    line = doc.to_json()
    span = Document.from_json(line, {"numbers": NumberSpan}).layer("numbers")[0]
    expected = whole + cents / 100 if cents else whole
    assert span.value == expected and type(span.value) is type(expected)
    assert Document.from_json(line, {"numbers": NumberSpan}).to_json() == line
