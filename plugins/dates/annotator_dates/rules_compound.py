"""Rules for durations in two parts: "an hour and a half", "two and a half years", "1 hour 30 minutes".

Also hours cut to "h": "3h", "2.5h" (lower case only, as "4H" is a club). "all day" is left out:
TimeBank does not annotate it.

A fractional count is written as whole units plus the next smaller unit, as TimeML writes it
("an hour and a half" PT1H30M, :mod:`annotator_dates.fraction_units`); the scorer compares
durations by length, so PT90M names the same time (:func:`annotator_dates.intervals.duration_length`).
"""

from __future__ import annotations

import re

from annotator_dates import triggers
from annotator_dates.fragments import NUMBER, QUANT, UNIT
from annotator_dates.lexicon import QUANT_MODS, UNITS
from annotator_dates.prefilter import Trigger
from annotator_dates.rules_duration import duration_value, parse_count, unit_of
from annotator_dates.timex import Context, Rule, Timex, group_span

SMALL_NUMBER = (
    r"(?P<num2>\d+(?:\.\d+)?|(?i:one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|thirty"
    r"|forty|forty-five|fifty|an?))"
)
UNIT2 = r"(?P<unit2>(?i:seconds?|minutes?|hours?|days?|weeks?|months?|hrs?|mins?|secs?))"
ORDER = ("second", "minute", "hour", "day", "week", "month", "year")


def _mod(m: re.Match[str]) -> str | None:
    quant = m.groupdict().get("quant")
    return QUANT_MODS.get(re.sub(r"\s+", " ", quant.lower())) if quant else None


def _and_a_half(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "an hour and a half", "two and a half years": the count plus one half."""
    count = parse_count(m["num"])
    if count is None or count == "X":
        return None
    unit = unit_of(m["unit"])
    start, end = group_span(m)
    value = duration_value(_number(float(count) + 0.5), unit)
    return Timex(start, end, "DURATION", value, UNITS[unit][2], "duration", 0.9, _mod(m))


def _two_units(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "1 hour 30 minutes", "two days and six hours": a larger unit then a smaller one."""
    first, second = unit_of(m["unit"]), unit_of(m["unit2"])
    big, small = parse_count(m["num"]), parse_count(m["num2"])
    if big in (None, "X") or small in (None, "X") or first not in ORDER or second not in ORDER:
        return None
    if ORDER.index(second) >= ORDER.index(first):
        return None
    value = _joined(duration_value(str(big), first), duration_value(str(small), second))
    start, end = group_span(m)
    return Timex(start, end, "DURATION", value, UNITS[second][2], "duration", 0.9, _mod(m))


def _joined(larger: str, smaller: str) -> str:
    """PT1H + PT30M -> PT1H30M; P2D + PT6H -> P2DT6H."""
    return larger + (smaller.removeprefix("PT") if "T" in larger else smaller.removeprefix("P"))


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


def _hours_letter(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "3h", "2.5h": hours."""
    return Timex(m.start(), m.end(), "DURATION", duration_value(m["num"], "hour"), "hour", "duration", 0.8)


HOURS_LETTER = Trigger(re.compile(r"\dh\b"), 0)
RULES: tuple[Rule, ...] = (
    Rule("duration", re.compile(r"(?<![\w.])(?P<num>\d{1,2}(?:\.\d)?)h\b"), _hours_letter, HOURS_LETTER),
    Rule(
        "duration",
        re.compile(rf"\b(?P<x>{QUANT}?{NUMBER}\s+{UNIT},?\s+(?i:and\s+(?:an?\s+)?half))\b"),
        _and_a_half,
        triggers.AND_HALF,
    ),
    Rule(
        "duration",
        re.compile(rf"\b(?P<x>{QUANT}?{NUMBER}\s+(?i:and\s+(?:an?\s+)?half)\s+{UNIT})\b"),
        _and_a_half,
        triggers.AND_HALF,
    ),
    Rule(
        "duration",
        re.compile(rf"\b(?P<x>{QUANT}?{NUMBER}\s*{UNIT},?\s+(?:(?i:and)\s+)?{SMALL_NUMBER}\s*{UNIT2})\b"),
        _two_units,
        triggers.FIRST_UNIT,
    ),
)
