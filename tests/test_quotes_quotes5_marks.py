"""Apostrophes that leave letters or digits out are no opening marks (issue 17, quotes5)."""

from __future__ import annotations

import pytest
from annotator_quotes.marks import find_regions


def contents(text: str) -> list[str]:
    return [text[r.start : r.end] for r in find_regions(text)]


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        (
            '"We are not leaving," said Anna van \'t Hof, a Dutch councillor. "Nobody asked us."',
            ["We are not leaving", "Nobody asked us."],
        ),
        ('Back in the \'80s, the mayor recalled, "we had no budget at all."', ["we had no budget at all."]),
        (
            "She said in ‘08 that the race was over: “It’s a clean break with the past.”",
            ["It’s a clean break with the past."],
        ),
    ],
    ids=["dutch-elision", "decade", "curly-year"],
)
def test_quotes_elided_apostrophe_does_not_swallow_the_next_quote(text: str, quotes: list[str]) -> None:
    assert contents(text) == quotes


def test_quotes_single_quoted_title_starting_with_a_number_is_still_quoted() -> None:
    assert contents("The film ‘13th’ opened the festival on Friday.") == ["13th"]
