"""Weeks named inside a month or a year, numbered weeks, and a weekday of a named week.

"the first week of March", "the last week of 2016", "3rd week of Jan", "the 2nd last week of October
2018": weeks are ISO weeks (Monday to Sunday), and a week belongs to the month or year that holds its
Thursday, as ISO 8601 assigns weeks to years; so "the first week of January 2015" starts on 29 December
2014 and "the last week of July 2017" on 24 July. This is the one convention for counted weeks
(Recognizers-Text's too; Duckling counts the first week wholly inside the month, so its "first week of
October 2014" starts on the 6th, not on 29 September). The value is the ISO week (``2015-W01``). "the week
of April 10th" is the week holding that day; "week 31" is the ISO week of that number ("week 10 of the
season" counts a season, not the calendar, and is left alone); "Tuesday of next week", "next week on
Tuesday", "Wednesday evening next week" put the weekday in the week named (the weekday alone was resolved
on its own).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from annotator_dates import triggers
from annotator_dates.calendar import month_year
from annotator_dates.clock_spans import join_adjacent
from annotator_dates.fragments import MONTH
from annotator_dates.rules_calendar import month_number, plausible_month
from annotator_dates.rules_ordinal import ORD, ordinal_rank
from annotator_dates.timex import Context, Rule, Timex, group_span

WEEK_VALUE = re.compile(r"^(?P<y>\d{4})-W(?P<w>\d\d)$")
WEEK_OF = re.compile(r"(?i:\bthe\s+week\s+of\s+)$")
WEEK_GAP = re.compile(r"^(?:\s*,\s*|\s+(?i:on|of)\s+|\s*[-–]\s*|\s+)$")


def week_mondays(year: int, month: int | None) -> list[dt.date]:
    """Mondays of the ISO weeks whose Thursday falls in the month, or in the year."""
    first_day = dt.date(year, month or 1, 1)
    after = dt.date(year + (month or 12) // 12, (month or 12) % 12 + 1, 1)
    thursday = first_day + dt.timedelta(days=(3 - first_day.weekday()) % 7)
    mondays, monday = [], thursday - dt.timedelta(days=3)
    while monday + dt.timedelta(days=3) < after:
        mondays.append(monday)
        monday += dt.timedelta(weeks=1)
    return mondays


def iso_week(day: dt.date) -> str:
    """The ISO week value of a day (``2015-W01``)."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _nth_week(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "the first week of March", "the 2nd last week of October 2018", "the last week of 2016"."""
    start, end = group_span(m)
    month = month_number(m["month"]) if m.groupdict().get("month") else None
    if month is not None and not plausible_month(m, ctx):
        return None
    year_text = m.groupdict().get("year") or m.groupdict().get("year2")
    if year_text:
        year = int(year_text)
    elif month is not None and ctx.date is not None:
        year = month_year(ctx.date, month, ctx.direction_at(start, end))
    else:
        return None
    mondays, rank = week_mondays(year, month), ordinal_rank(m)
    index = (rank - 1 if rank > 0 else rank) if rank else None
    if index is None or not -len(mondays) <= index < len(mondays):
        return None
    return Timex(start, end, "DATE", iso_week(mondays[index]), "week", "nth-week", 0.85)


def _numbered_week(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "week 31", "the week 1": the ISO week of that number in the anchor's year (or the year given)."""
    year = int(m["year"]) if m["year"] else (ctx.date.year if ctx.date else None)
    number = int(m["n"])
    start, end = group_span(m)
    if year is None:
        return Timex(start, end, "DATE", f"XXXX-W{number:02d}", "week", "numbered-week", 0.6)
    if number > dt.date(year, 12, 28).isocalendar()[1]:
        return None
    return Timex(start, end, "DATE", f"{year}-W{number:02d}", "week", "numbered-week", 0.75)


def join_weeks(text: str, timexes: list[Timex]) -> list[Timex]:
    """ "the week of April 10th"; a weekday and the week it is in, either way round."""
    return join_adjacent(text, timexes, _weekday_in_week, lambda t, _prev: _week_of(text, t))


def _week_of(text: str, t: Timex) -> Timex | None:
    if t.timex_type != "DATE" or t.granularity != "day" or "X" in t.value:
        return None
    opener = WEEK_OF.search(text, max(0, t.start - 16), t.start)
    if opener is None:
        return None
    week = iso_week(dt.date.fromisoformat(t.value))
    return Timex(opener.start(), t.end, "DATE", week, "week", "week-of", t.confidence)


def _weekday_in_week(text: str, first: Timex, second: Timex) -> Timex | None:
    if not WEEK_GAP.match(text[first.end : second.start]):
        return None
    week, day = (first, second) if WEEK_VALUE.match(first.value) else (second, first)
    found = WEEK_VALUE.match(week.value)
    if (
        found is None
        or day.rule not in ("weekday", "clock+day")
        or not re.match(r"\d{4}-\d\d-\d\d", day.value)
    ):
        return None
    if day.rule == "clock+day" and not re.search(
        r"(?i)(mon|tue|wed|thu|fri|sat|sun)", text[day.start : day.end]
    ):
        return None
    weekday = dt.date.fromisoformat(day.value[:10]).isoweekday()
    date = dt.date.fromisocalendar(int(found["y"]), int(found["w"]), weekday).isoformat()
    return dataclasses.replace(
        day, start=first.start, end=second.end, value=date + day.value[10:], rule=day.rule
    )


YEAR4 = r"(?P<year>1[5-9]\d\d|20\d\d)"
NTH_WEEK_TRIGGER = dataclasses.replace(triggers.REL_UNIT, reach=3)
RULES: tuple[Rule, ...] = (
    Rule(
        "numbered-week",
        re.compile(
            r"\b(?P<x>(?:(?i:the)\s+)?(?i:week)\s+(?P<n>5[0-3]|[1-4]\d|0?[1-9])(?:\s+(?i:of)\s+(?P<year>20\d\d|19\d\d))?)"
            r"(?![\w:/-]|[.,]\d|\s+(?i:of)\s+(?!19\d\d|20\d\d))"
        ),
        _numbered_week,
        NTH_WEEK_TRIGGER,
    ),
    Rule(
        "nth-week",
        re.compile(
            rf"\b(?P<x>(?:(?i:the)\s+)?(?:{ORD})\s+(?i:week)\s+(?i:of|in)\s+"
            rf"(?:{MONTH}(?:,?\s+{YEAR4})?|(?:(?i:the\s+year)\s+)?(?P<year2>1[5-9]\d\d|20\d\d)))(?![\w-])"
        ),
        _nth_week,
        NTH_WEEK_TRIGGER,
    ),
)
