"""Calendar arithmetic for resolution: which Wednesday, which October, which week (python-dateutil).

Directions are "past", "future" or "present" (nearest); news defaults to the past.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from dateutil.relativedelta import relativedelta

Direction = Literal["past", "future", "present"]
# The nearest reading of a day with no tense looks at most this far ahead; news that names a date
# further ahead says more ("is scheduled for"), and "the Oct. 23 slaying" in May is last October's.
PRESENT_AHEAD_DAYS = 90
NEAR_DAYS = 14  # a day of a month looked ahead to, this close before the anchor, is this year's

UNIT_STEP: dict[str, relativedelta] = {
    "day": relativedelta(days=1),
    "week": relativedelta(weeks=1),
    "month": relativedelta(months=1),
    "quarter": relativedelta(months=3),
    "year": relativedelta(years=1),
    "decade": relativedelta(years=10),
    "century": relativedelta(years=100),
}


def weekday_date(anchor: dt.date, weekday: int, direction: Direction, cue: str | None = None) -> dt.date:
    """The date of ``weekday`` (0 = Monday) meant relative to ``anchor``.

    Without a cue the anchor's own weekday is the anchor day (news is written the same day);
    "last"/"next" always move a week at least. A weekday with a verb in the present names a
    scheduled event ("the summit opens on Monday"), so the present looks ahead like the future.
    """
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if cue == "last":
        return anchor - dt.timedelta(days=back or 7)
    if cue == "next":
        return anchor + dt.timedelta(days=ahead or 7)
    if direction in ("future", "present"):
        return anchor + dt.timedelta(days=ahead)
    return anchor - dt.timedelta(days=back)


def month_year(anchor: dt.date, month: int, direction: Direction, cue: str | None = None) -> int:
    """The year of a month named without one: the anchor's month counts as this year."""
    if cue == "last":
        return anchor.year if month < anchor.month else anchor.year - 1
    if cue == "next":
        return anchor.year if month > anchor.month else anchor.year + 1
    if cue == "this" or month == anchor.month:
        return anchor.year
    if direction == "future":
        return anchor.year if month > anchor.month else anchor.year + 1
    if direction == "present" and abs(month - anchor.month) < 6:
        return anchor.year  # six months either way is a tie: news looks back
    return anchor.year if month < anchor.month else anchor.year - 1


def day_month_year(anchor: dt.date, month: int, day: int, direction: Direction) -> int:
    """The year of "Oct. 19": the nearest such date on the side the tense points to.

    A date looking ahead that fell within ``NEAR_DAYS`` before the anchor is still this year's: a
    story of Jan. 15 on an order to return a child "by Jan. 14" means the day before, not the same
    day a year away. The past keeps its side: "the ruling came on Nov. 3" in a story of Oct. 29 is
    last year's.
    """
    this_year = _safe_date(anchor.year, month, day)
    if this_year is None:
        return anchor.year
    if direction == "future" and 0 <= (anchor - this_year).days <= NEAR_DAYS:
        return anchor.year
    if direction == "future":
        return anchor.year if this_year >= anchor else anchor.year + 1
    if direction == "present":
        candidates = [
            c for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (c := _safe_date(y, month, day))
        ]
        nearest = min(candidates, key=lambda c: abs((c - anchor).days))
        if (nearest - anchor).days <= PRESENT_AHEAD_DAYS:
            return nearest.year
    return anchor.year if this_year <= anchor else anchor.year - 1


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def shift(anchor: dt.date, unit: str, count: int) -> dt.date:
    """``anchor`` moved by ``count`` units (negative = back)."""
    step = UNIT_STEP[unit]
    return anchor + step * count


def point_value(day: dt.date, unit: str) -> str:
    """The TIMEX3 value naming the ``unit``-sized period that contains ``day``."""
    if unit == "day":
        return day.isoformat()
    if unit == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    if unit == "weekend":
        return point_value(day, "week") + "-WE"
    if unit == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if unit == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if unit == "year":
        return f"{day.year:04d}"
    if unit == "decade":
        return f"{day.year // 10:03d}"
    return f"{day.year // 100:02d}"


def unresolved_value(unit: str) -> str:
    """The TIMEX3 value of a relative period when there is no anchor to resolve it against."""
    return {
        "day": "XXXX-XX-XX",
        "week": "XXXX-WXX",
        "weekend": "XXXX-WXX-WE",
        "month": "XXXX-XX",
        "quarter": "XXXX-QX",
        "year": "XXXX",
        "decade": "XXX",
        "century": "XX",
    }[unit]


def weekend_date(anchor: dt.date, direction: Direction, cue: str | None = None) -> dt.date:
    """A day of the weekend meant: the one just past by default, the next one for the future."""
    if anchor.weekday() >= 5 and cue is None:
        return anchor
    saturday = weekday_date(anchor, 5, direction, cue)
    if cue is None and direction == "present":
        saturday = weekday_date(anchor, 5, "future")
    return saturday
