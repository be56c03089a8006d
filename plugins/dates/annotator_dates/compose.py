"""Fold a clock time or a span of hours into the day written next to it, after the rules have run.

Assistant-style text writes a day and a time of it as one expression: "next Monday 1-3 pm",
"3:00 to 4:00 tomorrow", "yesterday afternoon from 3-8pm", "Monday 12-4", "between 3 and 5 on
1/1/2015", "Sat at 5", "today at 9a". The rules find the day and (mostly) the hours apart; here they
become one expression: a span of hours on the day is a DURATION whose ``begin_value`` and
``end_value`` carry the day's date (as a range of clock times does on the anchor day), a clock time
on the day is a TIME. Bare numbers are read as hours only next to a day ("6-8 next Monday"), never
alone ("between 3 and 5" is a count), and after "at" only when nothing else follows the number.
A bare span of hours keeps the hours as written, the second moved past noon when it would
otherwise come first ("Wednesday from 10-4" is 10:00 to 16:00); a part of the day said with the
day moves both past noon ("Monday afternoon 3-5").
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable

from dateutil.relativedelta import relativedelta

from annotator_dates.clock_spans import hours_stretch, join_adjacent, join_clock_durations, join_set_clocks
from annotator_dates.lexicon import NUMBER_WORDS
from annotator_dates.mixed_ranges import join_mixed_ranges
from annotator_dates.range_ends import join_stated_year
from annotator_dates.rules_daypart import join_day_parts
from annotator_dates.rules_week import join_weeks
from annotator_dates.timex import Context, Timex

HOUR_WORDS = r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
BARE_HOUR = rf"(?:[01]?\d|2[0-3]|(?i:{HOUR_WORDS}))"
SPAN = (
    rf"(?P<open>(?i:from|between)\s+)?(?P<h1>{BARE_HOUR})(?:[:.](?P<m1>[0-5]\d))?\s*"
    rf"(?P<link>-|–|(?i:to|and|till|until))\s*(?P<h2>{BARE_HOUR})(?:[:.](?P<m2>[0-5]\d))?"
)
# Hours after the day ("Monday 12-4", "Wednesday from 10-4", "next Monday, 6-8") ...
HOURS_AFTER = re.compile(rf"(?P<gap>\s*,?\s*(?:(?i:at)\s+)?){SPAN}(?![\w:%]|[.,]\d|\s*(?i:%|percent|per\b))")
# ... and before it ("6-8 next Monday", "between 3 and 5 on 1/1/2015", "five to seven today").
HOURS_BEFORE = re.compile(rf"(?<![\w:.]){SPAN}(?P<gap>\s*,?\s*(?:(?i:on|of)\s+)?)$")
# What makes a number after "at" a count or a share, not a clock time ("at 5 percent", "at 3 points").
NOT_HOURS = r"(?:%|(?i:percent|per\s?cent|per\b|points?|people|of\b|million|billion|thousand|times|years?))"
# "Sat at 5", "Monday at 2.30", "today at 9a", "tomorrow at 8:45a": a clock time after "at".
AT_HOUR = re.compile(
    rf"\s*,?\s*(?i:at|@)\s*(?P<h>{BARE_HOUR})(?:[:.](?P<mi>[0-5]\d))?(?P<ap>[ap](?!\w|\.\w))?(?![\w:%]|[.,]\d|\s*{NOT_HOURS})"
)
CLOCK_GAP_AFTER = re.compile(r"^\s*(?:,\s*)?(?:(?i:on|of|at|for|from|@)\s+)?$")
CLOCK_GAP_BEFORE = re.compile(r"^\s*(?:,\s*)?(?:(?i:on|of|at|for|@)\s+)?$")
PM_PARTS = ("AF", "EV", "NI")
# A score, not hours: "beat them 3-1 on Sunday", "Sunday's 3-1 win".
SCORE_BEFORE = re.compile(
    r"(?i:\b(?:scored?|won|wins?|lost|beat|defeated|drew|draw|led|leads?|trailed|voted?)\s+(?:\w+\s+){0,3})$"
)
SCORE_AFTER = re.compile(
    r"(?i:\s*(?:win|victory|defeat|loss|lead|draw|vote|votes|margin|majority|decision|score|ratio)\b)"
)


def compose(text: str, ctx: Context, timexes: list[Timex]) -> list[Timex]:
    """The expressions with each day joined to the clock time or hours written next to it."""
    day = ctx.date.isoformat() if ctx.date else None
    out = join_adjacent(
        text,
        join_clock_durations(
            text, join_mixed_ranges(text, ctx, join_day_parts(text, join_weeks(text, timexes))), day
        ),
        _range_and_day,
    )
    out = _each_day(text, out, _hours_after_day)
    out = _each_day(text, out, _hours_before_day)
    out = join_set_clocks(text, _each_day(text, out, _at_hour))
    return [_within(text, ctx, t) for t in join_stated_year(text, out)]


def day_of(t: Timex) -> tuple[str, str] | None:
    """(date, part-of-day code or "") of a resolved day or part of one; None otherwise."""
    if t.timex_type == "DATE" and t.granularity == "day" and "X" not in t.value:
        return t.value, ""
    if t.timex_type == "TIME" and t.granularity == "part-of-day" and "X" not in t.value:
        date, _, part = t.value.partition("T")
        return (date, part) if len(date) == 10 else None
    return None


def _range_and_day(text: str, first: Timex, second: Timex) -> Timex | None:
    """A range of clock times and the day it is on, either way round ("Monday 8-9am")."""
    gap = text[first.end : second.start]
    if _clock_span(first) and day_of(second) and CLOCK_GAP_BEFORE.match(gap):
        span, day = first, day_of(second)
    elif _clock_span(second) and day_of(first) and CLOCK_GAP_AFTER.match(gap):
        span, day = second, day_of(first)
    else:
        return None
    assert day is not None and span.begin_value and span.end_value
    date, part = day
    begin, end = span.begin_value.partition("T")[2], span.end_value.partition("T")[2]
    if part in PM_PARTS and not re.search(r"(?i)[ap]\.?m", text[span.start : span.end]):
        begin, end = _after_noon(begin), _after_noon(end)
    confidence = min(first.confidence, second.confidence)
    return hours_stretch(
        first.start, second.end, span.value, "clock-range+day", confidence, f"{date}T{begin}", f"{date}T{end}"
    )


def _clock_span(t: Timex) -> bool:
    return t.timex_type == "DURATION" and t.granularity == "minute" and bool(t.begin_value and t.end_value)


def _after_noon(clock: str) -> str:
    hour, _, rest = clock.partition(":")
    return f"{int(hour) + 12:02d}:{rest}" if int(hour) < 12 else clock


def _each_day(
    text: str, timexes: list[Timex], join: Callable[[str, Timex, tuple[str, str]], Timex | None]
) -> list[Timex]:
    out: list[Timex] = []
    for index, t in enumerate(timexes):
        day = day_of(t)
        joined = join(text, t, day) if day is not None else None
        if joined is None or _overlaps(joined, out, timexes[index + 1 :]):
            out.append(t)
        else:
            out.append(joined)
    return out


def _overlaps(joined: Timex, before: list[Timex], after: list[Timex]) -> bool:
    """Whether the widened expression would run into a neighbour."""
    return bool(before and before[-1].end > joined.start) or bool(after and after[0].start < joined.end)


def _hours_after_day(text: str, t: Timex, day: tuple[str, str]) -> Timex | None:
    m = HOURS_AFTER.match(text, t.end)
    if (
        m is None
        or SCORE_AFTER.match(text, m.end())
        or SCORE_BEFORE.search(text, max(0, t.start - 40), t.start)
    ):
        return None
    hours = _bare_span(m, day[1])
    return _hours_timex(t.start, m.end(), t, day[0], hours) if hours else None


def _hours_before_day(text: str, t: Timex, day: tuple[str, str]) -> Timex | None:
    m = HOURS_BEFORE.search(text, max(0, t.start - 40), t.start)
    if m is None or SCORE_BEFORE.search(text, max(0, m.start() - 40), m.start()):
        return None
    hours = _bare_span(m, day[1])
    if hours and not (m["open"] or m["m1"] or m["m2"]) and int(hours[0]) > _hour(m["h2"]):
        return None  # "passed 5-4 on Tuesday": falling bare numbers before a day are a score
    return _hours_timex(m.start(), t.end, t, day[0], hours) if hours else None


def _bare_span(m: re.Match[str], part: str) -> tuple[int, int, int, int] | None:
    """(h1, m1, h2, m2) of a span of bare hours, on a 24-hour clock; None when it is no span of hours."""
    if m["link"].lower() == "and" and not (m["open"] or "").lower().startswith("between"):
        return None
    h1, h2 = _hour(m["h1"]), _hour(m["h2"])
    m1, m2 = int(m["m1"] or 0), int(m["m2"] or 0)
    if h1 > 12 or h2 > 12:  # a 24-hour clock: "19:00 - 21:00"
        return (h1, m1, h2, m2) if (h1, m1) < (h2, m2) else None
    if part in PM_PARTS:
        h1, h2 = h1 % 12 + 12, h2 % 12 + 12
    elif h1 == 12 and h2 < 12:
        h1 = 0
    elif (h2, m2) <= (h1, m1):
        h2 += 12
    return (h1, m1, h2, m2) if (h1, m1) < (h2, m2) and h2 <= 24 else None


def _hour(text: str) -> int:
    return int(text) if text.isdigit() else int(NUMBER_WORDS[text.lower()])


def _hours_timex(start: int, end: int, day: Timex, date: str, hours: tuple[int, int, int, int]) -> Timex:
    h1, m1, h2, m2 = hours
    minutes = (h2 * 60 + m2) - (h1 * 60 + m1)
    length = f"PT{minutes // 60}H" if minutes % 60 == 0 else f"PT{minutes}M"
    begin, finish = f"{date}T{h1:02d}:{m1:02d}", f"{date}T{h2:02d}:{m2:02d}"
    return hours_stretch(start, end, length, "hours+day", day.confidence * 0.9, begin, finish)


def _at_hour(text: str, t: Timex, day: tuple[str, str]) -> Timex | None:
    """ "Sat at 5", "today at 9a": the day at a clock time written without a.m./p.m. or minutes."""
    m = AT_HOUR.match(text, t.end)
    if m is None:
        return None
    hour, minute = _hour(m["h"]), int(m["mi"] or 0)
    if m["ap"]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if m["ap"].lower() == "p" else 0)
    elif day[1] in PM_PARTS and hour < 12:
        hour += 12
    value = f"{day[0]}T{hour:02d}:{minute:02d}"
    return Timex(t.start, m.end(), "TIME", value, "minute", "clock+day", t.confidence * 0.9, t.mod)


WITHIN = re.compile(r"(?i:\bwithin\s+(?:the\s+)?)$")
DAY_DURATION = re.compile(r"^P(?P<n>\d+)(?P<u>[DWMY])$")
STEPS = {"D": relativedelta(days=1), "W": relativedelta(weeks=1), "M": relativedelta(months=1),
         "Y": relativedelta(years=1)}  # fmt: skip


def _within(text: str, ctx: Context, t: Timex) -> Timex:
    """ "within 9 months", "within the next 10 days": the stretch from the anchor day on."""
    m = DAY_DURATION.match(t.value)
    if m is None or t.timex_type != "DURATION" or ctx.date is None:
        return t
    if (t.begin_value and t.rule != "counted-period") or not WITHIN.search(
        text, max(0, t.start - 12), t.start
    ):
        return t
    last = ctx.date + STEPS[m["u"]] * int(m["n"]) - dt.timedelta(days=1)
    return dataclasses.replace(t, begin_value=ctx.date.isoformat(), end_value=last.isoformat())
