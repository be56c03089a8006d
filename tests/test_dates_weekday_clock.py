"""Clock times whose day follows an aside in brackets, on wire sentences written for these tests."""

from __future__ import annotations

import pytest

from annotator.testing import find_span, run_annotator, spans_of


def value_of(text: str, surface: str, published: str) -> str:
    """The value of the span ``surface`` in ``text`` published on ``published``."""
    spans = spans_of(run_annotator("dates", text, meta={"published": published}), "dates")
    return find_span(spans, surface).value


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The blast occurred at about 10:35 a.m. (0735 GMT) Friday, toppling a building.",
         "about 10:35 a.m.", "2024-06-14T10:35"),
        ("The first explosion came at 9:40 a.m. (0640 GMT) on Friday near the station.",
         "9:40 a.m.", "2024-06-14T09:40"),
    ],
)  # fmt: skip
def test_dates_weekday_clock_takes_the_day_after_its_aside(text: str, surface: str, value: str) -> None:
    # Published on Saturday: the clock time is Friday's, not the anchor day's.
    assert value_of(text, surface, "2024-06-15") == value


def test_dates_weekday_clock_takes_the_day_inside_its_aside() -> None:
    text = "''The delegation will leave at 4 in the morning (4 a.m. EDT Thursday),'' the minister said."
    assert value_of(text, "4 in the morning", "2024-06-12") == "2024-06-13T04:00"


def test_dates_weekday_clock_without_an_aside_keeps_the_anchor_day() -> None:
    text = "The first explosion came at 9:40 a.m., and a second followed on Friday near the station."
    assert value_of(text, "9:40 a.m.", "2024-06-15") == "2024-06-15T09:40"
