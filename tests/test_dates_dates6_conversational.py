"""Conversational forms against a reference time of day (Tuesday 2024-03-05 09:15), direction future."""

from __future__ import annotations

import pytest

from annotator import InputDocument, Pipeline
from annotator.testing import find_span

META = {"published": "2024-03-05", "reference_time": "2024-03-05T09:15:00"}


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline(plugins=["dates"], options={"dates": {"direction": "future"}}, on_error="raise")


def span(pipe: Pipeline, text: str, surface: str, meta: dict | None = None):  # type: ignore[no-untyped-def]
    doc = next(pipe.annotate([InputDocument(id="t", text=text, meta=dict(META if meta is None else meta))]))
    return find_span(doc.layer("dates"), surface)


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("I will call the plumber in 20 minutes.", "in 20 minutes", "2024-03-05T09:35"),
        ("3 days from now", "3 days from now", "2024-03-08"),
        ("the last day of April", "the last day of April", "2024-04-30"),
        ("the first Monday of next month", "the first Monday of next month", "2024-04-01"),
        ("Friday after next", "Friday after next", "2024-03-15"),
        ("at 6:30am", "6:30am", "2024-03-06T06:30"),
        ("the 3rd qtr", "the 3rd qtr", "2024-Q3"),
        ("Whit Monday", "Whit Monday", "2024-05-20"),
    ],
)
def test_dates6_conversational_values(pipe: Pipeline, text: str, surface: str, value: str) -> None:
    assert span(pipe, text, surface).value == value


def test_dates6_last_n_days_has_its_first_and_last_day(pipe: Pipeline) -> None:
    found = span(pipe, "the last 3 days", "the last 3 days")
    assert (found.value, found.begin_value, found.end_value) == ("P3D", "2024-03-02", "2024-03-04")


def test_dates6_in_two_weeks_stays_a_duration_in_past_news() -> None:
    news = Pipeline(plugins=["dates"], on_error="raise")
    doc = next(news.annotate([InputDocument(id="n", text="The factory was rebuilt in two weeks.",
                                            meta={"published": "2024-03-05"})]))  # fmt: skip
    assert find_span(doc.layer("dates"), "two weeks").value == "P2W"


@pytest.mark.parametrize(("text", "surface", "value"), [("Doors open at 15h.", "15h", "2024-03-05T15:00")])
def test_dates6_at_h_clock_is_a_time_not_hours(pipe: Pipeline, text: str, surface: str, value: str) -> None:
    """ "at 15h" is three in the afternoon; "3h" without "at" stays a length of hours."""
    doc = next(pipe.annotate([InputDocument(id="h", text=text, meta=META)]))
    assert find_span(doc.layer("dates"), surface).value == value
    hours = next(pipe.annotate([InputDocument(id="d", text="The drive took 3h.", meta=META)]))
    assert find_span(hours.layer("dates"), "3h").value == "PT3H"
