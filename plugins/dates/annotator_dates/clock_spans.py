"""A clock time with a length or a repetition: "from 2pm for 2 hours", "each Monday at 4pm".

"from 10 am for 3 hours 30 minutes", "for 3 hours from 10 am", "from 9 for 2.5 hrs": the start and
the length give both ends, so the expression becomes a DURATION (its value the length, as written)
whose ``begin_value`` and ``end_value`` are the two clock times. A bare hour ("from 9") counts only
with "from" and a length of hours or minutes right after it.

A clock time next to a set of days is the set at that time: "3pm each day" is
``XXXX-XX-XXT15:00``, "each Monday at 4pm" ``XXXX-WXX-1T16:00`` (TIMEX3 SET values).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from annotator_dates.timex import Timex

HOURS_LENGTH = re.compile(r"^PT(?:(?P<h>\d+(?:\.\d+)?)H)?(?:(?P<m>\d+)M)?$")
FOR_GAP = re.compile(r"^\s*,?\s*(?i:for)\s+$")
FROM_GAP = re.compile(r"^\s*,?\s*(?i:from|starting(?:\s+at)?|beginning\s+at)\s+$")
BARE_FROM_BEFORE = re.compile(r"(?i:\bfrom)\s+(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d))?\s+(?i:for)\s+$")
BARE_FROM_AFTER = re.compile(
    r"\s+(?i:from)\s+(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d))?(?![\w:.%]|\s*(?i:[ap]\.?m\b|o['’]?\s?clock))"
)


Join = Callable[[str, Timex, Timex], Timex | None]
Alone = Callable[[Timex, Timex | None], Timex | None]


def join_adjacent(text: str, timexes: list[Timex], join: Join, alone: Alone | None = None) -> list[Timex]:
    """Fold each timex into the one before it where ``join`` makes one of the two, left to right.

    ``alone`` may rewrite a timex that joined nothing (it gets the one before it, or None).
    """
    out: list[Timex] = []
    for t in timexes:
        prev = out[-1] if out else None
        joined = join(text, prev, t) if prev is not None else None
        if joined is not None:
            out[-1] = joined
        else:
            out.append((alone(t, prev) if alone else None) or t)
    return out


def hours_stretch(
    start: int, end: int, length: str, rule: str, confidence: float, begin: str, finish: str
) -> Timex:
    """A DURATION of ``length`` at minute grain lying between the clock times ``begin`` and ``finish``."""
    return Timex(start, end, "DURATION", length, "minute", rule, confidence, None, begin, finish)


def join_clock_durations(text: str, timexes: list[Timex], day: str | None) -> list[Timex]:
    """Fold "<clock> for <length>" and "<length> from <clock>" into a span of hours (``day``: the anchor)."""

    def bare(t: Timex, prev: Timex | None) -> Timex | None:
        return _bare_start(text, t, prev.end if prev else 0, day) if day and _minutes(t) is not None else None

    return join_adjacent(text, timexes, _pair, bare)


def _minutes(t: Timex) -> float | None:
    """The length in minutes of a duration of hours and minutes, else None."""
    m = HOURS_LENGTH.match(t.value) if t.timex_type == "DURATION" and not t.begin_value else None
    if m is None or not (m["h"] or m["m"]):
        return None
    return float(m["h"] or 0) * 60 + int(m["m"] or 0)


def _is_clock(t: Timex) -> bool:
    return t.timex_type == "TIME" and t.granularity == "minute" and "X" not in t.value and "T" in t.value


def _pair(text: str, first: Timex, second: Timex) -> Timex | None:
    """ "<clock> for <length>", "<length> from <clock>": the two ends of a span of hours."""
    gap = text[first.end : second.start]
    if _is_clock(first) and _minutes(second) is not None and (FOR_GAP.match(gap) or not gap.strip()):
        clock, length = first, second
    elif _is_clock(second) and _minutes(first) is not None and FROM_GAP.match(gap):
        clock, length = second, first
    else:
        return None
    return _span(first.start, second.end, clock.value, length)


def _bare_start(text: str, t: Timex, floor: int, day: str) -> Timex | None:
    """ "from 9 for 2.5 hrs", "for 2.5 hours from 9": a bare hour with "from" next to the length."""
    before = BARE_FROM_BEFORE.search(text, max(floor, t.start - 30), t.start)
    found = before or BARE_FROM_AFTER.match(text, t.end)
    if found is None:
        return None
    clock = f"{day}T{int(found['h']):02d}:{int(found['mi'] or 0):02d}"
    start, end = (found.start(), t.end) if before else (t.start, found.end())
    return _span(start, end, clock, t)


def _span(start: int, end: int, clock: str, length: Timex) -> Timex | None:
    minutes = _minutes(length)
    date, _, hm = clock.partition("T")
    if minutes is None or "X" in date:
        return None
    try:
        begin = dt.datetime.fromisoformat(f"{date}T{hm[:5]}")
    except ValueError:
        return None
    finish = begin + dt.timedelta(minutes=minutes)
    begin_at, finish_at = begin.isoformat()[:16], finish.isoformat()[:16]
    return hours_stretch(start, end, length.value, "clock+length", length.confidence, begin_at, finish_at)


SET_GAP = re.compile(r"^\s*,?\s*(?:(?i:at|@)\s*)?$")
DAILY = frozenset({"P1D", "XXXX-XX-XX"})


def join_set_clocks(text: str, timexes: list[Timex]) -> list[Timex]:
    """Fold a clock time and the set of days next to it ("3pm each day") into a SET at that time."""
    return join_adjacent(text, timexes, _set_clock)


def _set_clock(text: str, first: Timex, second: Timex) -> Timex | None:
    pair = (first, second) if first.timex_type == "SET" else (second, first)
    days, clock = pair
    if days.timex_type != "SET" or clock.rule != "clock" or not SET_GAP.match(text[first.end : second.start]):
        return None
    if days.value in DAILY:
        stem = "XXXX-XX-XX"
    elif re.fullmatch(r"XXXX-WXX-[1-7]", days.value):
        stem = days.value
    else:
        return None
    value = f"{stem}T{clock.value.partition('T')[2]}"
    return Timex(
        first.start, second.end, "SET", value, "minute", "set", min(first.confidence, second.confidence)
    )
