"""A weekday with the day of the month in words or bare digits: "tuesday the eleventh", "Monday 21!".

Like "Tuesday the 19th" (:mod:`annotator_dates.rules_calendar`), the date is the nearest day of that
number, on the tense's side of the anchor, that falls on the weekday. Bare digits count only at the
end of a clause ("on Monday 21!"), since "Monday 21 people died" is a count, and words only before
punctuation or "at", "from", "or" ("Friday, the fourth consecutive drop" is no date).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from dateutil.relativedelta import relativedelta

from annotator_dates import triggers
from annotator_dates.fragments import ORDINAL_DAY, WEEKDAY_NAME
from annotator_dates.lexicon import ordinal_day, weekday_number
from annotator_dates.timex import Context, Rule, Timex, group_span


def nearest_day(anchor: dt.date, day: int, weekday: int, ahead: bool) -> dt.date | None:
    """The nearest date with that day of the month on that weekday, ahead of or back from ``anchor``."""
    for step in range(0, 15) if ahead else range(0, -15, -1):
        try:
            found = (anchor.replace(day=1) + relativedelta(months=step)).replace(day=day)
        except ValueError:
            continue
        if (found >= anchor if ahead else found <= anchor) and found.weekday() == weekday:
            return found
    return None


def _weekday_day(m: re.Match[str], ctx: Context) -> Timex | None:
    start, end = group_span(m)
    day = ordinal_day(m["word"]) if m.groupdict().get("word") else int(m["num"])
    if ctx.date is None or not 1 <= day <= 31:
        return None
    ahead = ctx.direction_at(start, end) in ("future", "present")
    found = nearest_day(ctx.date, day, weekday_number(m["weekday"]), ahead)
    return Timex(start, end, "DATE", found.isoformat(), "day", "weekday-day", 0.75) if found else None


TRIGGER = dataclasses.replace(triggers.WEEKDAY, reach=0)
RULES: tuple[Rule, ...] = (
    Rule(
        "weekday-day",
        re.compile(
            rf"\b(?P<x>(?P<weekday>{WEEKDAY_NAME}),?\s+(?i:the)\s+(?P<word>{ORDINAL_DAY}))"
            r"(?=\s*[.!?,;]|\s*$|\s+(?i:at|from|between|in|or|and)\b)"
        ),
        _weekday_day,
        TRIGGER,
    ),
    Rule(
        "weekday-day",
        re.compile(
            rf"\b(?P<x>(?P<weekday>{WEEKDAY_NAME})\s+(?P<num>3[01]|[12]\d|0?[1-9]))(?=\s*[.!?;]|\s*$)"
        ),
        _weekday_day,
        TRIGGER,
    ),
)
