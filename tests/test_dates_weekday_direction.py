"""Which way a weekday points when the verb's tag misleads, on news sentences written for these tests."""

from __future__ import annotations

import pytest

from annotator.testing import find_span, run_annotator, spans_of

FRI = {"published": "2024-06-14"}  # a Friday
MON = {"published": "2024-06-17"}  # the Monday after
WED = {"published": "2024-06-12"}  # a Wednesday


def value_of(text: str, surface: str, meta: dict) -> str:
    """The value of the span ``surface`` in ``text``."""
    return find_span(spans_of(run_annotator("dates", text, meta=meta), "dates"), surface).value


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The White House press secretary on Wednesday ``The president is confident that the bill "
         "will pass.''", "Wednesday", "2024-06-12"),
        ("From the prime minister's office on Tuesday: \"There is no plan to raise taxes, and there "
         "never has been.\"", "Tuesday", "2024-06-11"),
    ],
)  # fmt: skip
def test_dates_weekday_quote_verb_does_not_set_direction(text: str, surface: str, value: str) -> None:
    # The quote's present tense is the speaker's: the day it was said is the one just past.
    assert value_of(text, surface, FRI) == value


def test_dates_weekday_invariant_past_under_singular_subject_is_past() -> None:
    # "hit" tagged VBP: a present would be "hits" after "a strike", so the verb is past.
    assert value_of("A strike by dockers hit exports on Thursday.", "Thursday", MON) == "2024-06-13"


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Officials said the ferry would sail once the storm passed on Friday.", "Friday", "2024-06-14"),
        ("Analysts said investors were likely to buy the shares as soon as trading opened Monday.",
         "Monday", "2024-06-17"),
    ],
)  # fmt: skip
def test_dates_weekday_clause_of_time_follows_its_main_clause(text: str, surface: str, value: str) -> None:
    # Reported speech puts the clause of time in the past, but it happens with the main event, ahead.
    assert value_of(text, surface, WED) == value


def test_dates_weekday_clause_of_time_under_a_past_main_clause_stays_past() -> None:
    assert value_of("Prices rose as trading opened Monday.", "Monday", FRI) == "2024-06-10"
