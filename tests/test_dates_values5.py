"""values5: value bugs of the dates layer on TimeML-style news, each on sentences written for these tests.

Each test fails without its fix; the figures each fix moved are in ``docs/dates-values5.md``.
"""

from __future__ import annotations

from typing import Any

import pytest

from annotator import InputDocument, Pipeline
from annotator.testing import find_span, run_annotator, spans_of

AUG98 = {"published": "1998-08-17"}  # a Monday


def span_of(text: str, surface: str, meta: dict = AUG98) -> Any:
    """The span ``surface`` in ``text``."""
    return find_span(spans_of(run_annotator("dates", text, meta=meta), "dates"), surface)


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Rescuers dug through the rubble for 5 1/2 hours before finding him.", "5 1/2 hours", "PT5H30M"),
        ("The former mayor served 2 1/2 years of a four-year sentence.", "2 1/2 years", "P2Y6M"),
        ("The anthem was cut to a minute and a half for the broadcast.", "a minute and a half",
         "PT1M30S"),
        ("Talks broke off after one and a half hours, aides said.", "one and a half hours", "PT1H30M"),
        ("The strike lasted 1 1/2 days at the port.", "1 1/2 days", "P1DT12H"),
        ("Repairs will take half an hour.", "half an hour", "PT30M"),
    ],
)  # fmt: skip
def test_dates_values5_fraction_as_whole_and_smaller_unit(text: str, surface: str, value: str) -> None:
    """TimeML writes a fractional count as whole units plus the next smaller unit."""
    assert span_of(text, surface).value == value


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The drought has lasted 1.5 months in the south.", "1.5 months", "P1.5M"),
        ("Building the bridge took 2 1/2 weeks.", "2 1/2 weeks", "P2.5W"),
    ],
)
def test_dates_values5_fraction_kept_when_split_is_not_exact(text: str, surface: str, value: str) -> None:
    """A month has no fixed number of days, and half a week is 3.5 days: the fraction stays."""
    assert span_of(text, surface).value == value


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The state paid out 300,000 last year in claims.", "last year", "1997"),
        ("Turnout fell by 12,000 two years ago, officials said.", "two years ago", "1996"),
    ],
)
def test_dates_values5_thousands_group_is_no_count(text: str, surface: str, value: str) -> None:
    """The "000" after a thousands comma belongs to the number, not to a duration's count."""
    assert span_of(text, surface).value == value


APR99 = {"published": "1999-04-19"}  # a Monday


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The jet went down last Oct. 23 off the coast.", "Oct. 23", "1998-10-23"),
        ("The treaty takes effect next March 4, diplomats say.", "March 4", "2000-03-04"),
        # "last" sends the day back even where the verb looks ahead.
        ("The panel will review the blaze of last Oct. 23.", "Oct. 23", "1998-10-23"),
    ],
)
def test_dates_values5_cue_before_month_day_keeps_the_day(text: str, surface: str, value: str) -> None:
    """ "last"/"next" before a month-day: the day, on the cue's side, not the cued month alone."""
    assert span_of(text, surface, APR99).value == value


def test_dates_values5_cued_month_before_a_percentage_stays_a_month() -> None:
    """ "last March 12 percent": the 12 is no day, so "last March" is still the month."""
    assert span_of("Sales fell last March 12 percent.", "last March", APR99).value == "1999-03"


FEB00 = {"published": "2000-02-24"}  # a Thursday


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        # The tagger reads "hearing" as a gerund; the gerund has no tense, "may" decides.
        ("In a feud that has split the town and may finally be settled in a court hearing the week of "
         "March 6, the mayor has said little.", "the week of March 6", "2000-W10"),
        ("The strike that has idled the port may end with talks beginning March 6, union officials "
         "said.", "March 6", "2000-03-06"),
        # A gerund under a past verb stays past.
        ("After meeting on Feb. 3, the two leaders signed the pact.", "Feb. 3", "2000-02-03"),
    ],
)  # fmt: skip
def test_dates_values5_bare_gerund_takes_its_clause_tense(text: str, surface: str, value: str) -> None:
    """A gerund with no auxiliary has no tense of its own: the verb it hangs from decides the side."""
    assert span_of(text, surface, FEB00).value == value


OCT89 = {"published": "1989-10-27"}  # a Friday


def points_of(text: str, meta: dict) -> list[tuple[str, str]]:
    """(text, value) of each span with the ``ranges = "points"`` option (TimeML's ends of a range)."""
    doc = InputDocument(id="p", text=text, meta=meta)
    document = Pipeline(plugins=["dates"], options={"dates": {"ranges": "points"}}).annotate_batch([doc])[0]
    return [(s.text, s.value) for s in document.spans["dates"]]


@pytest.mark.parametrize(
    ("text", "points"),
    [
        ("The bank said it bought all shares tendered at that price from today through Nov. 17.",
         [("today", "1989-10-27"), ("Nov. 17", "1989-11-17")]),
        ("Output was cut from Sept. 2 to Oct. 3, the company said.",
         [("Sept. 2", "1989-09-02"), ("Oct. 3", "1989-10-03")]),
    ],
)  # fmt: skip
def test_dates_values5_range_points_take_the_range_values(text: str, points: list) -> None:
    """Each end of a range as a point has the value the range gives it: the end after the start."""
    assert points_of(text, OCT89) == points


NOV89 = {"published": "1989-11-02"}  # a Thursday


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The trustee has set Nov. 10 as the deadline for rival bids.", "Nov. 10", "1989-11-10"),
        ("The board named Nov. 20 as the record date for the dividend.", "Nov. 20", "1989-11-20"),
        # Just past is still the nearest: a deadline set for Oct. 30 is this year's.
        ("The board had set Oct. 30 as the deadline for bids.", "Oct. 30", "1989-10-30"),
        # Without "as" the setting itself happened on the day, which lies back.
        ("The stock set a record high Nov. 10, traders said.", "Nov. 10", "1988-11-10"),
    ],
)
def test_dates_values5_day_fixed_as_something_is_the_nearest(text: str, surface: str, value: str) -> None:
    """ "has set Nov. 10 as the deadline": the day fixed is the nearest, not last year's."""
    assert span_of(text, surface, NOV89).value == value


APR00 = {"published": "2000-04-17"}  # a Monday; Easter 2000 is Sunday, April 23


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        # The week has begun by its Monday, so a past verb still means this year's.
        ("Pilgrims crowded the old city as Easter week began.", "Easter week", "2000-W16"),
        ("Most shops will stay shut during Christmas week.", "Christmas week", "2000-W52"),
        ("Traffic was light in Thanksgiving week 1999.", "Thanksgiving week 1999", "1999-W47"),
    ],
)
def test_dates_values5_holiday_week_is_the_iso_week(text: str, surface: str, value: str) -> None:
    """ "Easter week" is the week holding Easter, not Easter Sunday of a year before."""
    found = span_of(text, surface, APR00)
    assert (found.value, found.timex_type) == (value, "DATE")


def test_dates_values5_holiday_weekend_is_still_the_weekend() -> None:
    """ "week" must not eat the start of "weekend": that is the holiday's weekend."""
    assert span_of("Fares rise over the Easter weekend.", "Easter weekend", APR00).value.endswith("-WE")


JAN00 = {"published": "2000-01-06"}  # a Thursday


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The day before last Tuesday's hearing, the uncle met reporters.", "day before last Tuesday",
         "2000-01-03"),
        ("Stores reopened the day after Christmas.", "day after Christmas", "1999-12-26"),
        ("Talks resumed the day after Jan. 3, aides said.", "day after Jan. 3", "2000-01-04"),
    ],
)  # fmt: skip
def test_dates_values5_the_day_before_a_day(text: str, surface: str, value: str) -> None:
    """ "the day before/after X" is one expression, the day next to X (TimeML)."""
    assert span_of(text, surface, JAN00).value == value


def test_dates_values5_day_before_an_event_is_no_shift() -> None:
    """ "the day before the vote" names no day we can place: nothing is joined."""
    texts = [
        s.text
        for s in spans_of(run_annotator("dates", "He quit the day before the vote.", meta=JAN00), "dates")
    ]
    assert texts == []
