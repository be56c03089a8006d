"""The two ends of a range joined from two expressions, made consistent with each other.

Each end is resolved on its own first, so they can disagree: "from May to September" read in
the past direction late in the year gives a May after the September, "from January to April 2015"
puts January in the anchor's year and April in 2015, "from 3:30 to 5:55 on 1/1/2015" puts the first
clock time on the anchor day and the second on the date named. A range runs forward and the text
names its year or day once, so: an end whose year was inferred takes the year the other end states
(a year earlier if it would then come after it), an end whose year was inferred that comes before
the start moves a year on, and a clock time with no day takes the other end's day.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from annotator_dates.timex import Timex

# Rules whose value carries a year the text itself states.
STATED_YEAR = frozenset({"full-date", "month-year", "iso-date", "numeric-date", "year"})
INFERRED_YEAR = frozenset({"month-day", "month", "weekday-day", "numeric-day"})
CLOCK = re.compile(r"^(?P<date>[^T]+)T(?P<clock>.+)$")
AM_PM = re.compile(r"(?i)[ap]\.?m\b|noon|midnight|morning|afternoon|evening|night")
DAY_OR_MONTH = re.compile(r"^(?P<year>\d{4})(?P<rest>-\d\d(?:-\d\d)?)$")
QUARTER = re.compile(r"^(?P<y>\d{4})-Q(?P<q>[1-4])$")


def ordered(first: Timex, second: Timex, last: str, text: str = "") -> tuple[str, str]:
    """(begin, end) of the range over ``first`` and ``second`` (``last`` = the end as resolved)."""
    begin = first.value
    if first.granularity == "minute":
        return _same_day(first, second, begin, last, text)
    bq, eq = QUARTER.match(begin), QUARTER.match(last)
    if bq and eq and last < begin and second.rule not in STATED_YEAR:
        return begin, f"{int(bq['y']) + (1 if eq['q'] <= bq['q'] else 0):04d}-Q{eq['q']}"
    b, e = DAY_OR_MONTH.match(begin), DAY_OR_MONTH.match(last)
    if b is None or e is None:
        return begin, last
    if first.rule in INFERRED_YEAR and second.rule in STATED_YEAR:
        begin = e["year"] + b["rest"]
        if begin > last:
            begin = f"{int(e['year']) - 1:04d}{b['rest']}"
    elif second.rule in INFERRED_YEAR and last < begin:
        last = f"{int(b['year']) + (1 if e['rest'] < b['rest'] else 0):04d}{e['rest']}"
    return begin, last


def _same_day(first: Timex, second: Timex, begin: str, last: str, text: str) -> tuple[str, str]:
    """A clock time without a day of its own shares the day of the other end.

    The day of the second end is shared only when it comes after its clock ("from 3:30 to 5:55 on
    1/1/2015"); "from 2pm till tomorrow 4:30pm" starts today.
    """
    b, e = CLOCK.match(begin), CLOCK.match(last)
    if b is None or e is None:
        return begin, last
    if first.rule == "clock" and second.rule != "clock" and text[second.start : second.start + 1].isdigit():
        begin = f"{e['date']}T{b['clock']}"
    elif second.rule == "clock" and first.rule != "clock":
        last = f"{b['date']}T{e['clock']}"
    return _forward(first, second, begin, last, text)


def _forward(first: Timex, second: Timex, begin: str, last: str, text: str) -> tuple[str, str]:
    """A range runs forward: a start moved to the next day alone ("from 3 in the morning until 5pm",
    said in the afternoon) comes back to the end's day, an end hour with no a.m./p.m. that would
    come before the start is the evening one ("between now and eight o'clock" said at 10:20), and an
    end still before the start is on the next day ("from 10pm to 2am")."""
    if last >= begin or not (CLOCK.match(begin) and CLOCK.match(last)):
        return begin, last
    if begin[:10] > last[:10] and f"{last[:10]}{begin[10:]}" < last:
        return f"{last[:10]}{begin[10:]}", last
    hour = int(last[11:13])
    if begin[:10] == last[:10] and hour < 12 and not AM_PM.search(text[second.start : second.end]):
        later = f"{last[:11]}{hour + 12:02d}{last[13:]}"
        if later > begin:
            return begin, later
    if begin[:10] == last[:10]:  # "from 10pm to 2am": the end is on the next day
        next_day = dt.date.fromisoformat(last[:10]) + dt.timedelta(days=1)
        return begin, f"{next_day.isoformat()}{last[10:]}"
    return begin, last


def quarter_length(begin: str, end: str) -> str:
    """Inclusive length of a range of quarters ("2017-Q1" to "2018-Q1" -> P5Q); PXQ when not quarters."""
    b, e = QUARTER.match(begin), QUARTER.match(end)
    if b is None or e is None:
        return "PXQ"
    count = (int(e["y"]) * 4 + int(e["q"])) - (int(b["y"]) * 4 + int(b["q"])) + 1
    return f"P{count}Q" if count > 0 else "PXQ"


IN_YEAR_GAP = re.compile(r"^\s+(?i:in|of)\s+$")
INFERRED_DAY_OR_MONTH = re.compile(r"^\d{4}(?P<rest>-\d\d(?:-\d\d)?)$")


def join_stated_year(text: str, timexes: list[Timex]) -> list[Timex]:
    """ "28 june in 2020", "from april to June in 2017": a year said after a date (or range) whose year
    was inferred is its year."""
    out: list[Timex] = []
    for t in timexes:
        prev = out[-1] if out else None
        joined = _with_year(text, prev, t) if prev is not None else None
        if joined is not None:
            out[-1] = joined
        else:
            out.append(t)
    return out


def _with_year(text: str, first: Timex, second: Timex) -> Timex | None:
    if second.rule != "year" or second.mod or not IN_YEAR_GAP.match(text[first.end : second.start]):
        return None
    if first.rule in INFERRED_YEAR and not first.mod and (m := INFERRED_DAY_OR_MONTH.match(first.value)):
        return dataclasses.replace(first, end=second.end, value=second.value + m["rest"], rule="month-year")
    if first.rule == "range" and first.begin_value and first.end_value:
        b, e = INFERRED_DAY_OR_MONTH.match(first.begin_value), INFERRED_DAY_OR_MONTH.match(first.end_value)
        if b and e and b["rest"] <= e["rest"]:
            begin, last = second.value + b["rest"], second.value + e["rest"]
            return dataclasses.replace(first, end=second.end, begin_value=begin, end_value=last)
    return None
