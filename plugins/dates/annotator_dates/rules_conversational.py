"""Conversational time words news rarely uses: "at this time", "end of day", "all week", "one morning".

These rules run only in a timed document (one with a reference time of day, a request, a chat or a
calendar entry, :mod:`annotator_dates.reference`): TimeBank leaves "all day", "at this time" and
"over lunch" in news untagged, as it keeps "X for N units" apart (:mod:`annotator_dates.open_ends`).

- "at the present time", "at this time", "at the minute" are the present (``PRESENT_REF``), as "at
  the moment" is; "at this time last year" and "at this time of day" are left to other rules.
- "end of day", "the end of the day", "EOD" are the anchor day's end: the day with ``mod`` END.
  "at the end of the day" is an idiom ("in the end") and is left alone.
- "all day", "all week", "all month", "all year" last one unit (``P1D`` ...).
- a meal as a time of day, after a time preposition or as "lunchtime": "after breakfast" is in the
  morning (``TMO``), "at lunch" at midday (``T12``, a point: TIMEX3 has no word for the lunch hour),
  "around dinner" in the evening (``TEV``), with the preposition's ``mod`` (BEFORE, AFTER, APPROX).
- "for the day", "in the week", "during the month" are the anchor's day, week, month or year (not
  "the day before", "the year of the flood", "the week after next").
- "one morning", "an evening", "mornings", "in the afternoons" name a part of an unnamed day
  (``XXXX-XX-XXTMO``), once or as a set; "in the daytime" is ``TDT``; "tonite" is "tonight".
"""

from __future__ import annotations

import re

from annotator_dates.calendar import point_value
from annotator_dates.lexicon import DAY_PARTS
from annotator_dates.prefilter import Trigger
from annotator_dates.reference import reference_of
from annotator_dates.timex import Context, Handler, Rule, Timex, group_span

PRESENT = re.compile(
    r"\b(?P<x>(?i:at\s+the\s+present\s+time|at\s+this\s+(?:point\s+in\s+)?time|at\s+the\s+minute))\b"
    r"(?!\s+(?i:of|last|next|on|in|tomorrow|yesterday|today|this|that|every|each)\b)"
)
PRESENT_TRIGGER = Trigger(re.compile(r"time|minute"), 4, True, ("time", "minute"))
END_OF_DAY = re.compile(r"\b(?P<x>(?:(?i:the)\s+)?(?:(?P<words>(?i:end\s+of\s+(?:the\s+)?day))|(?i:eod)))\b")
EOD_TRIGGER = Trigger(re.compile(r"(?<![a-z])(?:end|eod)(?![a-z])"), 1, True, ("end", "eod"))
ALL_UNIT = re.compile(
    r"\b(?P<x>(?i:all)\s+(?P<unit>(?i:day|week|month|year)))\b(?![-'’]\w)(?!\s+(?i:long|round)\b)"
)
ALL_TRIGGER = Trigger(re.compile(r"(?<![a-z])all(?![a-z])"), 0, True, ("all",))
UNIT_VALUES = {"day": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y"}
PARTS = r"(?P<part>(?i:morning|afternoon|evening))"
ONE_PART = re.compile(rf"\b(?P<x>(?i:one|an?|1)\s+{PARTS})\b(?![-'’]\w)")
PLURAL_PART = re.compile(
    r"\b(?P<x>(?:(?i:in\s+the)\s+)?(?P<part>(?i:morning|afternoon|evening))s)\b(?![-'’]\w)(?!\s+(?i:of)\b)"
)
PART_TRIGGER = Trigger(re.compile(r"morning|afternoon|evening"), 2, True, ("morning", "afternoon", "evening"))
DAYTIME = re.compile(r"\b(?P<x>(?i:in\s+the\s+)(?P<part>(?i:daytime)))\b")
DAYTIME_TRIGGER = Trigger(re.compile(r"daytime"), 2, True, ("daytime",))
TONITE = re.compile(r"\b(?P<x>(?i:tonite|2nite))\b")
TONITE_TRIGGER = Trigger(re.compile(r"tonite|2nite"), 0, True, ("tonite", "2nite"))


MEAL = re.compile(
    r"\b(?P<x>(?:(?P<prep>(?i:at|after|before|around|by|until|till|during|over))\s+)?"
    r"(?P<meal>(?i:breakfast|brunch|lunch|dinner|supper))(?P<time>(?i:\s?time))?)\b(?![-'’]\w)"
)
MEAL_TRIGGER = Trigger(
    re.compile(r"breakfast|brunch|lunch|dinner|supper"),
    1,
    True,
    ("breakfast", "brunch", "lunch", "dinner", "supper"),
)
MEAL_PARTS = {"breakfast": "MO", "brunch": "MO", "lunch": "12", "dinner": "EV", "supper": "EV"}
PREP_MODS = {"after": "AFTER", "before": "BEFORE", "by": "BEFORE", "until": "BEFORE", "till": "BEFORE",
             "around": "APPROX"}  # fmt: skip


def _meal(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "after breakfast", "at lunchtime", "around dinner": a part of the day (lunch: midday)."""
    if not (m["prep"] or m["time"]) or re.match(
        r"\s+(?i:with|for|of|party|meeting|guests?)\b", ctx.after(m.end(), 9)
    ):
        return None  # "lunch with reporters" is an event; a preposition or "-time" makes it a time
    start, end = group_span(m)
    prep = (m["prep"] or "").lower()
    part = MEAL_PARTS[m["meal"].lower()]
    return Timex(start, end, "TIME", f"XXXX-XX-XXT{part}", "part-of-day", "meal", 0.6, PREP_MODS.get(prep))


THE_UNIT = re.compile(
    r"(?:(?<=\bfor )|(?<=\bFor )|(?<=\bin )|(?<=\bIn ))"
    r"(?P<x>(?i:the)\s+(?P<unit>(?i:day|week|month|year)))\b(?![-'’]\w)"
    r"(?!\s+(?i:of|before|after|when|that|which|ahead|earlier|later|to|in|ago)\b)(?!\s*\d)"
)
THE_UNIT_TRIGGER = Trigger(
    re.compile(r"(?<![a-z])(?:day|week|month|year)(?![a-z])"), 1, True, ("day", "week", "month", "year")
)


def _the_unit(m: re.Match[str], ctx: Context) -> Timex | None:
    if ctx.date is None:
        return None
    start, end = group_span(m)
    unit = m["unit"].lower()
    return Timex(start, end, "DATE", point_value(ctx.date, unit), unit, "relative-unit", 0.6)


def _present(m: re.Match[str], ctx: Context) -> Timex | None:
    start, end = group_span(m)
    return Timex(start, end, "DATE", "PRESENT_REF", "reference", "reference", 0.7)


def _end_of_day(m: re.Match[str], ctx: Context) -> Timex | None:
    if m["words"] and re.search(r"(?i:\bat\s+)$", ctx.before(m.start(), 4)):
        return None  # "at the end of the day": in the end
    start, end = group_span(m)
    day = ctx.date.isoformat() if ctx.date else "XXXX-XX-XX"
    return Timex(start, end, "DATE", day, "day", "end-of-day", 0.7, "END")


def _all_unit(m: re.Match[str], ctx: Context) -> Timex | None:
    start, end = group_span(m)
    unit = m["unit"].lower()
    return Timex(start, end, "DURATION", UNIT_VALUES[unit], unit, "duration", 0.7)


def _one_part(m: re.Match[str], ctx: Context) -> Timex | None:
    start, end = m.span("part")
    code = DAY_PARTS[m["part"].lower()]
    return Timex(start, end, "TIME", f"XXXX-XX-XXT{code}", "part-of-day", "day-part", 0.6)


def _plural_part(m: re.Match[str], ctx: Context) -> Timex | None:
    start, end = group_span(m)
    code = DAY_PARTS[m["part"].lower()]
    return Timex(start, end, "SET", f"XXXX-XX-XXT{code}", "part-of-day", "set", 0.7)


def _daytime(m: re.Match[str], ctx: Context) -> Timex | None:
    start, end = group_span(m)
    return Timex(start, end, "TIME", "XXXX-XX-XXTDT", "part-of-day", "day-part", 0.7)


def _tonite(m: re.Match[str], ctx: Context) -> Timex | None:
    start, end = group_span(m)
    day = ctx.date.isoformat() if ctx.date else "XXXX-XX-XX"
    return Timex(start, end, "TIME", f"{day}TNI", "part-of-day", "day-word", 0.8)


def timed(handler: Handler) -> Handler:
    """The handler, in a document with a reference time of day only."""

    def in_timed(m: re.Match[str], ctx: Context) -> Timex | None:
        return handler(m, ctx) if reference_of(ctx) is not None else None

    return in_timed


RULES: tuple[Rule, ...] = (
    Rule("present-ref", PRESENT, timed(_present), PRESENT_TRIGGER),
    Rule("end-of-day", END_OF_DAY, timed(_end_of_day), EOD_TRIGGER),
    Rule("duration", ALL_UNIT, timed(_all_unit), ALL_TRIGGER),
    Rule("day-part", ONE_PART, timed(_one_part), PART_TRIGGER),
    Rule("set", PLURAL_PART, timed(_plural_part), PART_TRIGGER),
    Rule("day-part", DAYTIME, timed(_daytime), DAYTIME_TRIGGER),
    Rule("day-word", TONITE, timed(_tonite), TONITE_TRIGGER),
    Rule("meal", MEAL, timed(_meal), MEAL_TRIGGER),
    Rule("relative-unit", THE_UNIT, timed(_the_unit), THE_UNIT_TRIGGER),
)
