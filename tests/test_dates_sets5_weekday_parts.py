"""A weekday before a plural part of the day recurs ("Tuesday nights") (test sentences written here)."""

from __future__ import annotations

import pytest

from annotator.testing import run_annotator, spans_of

THU = {"published": "2024-06-13"}  # a Thursday


def spans(text: str) -> dict[str, tuple[str, str]]:
    """Each span's text, type and value."""
    found = spans_of(run_annotator("dates", text, meta=THU), "dates")
    return {s.text: (s.timex_type, s.value) for s in found}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ferry also sails to the island on Tuesday nights.",
         {"Tuesday nights": ("SET", "XXXX-WXX-2TNI")}),
        ("Volunteers staff the food bank Saturday mornings.",
         {"Saturday mornings": ("SET", "XXXX-WXX-6TMO")}),
        ("The airline will add flights on Monday and Tuesday nights from August.",
         {"Monday": ("SET", "XXXX-WXX-1TNI"), "Tuesday nights": ("SET", "XXXX-WXX-2TNI"),
          "August": ("DATE", "2024-08")}),
        ("The market opens Friday, Saturday and Sunday afternoons.",
         {"Friday": ("SET", "XXXX-WXX-5TAF"), "Saturday": ("SET", "XXXX-WXX-6TAF"),
          "Sunday afternoons": ("SET", "XXXX-WXX-7TAF")}),
    ],
)  # fmt: skip
def test_dates_weekday_before_plural_part_is_a_set(text: str, expected: dict[str, tuple[str, str]]) -> None:
    assert spans(text) == expected


def test_dates_weekday_before_singular_part_stays_one_day() -> None:
    found = spans("Rebels attacked the convoy Tuesday night and again Wednesday morning.")
    assert found == {
        "Tuesday night": ("TIME", "2024-06-11TNI"),
        "Wednesday morning": ("TIME", "2024-06-12TMO"),
    }


def test_dates_weekday_listed_before_singular_part_stays_one_day() -> None:
    found = spans("The talks ran through Monday and Tuesday night.")
    assert found == {"Monday": ("DATE", "2024-06-10"), "Tuesday night": ("TIME", "2024-06-11TNI")}
