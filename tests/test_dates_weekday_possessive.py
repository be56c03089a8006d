"""A weekday in the possessive after a capitalised word, on news sentences written for these tests."""

from __future__ import annotations

import pytest

from annotator.testing import find_span, run_annotator, spans_of

MON = {"published": "2024-06-17"}  # a Monday


def value_of(text: str, surface: str, meta: dict) -> str:
    """The value of the span ``surface`` in ``text``."""
    return find_span(spans_of(run_annotator("dates", text, meta=meta), "dates"), surface).value


@pytest.mark.parametrize(
    "text",
    [
        "ROME (AP) _\n\nIn Sunday's debate, the two candidates clashed over pensions and taxes.",
        "In Sunday's debate, the two candidates clashed over pensions and taxes.",
    ],
)
def test_dates_weekday_possessive_after_a_paragraphs_first_word(text: str) -> None:
    # A paragraph's first word is capitalised as any sentence's is: "In" is no name.
    assert value_of(text, "Sunday", MON) == "2024-06-16"


def test_dates_weekday_possessive_after_a_name_in_capitals_stays_out() -> None:
    text = "ROME (AP) _\n\nTGI Friday's opened its first restaurant in the city."
    assert [s.text for s in spans_of(run_annotator("dates", text, meta=MON), "dates")] == []
