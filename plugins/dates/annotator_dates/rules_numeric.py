"""Rules for dates written in digits: "13/02/2024", "3/3/15", "20.11.2025", "2015-3-3", "2014-10", "Dec/2018".

Day or month first? The ``numeric_order`` option says: ``dmy``, ``mdy``, or ``auto`` (the default),
which reads the document's own evidence: a numeric date whose first number is over 12
("22/04/2024") shows day-first, one whose second is ("04/22/2024") month-first. With no evidence, or
evidence both ways, ``auto`` leaves a date that reads both ways ("10/11/2024") alone, since guessing
wrong is worse than missing it. Dotted dates ("20.11.2025") are day-first, as where they are
written. A date with no year ("on 22/04") needs a cue word in front ("on", "by", "since", ...),
since "3/4" is more often a fraction or a score.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from annotator_dates import triggers
from annotator_dates.calendar import day_month_year
from annotator_dates.fragments import MONTH
from annotator_dates.prefilter import Trigger
from annotator_dates.rules_calendar import month_number
from annotator_dates.rules_named_month import NAMED_MONTH_RULES
from annotator_dates.timex import Context, Rule, Timex

SLASHED = re.compile(r"(?<![\d/.])\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{4}|\d\d)(?![\d/])")
NO_YEAR_CUE = re.compile(
    r"(?i:\b(?:on|by|since|until|till|from|to|before|after|dated|of|for)\s+"
    r"|\b\d{1,2}/\d{1,2}\s*(?:,|or|and|,\s*or|,\s*and)\s+)$"
)  # a cue word, or another day of a list: "on 11/20, 11/22 or 11/25"


def order_evidence(text: str) -> str | None:
    """ "dmy" or "mdy" when the document's numeric dates show one order and not the other."""
    firsts, seconds = False, False
    if "/" not in text:
        return None
    for m in SLASHED.finditer(text):
        firsts |= int(m["a"]) > 12
        seconds |= int(m["b"]) > 12
    if firsts == seconds:
        return None
    return "dmy" if firsts else "mdy"


def _four_digits(year: str) -> int:
    """A year; two digits are this century below 50 ("15" -> 2015), the last one above ("98" -> 1998)."""
    number = int(year)
    if len(year) == 4:
        return number
    return 2000 + number if number < 50 else 1900 + number


def _month_day(a: int, b: int, order: str | None) -> tuple[int, int] | None:
    """(month, day) of two numbers, or None when they read both ways and the order is not known."""
    if a > 12 and b > 12:
        return None
    if a > 12 or (order == "dmy" and b <= 12):
        return b, a
    if b > 12 or order == "mdy" or a == b:
        return a, b
    return None


def _day_value(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _slashed(m: re.Match[str], ctx: Context) -> Timex | None:
    found = _month_day(int(m["a"]), int(m["b"]), ctx.numeric_order)
    value = _day_value(_four_digits(m["year"]), *found) if found else None
    if value is None:
        return None
    return Timex(m.start(), m.end(), "DATE", value, "day", "numeric-date", 0.8)


def _dotted(m: re.Match[str], ctx: Context) -> Timex | None:
    a, b = int(m["a"]), int(m["b"])
    month, day = (a, b) if b > 12 else (b, a)
    value = _day_value(_four_digits(m["year"]), month, day)
    return Timex(m.start(), m.end(), "DATE", value, "day", "numeric-date", 0.8) if value else None


def _no_year(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "on 22/04", "by 11/20": a day of the nearest such date on the side the tense points to."""
    if not NO_YEAR_CUE.search(ctx.before(m.start())):
        return None
    found = _month_day(int(m["a"]), int(m["b"]), ctx.numeric_order)
    if found is None or _day_value(2000, *found) is None:
        return None
    month, day = found
    if ctx.date is None:
        return Timex(m.start(), m.end(), "DATE", f"XXXX-{month:02d}-{day:02d}", "day", "numeric-date", 0.6)
    year = day_month_year(ctx.date, month, day, ctx.direction_at(m.start(), m.end()))
    value = _day_value(year, month, day)
    return Timex(m.start(), m.end(), "DATE", value, "day", "numeric-day", 0.7) if value else None


def _year_first(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "2015-3-3", "2014/10/05", "2014-10": year, month and maybe day."""
    year, month = int(m["year"]), int(m["mnum"])
    if not 1 <= month <= 12:
        return None
    if m["day"]:
        value = _day_value(year, month, int(m["day"]))
        return Timex(m.start(), m.end(), "DATE", value, "day", "numeric-date", 0.9) if value else None
    return Timex(m.start(), m.end(), "DATE", f"{year:04d}-{month:02d}", "month", "numeric-date", 0.7)


def _month_slash_year(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "2/2013", "Dec/2018", "Dec-2018", "12-2015": a month of a year ("2-2015" is more often a score)."""
    month = month_number(m["month"]) if m["month"] else int(m["mnum"])
    if not 1 <= month <= 12:
        return None
    return Timex(m.start(), m.end(), "DATE", f"{m['year']}-{month:02d}", "month", "numeric-date", 0.8)


def _eight_digits(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "20161016", "report-20170302.html": a year, month and day run together (ISO 8601's basic form)."""
    value = _day_value(int(m["year"]), int(m["mnum"]), int(m["day"]))
    return Timex(m.start(), m.end(), "DATE", value, "day", "numeric-date", 0.75) if value else None


def _month_slash_day(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "Oct/2", "Jan/3": a named month and a day, the year by the direction like "Oct. 2"."""
    month, day = month_number(m["month"]), int(m["day"])
    if ctx.date is None:
        return Timex(m.start(), m.end(), "DATE", f"XXXX-{month:02d}-{day:02d}", "day", "month-day", 0.6)
    year = day_month_year(ctx.date, month, day, ctx.direction_at(m.start(), m.end()))
    value = _day_value(year, month, day)
    return Timex(m.start(), m.end(), "DATE", value, "day", "month-day", 0.75) if value else None


EIGHT_DIGITS = Trigger(re.compile(r"(?<!\d)(?:19|20)\d{6}(?!\d)"), 0)
YEAR4 = r"(?P<year>1[5-9]\d\d|20\d\d)"
DASH_YEAR = dataclasses.replace(
    triggers.YEAR_DASH, pattern=re.compile(r"-(?:1[5-9]|20)\d\d"), starts=("-",), back=0
)
RULES: tuple[Rule, ...] = (
    Rule("numeric-date", SLASHED, _slashed, triggers.NUMERIC_DATE),
    Rule(
        "numeric-date",
        re.compile(r"(?<![\d/.])\b(?P<a>\d{1,2})\.(?P<b>\d{1,2})\.(?P<year>\d{4})(?![\d.]\d)"),
        _dotted,
        triggers.DOTTED_DATE,
    ),
    Rule(
        "numeric-date",
        re.compile(r"(?<![\d/.])\b(?P<a>\d{1,2})/(?P<b>\d{1,2})(?![\d/]|\.\d)"),
        _no_year,
        triggers.NUMERIC_DATE,
    ),
    Rule(
        "numeric-date",
        re.compile(
            rf"(?<![\d/.-])\b{YEAR4}(?P<sep>[-/])(?P<mnum>\d{{1,2}})(?:(?P=sep)(?P<day>\d{{1,2}}))?(?![\d/-])"
        ),
        _year_first,
        triggers.YEAR_DASH,
    ),
    Rule(
        "numeric-date",
        re.compile(rf"(?<![\d/.])\b(?:(?P<mnum>\d{{1,2}})|{MONTH})/{YEAR4}(?![\d/])"),
        _month_slash_year,
        triggers.SLASH_YEAR,
    ),
    Rule(
        "numeric-date",
        re.compile(rf"(?<![\d/.-])\b(?:(?P<mnum>0[1-9]|1[0-2])|{MONTH})-{YEAR4}(?![\d/-])"),
        _month_slash_year,
        DASH_YEAR,
    ),
    *NAMED_MONTH_RULES,
    Rule(
        "numeric-date",
        re.compile(
            r"(?<![\w.,/])(?P<year>19\d\d|20\d\d)(?P<mnum>0[1-9]|1[0-2])(?P<day>0[1-9]|[12]\d|3[01])"
            r"(?![\w,/]|[.,-]\d)"
        ),
        _eight_digits,
        EIGHT_DIGITS,
    ),
    Rule(
        "numeric-date",
        re.compile(rf"(?<![\w/.-]){MONTH}/(?P<day>3[01]|[12]\d|0?[1-9])(?![\w/]|\.\d)"),
        _month_slash_day,
        dataclasses.replace(triggers.MONTH, reach=0),
    ),
)
