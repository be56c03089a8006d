"""The stretch a position inside a period names: "the end of the month", "early March", "beginning of 2017".

TIMEX3 writes these as the period with a ``mod`` (``2013-02`` END) and leaves the days open; suites
written for assistants want the days. The conventional thirds are used, the ones Duckling uses: a
month's beginning is its 1st to 10th, its middle the 11th to 20th, its end the 21st to its last day; a
week's beginning is Monday to Wednesday, its end Friday to Sunday; a year's beginning is January to
March, its end September to December. They are added as ``begin_value``/``end_value`` (both
included), so the ``value`` and ``mod`` stay TIMEX3's.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re

from annotator_dates.timex import Timex

MONTH = re.compile(r"^(\d{4})-(\d\d)$")
WEEK = re.compile(r"^(\d{4})-W(\d\d)$")
YEAR = re.compile(r"^(\d{4})$")
MONTH_DAYS = {"START": (1, 10), "MID": (11, 20), "END": (21, None)}
WEEK_DAYS = {"START": (1, 3), "END": (5, 7)}
YEAR_MONTHS = {"START": (1, 3), "END": (9, 12)}


def with_stretches(timexes: list[Timex]) -> list[Timex]:
    """Each DATE with a START/MID/END mod on a month, week or year, with its stretch as begin/end."""
    return [_stretched(t) if t.mod in MONTH_DAYS and t.begin_value is None else t for t in timexes]


def _stretched(t: Timex) -> Timex:
    bounds = stretch(t.value, t.mod or "")
    return dataclasses.replace(t, begin_value=bounds[0], end_value=bounds[1]) if bounds else t


def stretch(value: str, mod: str) -> tuple[str, str] | None:
    """First and last point of the ``mod`` part of the period ``value``; None when there is no convention."""
    if (m := MONTH.match(value)) and mod in MONTH_DAYS:
        year, month = int(m[1]), int(m[2])
        first, last = MONTH_DAYS[mod]
        last = last or calendar.monthrange(year, month)[1]
        return f"{value}-{first:02d}", f"{value}-{last:02d}"
    if (m := WEEK.match(value)) and mod in WEEK_DAYS:
        first, last = WEEK_DAYS[mod]
        days = [dt.date.fromisocalendar(int(m[1]), int(m[2]), d) for d in (first, last)]
        return days[0].isoformat(), days[1].isoformat()
    if (m := YEAR.match(value)) and mod in YEAR_MONTHS:
        first, last = YEAR_MONTHS[mod]
        return f"{value}-{first:02d}", f"{value}-{last:02d}"
    return None
