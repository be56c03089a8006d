"""Rules for ranges written as one expression: "Oct. 2-5", "2-5 October", "5 to 6 p.m.", "8-9am".

A range is a TIMEX3 DURATION with its two points: ``begin_value`` and ``end_value`` name the first
and the last point the text names (both included: "Oct. 2-5" is 2025-10-02 to 2025-10-05), and
``value`` is its length (P4D). Two separate expressions joined by "from ... to", "between ... and"
are folded the same way in :mod:`annotator_dates.select`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from annotator_dates import triggers
from annotator_dates.calendar import day_month_year, month_year
from annotator_dates.fragments import MONTH, ORDINAL_DAY, YEAR
from annotator_dates.lexicon import ordinal_day
from annotator_dates.rules_calendar import month_number, plausible_month
from annotator_dates.rules_clock import AMPM, HOUR_WORD, PART_AFTER, day_hour, hour_number
from annotator_dates.timex import Context, Rule, Timex, group_span

Clock = tuple[int, int]  # hour, minute
DASH = r"\s*(?:-|–|—|to|through|until|till|and)\s*"
FIRST = rf"(?:(?P<d1>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?|(?P<w1>{ORDINAL_DAY}))"
LAST = rf"(?:(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?|(?P<w2>{ORDINAL_DAY}))(?![\w:-])"
OPEN = r"(?:(?P<open>(?i:from|between))\s+(?:(?i:the)\s+)?)?"


def _day_range(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "Oct. 2-5", "between 3 and 12 of Sept": two days of one month."""
    if not plausible_month(m, ctx) or not _linked(m):
        return None
    month, first, last = month_number(m["month"]), _day(m["d1"], m["w1"]), _day(m["day"], m["w2"])
    later = _into_next_month(m, first, last)
    if last <= first and not later:
        return None
    start, end = group_span(m)
    year = int(m["year"]) if m["year"] else _year(ctx, month, first, start, end)
    if year is None:
        if later:
            return None
        begin, finish = f"XXXX-{month:02d}-{first:02d}", f"XXXX-{month:02d}-{last:02d}"
        length = f"P{last - first + 1}D"
        return Timex(start, end, "DURATION", length, "day", "range", 0.7, None, begin, finish)
    try:
        b = dt.date(year, month, first)
        e = dt.date(year + month // 12, month % 12 + 1, last) if later else dt.date(year, month, last)
    except ValueError:
        return None
    length = f"P{(e - b).days + 1}D"
    return Timex(start, end, "DURATION", length, "day", "range", 0.85, None, b.isoformat(), e.isoformat())


def _day(digits: str | None, word: str | None) -> int:
    return int(digits) if digits else ordinal_day(word or "")


def _into_next_month(m: re.Match[str], first: int, last: int) -> bool:
    """ "from April 27th to the third": the month named first, the end a day of the next one."""
    return last < first and bool(m["open"]) and m.start("month") < m.start("link")


def _month_range(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "Jan-Feb 2017", "from May to September", "between august and october", "Nov-Feb 2017"."""
    link = m["link"].strip().lower()
    if not plausible_month(m, ctx) or ctx.tag_at(m.start("month2")).startswith(("VB", "MD")):
        return None
    if not (
        m["year"]
        or link in ("-", "–")
        or (m["open"] or "").lower() == ("between" if link == "and" else "from")
    ):
        return None  # "moved May to March" is a change; a dash, a year or "from"/"between" makes it a range
    first, last = month_number(m["month"]), month_number(m["month2"])
    if first == last:
        return None
    start, end = group_span(m)
    if m["year"]:
        year2 = int(m["year"])
        year1 = year2 if first < last else year2 - 1
    elif ctx.date is not None:
        year1 = month_year(ctx.date, first, ctx.direction_at(start, end))
        year2 = year1 if first < last else year1 + 1
    else:
        return None
    begin, finish = f"{year1:04d}-{first:02d}", f"{year2:04d}-{last:02d}"
    if m["day2"]:  # "Nov-Feb 5th, 2017": from the first month to a day of the last
        try:
            day = dt.date(year2, last, int(m["day2"]))
        except ValueError:
            return None
        length = f"P{(day - dt.date(year1, first, 1)).days + 1}D"
        return Timex(start, end, "DURATION", length, "day", "range", 0.75, None, begin, day.isoformat())
    months = (year2 - year1) * 12 + last - first + 1
    return Timex(start, end, "DURATION", f"P{months}M", "month", "range", 0.8, None, begin, finish)


def _linked(m: re.Match[str]) -> bool:
    """ "and" links a range only after "between"; "to", "until" need "from" or a dash-free date."""
    if m["link"].strip().lower() == "and":
        return (m["open"] or "").lower() == "between"
    return True


def _year(ctx: Context, month: int, day: int, start: int, end: int) -> int | None:
    if ctx.date is None:
        return None
    return day_month_year(ctx.date, month, day, ctx.direction_at(start, end))


def _clock_range(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "5 to 6pm", "8-9am", "from 10:30 to 11:45 a.m.": the first hour shares the last one's a.m./p.m."""
    if "and" in m["link"].lower() and (m["open"] or "").lower() != "between":
        return None
    h1, m1, h2, m2 = int(m["h1"]), int(m["m1"] or 0), int(m["h2"]), int(m["m2"] or 0)
    last = day_hour(h2, m["ampm"], None)
    first = day_hour(h1, m["ampm1"] or m["ampm"], None)
    if first is None or last is None:
        return None
    if not m["ampm1"] and first > last and first - 12 >= 0:
        first -= 12  # "11 to 1 pm": 11 a.m.
    if (first, m1) >= (last, m2):
        return None
    return _hours(m, ctx, (first, m1), (last, m2), 0.85)


def _bare_clock_range(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "3:00 to 4:00", "between 9 to 10:30", "5 to seven in the morning", "4:00 to 7 oclock"."""
    groups = m.groupdict()
    part, oclock = groups.get("part"), groups.get("oclock")
    if not (m["m1"] or m["m2"] or oclock or part) or ("and" in m["link"].lower() and not m["open"]):
        return None
    if not (m["open"] or (m["m1"] and m["m2"]) or part or oclock):
        return None  # "3 to 4:30" alone may be a score or a count; with "from"/"between" it is hours
    h1, m1, h2, m2 = hour_number(m["h1"]), int(m["m1"] or 0), hour_number(m["h2"]), int(m["m2"] or 0)
    if max(h1, h2) > 12 or part:
        first, last = day_hour(h1, None, part), day_hour(h2, None, part)
    else:
        first, last = h1, (h2 + 12 if (h2, m2) <= (h1, m1) else h2)
    if first is None or last is None or (first, m1) >= (last, m2) or last > 23:
        return None
    return _hours(m, ctx, (first, m1), (last, m2), 0.75)


def _hours(m: re.Match[str], ctx: Context, one: Clock, two: Clock, confidence: float) -> Timex:
    """A range of clock times on the anchor day: its length, and both ends."""
    start, end = group_span(m)
    day = ctx.date.isoformat() if ctx.date else "XXXX-XX-XX"
    minutes = (two[0] * 60 + two[1]) - (one[0] * 60 + one[1])
    length = f"PT{minutes // 60}H" if minutes % 60 == 0 else f"PT{minutes}M"
    begin, finish = f"{day}T{one[0]:02d}:{one[1]:02d}", f"{day}T{two[0]:02d}:{two[1]:02d}"
    return Timex(start, end, "DURATION", length, "minute", "clock-range", confidence, None, begin, finish)


BARE_HOUR = rf"(?:[01]?\d|2[0-3]|{HOUR_WORD})"
CLOCK_LINK = r"(?P<link>\s*(?:-|–|to|until|till|and)\s*)"
H1 = rf"{OPEN}(?P<h1>{BARE_HOUR})"
H2 = rf"(?P<h2>{BARE_HOUR})"
M1, M2 = r"(?:[:.](?P<m1>[0-5]\d))", r"(?:[:.](?P<m2>[0-5]\d))"
OCLOCK = r"\s*(?P<oclock>(?i:o['’]?\s?clock))"
END = r"(?![\w:]|\.\d)"
# One pattern per trigger, so that every match of a rule holds what its trigger finds: a colon in
# the first or the second time, "o'clock", or a part of the day after the hours.
BARE_CLOCK_RANGES = (
    (rf"\b(?P<x>{H1}:(?P<m1>[0-5]\d){CLOCK_LINK}{H2}{M2}?(?:{OCLOCK}|\s+{PART_AFTER})?){END}", "colon"),
    (
        rf"\b(?P<x>{H1}(?:\.(?P<m1>[0-5]\d))?{CLOCK_LINK}{H2}:(?P<m2>[0-5]\d)(?:{OCLOCK}|\s+{PART_AFTER})?){END}",
        "colon",
    ),
    (rf"\b(?P<x>{H1}{M1}?{CLOCK_LINK}{H2}{M2}?{OCLOCK}){END}", "oclock"),
    (rf"\b(?P<x>{H1}{M1}?{CLOCK_LINK}{H2}{M2}?\s+{PART_AFTER}){END}", "part"),
)
BARE_RANGE_TRIGGERS = {
    "colon": dataclasses.replace(triggers.COLON_TIME, reach=5),
    "oclock": dataclasses.replace(triggers.OCLOCK, reach=6),
    "part": dataclasses.replace(triggers.PART_AFTER, reach=9),
}


MONTH2 = MONTH.replace("?P<month>", "?P<month2>")
MONTH_FIRST = dataclasses.replace(triggers.MONTH, reach=2)  # "between the" before the first month
MONTH_LINK = r"(?P<link>\s*(?:-|–)\s*|\s+(?i:to|through|until|till|and)\s+)"
RULES: tuple[Rule, ...] = (
    Rule(
        "range",
        re.compile(
            rf"\b(?P<x>{OPEN}{MONTH}{MONTH_LINK}{MONTH2}(?:\s+(?P<day2>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?)?"
            rf"(?:,?\s+(?:(?i:of|in)\s+)?{YEAR})?)(?![\d:])"
        ),
        _month_range,
        MONTH_FIRST,
    ),
    Rule(
        "range",
        re.compile(
            rf"\b(?P<x>{OPEN}{MONTH}\s+(?:(?i:the)\s+)?{FIRST}(?P<link>{DASH})(?:(?i:the)\s+)?{LAST}(?:,?\s+{YEAR})?)"
        ),
        _day_range,
        triggers.MONTH,
    ),
    Rule(
        "range",
        re.compile(
            rf"\b(?P<x>{OPEN}{FIRST}(?P<link>{DASH})(?:(?i:the)\s+)?{LAST}\s+(?:(?i:of)\s+)?{MONTH}"
            rf"(?:,?\s+{YEAR})?)"
        ),
        _day_range,
        triggers.MONTH,
    ),
    Rule(
        "clock-range",
        re.compile(
            rf"\b(?P<x>{OPEN}(?P<h1>1[0-2]|0?[1-9])(?::(?P<m1>[0-5]\d))?\s*(?P<ampm1>(?i:a\.?m\.?|p\.?m\.?))?"
            rf"{CLOCK_LINK}(?P<h2>1[0-2]|0?[1-9])(?::(?P<m2>[0-5]\d))?\s*{AMPM})"
        ),
        _clock_range,
        triggers.AM_PM,
    ),
    *(
        Rule("clock-range", re.compile(pattern), _bare_clock_range, BARE_RANGE_TRIGGERS[kind])
        for pattern, kind in BARE_CLOCK_RANGES
    ),
)
