"""Clock times written in a time zone, moved to the reference time's UTC offset when there is one."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from annotator import InputDocument, Pipeline
from annotator.testing import find_span

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks" / "external"))

from duckling_convert import convert_file  # noqa: E402

# Monday 2024-11-04, 10:00 in New York (UTC-5 in November).
ZONED = {"published": "2024-11-04", "reference_time": "2024-11-04T10:00:00", "reference_zone": "-05:00"}


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline(plugins=["dates"], options={"dates": {"direction": "future"}}, on_error="raise")


def found(pipe: Pipeline, text: str, surface: str, meta: dict):  # type: ignore[no-untyped-def]
    doc = next(pipe.annotate([InputDocument(id="z", text=text, meta=dict(meta))]))
    return find_span(doc.layer("dates"), surface)


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The call with London will start at 3pm GMT.", "3pm GMT", "2024-11-04T10:00"),
        ("Our Berlin office will open the bridge at 4pm CET.", "4pm CET", "2024-11-04T10:00"),
        ("The launch will stream on Tuesday 9 am PST.", "Tuesday 9 am PST", "2024-11-05T12:00"),
        ("The Mumbai team will join at 9:30pm IST.", "9:30pm IST", "2024-11-04T11:00"),
        ("The server will restart at 23:30 utc.", "23:30 utc", "2024-11-04T18:30"),
        ("The relay will start Thursday 8h GMT.", "Thursday 8h GMT", "2024-11-07T03:00"),
    ],
)
def test_dates9_zoned_clock_moves_to_the_reference_offset(
    pipe: Pipeline, text: str, surface: str, value: str
) -> None:
    assert found(pipe, text, surface, ZONED).value == value


def test_dates9_zoned_hours_move_both_ends(pipe: Pipeline) -> None:
    span = found(pipe, "The webinar will run 14:00 GMT - 16:00 GMT.", "14:00 GMT - 16:00 GMT", ZONED)
    assert (span.begin_value, span.end_value) == ("2024-11-04T09:00", "2024-11-04T11:00")


def test_dates9_without_a_reference_zone_the_clock_stays_as_written(pipe: Pipeline) -> None:
    meta = {"published": "2024-11-04", "reference_time": "2024-11-04T10:00:00"}
    assert found(pipe, "The call will start at 3pm GMT.", "3pm GMT", meta).value == "2024-11-04T15:00"


def test_dates9_an_english_word_after_a_clock_is_no_zone(pipe: Pipeline) -> None:
    """ "eat" is CLDR's East Africa Time in capitals, a verb in lower case."""
    assert found(pipe, "At 6pm eat with us.", "6pm", ZONED).value == "2024-11-04T18:00"


def test_dates9_duckling_converter_keeps_the_reference_offset() -> None:
    converted = convert_file(ROOT / "tests" / "fixtures" / "dates" / "duckling_tiny_corpus.hs", "tiny")
    assert {d.meta["reference_zone"] for d in converted.documents} == {"-02:00"}
