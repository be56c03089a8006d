"""A weekday after "his" or "her" before a capitalised noun ("his Sunday Mass"), on test sentences."""

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
        ("In his Sunday Mass at the cathedral, the archbishop condemned the attack.", "Sunday", "2024-06-16"),
        ("The mayor skipped her Thursday Cabinet meeting to visit the flooded district.",
         "Thursday", "2024-06-13"),
    ],
)  # fmt: skip
def test_dates_weekday_after_a_possessive_is_a_day(text: str, surface: str, value: str) -> None:
    assert spans(text)[surface] == value


@pytest.mark.parametrize(
    "text", ["Its Sun Valley resort reopened after the fire.", "Wednesday Addams opened the festival."]
)
def test_dates_weekday_name_without_a_possessive_stays_out(text: str) -> None:
    assert spans(text) == {}
