"""Story reference time, fiscal years and possessive weekdays, on news sentences written for these tests."""

from __future__ import annotations

import pytest

from annotator.testing import find_span, run_annotator, spans_of

OCT89 = {"published": "1989-10-25"}  # a Wednesday
JAN00 = {"published": "2000-01-07"}  # a Friday


def span_of(text: str, surface: str, meta: dict):  # type: ignore[no-untyped-def]
    """The span ``surface`` in ``text`` annotated with ``meta``."""
    return find_span(spans_of(run_annotator("dates", text, meta=meta), "dates"), surface)


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Profit rose 12% in the third quarter from $4 million a year earlier.", "a year earlier", "1988-Q3"),
        (
            "Sales climbed in the third quarter. In the year-ago quarter the mill was shut.",
            "the year-ago quarter",
            "1988-Q3",
        ),
        (
            "The bank lost money in the second quarter; year-earlier results included a gain.",
            "year-earlier",
            "1988-Q2",
        ),
        (
            "Revenue fell in the third quarter, and the latest period had a tax charge.",
            "the latest period",
            "1989-Q3",
        ),
        (
            "It earned $3 million in the third quarter, against $1 million in the 1988 period.",
            "the 1988 period",
            "1988-Q3",
        ),
    ],
)
def test_dates_story_year_back_reads_off_the_reported_quarter(text: str, surface: str, value: str) -> None:
    assert span_of(text, surface, OCT89).value == value


def test_dates_story_anchor_is_recorded() -> None:
    span = span_of(
        "Net income rose in the third quarter from a loss a year earlier.", "a year earlier", OCT89
    )
    assert (span.anchor, span.anchor_date) == ("story", "1989-07-01")


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        (
            "The mayor was elected on May 4, 1994, and the following year he resigned.",
            "the following year",
            "1995",
        ),
        ("The plant opened in March 1987. Two years later it was sold.", "Two years later", "1989-03"),
        (
            "The strike began on June 2, 1996. Later that day the police arrived.",
            "Later that day",
            "1996-06-02",
        ),
    ],
)
def test_dates_story_anaphora_follow_the_last_named_time(text: str, surface: str, value: str) -> None:
    assert span_of(text, surface, OCT89).value == value


def test_dates_story_without_a_reference_uses_the_anchor() -> None:
    assert span_of("A year earlier the company had no debt at all.", "A year earlier", OCT89).value == "1988"


def test_dates_story_year_ago_stays_on_the_anchor_without_a_quarter() -> None:
    assert span_of("The town had two banks a year ago.", "a year ago", OCT89).value == "1988"


@pytest.mark.parametrize(
    ("text", "surface", "kind", "value"),
    [
        ("The company expects fiscal 1990 sales to be flat.", "fiscal 1990", "DATE", "1990"),
        (
            "Fiscal 1990's first quarter was weak, the chairman said.",
            "Fiscal 1990's first quarter",
            "DATE",
            "1990-Q1",
        ),
        ("For the year ended June 30, the retailer earned $4 million.", "the year", "DURATION", "P1Y"),
        ("It expects a loss for the current fiscal year.", "the current fiscal year", "DATE", "1989"),
        ("The index has risen 12% since year-end.", "year-end", "DATE", "1988-12-31"),
    ],
)
def test_dates_fiscal_years_and_results_periods(text: str, surface: str, kind: str, value: str) -> None:
    span = span_of(text, surface, OCT89)
    assert (span.timex_type, span.value) == (kind, value)


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Traders said Thursday's selling was overdone.", "Thursday", "2000-01-06"),
        ("Last Friday's vote surprised the party.", "Last Friday", "1999-12-31"),
    ],
)
def test_dates_possessive_weekday_is_a_day(text: str, surface: str, value: str) -> None:
    assert span_of(text, surface, JAN00).value == value


def test_dates_possessive_weekday_in_a_name_is_no_day() -> None:
    doc = run_annotator("dates", "They met at TGI Friday's restaurant downtown.", meta=JAN00)
    assert spans_of(doc, "dates") == []


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("It was the worst drought in a decade.", "a decade", "P10Y"),
        ("Prices have stagnated for two decades.", "two decades", "P20Y"),
    ],
)
def test_dates_decade_durations_are_iso_years(text: str, surface: str, value: str) -> None:
    assert span_of(text, surface, OCT89).value == value


def test_dates_ranges_option_points_gives_each_end_as_timeml_does() -> None:
    from annotator import InputDocument, Pipeline

    text = "He was convicted twice from 1991 to 1997, the records show."
    doc = InputDocument(id="r", text=text, meta=OCT89)
    spans = Pipeline(plugins=["dates"], options={"dates": {"ranges": "points"}}).annotate_batch([doc])[0]
    assert [(s.text, s.value) for s in spans.spans["dates"]] == [("1991", "1991"), ("1997", "1997")]


def test_dates_ranges_default_is_one_span_with_both_ends() -> None:
    span = span_of("He was convicted twice from 1991 to 1997, the records show.", "from 1991 to 1997", OCT89)
    assert (span.begin_value, span.end_value) == ("1991", "1997")


def test_dates_story_reference_on_a_leap_day_moves_safely() -> None:
    text = "The plant closed on Feb. 29, 1988. In the 1989 period output rose."
    assert span_of(text, "the 1989 period", OCT89).value == "1989-Q1"


OCT25 = {"published": "2025-10-29"}


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("In a 2012 e-mail, the minister said on Monday that the deal was off.", "Monday", "2012-WXX-1"),
        ("In 2012 the minister resigned in March, aides recall.", "March", "2012-03"),
        ("In March 2012, talks began on March 19 in Geneva.", "March 19", "2012-03-19"),
    ],
)
def test_dates_story_sentence_opening_on_a_year_moves_there(text: str, surface: str, value: str) -> None:
    span = span_of(text, surface, OCT25)
    assert (span.value, span.anchor) == (value, "story")


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The company, founded in 1985, said Monday it would sell the unit.", "Monday", "2025-10-27"),
        ("In a 2012 e-mail, the minister was blunt. He spoke again on Tuesday.", "Tuesday", "2025-10-28"),
    ],
)
def test_dates_story_year_frame_needs_the_sentence_opening(text: str, surface: str, value: str) -> None:
    assert span_of(text, surface, OCT25).value == value
