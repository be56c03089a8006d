"""Where "the last/next N units" lies: rolling (to the day) or calendar units, by the ``periods`` option."""

from __future__ import annotations

import pytest

from annotator import InputDocument, Pipeline
from annotator.testing import find_span

# Thursday 2024-03-07, 16:40 (ISO week 10).
META = {"published": "2024-03-07", "reference_time": "2024-03-07T16:40:00"}


def span(options: dict, text: str, surface: str):  # type: ignore[no-untyped-def]
    pipe = Pipeline(plugins=["dates"], options={"dates": options}, on_error="raise")
    doc = next(pipe.annotate([InputDocument(id="t", text=text, meta=dict(META))]))
    return find_span(doc.layer("dates"), surface)


@pytest.mark.parametrize(
    ("text", "surface", "value", "begin", "end"),
    [
        (
            "Can we block out the next 2 weeks for the audit?",
            "the next 2 weeks",
            "P2W",
            "2024-W11",
            "2024-W12",
        ),
        ("Show me my invoices from the last 3 months.", "the last 3 months", "P3M", "2023-12", "2024-02"),
        ("Plan the budget for the next two years.", "the next two years", "P2Y", "2025", "2026"),
        ("What did I spend over the past fortnight?", "the past fortnight", "P2W", "2024-W08", "2024-W09"),
    ],
)
def test_dates9_future_text_counts_calendar_units(
    text: str, surface: str, value: str, begin: str, end: str
) -> None:
    found = span({"direction": "future"}, text, surface)
    assert (found.value, found.begin_value, found.end_value) == (value, begin, end)


def test_dates9_news_counts_to_the_day() -> None:
    found = span({}, "Sales have fallen over the last 3 months.", "the last 3 months")
    assert (found.value, found.begin_value, found.end_value) == ("P3M", "2023-12-07", "2024-03-06")


def test_dates9_periods_option_overrides_the_direction() -> None:
    rolling = span(
        {"direction": "future", "periods": "rolling"}, "Book the next 2 weeks off.", "the next 2 weeks"
    )
    calendar = span({"periods": "calendar"}, "Sales fell over the last 2 weeks.", "the last 2 weeks")
    assert (rolling.begin_value, rolling.end_value) == ("2024-03-08", "2024-03-21")
    assert (calendar.begin_value, calendar.end_value) == ("2024-W08", "2024-W09")


def test_dates9_days_and_hours_are_the_same_either_way() -> None:
    """A day is already a whole unit, and hours count from the reference time in both conventions."""
    for periods in ("rolling", "calendar"):
        days = span({"periods": periods}, "It rained for the last 3 days.", "the last 3 days")
        hours = span({"periods": periods}, "Nobody called in the past 2 hours.", "the past 2 hours")
        assert (days.begin_value, days.end_value) == ("2024-03-04", "2024-03-06")
        assert (hours.begin_value, hours.end_value) == ("2024-03-07T14", "2024-03-07T15")
