"""Direction of a month or day with no year, on news sentences written for these tests."""

from __future__ import annotations

import pytest

from annotator.testing import find_span, run_annotator, spans_of

OCT89 = {"published": "1989-10-25"}
OCT25 = {"published": "2025-10-29"}


def value_of(text: str, surface: str, meta: dict) -> str:
    """The value of the span ``surface`` in ``text``."""
    return find_span(spans_of(run_annotator("dates", text, meta=meta), "dates"), surface).value


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The board declared a dividend of 10 cents, payable Dec. 7.", "Dec. 7", "1989-12-07"),
        ("The bank named a new chairman, effective Feb. 1.", "Feb. 1", "1990-02-01"),
        ("The suitor extended its offer to Nov. 20.", "Nov. 20", "1989-11-20"),
        ("The lender extended the credit line through January.", "January", "1990-01"),
    ],
)
def test_dates_direction_words_that_look_ahead(text: str, surface: str, value: str) -> None:
    assert value_of(text, surface, OCT89) == value


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The vote, originally set for March 3, was moved to April.", "March 3", "2025-03-03"),
        ("The plant closed on Sept. 12 after a fire.", "Sept. 12", "2025-09-12"),
    ],
)
def test_dates_direction_past_clauses_stay_past(text: str, surface: str, value: str) -> None:
    assert value_of(text, surface, OCT25) == value


def test_dates_direction_weekday_under_infinitive_of_past_verb_is_past() -> None:
    text = "The government staged celebrations to mark the country's entry into the alliance on Friday."
    assert value_of(text, "Friday", {"published": "1999-03-13"}) == "1999-03-12"


def test_dates_direction_date_under_infinitive_of_past_verb_is_nearest() -> None:
    text = "The parties agreed to hold the runoff on March 12."
    assert value_of(text, "March 12", {"published": "1999-02-16"}) == "1999-03-12"


def test_dates_direction_day_no_verb_governs_is_nearest() -> None:
    text = "Shareholder meeting on Jan. 14 in Toledo"
    assert value_of(text, "Jan. 14", {"published": "1989-12-20"}) == "1990-01-14"
