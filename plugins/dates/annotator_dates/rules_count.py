"""Counted periods next to the anchor: "the next three days", "the past 2 quarters", "3 days from now".

"the next two weeks" and "the past 20 years" are durations in TIMEX3 (TimeBank writes them
``DURATION P2W`` with ``beginPoint``/``endPoint`` at the document time), so the value stays the
length and ``begin_value``/``end_value`` say where the stretch lies. This module is the one place
that places such a stretch, and the convention is explicit in :func:`stretch_points`:

- days, weeks, months and years are counted to the day (``periods="rolling"``): a past stretch ends
  the day before the anchor day (the N units before today, as Recognizers-Text resolves "the last 3
  months" and TimeBank's points run to the document date), a coming one starts the day after it;
  with ``periods="calendar"`` they are the N whole calendar weeks, months or years before the current
  one, or after it, as Duckling resolves them ("the last 2 weeks" on Tuesday 12 February 2013 are
  weeks 5 and 6, ``2013-W05``/``2013-W06``). The words do not decide it: both suites write "the last
  N months" and read it their own way; the option says which reading a text wants, and by default
  follows ``direction`` (scheduling text, read towards the future, counts calendar units);
- quarters, decades and centuries count whole ones ("the next two quarters" are the two after the
  current one, as Recognizers-Text resolves them);
- hours, minutes and seconds count whole ones from the reference time of day
  (:mod:`annotator_dates.reference`), and get no points without one, since the anchor is a day.

"3 days from now", "two weeks after today", "2 days before yesterday" name a day, so they are DATEs.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from dateutil.relativedelta import relativedelta

from annotator_dates import triggers
from annotator_dates.fragments import NUMBER, QUANT
from annotator_dates.lexicon import QUANT_MODS, UNITS
from annotator_dates.reference import reference_of
from annotator_dates.rules_duration import duration_value, parse_count, unit_of
from annotator_dates.timex import Context, Rule, Timex, group_span

PAST_WORDS = frozenset({"past", "last", "previous", "preceding"})
UNIT_WORDS = (
    r"days?|weeks?|fortnights?|months?|years?|yrs?|decades?|centur(?:y|ies)|hours?|hrs?|minutes?|mins?"
    r"|seconds?|secs?"
)
# Quarters have their own trigger, so each rule's matches all contain what its trigger finds.
COUNT_UNIT = rf"(?P<unit>(?i:{UNIT_WORDS}))"
QUARTER_UNIT = r"(?P<unit>(?i:quarters?))"
CUE_WORD = r"(?P<cue>(?i:next|past|last|previous|preceding|coming|upcoming|following))"
VAGUE = r"(?P<vague>(?i:few|couple(?:\s+of)?|several))"
# A vague count is read as TIMEX3's X ("the next few days" -> PXD).
FEW = {"few": "X", "couple": "2", "couple of": "2", "several": "X"}
# The day a point is counted from.
BASE_DAYS = {"now": 0, "today": 0, "tomorrow": 1, "tmrw": 1, "yesterday": -1}
UNIT_STEPS = {"day": relativedelta(days=1), "week": relativedelta(weeks=1), "month": relativedelta(months=1),
              "year": relativedelta(years=1), "fortnight": relativedelta(weeks=2)}  # fmt: skip
FINE = {"second": dt.timedelta(seconds=1), "minute": dt.timedelta(minutes=1), "hour": dt.timedelta(hours=1)}
FINE_SHAPE = {"second": "%Y-%m-%dT%H:%M:%S", "minute": "%Y-%m-%dT%H:%M", "hour": "%Y-%m-%dT%H"}


def _count(text: str) -> str | None:
    norm = re.sub(r"\s+", " ", text.lower())
    return FEW[norm] if norm in FEW else parse_count(text)


def _period(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "the next three days", "last 2 quarters", "5 upcoming years": a duration with its two points."""
    count = _count(m.groupdict().get("vague") or m["num"])
    word = m["unit"].lower()
    unit = "quarter" if word.startswith("quarter") else unit_of(word)
    if count is None or (unit not in UNITS and unit != "quarter"):
        return None
    start, end = group_span(m)
    past = m["cue"].lower() in PAST_WORDS
    value = f"P{count}Q" if unit == "quarter" else duration_value(count, unit)
    grain = "quarter" if unit == "quarter" else UNITS[unit][2]
    # "the next couple of days" is placed as two days; hours counted vaguely are not placed
    placed = "X" if m.groupdict().get("vague") and unit in FINE else count
    points = stretch_points(ctx, unit, placed, past)
    begin, last = points if points else (None, None)
    sure = 0.85 if points and unit in FINE else 0.9
    return Timex(start, end, "DURATION", value, grain, "counted-period", sure, None, begin, last)


def stretch_points(ctx: Context, unit: str, count: str, past: bool) -> tuple[str, str] | None:
    """First and last point of the ``count`` units before or after the anchor (both included).

    None when the stretch cannot be placed: a vague or fractional count, no anchor, or hours without a
    reference time of day. The convention per unit is the module's (see its docstring).
    """
    if count == "X" or "." in count:
        return None
    n = int(count)
    if unit in FINE:
        return _fine_units(reference_of(ctx), unit, n, past)
    if ctx.date is None:
        return None
    if unit in ("quarter", "decade"):
        return _whole_units(ctx.date, unit, n, past)
    if unit == "century":
        first = ctx.date.year // 100 + (-n if past else 1)
        return f"{first:02d}", f"{first + n - 1:02d}"
    if getattr(ctx, "periods", "rolling") == "calendar" and unit != "day":
        return _calendar_units(
            ctx.date, "week" if unit == "fortnight" else unit, n * (2 if unit == "fortnight" else 1), past
        )
    return _counted_days(ctx.date, UNIT_STEPS[unit], n, past)


def _calendar_units(anchor: dt.date, unit: str, n: int, past: bool) -> tuple[str, str]:
    """The ``n`` whole calendar weeks, months or years before the current one, or after it."""
    step = UNIT_STEPS[unit]
    first = anchor - step * n if past else anchor + step
    return _unit_point(first, unit), _unit_point(first + step * (n - 1), unit)


def _unit_point(day: dt.date, unit: str) -> str:
    """The TIMEX3 value of the week, month or year holding ``day``."""
    if unit == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    return f"{day.year:04d}-{day.month:02d}" if unit == "month" else f"{day.year:04d}"


def _counted_days(anchor: dt.date, step: relativedelta, n: int, past: bool) -> tuple[str, str]:
    """The N units before the anchor day, or after it, counted to the day."""
    if past:
        return (anchor - step * n).isoformat(), (anchor - dt.timedelta(days=1)).isoformat()
    first = anchor + dt.timedelta(days=1)
    return first.isoformat(), (first + step * n - dt.timedelta(days=1)).isoformat()


def _fine_units(now: dt.datetime | None, unit: str, n: int, past: bool) -> tuple[str, str] | None:
    """The ``n`` whole hours, minutes or seconds before the current one, or after it."""
    if now is None or n < 1:
        return None
    step = FINE[unit]
    current = now.replace(microsecond=0)
    current = current.replace(second=0) if unit != "second" else current
    current = current.replace(minute=0) if unit == "hour" else current
    first = current - step * n if past else current + step
    last = first + step * (n - 1)
    return first.strftime(FINE_SHAPE[unit]), last.strftime(FINE_SHAPE[unit])


def _whole_units(anchor: dt.date, unit: str, n: int, past: bool) -> tuple[str, str]:
    """The ``n`` whole quarters or decades before the current one, or after it."""
    months = 3 if unit == "quarter" else 120
    index = (anchor.year * 12 + anchor.month - 1) // months
    first = index - n if past else index + 1
    begin = dt.date(first * months // 12, first * months % 12 + 1, 1)
    after = first + n
    last = dt.date(after * months // 12, after * months % 12 + 1, 1) - dt.timedelta(days=1)
    return begin.isoformat(), last.isoformat()


def _from_base(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "3 days from now", "two weeks after today", "2 days before yesterday": the day counted to."""
    count = parse_count(m["num"])
    unit = unit_of(m["unit"])
    step = UNIT_STEPS.get(unit)
    if count in (None, "X") or step is None or "." in str(count) or ctx.date is None:
        return None
    base = ctx.date + dt.timedelta(days=BASE_DAYS[m["base"].lower()])
    back = m["dir"].lower() == "before"
    if m["base"].lower() == "now" and back:
        return None
    day = base + step * (-int(count) if back else int(count))  # type: ignore[arg-type]
    start, end = group_span(m)
    mod = QUANT_MODS.get(re.sub(r"\s+", " ", m["quant"].lower())) if m["quant"] else None
    return Timex(start, end, "DATE", day.isoformat(), "day", "counted-day", 0.85, mod)


UNIT_TRIGGER = dataclasses.replace(triggers.UNIT, reach=6)
QUARTER_TRIGGER = dataclasses.replace(triggers.QUARTER, reach=6)


def _cue_first(unit: str) -> re.Pattern[str]:
    return re.compile(
        rf"\b(?P<x>(?:(?i:the)\s+)?{CUE_WORD}\s+(?:{VAGUE}|(?!(?i:an?|half)\s){NUMBER})\s+{unit})(?![\w-])"
    )


def _number_first(unit: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?P<x>(?:(?i:the)\s+)?{NUMBER}\s+{CUE_WORD}\s+{unit})(?![\w-])")


def _fortnight(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "the past fortnight", "next fortnight": two weeks next to the anchor."""
    start, end = group_span(m)
    points = stretch_points(ctx, "fortnight", "1", m["cue"].lower() in PAST_WORDS)
    begin, last = points if points else (None, None)
    return Timex(start, end, "DURATION", "P2W", "week", "counted-period", 0.85, None, begin, last)


RULES: tuple[Rule, ...] = (
    Rule(
        "counted-period",
        re.compile(rf"\b(?P<x>(?:(?i:the)\s+)?{CUE_WORD}\s+(?i:fortnight))\b"),
        _fortnight,
        UNIT_TRIGGER,
    ),
    Rule("counted-period", _cue_first(COUNT_UNIT), _period, UNIT_TRIGGER),
    Rule("counted-period", _cue_first(QUARTER_UNIT), _period, QUARTER_TRIGGER),
    Rule("counted-period", _number_first(COUNT_UNIT), _period, UNIT_TRIGGER),
    Rule("counted-period", _number_first(QUARTER_UNIT), _period, QUARTER_TRIGGER),
    Rule(
        "counted-day",
        re.compile(
            rf"\b(?P<x>{QUANT}?{NUMBER}\s+(?P<unit>(?i:days?|weeks?|fortnights?|months?|years?))\s+"
            r"(?P<dir>(?i:from|after|before))\s+(?P<base>(?i:now|today|tomorrow|tmrw|yesterday)))\b"
        ),
        _from_base,
        UNIT_TRIGGER,
    ),
)
