"""Fractions of a unit as durations, and as points after "in": "half hour", "1/2 day", "3/4 h",
"a quarter of an hour", "three-quarters of an hour", "in 1/4h".

The value is written as whole units plus the next smaller unit ("half hour" is PT30M, "half day"
PT12H, "one and a half hours" PT1H30M), as TimeML writes it (:mod:`annotator_dates.fraction_units`).
After "in" the point that far ahead is meant, as for "in 20 minutes"
(:mod:`annotator_dates.rules_offset`): it needs the future direction and, below a day, the
reference time of day.
"""

from __future__ import annotations

import re

from annotator_dates import fraction_units
from annotator_dates.fraction_units import split_value
from annotator_dates.prefilter import Trigger
from annotator_dates.rules_offset import moved
from annotator_dates.timex import Context, Rule, Timex, group_span

FRACTIONS = {"half": 0.5, "a half": 0.5, "quarter": 0.25, "a quarter": 0.25, "one quarter": 0.25,
             "three quarters": 0.75, "three quarter": 0.75, "two quarters": 0.5, "two quarter": 0.5,
             "1/2": 0.5, "1/4": 0.25, "3/4": 0.75}  # fmt: skip
WHOLE = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
         "ten": 10}  # fmt: skip
UNITS = {"h": "hour", "hr": "hour", "hrs": "hour", "hour": "hour", "hours": "hour", "day": "day",
         "days": "day", "minute": "minute", "min": "minute", "minutes": "minute"}  # fmt: skip
LETTERS = {"hour": ("H", True), "day": ("D", False), "minute": ("M", True)}
SMALLER = {unit: fraction_units.SMALLER[letter] for unit, letter in LETTERS.items()}  # one table of sizes


def _fraction(m: re.Match[str], ctx: Context) -> Timex | None:
    start, end = group_span(m)
    share = FRACTIONS[re.sub(r"[\s-]+", " ", m["frac"].lower())]
    if m["whole"]:
        share += int(m["whole"]) if m["whole"].isdigit() else WHOLE[m["whole"].lower()]
    unit = UNITS[m["unit"].lower()]
    if m["into"]:
        if ctx.direction_at(start, end) != "future":
            return None
        point = moved(ctx, unit, share)
        if point is None:
            return None
        kind, value, grain = point
        return Timex(start, end, kind, value, grain, "offset", 0.8)
    size, letter, _ = SMALLER[unit]
    value = split_value(share, *LETTERS[unit]) or f"PT{round(share * size)}{letter}"
    return Timex(start, end, "DURATION", value, "minute", "duration", 0.85)


WORDS = r"(?:(?P<whole>\d+|(?i:one|two|three|four|five|six|seven|eight|nine|ten))\s+(?i:and)\s+)?"
TAIL = r"(?:\s+(?i:of))?(?:\s+(?i:an?))?\s*(?P<unit>(?i:hours?|hrs?|h|days?|minutes?|min)))(?![\w-])"
INTO = r"(?:(?P<into>(?i:in))\s+(?:(?i:about|around|just)\s+)?)?"


FRACTION = Trigger(re.compile(r"half|quarter"), 6, True, ("half", "quarter"))
SLASH = Trigger(re.compile(r"[1-3]/[24]"), 2, True, ("/",), 1)
RULES: tuple[Rule, ...] = (
    Rule(
        "duration",
        re.compile(
            rf"\b(?P<x>{INTO}{WORDS}(?P<frac>(?i:(?:a\s+)?half|(?:a|one)\s+quarter|(?:two|three)[\s-]quarters?"
            rf"|quarter)){TAIL}"
        ),
        _fraction,
        FRACTION,
    ),
    Rule("duration", re.compile(rf"\b(?P<x>{INTO}{WORDS}(?P<frac>[13]/4|1/2){TAIL}"), _fraction, SLASH),
)
