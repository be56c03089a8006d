"""A day joined to its hours, counted periods, weeks and agreeing range ends, on sentences written here."""

from __future__ import annotations

import pytest

from annotator.testing import find_span, run_annotator, spans_of

OCT29 = {"published": "2025-10-29"}  # a Wednesday


def dates(text: str) -> list:
    """The dates spans of ``text`` anchored on Wednesday 29 October 2025."""
    return spans_of(run_annotator("dates", text, meta=OCT29), "dates")


def points(text: str, surface: str) -> tuple[str | None, str | None]:
    """(begin_value, end_value) of the span ``surface``."""
    found = find_span(dates(text), surface)
    return found.begin_value, found.end_value


@pytest.mark.parametrize(
    ("text", "surface", "begin", "end"),
    [
        (
            "The shuttle runs next Monday 1-3 pm only.",
            "next Monday 1-3 pm",
            "2025-11-03T13:00",
            "2025-11-03T15:00",
        ),
        (
            "The desk is staffed Wednesday from 10-4.",
            "Wednesday from 10-4",
            "2025-10-29T10:00",
            "2025-10-29T16:00",
        ),
        (
            "Repairs run 3:00 to 4:00 tomorrow.",
            "3:00 to 4:00 tomorrow",
            "2025-10-30T03:00",
            "2025-10-30T04:00",
        ),
        (
            "Polls were open from 3:30 to 5:55 on 1/1/2015.",
            "from 3:30 to 5:55 on 1/1/2015",
            "2015-01-01T03:30",
            "2015-01-01T05:55",
        ),
        (
            "The clinic opens between 5 and 6 in the afternoon.",
            "between 5 and 6 in the afternoon",
            "2025-10-29T17:00",
            "2025-10-29T18:00",
        ),
        (
            "The hall is booked from 2pm for 2 hours.",
            "2pm for 2 hours",
            "2025-10-29T14:00",
            "2025-10-29T16:00",
        ),
    ],
)
def test_dates5_day_and_hours_join(text: str, surface: str, begin: str, end: str) -> None:
    assert points(text, surface) == (begin, end)


@pytest.mark.parametrize(
    "text",
    [
        "Arsenal beat Chelsea 3-1 on Sunday.",
        "The measure passed 5-4 on Tuesday.",
        "Rates rose on Monday at 5 percent.",
    ],
)
def test_dates5_scores_and_shares_are_no_hours(text: str) -> None:
    assert all(s.begin_value is None and s.timex_type != "TIME" for s in dates(text))


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Call the desk tomorrow at 9a.", "tomorrow at 9a", "2025-10-30T09:00"),
        ("The party for Ted was on Sat at 5.", "Sat at 5", "2025-10-25T05:00"),
        ("We met on Tuesday of last week.", "Tuesday of last week", "2025-10-21"),
        ("The ferry sails each Monday at 4pm.", "each Monday at 4pm", "XXXX-WXX-1T16:00"),
        ("Doors open at six pm.", "six pm", "2025-10-29T18:00"),
        ("The bus leaves at 7p.", "7p", "2025-10-29T19:00"),
        ("Let's meet in the morning.", "the morning", "2025-10-29TMO"),
        ("Sales were flat in the first week of March 2026.", "the first week of March 2026", "2026-W10"),
        ("Stores closed in the last week of 2019.", "the last week of 2019", "2019-W52"),
        ("Show me sales in week 31.", "week 31", "2025-W31"),
        ("Sales went up during 2017 q1.", "2017 q1", "2017-Q1"),
        ("The form is dated 05-Aug-2016.", "05-Aug-2016", "2016-08-05"),
        ("See the file report-20161016.html for details.", "20161016", "2016-10-16"),
        ("Bids are due three weeks from tomorrow.", "three weeks from tomorrow", "2025-11-20"),
        ("The depot reopens on 28 june in 2027.", "28 june in 2027", "2027-06-28"),
        ("The talks were on tuesday the fourteenth.", "tuesday the fourteenth", "2025-10-14"),
    ],
)
def test_dates5_forms_and_joins_value(text: str, surface: str, value: str) -> None:
    assert find_span(dates(text), surface).value == value


@pytest.mark.parametrize(
    "text",
    ["He read it in the morning paper.", "He was injured in week 10 of the season.", "The 4H club met."],
)
def test_dates5_look_alikes_are_no_times(text: str) -> None:
    assert all(s.timex_type in ("DATE", "DURATION") and "T" not in s.value for s in dates(text))


@pytest.mark.parametrize(
    ("text", "surface", "value", "begin", "end"),
    [
        ("Prices rose over the past 20 years.", "the past 20 years", "P20Y", "2005-10-29", "2025-10-28"),
        ("Talks resume in the next three days.", "the next three days", "P3D", "2025-10-30", "2025-11-01"),
        ("Margins fell in the last 2 quarters.", "the last 2 quarters", "P2Q", "2025-04-01", "2025-09-30"),
        ("Cases rose over the past fortnight.", "the past fortnight", "P2W", "2025-10-15", "2025-10-28"),
        ("Results are due within 9 months.", "9 months", "P9M", "2025-10-29", "2026-07-28"),
    ],
)
def test_dates5_counted_periods_keep_length_and_points(
    text: str, surface: str, value: str, begin: str, end: str
) -> None:
    found = find_span(dates(text), surface)
    assert (found.timex_type, found.value, found.begin_value, found.end_value) == (
        "DURATION",
        value,
        begin,
        end,
    )


@pytest.mark.parametrize(
    ("text", "surface", "begin", "end"),
    [
        ("Repairs ran from September to November.", "from September to November", "2025-09", "2025-11"),
        (
            "The conflict lasted from January to April 2015.",
            "from January to April 2015",
            "2015-01",
            "2015-04",
        ),
        ("He served from 2001 to March 2004.", "from 2001 to March 2004", "2001", "2004-03"),
        ("Sales from april to June in 2017 fell.", "from april to June in 2017", "2017-04", "2017-06"),
        (
            "Work continues between now and November 15.",
            "between now and November 15",
            "2025-10-29",
            "2025-11-15",
        ),
    ],
)
def test_dates5_range_ends_agree(text: str, surface: str, begin: str, end: str) -> None:
    assert points(text, surface) == (begin, end)


def test_dates5_mixed_grains_need_an_opener() -> None:
    found = dates("Funds lost money this year through August.")
    assert [s.text for s in found] == ["this year", "August"]


@pytest.mark.parametrize(
    ("text", "surface"),
    [("Shares fell Friday, the fourth consecutive drop.", "Friday"), ("On Monday 21 people died.", "Monday")],
)
def test_dates5_weekday_then_number_that_is_no_day(text: str, surface: str) -> None:
    assert [s.text for s in dates(text)] == [surface]
