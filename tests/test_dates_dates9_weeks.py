"""Weeks counted in a month or a year: ISO weeks, each owned by the month of its Thursday."""

from __future__ import annotations

import pytest

from annotator import InputDocument, Pipeline
from annotator.testing import find_span


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        # 1 October 2014 is a Wednesday: its week (from 29 September) has its Thursday in October.
        ("The audit ran in the first week of October 2014.", "the first week of October 2014", "2014-W40"),
        (
            "Traffic peaked in the 2nd last week of October 2018.",
            "the 2nd last week of October 2018",
            "2018-W42",
        ),
        ("Orders fell in the third last week of 2018.", "the third last week of 2018", "2018-W50"),
        ("Stores restocked in the last week of July 2017.", "the last week of July 2017", "2017-W30"),
    ],
)
def test_dates9_counted_weeks_are_iso_weeks(text: str, surface: str, value: str) -> None:
    pipe = Pipeline(plugins=["dates"], on_error="raise")
    doc = next(pipe.annotate([InputDocument(id="w", text=text, meta={"published": "2019-03-01"})]))
    assert find_span(doc.layer("dates"), surface).value == value
