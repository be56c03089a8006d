"""A part of the day before its day ("mid-afternoon yesterday"), on sentences written for these tests."""

from __future__ import annotations

import pytest

from annotator.testing import run_annotator, spans_of

THU = {"published": "2024-06-13"}  # a Thursday


def spans(text: str) -> dict[str, str]:
    """Each span's text and value."""
    return {s.text: s.value for s in spans_of(run_annotator("dates", text, meta=THU), "dates")}


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("In Frankfurt at mid-afternoon yesterday, the shares were up 3 cents.",
         "mid-afternoon yesterday", "2024-06-12TAF"),
        ("By late afternoon yesterday, the shares had given up their gains.",
         "late afternoon yesterday", "2024-06-12TAF"),
        ("By mid-morning Tuesday, rescuers had reached the village.", "mid-morning Tuesday", "2024-06-11TMO"),
    ],
)  # fmt: skip
def test_dates_weekday_part_of_day_before_its_day(text: str, surface: str, value: str) -> None:
    assert spans(text)[surface] == value


def test_dates_weekday_mid_part_of_day_alone_is_the_anchor_days() -> None:
    assert spans("By mid-afternoon, traders were selling again.")["mid-afternoon"] == "2024-06-13TAF"


def test_dates_weekday_mid_part_of_day_before_a_noun_is_no_time() -> None:
    assert spans("Shares were up 3 cents in mid-afternoon trading.") == {}
