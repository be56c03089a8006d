"""Dates with the month's name between dashes or slashes: "05-Aug-2016", "23/Sep/2020", "2019/aug/01".

Day, month and year joined by one separator ("-" or "/", the same on both sides), in the orders
forms and file names use: day-month-year, month-day-year ("Sep-23-2020") and year-month-day
("2019-aug-1"). The month's name settles which number is the day, so no order option is needed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from annotator_dates import triggers
from annotator_dates.fragments import MONTH
from annotator_dates.rules_calendar import month_number
from annotator_dates.timex import Context, Rule, Timex

DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])"
YEAR4 = r"(?P<year>1[5-9]\d\d|20\d\d)"
SEP = r"(?P<sep>[-/])"


def _named(m: re.Match[str], ctx: Context) -> Timex | None:
    try:
        day = dt.date(int(m["year"]), month_number(m["month"]), int(m["day"]))
    except ValueError:
        return None
    return Timex(m.start(), m.end(), "DATE", day.isoformat(), "day", "numeric-date", 0.9)


NAMED_MONTH_RULES: tuple[Rule, ...] = tuple(
    Rule(
        "numeric-date",
        re.compile(rf"(?<![\w/-]){body}(?![\w/-])"),
        _named,
        dataclasses.replace(triggers.MONTH, reach=1),
    )
    for body in (
        rf"{DAY}{SEP}{MONTH}(?P=sep){YEAR4}",
        rf"{MONTH}{SEP}{DAY}(?P=sep){YEAR4}",
        rf"{YEAR4}{SEP}{MONTH}(?P=sep){DAY}",
    )
)
