"""'the previous Friday' read off the day the story is telling about, on sentences written for these tests."""

from __future__ import annotations

import pytest

from annotator.testing import run_annotator, spans_of

MON = {"published": "2024-06-17"}  # a Monday


def spans(text: str) -> dict[str, str]:
    """Each span's text and value."""
    return {s.text: s.value for s in spans_of(run_annotator("dates", text, meta=MON), "dates")}


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("LONDON _ Share prices closed sharply lower Friday after the chancellor resigned.\n\n"
         "The index shed 41.2 points to 1,988.4, down 3.9% from the previous Friday.",
         "the previous Friday", "2024-06-07"),
        ("Shares fell on Wednesday. The index was down 2% from the preceding Friday.",
         "the preceding Friday", "2024-06-07"),
    ],
)  # fmt: skip
def test_dates_weekday_previous_day_is_before_the_storys_day(text: str, surface: str, value: str) -> None:
    assert spans(text)[surface] == value


def test_dates_weekday_previous_day_without_a_story_day_is_last_week() -> None:
    assert spans("The index was down 2% from the previous Friday.")["the previous Friday"] == "2024-06-14"
