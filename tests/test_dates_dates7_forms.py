"""Forms TimeML news uses that the dates layer read wrongly, on sentences written for these tests."""

from __future__ import annotations

import pytest

from annotator.testing import find_span, run_annotator, spans_of

JUNE = {"published": "2024-06-14"}


def spans(text: str, meta: dict | None = None) -> list:
    """Every dates span of ``text``."""
    return spans_of(run_annotator("dates", text, meta=meta or JUNE), "dates")


def value_of(text: str, surface: str, meta: dict | None = None) -> str:
    """The value of the span ``surface`` in ``text``."""
    return find_span(spans(text, meta), surface).value


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Violent crime declined steadily through the nineties.", "the nineties", "199"),
        ("The band was at its peak in the nineteen-sixties.", "the nineteen-sixties", "196"),
        ("Mortgage rates soared in the early eighties.", "the early eighties", "198"),
    ],
)
def test_dates_dates7_spelled_decades(text: str, surface: str, value: str) -> None:
    assert value_of(text, surface) == value


def test_dates_dates7_temperature_in_the_eighties_is_no_decade() -> None:
    found = spans("Temperatures stayed in the high eighties on the coast.")
    assert not [s for s in found if "eight" in s.text]


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The company pays interest to its bondholders every quarter.", "every quarter", "P1Q"),
        ("Farmers burn the stubble each October despite the ban.", "each October", "XXXX-10"),
    ],
)
def test_dates_dates7_sets(text: str, surface: str, value: str) -> None:
    span = find_span(spans(text), surface)
    assert (span.timex_type, span.value) == ("SET", value)


def test_dates_dates7_year_s_end() -> None:
    assert value_of("The sale of the unit should close by year's end.", "year's end") == "2024-12-31"


def test_dates_dates7_year_quarter_reads_off_the_reported_quarter() -> None:
    text = "The chain lost $2 million in the third quarter, against a profit in the 2022 quarter."
    assert value_of(text, "the 2022 quarter", {"published": "2023-10-25"}) == "2022-Q3"


def test_dates_dates7_weekday_and_date_before_a_colon() -> None:
    text = "The Herald said in an editorial on Tuesday, March 5: the budget fails the poorest."
    assert value_of(text, "Tuesday, March 5", {"published": "2024-03-04"}) == "2024-03-05"


def test_dates_dates7_index_level_is_no_year() -> None:
    text = "The FTSE 100 index closed at 2015.4 points, down 1.2% on the day."
    assert not [s for s in spans(text) if s.text.startswith("2015")]


@pytest.mark.parametrize(
    "text",
    [
        'The foreign minister told ABC\'s "This Week" that talks would resume.',
        'The senator said on CBS\'s "60 Minutes" that she would run again.',
        'The poster showed the sheriff from the film "High Noon" above the slogan.',
    ],
)
def test_dates_dates7_show_titles_are_no_times(text: str) -> None:
    assert spans(text) == []


def test_dates_dates7_lower_case_time_words_stay() -> None:
    text = "The foreign minister said this week that talks would resume at noon."
    assert [s.text for s in spans(text)] == ["this week", "noon"]


@pytest.mark.parametrize(
    "text",
    [
        "The treaty was signed by Bronislaw Geremek and Jan Kavan in the library.",
        "Dell and Sun Microsystems said the flaw would not delay shipments.",
    ],
)
def test_dates_dates7_abbreviation_before_a_name_is_no_date(text: str) -> None:
    assert spans(text) == []


def test_dates_dates7_in_the_past_at_sentence_start() -> None:
    assert value_of("In the past, the ministry denied every request.", "the past") == "PAST_REF"


def test_dates_dates7_results_story_quarter_is_the_reported_one() -> None:
    text = (
        "The retailer posted a loss for the third quarter. "
        "Analysts expect it to earn 40 cents a share for the quarter."
    )
    assert value_of(text, "the quarter", {"published": "2023-10-25"}) == "2023-Q3"


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The chairman warned of weak demand in the near term.", "the near term", "FUTURE_REF"),
        ("The board will decide on a dividend at a later date.", "a later date", "FUTURE_REF"),
        ("Small brokers struggle to make money these days.", "these days", "PRESENT_REF"),
    ],
)
def test_dates_dates7_vague_references(text: str, surface: str, value: str) -> None:
    assert value_of(text, surface) == value


def test_dates_dates7_short_term_adjective_is_no_time() -> None:
    assert spans("The company refinanced its short-term debt.") == []


def test_dates_dates7_that_quarter_is_the_last_quarter_named() -> None:
    text = "In the second quarter, ended Oct. 31, the chain lost money. That quarter had a charge."
    assert value_of(text, "That quarter", {"published": "2023-12-05"}) == "2023-Q2"


@pytest.mark.parametrize(
    ("text", "surface"), [("The ferry leaves at 3 AM.", "3 AM"), ("Send the figures by EOM.", "EOM")]
)
def test_dates_dates7_capitals_are_no_title(text: str, surface: str) -> None:
    assert find_span(spans(text), surface)


def test_dates_dates7_bare_time_of_day_goes_on_the_story_day() -> None:
    text = "Bank shares slumped on Friday.\n\nTraders sold heavily in the morning as rumours spread."
    assert value_of(text, "the morning", {"published": "2024-06-17"}) == "2024-06-14TMO"


def test_dates_dates7_time_of_day_ahead_keeps_its_day() -> None:
    text = "Talks ended on Friday. The minister will speak at 3 p.m. on the future of the plant."
    assert value_of(text, "3 p.m.", {"published": "2024-06-17"}) == "2024-06-17T15:00"
