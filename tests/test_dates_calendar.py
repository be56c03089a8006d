"""Calendar arithmetic and anchor choice of the dates plugin (no spaCy needed)."""

from __future__ import annotations

import datetime as dt

import pytest
from annotator_dates.anchor import choose_anchor, header_date
from annotator_dates.calendar import day_month_year, month_year, point_value, weekday_date
from hypothesis import given
from hypothesis import strategies as st

DAYS = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31))


@given(DAYS, st.integers(0, 6))
def test_weekday_date_past_is_within_the_last_week(anchor: dt.date, weekday: int) -> None:
    day = weekday_date(anchor, weekday, "past")
    assert day.weekday() == weekday and 0 <= (anchor - day).days < 7


@given(DAYS, st.integers(0, 6))
def test_weekday_date_future_is_within_the_next_week(anchor: dt.date, weekday: int) -> None:
    day = weekday_date(anchor, weekday, "future")
    assert day.weekday() == weekday and 0 <= (day - anchor).days < 7


@given(DAYS, st.integers(0, 6))
def test_weekday_date_last_and_next_always_move(anchor: dt.date, weekday: int) -> None:
    assert (
        weekday_date(anchor, weekday, "past", "last") < anchor < weekday_date(anchor, weekday, "past", "next")
    )


@given(DAYS, st.integers(1, 12), st.integers(1, 28))
def test_day_month_year_past_never_lies_ahead(anchor: dt.date, month: int, day: int) -> None:
    resolved = dt.date(day_month_year(anchor, month, day, "past"), month, day)
    assert resolved <= anchor and (anchor - resolved).days < 366


@given(DAYS, st.integers(1, 12))
def test_month_year_future_is_not_before_the_anchor_month(anchor: dt.date, month: int) -> None:
    year = month_year(anchor, month, "future")
    assert (year, month) >= (anchor.year, anchor.month) and year - anchor.year <= 1


@pytest.mark.parametrize(
    ("unit", "value"),
    [("day", "2025-10-29"), ("week", "2025-W44"), ("weekend", "2025-W44-WE"), ("month", "2025-10"),
     ("year", "2025"), ("decade", "202"), ("century", "20")],
)  # fmt: skip
def test_point_value_names_the_period_in_timex3_form(unit: str, value: str) -> None:
    assert point_value(dt.date(2025, 10, 29), unit) == value


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Today : Nov 11, 2025\nWorld News\n30 October 2025\n\nTitle", dt.date(2025, 10, 30)),
        ("Published: October 29, 2025 at 10:15 a.m.\nBody text follows here.", dt.date(2025, 10, 29)),
        ("2024-05-12\nHeadline", dt.date(2024, 5, 12)),
        ("Talks collapsed on 30 October 2025 after four days, the ministry said in a statement.", None),
    ],
)
def test_header_date_reads_the_dateline_not_banners_or_body_text(
    header: str, expected: dt.date | None
) -> None:
    assert header_date(header) == expected


def test_choose_anchor_never_uses_the_wall_clock() -> None:
    assert (choose_anchor("Talks collapsed on Wednesday.", {}).date, choose_anchor("x", {}).kind) == (
        None,
        "none",
    )


def test_choose_anchor_ignores_a_malformed_published_date() -> None:
    anchor = choose_anchor("x", {"published": "yesterday", "reference_date": "2024-06-10"})
    assert (anchor.date, anchor.kind) == (dt.date(2024, 6, 10), "given")
