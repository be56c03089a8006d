"""Quarters named by ordinal, on business-news sentences written for these tests."""

from __future__ import annotations

import pytest

from annotator.testing import find_span, run_annotator, spans_of

OCT89 = {"published": "1989-10-25"}
FEB90 = {"published": "1990-02-10"}


def value_of(text: str, surface: str, meta: dict) -> str:
    """The value of the span ``surface`` in ``text``."""
    return find_span(spans_of(run_annotator("dates", text, meta=meta), "dates"), surface).value


@pytest.mark.parametrize(
    ("text", "surface", "meta", "value"),
    [
        ("Net income rose 5% in the third quarter.", "the third quarter", OCT89, "1989-Q3"),
        ("Third-quarter sales fell sharply at the mill.", "Third-quarter", OCT89, "1989-Q3"),
        ("Fourth-quarter profit fell, the company said.", "Fourth-quarter", FEB90, "1989-Q4"),
        ("Analysts said the fiscal first quarter was weak.", "the fiscal first quarter", OCT89, "1989-Q1"),
        ("Orders for the second quarter of 1990 look weak.", "the second quarter of 1990", OCT89, "1990-Q2"),
    ],
)
def test_dates_quarter_is_the_latest_begun_by_the_anchor(text, surface, meta, value) -> None:
    assert value_of(text, surface, meta) == value


def test_dates_quarter_in_future_context_is_this_years() -> None:
    text = "The company expects it will lose money in the fourth quarter."
    assert value_of(text, "the fourth quarter", FEB90) == "1990-Q4"


@pytest.mark.parametrize(
    "text",
    ["He ran the first quarter mile in 58 seconds.", "The kettle boils in the first quarter of an hour."],
)
def test_dates_quarter_of_a_measure_is_not_a_date(text) -> None:
    """A quarter of a mile or an hour is a measure: never a quarter of the year (a length may be found)."""
    doc = run_annotator("dates", text, meta=OCT89)
    quarters = [s for s in spans_of(doc, "dates") if "quarter" in s.text]
    assert not [s.text for s in quarters if s.timex_type != "DURATION" or "Q" in s.value]
    assert all(s.value == "PT15M" for s in quarters)


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Net income rose 5% in the quarter ended Sept. 30.", "the quarter", "1989-Q3"),
        ("Sales in the latest quarter were flat.", "the latest quarter", "1989-Q3"),
        ("The company expects the quarter to be weak.", "the quarter", "1989-Q4"),
    ],
)
def test_dates_the_quarter_is_the_one_reported(text, surface, value) -> None:
    assert value_of(text, surface, OCT89) == value


def test_dates_a_city_quarter_is_not_a_date() -> None:
    doc = run_annotator("dates", "She has lived in the French quarter since she was born.", meta=OCT89)
    assert not [s.text for s in spans_of(doc, "dates") if "quarter" in s.text]
