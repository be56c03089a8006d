"""Clock times said the conversational way, against a reference time (Wednesday 2024-05-15 07:10)."""

from __future__ import annotations

import pytest

from annotator import InputDocument, Pipeline
from annotator.testing import find_span

META = {"published": "2024-05-15", "reference_time": "2024-05-15T07:10:00"}


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline(plugins=["dates"], options={"dates": {"direction": "future"}}, on_error="raise")


def value(pipe: Pipeline, text: str, surface: str) -> str:
    doc = next(pipe.annotate([InputDocument(id="t", text=text, meta=dict(META))]))
    return find_span(doc.layer("dates"), surface).value


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("The train leaves at twenty after 3pm.", "twenty after 3pm", "2024-05-15T15:20"),
        ("Lunch is booked for 15 to noon.", "15 to noon", "2024-05-15T11:45"),
        ("I will call 10 minutes before 6 pm.", "10 minutes before 6 pm", "2024-05-15T17:50"),
        ("We will meet at half three.", "half three", "2024-05-15T15:30"),
        ("The ferry sails at mid day.", "mid day", "2024-05-15T12:00"),
        ("The alarm will ring at 5 in the AM.", "5 in the AM", "2024-05-16T05:00"),
        ("We land at 6:45 in afternoon.", "6:45 in afternoon", "2024-05-15T18:45"),
    ],
)
def test_dates9_clock_forms(pipe: Pipeline, text: str, surface: str, expected: str) -> None:
    assert value(pipe, text, surface) == expected


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("Pick me up at 9 tomorrow morning.", "9 tomorrow morning", "2024-05-16T09:00"),
        ("The match starts at 8 tomorrow evening.", "8 tomorrow evening", "2024-05-16T20:00"),
        ("We meet at half past 4 tomorrow afternoon.", "half past 4 tomorrow afternoon", "2024-05-16T16:30"),
    ],
)
def test_dates9_tomorrow_said_after_the_hour_moves_the_day(
    pipe: Pipeline, text: str, surface: str, expected: str
) -> None:
    assert value(pipe, text, surface) == expected


def test_dates9_numbers_to_numbers_are_not_clock_times(pipe: Pipeline) -> None:
    """ "5 to 10 people" is a range of counts, and "cut in half two years ago" no half hour."""
    for text in ("Between 5 to 10 people came.", "Prices were cut in half two years ago."):
        doc = next(pipe.annotate([InputDocument(id="n", text=text, meta=dict(META))]))
        assert all(s.timex_type != "TIME" for s in doc.layer("dates"))


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("Dinner will be ready at 6 45.", "6 45", "2024-05-15T18:45"),
        ("The shuttle will leave at 1030.", "1030", "2024-05-15T10:30"),
        ("Let's meet at 815 in the evening.", "815 in the evening", "2024-05-15T20:15"),
        ("Drinks will start 5ish pm.", "5ish pm", "2024-05-15T17:00"),
        ("I will be there in 2h.", "in 2h", "2024-05-15T09:10"),
    ],
)
def test_dates9_typed_clock_times(pipe: Pipeline, text: str, surface: str, expected: str) -> None:
    assert value(pipe, text, surface) == expected


def test_dates9_a_year_after_at_stays_a_year(pipe: Pipeline) -> None:
    doc = next(pipe.annotate([InputDocument(id="y", text="Prices were last seen at 1998.", meta=dict(META))]))
    assert [s.value for s in doc.layer("dates")] == ["1998"]
