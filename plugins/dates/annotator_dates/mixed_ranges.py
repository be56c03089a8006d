"""Ranges whose ends have different grains, or end now: "from 2014 to May 2018", "between Jan 2019 and now".

:func:`annotator_dates.select.join_ranges` joins two ends of one grain; here a year and a month, a
month and a day, or a date and "now" are joined the same way, but always with "from" or "between"
in front ("this year through August" is two dates, as TimeBank annotates it). "now" is the anchor
day. The range is a DURATION of its length in days, from the start of the first end to the end of
the second, with both ends as written.

An end said as a position in a period is the point it names there ("from 2007 to the end of
2008" ends on 2008-12-31, "from the middle of 2007" starts on 2007-07-02, "to the start of 2008"
ends on 2008-01-01), so two ends of one grain join as well when one has such a position. "now"
may be a timed document's clock time; it still names the anchor day as an end.
"""

from __future__ import annotations

import datetime as dt
import re

from annotator_dates.intervals import interval
from annotator_dates.range_ends import INFERRED_YEAR
from annotator_dates.select import fold_pairs
from annotator_dates.timex import Context, Timex

GAP = re.compile(r"^\s*(?P<link>to|until|till|through|and|-|–)\s*$", re.IGNORECASE)
OPENER = re.compile(r"(?i:\b(?P<open>from|between)\s+)$")
# Unlike ranges of one grain, these always need their opener: "this year through August" is two dates.
NEED = {
    "to": "from",
    "until": "from",
    "till": "from",
    "and": "between",
    "-": "from",
    "–": "from",
    "through": "from",
}


def join_mixed_ranges(text: str, ctx: Context, timexes: list[Timex]) -> list[Timex]:
    """Fold two dates of different grains (or a date and now) joined as a range into one."""
    return fold_pairs(timexes, lambda first, second: _mixed(text, ctx, first, second))


POSITIONS = frozenset({"START", "MID", "END"})


def _end(t: Timex, ctx: Context) -> str | None:
    """The value one end names: a resolved date, the point a position names, or the anchor day for "now"."""
    if t.value == "PRESENT_REF" or (t.rule == "reference" and t.timex_type == "TIME"):
        return ctx.date.isoformat() if ctx.date else None
    if t.timex_type != "DATE" or (t.mod and t.mod not in POSITIONS):
        return None
    span = interval(t.value)
    if span is None:
        return None
    return _position_point(span, t.mod) if t.mod else t.value


def _position_point(span: tuple[dt.datetime, dt.datetime], mod: str) -> str:
    """The day a START, MID or END position names in a period: its first, middle or last day."""
    first, last = span[0].date(), (span[1] - dt.timedelta(days=1)).date()
    if mod == "START":
        return first.isoformat()
    if mod == "END":
        return last.isoformat()
    return (first + dt.timedelta(days=(last - first).days // 2)).isoformat()


def _special(t: Timex) -> bool:
    """An end that one-grain ranges do not join: "now", or a position in a period."""
    return t.value == "PRESENT_REF" or t.rule == "reference" or t.mod in POSITIONS


def _mixed(text: str, ctx: Context, first: Timex, second: Timex) -> Timex | None:
    gap = GAP.match(text[first.end : second.start])
    if gap is None or (first.granularity == second.granularity and not (_special(first) or _special(second))):
        return None
    begin, last = _end(first, ctx), _end(second, ctx)
    opener = OPENER.search(text, max(0, first.start - 10), first.start)
    need = NEED[gap["link"].lower()]
    if begin is None or last is None or opener is None or opener["open"].lower() not in (need, "between"):
        return None
    last = _same_year(first, second, begin, last)
    a, b = interval(begin), interval(last)
    if a is None or b is None or b[1] <= a[0]:
        return None
    start = opener.start() if opener else first.start
    days = (b[1] - a[0]).days
    return Timex(start, second.end, "DURATION", f"P{days}D", "day", "range", 0.75, None, begin, last)


def _same_year(first: Timex, second: Timex, begin: str, last: str) -> str:
    """Two ends whose years were both inferred are in one year, the end a year on when it comes first
    ("from April until the end of June" is one spring, whatever way each end alone would point); an
    end after "now" whose year was inferred is the next one ("between now and May 21")."""
    if first.rule == "reference" or first.value == "PRESENT_REF":
        return (
            last
            if last >= begin or second.rule not in INFERRED_YEAR
            else f"{int(last[:4]) + 1:04d}{last[4:]}"
        )
    if first.rule not in INFERRED_YEAR or second.rule not in INFERRED_YEAR or begin[:4] == last[:4]:
        return last
    moved = begin[:4] + last[4:]
    return moved if moved >= begin else f"{int(begin[:4]) + 1:04d}{last[4:]}"
