"""Direction after post4's reordering: each early return told before the verb's children are read.

post4 moved the cheap checks of ``tense.py`` (the verb's own word, tag and dependency) in front of
the reads that make Tokens of its children and heads; these sentences, written for these tests in
the style of wire copy, go through each reordered branch, both where it decides and where it does
not. ``benchmarks/dates_speed.py --against`` checks the whole layer's output is unchanged.
"""

from __future__ import annotations

import pytest

from annotator.testing import find_span, run_annotator, spans_of

OCT89 = {"published": "1989-10-25"}  # a Wednesday


def value_of(text: str, surface: str, meta: dict = OCT89) -> str:
    """The value of the span ``surface`` in ``text``."""
    return find_span(spans_of(run_annotator("dates", text, meta=meta), "dates"), surface).value


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        # _planned: a finite verb of planning looks ahead; any other past verb does not.
        ("Union leaders planned a rally on Saturday outside the plant.", "Saturday", "1989-10-28"),
        ("Union leaders held a rally on Saturday outside the plant.", "Saturday", "1989-10-21"),
        # _scheduled: a bare participle of scheduling looks ahead; a bare "reported" does not.
        ("The hearing, scheduled for Monday, will be open to the public.", "Monday", "1989-10-30"),
        ("Losses reported on Monday were larger than analysts expected.", "Monday", "1989-10-23"),
        # _until with a deferring verb: "postponed until Friday" is the coming Friday.
        ("The council postponed the vote until Friday, officials said.", "Friday", "1989-10-27"),
        ("The council debated the vote until Friday, officials said.", "Friday", "1989-10-20"),
        # _temporal_clause_ahead: a clause of time under a main clause that looks ahead.
        ("Traders said they were likely to sell as soon as the market opened Monday.", "Monday",
         "1989-10-30"),
        # _earliest: "as early as" before the day.
        ("The ruling could come as early as Tuesday, lawyers said.", "Tuesday", "1989-10-31"),
        ("The ruling came as expected on Tuesday, lawyers said.", "Tuesday", "1989-10-24"),
    ],
)  # fmt: skip
def test_dates_post4_direction_reordered_branches(text: str, surface: str, value: str) -> None:
    assert value_of(text, surface) == value


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Negotiators missed the Nov. 14 deadline for a deal.", "Nov. 14", "1989-11-14"),
        ("Negotiators met on Nov. 14 to discuss a deal.", "Nov. 14", "1988-11-14"),
    ],
)
def test_dates_post4_direction_attributive_month_day(text: str, surface: str, value: str) -> None:
    """ "the Nov. 14 deadline" is the nearest Nov. 14; a past verb's Nov. 14 lies before the story."""
    assert value_of(text, surface) == value
