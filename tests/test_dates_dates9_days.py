"""A day of the month said alone: "on the 15th", "the 1st" (anchor 2024-05-15); spans leave "on" out."""

from __future__ import annotations

import pytest

from annotator import InputDocument, Pipeline
from annotator.testing import find_span

META = {"published": "2024-05-15"}


def dates(direction: str, text: str):  # type: ignore[no-untyped-def]
    pipe = Pipeline(plugins=["dates"], options={"dates": {"direction": direction}}, on_error="raise")
    return next(pipe.annotate([InputDocument(id="t", text=text, meta=dict(META))])).layer("dates")


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("The rent is due on the 1st.", "the 1st", "2024-06-01"),
        ("The invoice will be paid on the 20th.", "the 20th", "2024-05-20"),
        ("We will see you on the first.", "the first", "2024-06-01"),
        ("The sale will run until the 31st.", "the 31st", "2024-05-31"),
    ],
)
def test_dates9_day_alone_is_the_next_such_day(text: str, surface: str, expected: str) -> None:
    assert find_span(dates("future", text), surface).value == expected


def test_dates9_day_alone_in_past_news_is_the_latest() -> None:
    assert find_span(dates("past", "The strike began on the 3rd."), "the 3rd").value == "2024-05-03"


@pytest.mark.parametrize(
    "text", ["She won the 1st round easily.", "He finished in the 2nd.", "They were the first to arrive."]
)
def test_dates9_ranks_are_not_days(text: str) -> None:
    assert not [s for s in dates("future", text) if s.timex_type == "DATE"]
