"""Ranges whose ends have different grains, or end now: "from 2014 to May 2018", "between Jan 2019 and now".

:func:`annotator_dates.select.join_ranges` joins two ends of one grain; here a year and a month, a
month and a day, or a date and "now" are joined the same way, but always with "from" or "between"
in front ("this year through August" is two dates, as TimeBank annotates it). "now" is the anchor
day. The range is a DURATION of its length in days, from the start of the first end to the end of
the second, with both ends as written.
"""

from __future__ import annotations

import re

from annotator_dates.intervals import interval
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
    out: list[Timex] = []
    for t in timexes:
        joined = _mixed(text, ctx, out[-1], t) if out else None
        if joined is not None:
            out[-1] = joined
        else:
            out.append(t)
    return out


def _end(t: Timex, ctx: Context) -> str | None:
    """The value one end names: a resolved date, or the anchor day for "now"."""
    if t.timex_type != "DATE" or t.mod:
        return None
    if t.value == "PRESENT_REF":
        return ctx.date.isoformat() if ctx.date else None
    return t.value if interval(t.value) is not None else None


def _mixed(text: str, ctx: Context, first: Timex, second: Timex) -> Timex | None:
    gap = GAP.match(text[first.end : second.start])
    if gap is None or (
        first.granularity == second.granularity and "PRESENT_REF" not in (first.value, second.value)
    ):
        return None
    begin, last = _end(first, ctx), _end(second, ctx)
    opener = OPENER.search(text, max(0, first.start - 10), first.start)
    need = NEED[gap["link"].lower()]
    if begin is None or last is None or opener is None or opener["open"].lower() not in (need, "between"):
        return None
    a, b = interval(begin), interval(last)
    if a is None or b is None or b[1] <= a[0]:
        return None
    start = opener.start() if opener else first.start
    days = (b[1] - a[0]).days
    return Timex(start, second.end, "DURATION", f"P{days}D", "day", "range", 0.75, None, begin, last)
