"""Points and stretches counted from the reference: "in two weeks", "3 days from now", "the last 2 days".

"in N units" and "N units from now/today" or "hence" name the point that far ahead; in a sentence
about the past ("arrived in two weeks") "in" gives a length, so the point reading needs the future
direction (the verb's tense, or the ``direction`` option when no verb decides), while "from now" and
"hence" always look ahead. Units of a day or more give the day ("in 3 months" on 2013-02-12 is
2013-05-12); hours, minutes and seconds need the reference time of day
(:mod:`annotator_dates.reference`) and give the clock time, else the expression stays a duration.
"the last/past/next N units" is placed by :mod:`annotator_dates.rules_count`.
"3 fridays from now" is the third Friday after the anchor, "2 thursdays ago" the second before it.
A couple is 2 and a few 3 (the conventional readings), so "in a few minutes" is a point.
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil.relativedelta import relativedelta

from annotator_dates.fragments import UNIT
from annotator_dates.lexicon import NUMBER_WORDS, weekday_number
from annotator_dates.prefilter import Trigger
from annotator_dates.reference import reference_of
from annotator_dates.rules_duration import unit_of
from annotator_dates.timex import Context, Rule, Timex, group_span

COUNT = (
    r"(?P<num>\d+(?:\.\d+)?|(?i:half\s+an?|a\s+couple\s+of|a\s+couple|couple\s+of|a\s+few|few|one|two|three"
    r"|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|an?))"
)
VAGUE = {"a couple of": 2.0, "a couple": 2.0, "couple of": 2.0, "a few": 3.0, "few": 3.0}
FINE = ("second", "minute", "hour")
STEPS = {"day": relativedelta(days=1), "week": relativedelta(weeks=1), "fortnight": relativedelta(weeks=2),
         "month": relativedelta(months=1), "year": relativedelta(years=1), "decade": relativedelta(years=10),
         "century": relativedelta(years=100)}  # fmt: skip
# "in 1h" too: a lone "h" after a count is hours here, where "in" or "from now" says it is a time ahead.
OFFSET_UNIT = UNIT.replace("(?i:seconds?|", "(?i:h|seconds?|")
AHEAD_WORDS = r"(?P<ahead>(?i:from\s+(?:right\s+)?now|from\s+today|hence|from\s+this\s+moment))"


def count_of(text: str) -> float | None:
    """The number a count names ("two" -> 2, "half an" -> 0.5, "a couple of" -> 2)."""
    norm = re.sub(r"\s+", " ", text.lower())
    if norm[0].isdigit():
        return float(norm)
    return VAGUE.get(norm, NUMBER_WORDS.get(norm))


def moved(ctx: Context, unit: str, count: float) -> tuple[str, str, str] | None:
    """(type, value, grain) of the point ``count`` units from the reference; None when it cannot be told."""
    if unit in FINE:
        now = reference_of(ctx)
        if now is None:
            return None
        seconds = {"second": 1, "minute": 60, "hour": 3600}[unit] * count
        when = now + dt.timedelta(seconds=seconds)
        shape = "%Y-%m-%dT%H:%M:%S" if unit == "second" or when.second else "%Y-%m-%dT%H:%M"
        return "TIME", when.strftime(shape), "minute"
    if ctx.date is None or count != int(count):
        days = {"day": 1, "week": 7}.get(unit)
        if ctx.date is None or days is None:
            return None
        return "DATE", (ctx.date + dt.timedelta(days=days * count)).isoformat(), "day"
    return "DATE", (ctx.date + STEPS[unit] * int(count)).isoformat(), "day"


def _in_units(m: re.Match[str], ctx: Context) -> Timex | None:
    start, end = group_span(m)
    if not m["ahead"] and ctx.direction_at(start, end) != "future":
        return None
    count = count_of(m["num"])
    if count is None:
        return None
    point = moved(ctx, "hour" if m["unit"].lower() == "h" else unit_of(m["unit"]), count)
    if point is None:
        return None
    kind, value, grain = point
    return Timex(start, end, kind, value, grain, "offset", 0.85)


def _weekdays_away(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "3 fridays from now", "2 thursdays ago": the n-th such weekday after (before) the anchor."""
    start, end = group_span(m)
    count = count_of(m["num"])
    if ctx.date is None or count is None or count != int(count) or count < 1:
        return None
    weekday = weekday_number(m["weekday"])
    if m["ahead"]:
        first = ctx.date + dt.timedelta(days=(weekday - ctx.date.weekday()) % 7 or 7)
        day = first + dt.timedelta(weeks=int(count) - 1)
    else:
        last = ctx.date - dt.timedelta(days=(ctx.date.weekday() - weekday) % 7 or 7)
        day = last - dt.timedelta(weeks=int(count) - 1)
    return Timex(start, end, "DATE", day.isoformat(), "day", "offset", 0.85)


WEEKDAY_PLURAL = r"(?P<weekday>(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday))s"
# Every match has a unit word (or a weekday plural) and one of these words; "in" is the commonest.
IN = Trigger(re.compile(r"(?<![a-z])in(?![a-z])"), 0, True, ("in",))
AHEAD = Trigger(re.compile(r"(?<![a-z])(?:from|hence)(?![a-z])"), 6, True, ("from", "hence"))
AGO_BACK = Trigger(
    re.compile(r"(?<![a-z])(?:ago|back|from|hence)(?![a-z])"), 4, True, ("ago", "back", "from", "hence")
)
RULES: tuple[Rule, ...] = (
    Rule(
        "offset",
        re.compile(
            rf"\b(?P<x>(?i:in)\s+(?:(?i:about|approximately|around|just|only|another)\s+)?{COUNT}"
            rf"(?:\s+(?i:more))?\s*{OFFSET_UNIT}(?:\s+{AHEAD_WORDS})?)(?![\w-])"
        ),
        _in_units,
        IN,
    ),
    Rule(
        "offset",
        re.compile(rf"\b(?P<x>{COUNT}\s+{UNIT}\s+{AHEAD_WORDS})(?![\w-])"),
        _in_units,
        AHEAD,
    ),
    Rule(
        "offset",
        re.compile(rf"\b(?P<x>{COUNT}\s+{WEEKDAY_PLURAL}\s+(?:{AHEAD_WORDS}|(?i:ago|back)))(?![\w-])"),
        _weekdays_away,
        AGO_BACK,
    ),
)
