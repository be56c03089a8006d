"""Which way a weekday or a date without a year points, on news sentences written for these tests."""

from __future__ import annotations

import pytest

from annotator.testing import find_span, run_annotator, spans_of

FRI = {"published": "2024-06-14"}  # a Friday
MON = {"published": "2024-06-17"}  # the Monday after


def value_of(text: str, surface: str, meta: dict) -> str:
    """The value of the span ``surface`` in ``text``."""
    return find_span(spans_of(run_annotator("dates", text, meta=meta), "dates"), surface).value


def surfaces(text: str, meta: dict) -> list[str]:
    """The texts of every dates span found in ``text``."""
    return [s.text for s in spans_of(run_annotator("dates", text, meta=meta), "dates")]


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Union members planned a march through the capital on Saturday.", "Saturday", "2024-06-15"),
        ("The mayor has scheduled a briefing Thursday to outline the budget.", "Thursday", "2024-06-20"),
        ("Farmers were planning to block the motorway on Monday.", "Monday", "2024-06-17"),
    ],
)
def test_dates_dates7_planned_event_lies_ahead(text: str, surface: str, value: str) -> None:
    assert value_of(text, surface, FRI) == value


def test_dates_dates7_planned_participle_in_a_past_clause_stays_past() -> None:
    text = "A vigil planned for Sunday was called off after the storm."
    assert value_of(text, "Sunday", FRI) == "2024-06-09"


def test_dates_dates7_past_perfect_deadline_is_past() -> None:
    text = "The tender offer had been due to expire Friday evening, the company said."
    assert value_of(text, "Friday evening", MON) == "2024-06-14TEV"


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Opposition leaders said they would challenge Wednesday's verdict in the appeals court.",
         "Wednesday", "2024-06-12"),
        ("The merger follows Tuesday's vote by shareholders.", "Tuesday", "2024-06-11"),
        ("Ahead of Sunday's runoff, both candidates held rallies in the north.", "Sunday", "2024-06-16"),
    ],
)  # fmt: skip
def test_dates_dates7_possessive_day_is_the_one_just_past(text: str, surface: str, value: str) -> None:
    assert value_of(text, surface, FRI) == value


def test_dates_dates7_passive_present_is_the_nearest_month() -> None:
    text = "Lawyers expect a ruling when the appeal is heard in September."
    assert value_of(text, "September", FRI) == "2024-09"


def test_dates_dates7_as_early_as_looks_ahead() -> None:
    text = "The envoy could arrive in the capital as early as Tuesday, officials said."
    assert value_of(text, "Tuesday", FRI) == "2024-06-18"


def test_dates_dates7_until_under_a_deferring_verb_looks_ahead() -> None:
    text = "The court extended the deadline until 9 a.m. Tuesday."
    assert value_of(text, "9 a.m. Tuesday", FRI) == "2024-06-18T09:00"


def test_dates_dates7_date_looked_ahead_to_just_before_the_anchor_is_this_year() -> None:
    text = "Regulators ordered the airline to refund every passenger by June 10."
    assert value_of(text, "June 10", FRI) == "2024-06-10"


def test_dates_dates7_past_date_just_after_the_anchor_is_last_year() -> None:
    assert value_of("The ruling came on June 20.", "June 20", FRI) == "2023-06-20"


def test_dates_dates7_record_set_on_a_day_happened_then() -> None:
    text = "The index is still below the record high set on Aug. 6."
    assert value_of(text, "Aug. 6", {"published": "2024-02-06"}) == "2023-08-06"


def test_dates_dates7_infinitive_under_adjective_follows_its_verb() -> None:
    text = "High prices made it hard for families to heat their homes well into the winter."
    assert value_of(text, "the winter", {"published": "2024-03-10"}) == "2023-WI"


@pytest.mark.parametrize(
    "text",
    [
        "The talks collapsed soon after the envoy left the capital.",
        "The three hostages were soon released and flown home.",
        "Protesters said they would leave the square as soon as the curfew ends.",
    ],
)
def test_dates_dates7_soon_in_the_story_is_no_future_ref(text: str) -> None:
    assert "soon" not in surfaces(text, FRI)


def test_dates_dates7_soon_ahead_is_future_ref() -> None:
    assert value_of("Officials said the bridge will soon reopen to traffic.", "soon", FRI) == "FUTURE_REF"


def test_dates_dates7_ahead_of_looks_ahead() -> None:
    text = "Investors trimmed their holdings ahead of the weekend."
    assert value_of(text, "the weekend", {"published": "2024-06-13"}) == "2024-W24-WE"


@pytest.mark.parametrize(
    ("text", "surface", "meta", "value"),
    [
        ("Officials gave no reason for the June 20 deadline.", "June 20", FRI, "2024-06-20"),
        ("The Oct. 23 shooting shocked the town.", "Oct. 23", {"published": "2024-05-06"}, "2023-10-23"),
    ],
)
def test_dates_dates7_attributive_date_is_the_nearest_not_far_ahead(
    text: str, surface: str, meta: dict, value: str
) -> None:
    assert value_of(text, surface, meta) == value


@pytest.mark.parametrize(
    ("text", "surface", "meta", "value"),
    [
        ("The firm is selling the unit under a June agreement with creditors.", "June",
         {"published": "2024-10-27"}, "2024-06"),
        ("The March vote will decide the issue.", "March", {"published": "2024-02-10"}, "2024-03"),
    ],
)  # fmt: skip
def test_dates_dates7_month_before_a_noun(text: str, surface: str, meta: dict, value: str) -> None:
    assert value_of(text, surface, meta) == value


def test_dates_dates7_the_may_government_is_no_month() -> None:
    assert "May" not in surfaces("The May government fell after the vote.", FRI)
