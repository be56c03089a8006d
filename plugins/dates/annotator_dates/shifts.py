"""A date moved by a length, and a holiday's weekend: "3 days after January 12th", "labor day weekend".

"the day before/after X" is the day next to X ("the day before last Tuesday's hearing"), in any
document, as TimeML writes it as one expression.

"N units before/after/from X" names the day N units from X when X is a day ("2 weeks before May 13
1999" is 1999-04-29, "three months after Easter" the day three months after it). "from" without
"for" in front ("3 days from Tuesday") is the day; "for 3 days from today" is a stretch
(:mod:`annotator_dates.open_ends`). TimeML annotates the length and the day as two expressions, so
in news (no reference time) they stay apart, as "X for N units" does. So does "the week beginning
February 4" ("w/c Feb 4"): the seven days from that day.

A holiday's weekend ("labor day weekend", "the weekend of halloween", "weekend of thanksgiving
2023") is the weekend the holiday falls on or next to: a Monday to Wednesday holiday's the one
before it, a Thursday or Friday holiday's the one after. Its value is TIMEX3's ``2021-W35-WE``, its
ends the Saturday and the Sunday, stretched to take in the holiday itself.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from dateutil.relativedelta import relativedelta

from annotator_dates.intervals import duration_length
from annotator_dates.select import fold_pairs
from annotator_dates.timex import Timex

SHIFT_GAP = re.compile(r"^\s+(?P<way>(?i:before|after|from|prior\s+to|later\s+than))\s+$")
FOR_BEFORE = re.compile(r"(?i:\bfor\s+)$")
DAY = re.compile(r"^\d{4}-\d\d-\d\d$")
HOLIDAY_RULES = frozenset({"holiday", "holiday-fixed"})
WEEKEND_AFTER = re.compile(r"^\s+$")
WEEK_OF = re.compile(
    r"(?i:\b(?:the\s+|a\s+)?week\s+(?:beginning|starting|commencing)(?:\s+on)?\s+|\bw/c\s+)$"
)
WEEKEND_OF = re.compile(r"^\s+(?i:of)\s+$")
# "the day before last Tuesday", "the day after Christmas": TimeML's span starts at "day".
DAY_SHIFT = re.compile(r"(?i:\bthe\s+)(?P<day>(?i:day))\s+(?P<way>(?i:before|after))\s+$")


def join_shifts(text: str, timexes: list[Timex]) -> list[Timex]:
    """ "N units before/after/from <day>" as the day it names."""
    return fold_pairs(timexes, lambda first, second: _shifted(text, first, second))


def join_day_shifts(text: str, timexes: list[Timex]) -> list[Timex]:
    """ "the day before last Tuesday", "the day after Christmas": the day before or after that day.

    Unlike "2 days before May 13", TimeML writes this as one expression whatever the document: there
    is no length of its own to annotate.
    """
    return [_day_shifted(text, t) for t in timexes]


def _day_shifted(text: str, t: Timex) -> Timex:
    if t.timex_type != "DATE" or not DAY.match(t.value):
        return t
    m = DAY_SHIFT.search(text, max(0, t.start - 20), t.start)
    if m is None:
        return t
    day = dt.date.fromisoformat(t.value) + dt.timedelta(days=-1 if m["way"].lower() == "before" else 1)
    return Timex(m.start("day"), t.end, "DATE", day.isoformat(), "day", "shifted-date", t.confidence)


def join_holiday_weekends(text: str, timexes: list[Timex]) -> list[Timex]:
    """ "<holiday> weekend" and "the weekend of <holiday>" as that weekend."""
    return fold_pairs(timexes, lambda first, second: _holiday_weekend(text, first, second))


def join_weeks_from(text: str, timexes: list[Timex]) -> list[Timex]:
    """ "the week beginning February 4", "w/c Feb 4": the seven days from that day."""
    out: list[Timex] = []
    for t in timexes:
        lead = WEEK_OF.search(text[max(0, t.start - 40) : t.start])
        if lead is None or t.timex_type != "DATE" or not DAY.match(t.value):
            out.append(t)
            continue
        start = t.start - len(lead.group(0))
        while out and out[-1].start >= start:
            out.pop()  # "the week" found on its own
        last = (dt.date.fromisoformat(t.value) + dt.timedelta(days=6)).isoformat()
        out.append(Timex(start, t.end, "DURATION", "P1W", "day", "range", t.confidence, None, t.value, last))
    return out


def _shifted(text: str, first: Timex, second: Timex) -> Timex | None:
    gap = SHIFT_GAP.match(text[first.end : second.start])
    if gap is None or first.timex_type != "DURATION" or first.begin_value or not DAY.match(second.value):
        return None
    way = re.sub(r"\s+", " ", gap["way"].lower())
    if way == "from" and FOR_BEFORE.search(text[max(0, first.start - 5) : first.start]):
        return None  # "for 3 days from today": a stretch
    size = duration_length(first.value)
    if size is None or size[0] != int(size[0]) or size[1] % 86400:
        return None
    step = relativedelta(months=int(size[0]), days=int(size[1] // 86400))
    day = dt.date.fromisoformat(second.value)
    moved = day - step if way in ("before", "prior to") else day + step
    confidence = min(first.confidence, second.confidence)
    return Timex(first.start, second.end, "DATE", moved.isoformat(), "day", "shifted-date", confidence)


def _holiday_weekend(text: str, first: Timex, second: Timex) -> Timex | None:
    gap = text[first.end : second.start]
    if first.rule in HOLIDAY_RULES and second.rule == "weekend" and WEEKEND_AFTER.match(gap):
        holiday, start, end = first, first.start, second.end
        if text[second.start : second.end].lower() != "weekend":
            return None  # "Easter next weekend": two dates
    elif first.rule == "weekend" and second.rule in HOLIDAY_RULES and WEEKEND_OF.match(gap):
        holiday, start, end = second, first.start, second.end
    else:
        return None
    if not DAY.match(holiday.value):
        return None
    day = dt.date.fromisoformat(holiday.value)
    weekday = day.weekday()
    saturday = day + dt.timedelta(days=5 - weekday) if weekday >= 3 else day - dt.timedelta(days=weekday + 2)
    sunday = saturday + dt.timedelta(days=1)
    year, week, _ = saturday.isocalendar()
    value = f"{year:04d}-W{week:02d}-WE"
    begin, last = min(saturday, day).isoformat(), max(sunday, day).isoformat()
    return dataclasses.replace(
        holiday, start=start, end=end, value=value, granularity="week", rule="holiday-weekend",
        begin_value=begin, end_value=last,
    )  # fmt: skip
