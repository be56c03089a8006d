"""Years spelled out in words, as transcripts write them: "nineteen ninety-six", "the year two thousand".

"January nineteen ninety-seven" keeps its month. Only the two shapes a year is spoken in are read:
"nineteen" + tens (+ unit), and "two thousand" (+ "and" + a number below a hundred); a bare "nineteen"
or "two thousand" before a noun ("two thousand troops") is a count, not a year.

Decades spelled out, "the nineties" or "the nineteen-sixties", are the twentieth century's (TimeML
``199``), as "the 1990s" is; after "low", "high" or "upper" they are temperatures or scores.
"""

from __future__ import annotations

import re

from annotator_dates import triggers
from annotator_dates.fragments import MONTH, POSITION
from annotator_dates.lexicon import MONTHS
from annotator_dates.prefilter import Trigger
from annotator_dates.rules_calendar import position_mod
from annotator_dates.timex import Context, Rule, Timex, group_span

TENS = {"ten": 10, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}  # fmt: skip
UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
TEENS = {"eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
         "seventeen": 17, "eighteen": 18, "nineteen": 19}  # fmt: skip
_TENS = "|".join(TENS)
_UNITS = "|".join(UNITS)
_TEENS = "|".join(TEENS)
SPELLED = (
    rf"(?P<spelled>(?i:nineteen[\s-]+(?P<tens>{_TENS})(?:[\s-]+(?P<unit>{_UNITS}))?"
    rf"|two\s+thousand(?:\s+(?:and\s+)?(?P<small>(?:{_TENS})(?:[\s-]+(?:{_UNITS}))?|{_TEENS}|{_UNITS}))?))"
)


def spelled_year(m: re.Match[str]) -> int:
    """The year a match of ``SPELLED`` names ("nineteen ninety-six" -> 1996)."""
    if m["tens"]:
        return 1900 + TENS[m["tens"].lower()] + (UNITS[m["unit"].lower()] if m["unit"] else 0)
    small = re.split(r"[\s-]+", (m["small"] or "").lower())
    return 2000 + sum(TENS.get(w, 0) + UNITS.get(w, 0) + TEENS.get(w, 0) for w in small if w)


def _spelled(m: re.Match[str], ctx: Context) -> Timex | None:
    start, end = group_span(m)
    if not m["tens"] and not m["year_word"] and not m["month"]:
        return None  # "two thousand troops": a count
    year = spelled_year(m)
    if m["month"]:
        month = MONTHS[m["month"].rstrip(".").lower()]
        return Timex(start, end, "DATE", f"{year}-{month:02d}", "month", "year", 0.85)
    return Timex(start, end, "DATE", str(year), "year", "year", 0.85)


DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                "eighties": 8, "nineties": 9}  # fmt: skip
_DECADES = "|".join(DECADE_WORDS)
DECADE_TRIGGER = Trigger(re.compile(_DECADES), 3, True, tuple(DECADE_WORDS))
NOT_A_DECADE_BEFORE = re.compile(r"(?i)\b(?:low|high|upper)[\s-]*$")


def _spelled_decade(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "the nineties", "the nineteen-sixties": a decade of the twentieth century."""
    start, end = group_span(m)
    if NOT_A_DECADE_BEFORE.search(ctx.before(m.start("decade"), 12)):
        return None  # "temperatures in the low eighties"
    value = f"19{DECADE_WORDS[m['decade'].lower()]}"
    return Timex(start, end, "DATE", value, "decade", "decade", 0.8, position_mod(m))


RULES: tuple[Rule, ...] = (
    Rule(
        "decade",
        re.compile(rf"\b(?P<x>(?i:the)\s+{POSITION}?(?:(?i:nineteen)[\s-]*)?(?P<decade>(?i:{_DECADES})))\b"),
        _spelled_decade,
        DECADE_TRIGGER,
    ),
    Rule(
        "year",
        re.compile(
            rf"\b(?P<x>(?:(?P<year_word>(?i:the\s+year))\s+|{MONTH}\s+)?{SPELLED})\b(?![\s-]+(?i:percent|people|dollars))"
        ),
        _spelled,
        triggers.SPELLED_YEAR,
    ),
)
