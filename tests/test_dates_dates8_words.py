"""dates8: sets and counts of weekends, days of the month alone, decades, qualified years, holiday
weekends, shifted days and the conversational words of timed documents."""

from __future__ import annotations

import pytest

from annotator import InputDocument, Pipeline
from annotator.testing import find_span

NEWS = {"published": "2023-09-14"}  # a Thursday
TIMED = {"published": "2023-09-14", "reference_time": "2023-09-14T10:30:00"}


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline(plugins=["dates"], on_error="raise")


def spans(pipe: Pipeline, text: str, meta: dict):  # type: ignore[no-untyped-def]
    return next(pipe.annotate([InputDocument(id="t", text=text, meta=dict(meta))])).layer("dates")


@pytest.mark.parametrize(
    ("text", "surface", "kind", "value"),
    [
        ("The market opens every weekend.", "every weekend", "SET", "P1WE"),
        ("We hike every two weekends.", "every two weekends", "SET", "P2WE"),
        ("The clinic is staffed every weekday.", "every weekday", "SET", "P1WD"),
        ("The renovation took three weekends.", "three weekends", "DURATION", "P3WE"),
        ("We booked the cabin for four nights.", "four nights", "DURATION", "P4D"),
        ("The committee meets bi-monthly.", "bi-monthly", "SET", "P2M"),
        ("Dues are paid semi-annually.", "semi-annually", "SET", "P6M"),
        ("He played guitar in the seventies.", "the seventies", "DATE", "197"),
        ("Profits rose in last fiscal year.", "last fiscal year", "DATE", "2022"),
        ("The plant shuts next workweek.", "next workweek", "DATE", "2023-W38"),
        ("Analysts expect a loss in the next quarter.", "the next quarter", "DATE", "2023-Q4"),
    ],
)
def test_dates8_word_values(pipe: Pipeline, text: str, surface: str, kind: str, value: str) -> None:
    found = find_span(spans(pipe, text, NEWS), surface)
    assert (found.timex_type, found.value) == (kind, value)


def test_dates8_a_night_is_a_price_not_a_count(pipe: Pipeline) -> None:
    assert [s.text for s in spans(pipe, "Rooms cost $90 a night.", NEWS)] == []


def test_dates8_the_past_quarter_stays_a_duration(pipe: Pipeline) -> None:
    assert (
        find_span(spans(pipe, "Output fell over the past quarter.", NEWS), "the past quarter").value == "P1Q"
    )


@pytest.mark.parametrize(
    ("text", "value"),
    [("The audit ends on the 20th.", "2023-08-20"), ("Payment arrived on the 9th.", "2023-09-09")],
)
def test_dates8_day_of_month_alone_in_the_past(pipe: Pipeline, text: str, value: str) -> None:
    found = [s for s in spans(pipe, text, NEWS) if s.rule == "day-of-month"]
    assert [s.value for s in found] == [value]


def test_dates8_ordinal_before_a_noun_is_no_day(pipe: Pipeline) -> None:
    assert [s.text for s in spans(pipe, "Her office is on the 20th floor.", NEWS)] == []


@pytest.mark.parametrize(
    ("text", "surface", "value", "begin", "end"),
    [
        (
            "Traffic jams were heavy over labor day weekend.",
            "labor day weekend",
            "2023-W35-WE",
            "2023-09-02",
            "2023-09-04",
        ),
        (
            "The inn was full the weekend of thanksgiving 2022.",
            "the weekend of thanksgiving 2022",
            "2022-W47-WE",
            "2022-11-24",
            "2022-11-27",
        ),
    ],
)
def test_dates8_holiday_weekend(
    pipe: Pipeline, text: str, surface: str, value: str, begin: str, end: str
) -> None:
    found = find_span(spans(pipe, text, NEWS), surface)
    assert (found.value, found.begin_value, found.end_value) == (value, begin, end)


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The parcel should arrive 4 days after October 2nd.", "4 days after October 2nd", "2023-10-06"),
        ("Register 2 weeks before March 1 2024.", "2 weeks before March 1 2024", "2024-02-16"),
        ("The refund comes 10 days from September 18.", "10 days from September 18", "2023-09-28"),
    ],
)
def test_dates8_shifted_day_in_a_timed_document(pipe: Pipeline, text: str, surface: str, value: str) -> None:
    assert find_span(spans(pipe, text, TIMED), surface).value == value


def test_dates8_shift_stays_two_expressions_in_news(pipe: Pipeline) -> None:
    texts = [s.text for s in spans(pipe, "Polls closed 2 weeks before March 1 2024.", NEWS)]
    assert texts == ["2 weeks", "March 1 2024"]


@pytest.mark.parametrize(
    ("text", "surface", "kind", "value"),
    [
        ("I'm swamped at the present time.", "at the present time", "DATE", "PRESENT_REF"),
        ("Please send it by end of day.", "end of day", "DATE", "2023-09-14"),
        ("I'll be on the road all week.", "all week", "DURATION", "P1W"),
        ("Can we talk after lunch?", "after lunch", "TIME", "XXXX-XX-XXT12"),
        ("I swim mornings.", "mornings", "SET", "XXXX-XX-XXTMO"),
        ("Call me tonite.", "tonite", "TIME", "2023-09-14TNI"),
        ("We could pair on it quarterly.", "quarterly", "SET", "P3M"),
    ],
)
def test_dates8_conversational_words(pipe: Pipeline, text: str, surface: str, kind: str, value: str) -> None:
    found = find_span(spans(pipe, text, TIMED), surface)
    assert (found.timex_type, found.value) == (kind, value)


@pytest.mark.parametrize(
    "text",
    [
        "The minister met reporters over lunch.",
        "Earnings are reported quarterly.",
        "Shops stayed open all day.",
    ],
)
def test_dates8_conversational_words_not_in_news(pipe: Pipeline, text: str) -> None:
    assert [s.text for s in spans(pipe, text, NEWS)] == []


def test_dates8_week_beginning_a_day_is_seven_days(pipe: Pipeline) -> None:
    text = "We rented the cottage for the week beginning October 2nd, 2023."
    found = find_span(spans(pipe, text, TIMED), "the week beginning October 2nd, 2023")
    assert (found.value, found.begin_value, found.end_value) == ("P1W", "2023-10-02", "2023-10-08")
