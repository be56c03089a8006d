"""Turn overlapping rule matches into the final expressions: longest wins, then joins.

Joins: a clock time with the day it is on ("2 p.m. on Wednesday"), and two dates into a range
("from Monday to Thursday", "between 2021 and 2024").
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable

from dateutil.relativedelta import relativedelta

from annotator_dates import range_ends
from annotator_dates.timex import Timex

CLOCK_THEN_DAY = re.compile(r"^\s*(?:on\s+|,\s*(?:on\s+)?)?$")
DAY_THEN_CLOCK = re.compile(r"^\s*(?:at\s+|@\s*|,\s*(?:at\s+)?)?$")
AMPM = re.compile(r"(?i)[ap]\.?m\b")
RANGE_LINK = {
    "to": "from",
    "until": "from",
    "till": "from",
    "through": "from",
    "-": "",
    "–": "",
    "~": "",
    "and": "between",
}
# Years need no "from": "2014 to 2018" is a range, while "moved Monday to Tuesday" is a change.
OPEN_FOR_YEARS = frozenset({"to", "through"})
RANGE_GAP = re.compile(r"^\s*(to|until|till|through|and|-|–|~)\s*$")
RANGE_OPEN = re.compile(r"(?i:\b(from|between)\s+)$")


def choose(candidates: list[Timex]) -> list[Timex]:
    """Non-overlapping expressions, preferring the longest (then the placed, then the most confident).

    Between two readings of the same words, one that also says where a stretch lies (begin and end
    points, "the past 20 years") beats one that gives only its length."""
    chosen: list[Timex] = []
    taken: list[tuple[int, int]] = []
    for t in sorted(
        candidates, key=lambda t: (-(t.end - t.start), t.begin_value is None, -t.confidence, t.start)
    ):
        if all(t.end <= s or t.start >= e for s, e in taken):
            chosen.append(t)
            taken.append((t.start, t.end))
    return sorted(chosen, key=lambda t: t.start)


def join_clock_times(text: str, timexes: list[Timex]) -> list[Timex]:
    """Fold a clock time and an adjacent day into one TIME ("Wednesday at 2 p.m.")."""
    out: list[Timex] = []
    for t in timexes:
        prev = out[-1] if out else None
        if prev is not None and _clock_and_day(text, prev, t):
            out[-1] = _joined_time(text, prev, t)
        else:
            out.append(t)
    return out


def _clock_and_day(text: str, first: Timex, second: Timex) -> bool:
    gap = text[first.end : second.start]
    if first.rule == "clock" and _is_day(second):
        return bool(CLOCK_THEN_DAY.match(gap))
    if second.rule == "clock" and _is_day(first):
        return bool(DAY_THEN_CLOCK.match(gap))
    return False


def _is_day(t: Timex) -> bool:
    """A day ("Tuesday", "Oct. 3") or a part of one ("this morning", "Saturday night")."""
    if t.timex_type == "DATE":
        return t.granularity == "day"
    return t.timex_type == "TIME" and t.granularity == "part-of-day" and "T" in t.value


def _joined_time(text: str, first: Timex, second: Timex) -> Timex:
    """The clock time on the day: "Tuesday at 8:30", "this afternoon at 3:20" (a p.m. hour)."""
    clock, day = (first, second) if first.rule == "clock" else (second, first)
    date, _, part = day.value.partition("T")
    hour, minute = clock.value.split("T", 1)[1].split(":", 1)
    if part in ("AF", "EV", "NI") and int(hour) < 12 and not AMPM.search(text[clock.start : clock.end]):
        hour = f"{int(hour) + 12:02d}" if part != "NI" or int(hour) >= 6 else hour
    value = f"{date}T{hour}:{minute}"
    confidence = min(first.confidence, day.confidence)
    return Timex(first.start, second.end, "TIME", value, "minute", "clock+day", confidence, clock.mod)


def join_ranges(text: str, timexes: list[Timex]) -> list[Timex]:
    """Fold "from X to Y" / "between X and Y" / "X-Y" over two dates of one grain into a range."""
    out: list[Timex] = []
    for t in timexes:
        prev = out[-1] if out else None
        joined = _range(text, prev, t) if prev is not None else None
        if joined is not None:
            out[-1] = joined
        else:
            out.append(t)
    return out


def order_range_points(text: str, timexes: list[Timex]) -> list[Timex]:
    """With ranges as points, each end keeps its own span but takes the value the range gives it.

    "from today through Nov. 17" in a story of Oct. 27: the end read alone in the past tense would
    be last year's Nov. 17; as the end of a range that starts today it is this year's, as the
    joined span has it.
    """
    out = list(timexes)
    for i in range(1, len(out)):
        joined = _range(text, out[i - 1], out[i])
        if joined is None or joined.begin_value is None or joined.end_value is None:
            continue
        out[i - 1] = _with_value(out[i - 1], joined.begin_value)
        out[i] = _with_value(out[i], joined.end_value)
    return out


def _with_value(t: Timex, value: str) -> Timex:
    """``t`` with the value its range gave it, when that is a value of the same shape."""
    same_shape = len(value) == len(t.value) and value[:1].isdigit() and "X" not in value
    return dataclasses.replace(t, value=value) if same_shape and value != t.value else t


def _range(text: str, first: Timex, second: Timex) -> Timex | None:
    gap = RANGE_GAP.match(text[first.end : second.start])
    if not gap or not _pointlike(first) or not _pointlike(second) or first.timex_type != second.timex_type:
        return None
    if first.granularity != second.granularity or first.mod or second.mod:
        return None
    opener = RANGE_OPEN.search(text[max(0, first.start - 10) : first.start])
    link = gap.group(1).lower()
    need = "" if first.granularity == "year" and link in OPEN_FOR_YEARS else RANGE_LINK[link]
    if need and (opener is None or opener.group(1).lower() != need):
        return None
    start = first.start - len(opener.group(0)) if opener else first.start
    last = _after(first, second)
    begin, last = range_ends.ordered(first, second, last, text)
    length = range_length(begin, last, first.granularity)
    return Timex(start, second.end, "DURATION", length, first.granularity, "range", 0.8, None, begin, last)


def _pointlike(t: Timex) -> bool:
    """A date, or a clock time ("between 4pm and 5pm"), that can be one end of a range."""
    return t.timex_type == "DATE" or (t.timex_type == "TIME" and t.granularity == "minute")


def _after(first: Timex, second: Timex) -> str:
    """The end weekday of "from Monday to Thursday" is the one after the start, whatever the tense said."""
    if first.rule != "weekday" or second.rule != "weekday" or "X" in first.value + second.value:
        return second.value
    begin, end = dt.date.fromisoformat(first.value), dt.date.fromisoformat(second.value)
    while end < begin:
        end += dt.timedelta(days=7)
    return end.isoformat()


def range_length(begin: str, end: str, grain: str) -> str:
    """Inclusive length of a range in its grain ("2021", "2024" -> P4Y); PX? when unresolved."""
    letter = {"day": "D", "month": "M", "year": "Y", "week": "W", "decade": "DE", "century": "CE"}.get(
        grain, ""
    )
    if grain == "quarter":
        return range_ends.quarter_length(begin, end)
    try:
        if grain == "minute":
            minutes = (
                dt.datetime.fromisoformat(end) - dt.datetime.fromisoformat(begin)
            ).total_seconds() // 60
            return f"PT{int(minutes)}M" if minutes > 0 else "PTXM"
        if grain == "day":
            days = (dt.date.fromisoformat(end) - dt.date.fromisoformat(begin)).days + 1
            return f"P{days}D" if days > 0 else f"PX{letter}"
        if grain == "year":
            return f"P{int(end) - int(begin) + 1}Y"
        if grain == "month":
            delta = relativedelta(dt.date.fromisoformat(end + "-01"), dt.date.fromisoformat(begin + "-01"))
            return f"P{delta.years * 12 + delta.months + 1}M"
    except ValueError:
        pass
    return f"PX{letter}"


def fold_pairs(timexes: list[Timex], join: Callable[[Timex, Timex], Timex | None]) -> list[Timex]:
    """Fold each expression into the one before it when ``join`` makes one of the two, left to right.

    The loop every join shares (ranges, stated years, open ends): a joined pair may join the next one."""
    out: list[Timex] = []
    for t in timexes:
        joined = join(out[-1], t) if out else None
        if joined is not None:
            out[-1] = joined
        else:
            out.append(t)
    return out
