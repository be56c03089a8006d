"""Days counted inside a month or a week: "the first Monday of October", "the last day of October 2015",
"the 20th of next month", "Wednesday of next week", "Friday after next", "on the first".

A weekday counted in a month is that weekday's n-th occurrence there (the last counts from the end); a
week counted in a month or a year ("the 2nd last week of October 2018") is
:mod:`annotator_dates.rules_week`'s. A month without a year is the next one in the future direction, the
latest in the past (as a bare month); "this/the month" is the anchor's, "last/next month" the one before
or after. "Wednesday of next week" is the Wednesday of the week after the anchor's; "Friday after next" is
the Friday after the coming one, "March after next" the March after the coming one. A day of the month
said in words ("on the first") is the next such day in the future direction, the latest in the past; it
needs "on" before it and the text to end or punctuation to follow, since "the first" is also a rank ("the
first of them"). Numbered days ("on the 15th") are :mod:`annotator_dates.rules_day_of_month`'s; both
spans leave the preposition out, as TimeML does.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from dateutil.relativedelta import relativedelta

from annotator_dates import triggers
from annotator_dates.calendar import month_year
from annotator_dates.fragments import MONTH, WEEKDAY_NAME
from annotator_dates.lexicon import ORDINAL_DAYS, ordinal_day, weekday_number
from annotator_dates.prefilter import Trigger
from annotator_dates.rules_calendar import month_number, plausible_month
from annotator_dates.rules_day_of_month import nearest_day
from annotator_dates.timex import Context, Rule, Timex, group_span

ORD = (
    r"(?P<ord>(?i:first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th))(?:\s+(?P<fromlast>(?i:last)))?"
    r"|(?P<last>(?i:last))"
)
NUMBERED = {"1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5}
MONTH_STEP = {"this": 0, "the": 0, "current": 0, "the current": 0, "last": -1, "the last": -1,
              "previous": -1, "the previous": -1, "next": 1, "the next": 1, "the following": 1,
              "following": 1, "coming": 1, "the coming": 1}  # fmt: skip
REL = r"(?P<rel>(?i:(?:the\s+)?(?:current|previous|next|following|coming|last)|this|the))"
YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)(?!\d)"
WEEK_CUE = r"(?P<wcue>(?i:this|last|next|past|previous|coming|following|current))"
DAY_NUMBER = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"


def ordinal_rank(m: re.Match[str]) -> int | None:
    """1 for "first", -1 for "last", -2 for "second last"."""
    if m["last"]:
        return -1
    word = m["ord"].lower()
    n = NUMBERED.get(word) or ORDINAL_DAYS[word]
    return -n if m["fromlast"] else n


def _month_of(m: re.Match[str], ctx: Context, start: int, end: int) -> tuple[int, int] | None:
    """(year, month) the expression counts in: a named month (and year) or a month relative to the anchor."""
    if m.groupdict().get("month"):
        month = month_number(m["month"])
        if m["year"]:
            return int(m["year"]), month
        if ctx.date is None:
            return None
        return month_year(ctx.date, month, ctx.direction_at(start, end)), month
    if ctx.date is None:
        return None
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    day = ctx.date.replace(day=1) + relativedelta(months=MONTH_STEP[rel])
    return day.year, day.month


def nth_weekday(year: int, month: int, weekday: int, rank: int) -> dt.date | None:
    """The ``rank``-th ``weekday`` of the month (negative from its end); None when there is none."""
    days = [
        d
        for d in range(1, calendar.monthrange(year, month)[1] + 1)
        if dt.date(year, month, d).weekday() == weekday
    ]
    index = rank - 1 if rank > 0 else rank
    return dt.date(year, month, days[index]) if -len(days) <= index < len(days) else None


def _counted_in_month(m: re.Match[str], ctx: Context) -> tuple[tuple[int, int], int, int, int] | None:
    """(year, month), rank, start, end of "the <rank> <weekday or day> of <month>"; None when unplaced."""
    start, end = group_span(m)
    if m.groupdict().get("month") and not plausible_month(m, ctx):
        return None
    where, rank = _month_of(m, ctx, start, end), ordinal_rank(m)
    if where is None or rank is None:
        return None
    return where, rank, start, end


def _weekday_in_month(m: re.Match[str], ctx: Context) -> Timex | None:
    counted = _counted_in_month(m, ctx)
    if counted is None:
        return None
    where, rank, start, end = counted
    day = nth_weekday(*where, weekday_number(m["weekday"]), rank)
    return Timex(start, end, "DATE", day.isoformat(), "day", "ordinal-day", 0.85) if day else None


def _day_in_month(m: re.Match[str], ctx: Context) -> Timex | None:
    counted = _counted_in_month(m, ctx)
    if counted is None:
        return None
    where, rank, start, end = counted
    length = calendar.monthrange(*where)[1]
    number = rank if rank > 0 else length + rank + 1
    if not 1 <= number <= length:
        return None
    return Timex(start, end, "DATE", dt.date(*where, number).isoformat(), "day", "ordinal-day", 0.85)


def _day_of_relative_month(m: re.Match[str], ctx: Context) -> Timex | None:
    start, end = group_span(m)
    where = _month_of(m, ctx, start, end)
    if where is None:
        return None
    try:
        day = dt.date(*where, int(m["day"]))
    except ValueError:
        return None
    return Timex(start, end, "DATE", day.isoformat(), "day", "ordinal-day", 0.85)


def _weekday_of_week(m: re.Match[str], ctx: Context) -> Timex | None:
    start, end = group_span(m)
    if ctx.date is None:
        return None
    cue = (m["wcue"] or m["wcue2"]).lower()
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}.get(cue, 0)
    monday = ctx.date - dt.timedelta(days=ctx.date.weekday()) + dt.timedelta(weeks=step)
    day = monday + dt.timedelta(days=weekday_number(m["weekday"] or m["weekday2"]))
    return Timex(start, end, "DATE", day.isoformat(), "day", "weekday", 0.85)


def _after_next(m: re.Match[str], ctx: Context) -> Timex | None:
    start, end = group_span(m)
    if ctx.date is None:
        return None
    if m.groupdict().get("weekday"):
        ahead = (weekday_number(m["weekday"]) - ctx.date.weekday()) % 7 or 7
        day = ctx.date + dt.timedelta(days=ahead + 7)
        return Timex(start, end, "DATE", day.isoformat(), "day", "weekday", 0.8)
    if not plausible_month(m, ctx):
        return None
    month = month_number(m["month"])
    year = ctx.date.year + (1 if month > ctx.date.month else 2)
    return Timex(start, end, "DATE", f"{year:04d}-{month:02d}", "month", "month", 0.8)


def _day_alone(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "on the first": the nearest day of that number on the tense's side (as "on the 1st" in
    :mod:`annotator_dates.rules_day_of_month`)."""
    start, end = group_span(m)
    if ctx.date is None:
        return None
    found = nearest_day(ctx.date, ordinal_day(m["word"]), ctx.direction_at(start, end))
    return Timex(start, end, "DATE", found.isoformat(), "day", "ordinal-day", 0.75) if found else None


DAY_END = r"(?=\s*(?:$|[,;!?)]|\.(?!\d)))"
ORDINAL_WORD = "|".join(sorted((w.replace(" ", "[\\s-]") for w in ORDINAL_DAYS), key=len, reverse=True))
ON_THE = Trigger(re.compile(r"(?<![a-z])on\s+the(?![a-z])"), 0, True, ("on",))
IN_MONTH = rf"\s+(?i:of|in)\s+(?:{MONTH}(?:,?\s+(?:(?i:of)\s+)?{YEAR})?|{REL}\s+(?i:month))"
UNIT_OF = Trigger(re.compile(r"(?<![a-z])(?:day|week)\s+(?:of|in)(?![a-z])"), 3, True, ("day", "week"))
MONTH_WORD = Trigger(re.compile(r"(?<![a-z])month(?![a-z])"), 6, True, ("month",))
AFTER_NEXT = Trigger(re.compile(r"(?<![a-z])after\s+next(?![a-z])"), 1, True, ("after",))
RULES: tuple[Rule, ...] = (
    Rule(
        "ordinal-day",
        re.compile(rf"\b(?P<x>(?:(?i:the)\s+)?(?:{ORD})\s+(?P<weekday>{WEEKDAY_NAME}){IN_MONTH})(?![\w-])"),
        _weekday_in_month,
        triggers.WEEKDAY,
    ),
    Rule(
        "ordinal-day",
        re.compile(rf"\b(?P<x>(?:(?i:the)\s+)?(?:{ORD})\s+(?i:day){IN_MONTH})(?![\w-])"),
        _day_in_month,
        UNIT_OF,
    ),
    Rule(
        "ordinal-day",
        re.compile(
            rf"\b(?P<x>(?:(?i:the)\s+)?{DAY_NUMBER}(?:\s+(?i:day))?\s+(?i:of)\s+{REL}\s+(?i:month))(?![\w-])"
        ),
        _day_of_relative_month,
        MONTH_WORD,
    ),
    Rule(
        "weekday",
        re.compile(
            rf"\b(?P<x>(?P<weekday>{WEEKDAY_NAME})\s+(?:(?i:of|from)\s+)?(?:(?i:the)\s+)?{WEEK_CUE}\s+(?i:week)"
            rf"|{WEEK_CUE.replace('wcue', 'wcue2')}\s+(?i:week)['’]s\s+(?P<weekday2>{WEEKDAY_NAME}))(?![\w-])"
        ),
        _weekday_of_week,
        triggers.WEEKDAY,
    ),
    Rule(
        "weekday",
        re.compile(rf"\b(?P<x>(?:(?P<weekday>{WEEKDAY_NAME})|{MONTH})\s+(?i:after)\s+(?i:next))(?![\w-])"),
        _after_next,
        AFTER_NEXT,
    ),
    Rule(
        "ordinal-day",
        re.compile(rf"\b(?i:on)\s+(?P<x>(?i:the)\s+(?P<word>(?i:{ORDINAL_WORD}))){DAY_END}"),
        _day_alone,
        ON_THE,
    ),
)
