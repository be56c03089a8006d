"""Lengths of hours with the minutes said after them: "1 hour thirty"."""

from __future__ import annotations

import pytest

from annotator import InputDocument, Pipeline
from annotator.testing import find_span


def dates(text: str):  # type: ignore[no-untyped-def]
    pipe = Pipeline(plugins=["dates"], on_error="raise")
    return next(pipe.annotate([InputDocument(id="l", text=text, meta={"published": "2024-05-15"})])).layer(
        "dates"
    )


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The drive to the coast takes 1 hour thirty.", "1 hour thirty", "PT1H30M"),
        ("Her flight was two hours and fifteen, door to door.", "two hours and fifteen", "PT2H15M"),
        ("The film runs 2 hours 10.", "2 hours 10", "PT2H10M"),
    ],
)
def test_dates9_hours_with_bare_minutes(text: str, surface: str, value: str) -> None:
    assert find_span(dates(text), surface).value == value


def test_dates9_a_count_after_hours_with_a_noun_is_no_minutes() -> None:
    found = dates("After 2 hours ten people had left.")
    assert [(s.text, s.value) for s in found] == [("2 hours", "PT2H")]
