"""The same-time readings added for values written two ways, and the converter's seconds."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks" / "external"))

from annotator_dates.intervals import interval, same_time  # noqa: E402
from recognizers_convert import _instant  # noqa: E402


def test_dates5_unresolved_time_of_day_written_two_ways_agrees() -> None:
    assert same_time("T15", "XXXX-XX-XXT15:00")
    assert same_time("XXXX-WXX-1T16", "XXXX-WXX-1T16:00")
    assert not same_time("XXXX-WXX-1T16", "XXXX-WXX-2T16:00")
    assert not same_time("T15", "XXXX-XX-XXT16:00")


def test_dates5_weekend_names_saturday_and_sunday() -> None:
    begin, end = interval("2016-W45-WE")  # type: ignore[misc]
    assert (begin.date().isoformat(), end.date().isoformat()) == ("2016-11-12", "2016-11-14")


def test_dates5_part_of_day_agrees_with_either_reading_only() -> None:
    assert same_time("2016-11-07T08:00/2016-11-07T12:00", "2016-11-07TMO")
    assert same_time("2016-11-07T04:00/2016-11-07T12:00", "2016-11-07TMO")
    assert not same_time("2016-11-07T08:00/2016-11-07T12:00", "2016-11-07TAF")


def test_dates5_converter_keeps_seconds_only_when_given() -> None:
    assert _instant("2016-11-07 19:56:30", "2016-11-07") == "2016-11-07T19:56:30"
    assert _instant("2016-11-07 19:56:00", "2016-11-07") == "2016-11-07T19:56"
    assert _instant("16:00:00", "2016-11-07") == "2016-11-07T16:00"
