"""dates8: an open time of day in the gold agrees with that time on the gold's own day."""

from __future__ import annotations

from annotator_dates.intervals import same_time


def test_dates8_open_clock_agrees_with_that_clock_on_any_day_when_gold_names_none() -> None:
    assert same_time(("T18", "T18"), ("2023-09-14T18:00",))
    assert not same_time(("T18",), ("2023-09-14T19:00",))


def test_dates8_open_clock_needs_the_day_the_gold_resolves_to() -> None:
    gold = ("T07:30", "2023-09-14T07:30")
    assert same_time(gold, ("2023-09-14T07:30",))
    assert not same_time(gold, ("2023-09-15T07:30",))


def test_dates8_open_part_of_day_agrees_with_that_part_on_the_gold_day() -> None:
    gold = ("TAF", "2023-09-14T14:00/2023-09-14T16:00")
    assert same_time(gold, ("2023-09-14TAF",))
    assert not same_time(gold, ("2023-09-14TMO",))
    assert not same_time(gold, ("2023-09-13TAF",))
