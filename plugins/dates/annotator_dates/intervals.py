"""What stretch of time a TIMEX3 value names, so values written differently can be compared.

Public suites do not write TIMEX3: Duckling gives an instant at a grain or an interval with an
exclusive end, Recognizers-Text gives ``(2016-11-07,2016-11-10,P3D)``. TempEval-3 compares value
strings, and so does the ``value`` attribute; ``same_time`` is the second, looser figure: two values
agree when they name the same stretch of the calendar ("199" and "1990/1999", "2013-02-12T16" and
"2013-02-12T16:00", a clock time being an instant; "XXXX-XX-XXT15:00" and "T15", a time of an
unnamed day; a part of day in Duckling's hours or Recognizers-Text's, see ``OTHER_PART_OF_DAY``).

A range is written ``BEGIN/END``, TIMEX3's begin and end points, as each suite gives them: our own
ranges name the last point included ("from May 3 to May 5" is ``2021-05-03/2021-05-05``), Duckling
and Recognizers-Text write the first point after the range (``2013-07/2013-10`` for "july to
september"). Two ranges agree when their begins name the same start and their ends the same point,
or one end is the point just after the other's (the two conventions); a single value agrees with a
range that starts where it starts and ends (either way) where it ends. Durations agree when they are
the same length once written in one unit (``PT90S`` and ``PT1M30S``; a day is 24 hours, a week 7
days, a year 12 months; months and seconds are never mixed).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from dateutil.relativedelta import relativedelta

Interval = tuple[dt.datetime, dt.datetime]

DATE = re.compile(
    r"^(?P<y>\d{4})(?:-(?:(?P<m>\d\d)(?:-(?P<d>\d\d))?|W(?P<w>\d\d)(?:-(?P<wd>\d))?|Q(?P<q>[1-4])"
    r"|H(?P<h>[12])|(?P<season>SP|SU|FA|WI)|W(?P<we>\d\d)-WE))?"
    r"(?:T(?P<hh>\d\d)(?::(?P<mi>\d\d)(?::(?P<ss>\d\d))?)?|T(?P<pod>MO|AF|EV|NI|DT))?$"
)
DECADE = re.compile(r"^(?P<c>\d{3})$")
CENTURY = re.compile(r"^(?P<c>\d{2})$")
ISO_DAY = re.compile(r"^\d{4}-\d\d-\d\d")
ON_A_DAY = re.compile(r"^(?P<day>\d{4}-\d\d-\d\d)(?P<time>T(?:\d\d(?::\d\d){0,2}|MO|AF|EV|NI|DT))$")
# TIMEX3 leaves the hours of a part of day open; these are the common readings (Duckling's), and
# Recognizers-Text's where it reads the part otherwise (morning 8-12, afternoon 12-16, evening 16-20,
# night 20-24); a part of day agrees with a stretch that either reading names.
PART_OF_DAY = {"MO": (4, 12), "AF": (12, 19), "EV": (18, 24), "NI": (18, 24), "DT": (6, 18)}
OTHER_PART_OF_DAY = {"MO": (8, 12), "AF": (12, 16), "EV": (16, 20), "NI": (20, 24), "DT": (8, 18)}
SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def interval(value: str | None) -> Interval | None:
    """``[start, end)`` of a TIMEX3 date/time value or ``BEGIN/END`` range; None when open or not a date."""
    if not value or "X" in value:
        return None
    if "/" in value:
        first, _, last = value.partition("/")
        a, b = interval(first), interval(last)
        return (a[0], b[1]) if a and b and a[0] <= b[1] else None
    return _century(value) or _decade(value) or _calendar(value)


def same_time(gold: Any, pred: Any) -> bool:
    """Whether any reading of ``pred`` names what a reading of ``gold`` names (each may list several)."""
    golds, preds = _readings(gold), _readings(pred)
    return any(_same_one(g, p) for g in golds for p in preds) or _open_on_its_day(golds, preds)


def _open_on_its_day(golds: list[str], preds: list[str]) -> bool:
    """An open time of day in the gold ("T18", "TAF") and the same time of day on a day the gold's
    other readings name (any day when they name none): "after 6PM" is ``T18`` in Recognizers-Text,
    and 18:00 today is that time; "late afternoon" is ``TAF`` and today's afternoon is it."""
    opens = {o for g in golds if (o := _open(g))}
    if not opens:
        return False
    days = {g[:10] for g in golds if ISO_DAY.match(g)}
    for p in preds:
        m = ON_A_DAY.match(p)
        if m and (not days or m["day"] in days) and _open(m["time"]) in opens:
            return True
    return False


def _readings(value: Any) -> list[str]:
    options: Sequence[Any] = value if isinstance(value, list | tuple) else [value]
    return [str(v) for v in options if v is not None]


def _same_one(gold: str, pred: str) -> bool:
    if gold == pred or (_open(gold) and _open(gold) == _open(pred)):
        return True
    if gold.startswith("P") or pred.startswith("P"):
        length = duration_length(gold)
        return length is not None and length == duration_length(pred)
    if "/" in gold or "/" in pred:
        if _same_range(gold, pred):
            return True
        other = (_other_range(gold) or gold, _other_range(pred) or pred)
        return other != (gold, pred) and _same_range(*other)
    a, b = interval(gold), interval(pred)
    return a is not None and (a == b or _other_reading(gold) in (b, _other_reading(pred) or a))


def _open(value: str) -> str | None:
    """An unresolved time of day written one way: "XXXX-XX-XXT15:00" and "T15" both as "T15"."""
    if "X" not in value and not value.startswith("T"):
        return None
    return re.sub(r"(T\d\d):00$", r"\1", value.removeprefix("XXXX-XX-XX"))


def _other_range(value: str) -> str | None:
    """The second reading of a part of day as ``BEGIN/END`` clock times, or None."""
    found = _other_reading(value)
    return f"{found[0].isoformat()[:16]}/{found[1].isoformat()[:16]}" if found else None


def _other_reading(value: str) -> Interval | None:
    """The second reading of a part of day (Recognizers-Text's hours), or None for other values."""
    m = DATE.match(value)
    if m is None or not m["pod"]:
        return None
    begin, end = OTHER_PART_OF_DAY[m["pod"]]
    start = interval(value[: value.index("T")])
    return (start[0] + dt.timedelta(hours=begin), start[0] + dt.timedelta(hours=end)) if start else None


def _same_range(gold: str, pred: str) -> bool:
    """Begins name the same start; ends the same point, or one the point after the other."""
    g_begin, _, g_end = gold.partition("/")
    p_begin, _, p_end = pred.partition("/")
    begins = [_extent(v) for v in (g_begin, p_begin)]
    if None in begins or begins[0][0] != begins[1][0]:  # type: ignore[index]
        return False
    g_last, p_last = _extent(g_end or g_begin), _extent(p_end or p_begin)
    if g_last is None or p_last is None:
        return False
    if not g_end or not p_end:  # a single value: its own end, its end as a last point
        whole = interval(gold if not g_end else pred)
        other = p_last if not g_end else g_last
        return whole is not None and whole[1] in (other[0], other[1])
    return g_last[0] == p_last[0] or g_last[1] == p_last[0] or p_last[1] == g_last[0]


def _extent(value: str) -> Interval | None:
    """The stretch a point names, a clock time lasting its finest unit ("T16" an hour)."""
    found = interval(value)
    m = DATE.match(value)
    if found is None or m is None or m["hh"] is None:
        return found
    step = dt.timedelta(seconds=1) if m["ss"] else dt.timedelta(minutes=1 if m["mi"] else 60)
    return found[0], found[0] + step


NUMBER = r"\d+(?:\.\d+)?"
DURATION = re.compile(rf"^P(?P<date>(?:{NUMBER}(?:CE|DE|Y|Q|M|W|D))*)(?:T(?P<time>(?:{NUMBER}[HMS])+))?$")
MONTHS_IN = {"CE": 1200, "DE": 120, "Y": 12, "Q": 3, "M": 1}
SECONDS_IN = {"W": 604800, "D": 86400, "H": 3600, "S": 1}


def duration_length(value: str) -> tuple[float, float] | None:
    """(months, seconds) of a TIMEX3 duration ("PT1M30S" -> (0, 90)); None when not one or vague."""
    m = DURATION.match(value)
    if m is None or value in ("P", "PT"):
        return None
    months = seconds = 0.0
    for number, unit in re.findall(rf"({NUMBER})(CE|DE|Y|Q|M|W|D)", m["date"]):
        if unit in MONTHS_IN:
            months += float(number) * MONTHS_IN[unit]
        else:
            seconds += float(number) * SECONDS_IN[unit]
    for number, unit in re.findall(rf"({NUMBER})([HMS])", m["time"] or ""):
        seconds += float(number) * (60 if unit == "M" else SECONDS_IN[unit])
    return months, seconds


def _century(value: str) -> Interval | None:
    m = CENTURY.match(value)
    if not m:
        return None
    start = dt.datetime(max(1, int(m["c"]) * 100), 1, 1)
    return start, dt.datetime(int(m["c"]) * 100 + 100, 1, 1)


def _decade(value: str) -> Interval | None:
    m = DECADE.match(value)
    if not m:
        return None
    start = dt.datetime(max(1, int(m["c"]) * 10), 1, 1)
    return start, dt.datetime(int(m["c"]) * 10 + 10, 1, 1)


def _calendar(value: str) -> Interval | None:
    m = DATE.match(value)
    if not m:
        return None
    try:
        day = _day_interval(m)
    except ValueError:
        return None
    return _time_within(m, day)


def _day_interval(m: re.Match[str]) -> Interval:
    """The date part: a year, month, day, ISO week (or a day of it), quarter, half or season."""
    year = int(m["y"])
    if m["d"]:
        start = dt.datetime(year, int(m["m"]), int(m["d"]))
        return start, start + dt.timedelta(days=1)
    if m["m"]:
        start = dt.datetime(year, int(m["m"]), 1)
        return start, start + relativedelta(months=1)
    if m["we"]:
        saturday = dt.datetime.fromisocalendar(year, int(m["we"]), 6)
        return saturday, saturday + dt.timedelta(days=2)
    if m["w"]:
        monday = dt.datetime.fromisocalendar(year, int(m["w"]), int(m["wd"] or 1))
        return monday, monday + dt.timedelta(days=1 if m["wd"] else 7)
    for key, months, first in (("q", 3, None), ("h", 6, None), ("season", 3, SEASON_MONTH)):
        if m[key]:
            month = first[m[key]] if first else (int(m[key]) - 1) * months + 1
            start = dt.datetime(year, month, 1)
            return start, start + relativedelta(months=months)
    return dt.datetime(year, 1, 1), dt.datetime(year + 1, 1, 1)


def _time_within(m: re.Match[str], day: Interval) -> Interval:
    """Narrow the day to its clock time or part of day, when the value has one."""
    start = day[0]
    if m["pod"]:
        begin, end = PART_OF_DAY[m["pod"]]
        return start + dt.timedelta(hours=begin), start + dt.timedelta(hours=end)
    if m["hh"] is None:
        return day
    at = start + dt.timedelta(hours=int(m["hh"]), minutes=int(m["mi"] or 0), seconds=int(m["ss"] or 0))
    return at, at  # a clock time is an instant: "T16" and "T16:00" agree
