"""dates8: ranges with a position or "now" as an end, ordinal-word day ranges, month-to-month ranges."""

from __future__ import annotations

import pytest

from annotator import InputDocument, Pipeline
from annotator.testing import find_span

NEWS = {"published": "2023-09-14"}  # a Thursday


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline(plugins=["dates"], on_error="raise")


def span(pipe: Pipeline, text: str, surface: str, meta: dict | None = None):  # type: ignore[no-untyped-def]
    doc = next(pipe.annotate([InputDocument(id="t", text=text, meta=dict(meta or NEWS))]))
    return find_span(doc.layer("dates"), surface)


@pytest.mark.parametrize(
    ("text", "surface", "begin", "end"),
    [
        (
            "The bridge was shut from 2011 to the end of 2012.",
            "from 2011 to the end of 2012",
            "2011",
            "2012-12-31",
        ),
        (
            "Prices rose from the middle of 2019 to the end of 2020.",
            "from the middle of 2019 to the end of 2020",
            "2019-07-02",
            "2020-12-31",
        ),
        (
            "Rents climbed between the middle of March and the end of June.",
            "between the middle of March and the end of June",
            "2023-03-16",
            "2023-06-30",
        ),
        (
            "The mill ran from 1998 to the start of 2001.",
            "from 1998 to the start of 2001",
            "1998",
            "2001-01-01",
        ),
        (
            "The library was closed from February until the end of April.",
            "from February until the end of April",
            "2023-02",
            "2023-04-30",
        ),
    ],
)
def test_dates8_range_with_a_position_end(
    pipe: Pipeline, text: str, surface: str, begin: str, end: str
) -> None:
    found = span(pipe, text, surface)
    assert (found.begin_value, found.end_value) == (begin, end)


def test_dates8_range_from_a_date_to_date_ends_on_the_anchor(pipe: Pipeline) -> None:
    found = span(pipe, "Donations from January to date total $4m.", "from January to date")
    assert (found.begin_value, found.end_value) == ("2023-01", "2023-09-14")


def test_dates8_up_to_date_is_no_date(pipe: Pipeline) -> None:
    doc = next(pipe.annotate([InputDocument(id="t", text="Keep your records up to date.", meta=NEWS)]))
    assert [s.text for s in doc.layer("dates")] == []


@pytest.mark.parametrize(
    ("text", "surface", "begin", "end"),
    [
        (
            "The fair runs june fourth through eleventh.",
            "june fourth through eleventh",
            "2023-06-04",
            "2023-06-11",
        ),
        (
            "We were away from the third till the tenth of May.",
            "from the third till the tenth of May",
            "2023-05-03",
            "2023-05-10",
        ),
        (
            "The strike lasted from March twenty-eighth to the second.",
            "from March twenty-eighth to the second",
            "2023-03-28",
            "2023-04-02",
        ),
    ],
)
def test_dates8_day_ranges_in_ordinal_words(
    pipe: Pipeline, text: str, surface: str, begin: str, end: str
) -> None:
    found = span(pipe, text, surface)
    assert (found.begin_value, found.end_value) == (begin, end)


@pytest.mark.parametrize(
    ("text", "surface", "begin", "end", "length"),
    [
        ("Sales peaked in Korea Mar-May 2019.", "Mar-May 2019", "2019-03", "2019-05", "P3M"),
        ("The season ran Oct-Jan 2021.", "Oct-Jan 2021", "2020-10", "2021-01", "P4M"),
        (
            "Fares dropped between february and april.",
            "between february and april",
            "2023-02",
            "2023-04",
            "P3M",
        ),
    ],
)
def test_dates8_month_to_month_ranges(
    pipe: Pipeline, text: str, surface: str, begin: str, end: str, length: str
) -> None:
    found = span(pipe, text, surface)
    assert (found.begin_value, found.end_value, found.value) == (begin, end, length)


def test_dates8_month_to_month_needs_a_range_sign(pipe: Pipeline) -> None:
    """ "moved May to June" without "from", a dash or a year is a change, not a range."""
    doc = next(pipe.annotate([InputDocument(id="t", text="They moved the vote May to June.", meta=NEWS)]))
    assert all(s.rule != "range" for s in doc.layer("dates"))


def test_dates8_lower_case_month_ending_a_clause(pipe: Pipeline) -> None:
    assert span(pipe, "The first results arrived in may.", "may").value == "2023-05"


TIMED = {"published": "2023-09-14", "reference_time": "2023-09-14T15:40:00"}


@pytest.mark.parametrize(
    ("text", "surface", "begin", "end"),
    [
        ("The night shift ran from 11 p.m. until 7 a.m.", "from 11 p.m. until 7 a.m.", "T23:00", "T07:00"),
        (
            "I'll be reachable between now and nine o'clock.",
            "between now and nine o'clock",
            "T15:40",
            "T21:00",
        ),
    ],
)
def test_dates8_clock_ranges_run_forward(
    pipe: Pipeline, text: str, surface: str, begin: str, end: str
) -> None:
    found = span(pipe, text, surface, TIMED)
    assert found.begin_value[10:16] == begin and found.end_value[10:16] == end
    assert found.end_value > found.begin_value


def test_dates8_now_to_a_month_day_that_comes_next_year(pipe: Pipeline) -> None:
    found = span(pipe, "We can meet between now and January 10th.", "between now and January 10th", TIMED)
    assert (found.begin_value, found.end_value) == ("2023-09-14", "2024-01-10")


def test_dates8_month_to_a_day_of_a_later_month(pipe: Pipeline) -> None:
    found = span(pipe, "Repairs ran Dec-Mar 3rd, 2021.", "Dec-Mar 3rd, 2021")
    assert (found.begin_value, found.end_value) == ("2020-12", "2021-03-03")
