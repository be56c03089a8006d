"""Stretches that run from the reference or from a point: "by the end of the month", "4pm for 30 mins".

In a timed document (one with a reference time of day, :mod:`annotator_dates.reference`: a request, a
chat, a calendar entry), "by X" in the future direction is a deadline: the stretch from now to the end of
X, added as ``begin_value``/``end_value`` while the value stays X's. "X for N units" and "for N units
from X" are the N units from X, a DURATION with X as its first point ("4pm for 30 mins" ends at 16:30;
"Dec 18 for 10 days" ends on Dec 27; "for a week, from 20th dec", "2 weeks starting May 20th" alike).
Before these, a holiday's weekend and "N units before/after X" are joined (:mod:`annotator_dates.shifts`).
News keeps the two apart as TimeML annotates them, so both need a
reference time.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from dateutil.relativedelta import relativedelta

from annotator_dates.intervals import duration_length
from annotator_dates.reference import reference_of
from annotator_dates.select import fold_pairs
from annotator_dates.shifts import join_day_shifts, join_holiday_weekends, join_shifts, join_weeks_from
from annotator_dates.timex import Context, Timex

BY = re.compile(r"(?i:\bby\s+)$")
FOR_GAP = re.compile(r"^\s+(?i:for)\s+$")
FROM_GAP = re.compile(r"^,?\s+(?i:(?:starting\s+)?from|(?:starting|beginning|commencing)(?:\s+on)?)\s+$")
FROM_BEFORE = re.compile(r"(?i:\bfrom\s+)$")
FOR_BEFORE = re.compile(r"(?i:\bfor\s+)$")
CLOCK = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d)?$")
DAY = re.compile(r"^\d{4}-\d\d-\d\d$")


def with_open_ends(text: str, timexes: list[Timex], ctx: Context) -> list[Timex]:
    """The timexes with "X for N" joined and "by X" stretched from now (timed documents only)."""
    timexes = join_day_shifts(text, join_holiday_weekends(text, timexes))
    now = reference_of(ctx)
    if now is None:
        return timexes
    timexes = join_weeks_from(text, join_shifts(text, timexes))
    joined = fold_pairs(timexes, lambda first, second: _for_range(text, first, second))
    return [_deadline(text, t, ctx, now) for t in joined]


def _deadline(text: str, t: Timex, ctx: Context, now: dt.datetime) -> Timex:
    if (
        t.timex_type not in ("DATE", "TIME")
        or "X" in t.value
        or not BY.search(text[max(0, t.start - 4) : t.start])
    ):
        return t
    if (
        not (CLOCK.match(t.value) or re.match(r"^\d{4}", t.value))
        or ctx.direction_at(t.start, t.end) != "future"
    ):
        return t
    last = t.end_value or t.value
    return dataclasses.replace(t, begin_value=now.isoformat(timespec="seconds"), end_value=last)


def _for_range(text: str, first: Timex, second: Timex) -> Timex | None:
    gap = text[first.end : second.start]
    if FOR_GAP.match(gap) and second.timex_type == "DURATION" and second.begin_value is None:
        point, length, start = first, second, first.start
        opener = FROM_BEFORE.search(text[max(0, start - 6) : start])
        start -= len(opener.group(0)) if opener else 0
    elif FROM_GAP.match(gap) and first.timex_type == "DURATION" and first.begin_value is None:
        point, length, start = second, first, first.start
        opener = FOR_BEFORE.search(text[max(0, start - 5) : start])
        start -= len(opener.group(0)) if opener else 0
    else:
        return None
    last = _last_point(point.value, length.value)
    if last is None:
        return None
    return Timex(start, max(first.end, second.end), "DURATION", length.value, point.granularity, "range", 0.8,
                 None, point.value, last)  # fmt: skip


def _last_point(begin: str, duration: str) -> str | None:
    """The last point of ``duration`` from ``begin``: an instant for a clock time, the last day for a day."""
    size = duration_length(duration)
    if size is None:
        return None
    months, seconds = size
    if months != int(months):
        return None
    step = relativedelta(months=int(months), seconds=int(seconds))
    if CLOCK.match(begin):
        return (dt.datetime.fromisoformat(begin) + step).strftime("%Y-%m-%dT%H:%M")
    if DAY.match(begin) and seconds % 86400 == 0 and (months or seconds):
        return (dt.date.fromisoformat(begin) + step - dt.timedelta(days=1)).isoformat()
    return None
