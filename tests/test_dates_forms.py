"""Lower-case and informal date forms, clock times and date-times, on sentences written here."""

from __future__ import annotations

import pytest

from annotator import InputDocument, Pipeline
from annotator.testing import find_span, run_annotator, span_texts, spans_of

OCT29 = {"published": "2025-10-29"}  # a Wednesday


def dates(text: str, meta: dict | None = None) -> list:
    """The dates spans of ``text``."""
    return spans_of(run_annotator("dates", text, meta=OCT29 if meta is None else meta), "dates")


def span(text: str, surface: str):  # type: ignore[no-untyped-def]
    """The dates span ``surface`` of ``text``."""
    return find_span(dates(text), surface)


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("the council meets again on march 3 2026 to vote on the budget", "march 3 2026", "2026-03-03"),
        ("posted by a reader: the clinic closed on october 2", "october 2", "2025-10-02"),
        ("ICYMI: results are due next tuesday, officials said", "next tuesday", "2025-11-04"),
        ("The strike began on the third of March, 2025.", "the third of March, 2025", "2025-03-03"),
        ("Ballots must arrive by November first.", "November first", "2025-11-01"),
        ("The ferry runs again Tue, Nov. 4, weather permitting.", "Tue, Nov. 4", "2025-11-04"),
    ],
)
def test_dates_forms_lower_case_and_ordinal_days(text: str, surface: str, value: str) -> None:
    assert span(text, surface).value == value


@pytest.mark.parametrize(
    "text",
    [
        "Protesters plan to march 3 miles to the capitol.",
        "Officials say the vote may be delayed.",
        "A reporter for the Sun said the mayor would sat down with critics.",
    ],
)
def test_dates_forms_month_words_used_otherwise_are_not_dates(text: str) -> None:
    assert span_texts(run_annotator("dates", text, meta=OCT29), "dates") == []


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The quake struck at 3 in the morning, residents said.", "3 in the morning", "2025-10-29T03:00"),
        ("Polls close at 8 tonight across the state.", "8 tonight", "2025-10-29T20:00"),
        ("The train left at 15:30 from the central station.", "15:30", "2025-10-29T15:30"),
        ("Fighting resumed at half past seven in the evening.", "half past seven in the evening",
         "2025-10-29T19:30"),
        ("The flight landed at 1140 a.m. after a delay.", "1140 a.m.", "2025-10-29T11:40"),
        ("The bell rang at 9 o'clock sharp.", "9 o'clock", "2025-10-29T09:00"),
    ],
)  # fmt: skip
def test_dates_forms_clock_times(text: str, surface: str, value: str) -> None:
    found = span(text, surface)
    assert (found.value, found.timex_type) == (value, "TIME")


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The hearing resumes Tuesday at 8:30 in room 4.", "Tuesday at 8:30", "2025-11-04T08:30"),
        ("The hearing resumed Tuesday at 8:30 in room 4.", "Tuesday at 8:30", "2025-10-28T08:30"),
        ("Police said the fire started this afternoon at 3:20.", "this afternoon at 3:20",
         "2025-10-29T15:20"),
        ("He was arrested at 7:30 p.m. on Fri, Oct. 24.", "7:30 p.m. on Fri, Oct. 24", "2025-10-24T19:30"),
    ],
)  # fmt: skip
def test_dates_forms_date_times_keep_the_clock(text: str, surface: str, value: str) -> None:
    found = span(text, surface)
    assert (found.value, found.timex_type) == (value, "TIME")


def test_dates_forms_a_score_is_not_a_clock_time() -> None:
    assert span_texts(run_annotator("dates", "Arsenal won 3:1 at home.", meta=OCT29), "dates") == []


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The vote was postponed until Saturday, the commission said.", "Saturday", "2025-11-01"),
        ("The talks lasted until Saturday, the commission said.", "Saturday", "2025-10-25"),
        ("Applicants must register by November 3, the ministry said.", "November 3", "2025-11-03"),
        ("The report is due to be published in May.", "May", "2026-05"),
    ],
)
def test_dates_forms_future_marked_contexts(text: str, surface: str, value: str) -> None:
    assert span(text, surface).value == value


@pytest.mark.parametrize(
    ("text", "surface", "begin", "end", "value"),
    [
        ("The festival ran Oct. 2-5 in the old town.", "Oct. 2-5", "2025-10-02", "2025-10-05", "P4D"),
        ("Voting took place between 3 and 12 of September.", "between 3 and 12 of September",
         "2025-09-03", "2025-09-12", "P10D"),
        ("Inflation rose sharply from 2014 to 2018.", "from 2014 to 2018", "2014", "2018", "P5Y"),
        ("The clinic opens 8-11am on weekdays.", "8-11am", "2025-10-29T08:00", "2025-10-29T11:00", "PT3H"),
        ("Power was cut between 4pm and 6pm in the north.", "between 4pm and 6pm", "2025-10-29T16:00",
         "2025-10-29T18:00", "PT2H"),
    ],
)  # fmt: skip
def test_dates_forms_ranges_have_both_points(
    text: str, surface: str, begin: str, end: str, value: str
) -> None:
    found = span(text, surface)
    assert (found.begin_value, found.end_value, found.value) == (begin, end, value)


def test_dates_forms_and_without_between_is_no_range() -> None:
    texts = [s.text for s in dates("Rain fell on Oct. 3 and 4 people were hurt.")]
    assert "Oct. 3" in texts and all("4" not in t for t in texts)


def test_dates_forms_years_to_years_need_no_from() -> None:
    found = span("Output doubled 2014 to 2018, the report says.", "2014 to 2018")
    assert (found.begin_value, found.end_value) == ("2014", "2018")


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The siege lasted an hour and a half before police moved in.", "an hour and a half", "PT1H30M"),
        ("Rescuers worked for two and a half days in the rubble.", "two and a half days", "P2DT12H"),
        ("The marathon session ran 3 hours 30 minutes.", "3 hours 30 minutes", "PT3H30M"),
        ("Ministers talked for more than 1 hour and 15 minutes.", "more than 1 hour and 15 minutes",
         "PT1H15M"),
        ("Average waits reached 2.5 hrs at the border.", "2.5 hrs", "PT2H30M"),
        ("He served 3.5years of a five-year term.", "3.5years", "P3Y6M"),
    ],
)  # fmt: skip
def test_dates_forms_durations_in_two_parts_and_abbreviated(text: str, surface: str, value: str) -> None:
    found = span(text, surface)
    assert (found.value, found.timex_type) == (value, "DURATION")


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The summit, held on 20.11.2025 in Vienna, ended early.", "20.11.2025", "2025-11-20"),
        ("Records from 3/3/15 show the payment.", "3/3/15", "2015-03-03"),
        ("The law took effect 2015-3-3 after a long delay.", "2015-3-3", "2015-03-03"),
        ("Sales figures for 2014-10 were revised.", "2014-10", "2014-10"),
        ("The contract, signed Dec/2018, runs five years.", "Dec/2018", "2018-12"),
        ("Applications will close on 22/11.", "22/11", "2025-11-22"),
    ],
)
def test_dates_forms_numeric_dates(text: str, surface: str, value: str) -> None:
    assert span(text, surface).value == value


def test_dates_forms_numeric_order_follows_the_document() -> None:
    text = "The first memo is dated 25/10/2024 and the second 10/11/2024."
    assert span(text, "10/11/2024").value == "2024-11-10"


def test_dates_forms_numeric_order_option_decides_without_evidence() -> None:
    pipe = Pipeline(plugins=["dates"], options={"dates": {"numeric_order": "mdy"}}, on_error="raise")
    doc = next(pipe.annotate([InputDocument(id="t", text="The memo dated 10/11/2024 leaked.", meta=OCT29)]))
    assert find_span(spans_of(doc, "dates"), "10/11/2024").value == "2024-10-11"


@pytest.mark.parametrize("text", ["Turnout fell by 1/3 in the north.", "He scored 3/4 of the points."])
def test_dates_forms_fractions_are_not_dates(text: str) -> None:
    assert span_texts(run_annotator("dates", text, meta=OCT29), "dates") == []


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Shops reported record sales before Christmas.", "Christmas", "2024-12-25"),
        ("Families gathered for Easter 2024 despite the rain.", "Easter 2024", "2024-03-31"),
        ("Airports expect long queues at Thanksgiving next month.", "Thanksgiving", "2025-11-27"),
        ("The ceasefire held through Eid al-Fitr in Kabul.", "Eid al-Fitr", "2025-03-30"),
        ("Pakistan will announce the Eid ul Adha holidays soon.", "Eid ul Adha", "2026-05-27"),
    ],
)
def test_dates_forms_holidays_have_values(text: str, surface: str, value: str) -> None:
    assert span(text, surface).value == value


def test_dates_forms_ramadan_is_a_month_with_both_ends() -> None:
    found = span("Markets in Lahore close early during Ramadan, traders said.", "Ramadan")
    assert (found.begin_value, found.end_value) == ("2025-03-01", "2025-03-29")


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Prices soared last summer, the central bank said.", "last summer", "2025-SU"),
        ("The plant will reopen next spring.", "next spring", "2026-SP"),
        ("Talks collapsed in the winter of 2010.", "the winter of 2010", "2010-WI"),
    ],
)
def test_dates_forms_seasons(text: str, surface: str, value: str) -> None:
    assert span(text, surface).value == value


@pytest.mark.parametrize("text", ["Prices fall when demand drops.", "He wrote about the fall of Saigon."])
def test_dates_forms_season_words_used_otherwise_are_not_dates(text: str) -> None:
    assert span_texts(run_annotator("dates", text, meta=OCT29), "dates") == []


def test_dates_forms_weekday_written_with_the_date_chooses_the_year() -> None:
    # Published on Wednesday 29 October 2025: the nearest year with Oct. 30 on a Sunday is 2022.
    assert (
        span("The museum reopened on Sunday, Oct. 30, after repairs.", "Sunday, Oct. 30").value
        == "2022-10-30"
    )


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The trial opens Tuesday the 4th, the court said.", "Tuesday the 4th", "2025-11-04"),
        ("The fire broke out on Friday the 17th.", "Friday the 17th", "2025-10-17"),
    ],
)
def test_dates_forms_weekday_with_a_day_of_the_month(text: str, surface: str, value: str) -> None:
    assert span(text, surface).value == value
