"""A clock time whose day comes after an aside in brackets: "at about 10:35 a.m. (0735 GMT) Friday".

Wire copy gives the time in another zone between the clock time and its day, which keeps the rules
from joining the two: the clock time alone is read on the anchor day, a day off when the story is
dated the next morning. Here a bare clock time takes the day written just after the aside, or the
day of the time inside it ("will leave at 4 in the morning (4 a.m. EDT Thursday)"), since the aside
restates the same moment. The two stay separate expressions, as TimeML tags them.
"""

from __future__ import annotations

import dataclasses
import re

from annotator_dates.timex import Timex

DAY_VALUE = re.compile(r"^\d{4}-\d\d-\d\d$")
TIME_VALUE = re.compile(r"^(?P<day>\d{4}-\d\d-\d\d)(?P<time>T.+)$")
BARE_RULES = frozenset({"clock"})
# The aside, then perhaps a comma or "on", up to the day: " (0735 GMT) ", " (1430 GMT), on ".
ASIDE_THEN_DAY = re.compile(r"^\s*\([^()\n]{1,40}\)\s*,?\s*(?:(?i:on)\s+)?$")
OPEN_ASIDE = re.compile(r"^\s*\(\s*$")
CLOSE_ASIDE = re.compile(r"^\s*\)")


def on_aside_days(text: str, timexes: list[Timex]) -> list[Timex]:
    """Bare clock times moved to the day written after, or inside, the aside that follows them."""
    out = list(timexes)
    for i, t in enumerate(out[:-1]):
        clock = TIME_VALUE.match(t.value)
        if t.rule not in BARE_RULES or clock is None:
            continue
        day = _aside_day(text, t, out[i + 1])
        if day is not None and day != clock["day"]:
            out[i] = dataclasses.replace(t, value=day + clock["time"], anchor_kind="story", anchor_value=day)
    return out


def _aside_day(text: str, clock: Timex, after: Timex) -> str | None:
    """The ISO day that ``after`` gives ``clock``: a day past the aside, or the aside's own time."""
    between = text[clock.end : after.start]
    if ASIDE_THEN_DAY.match(between) and DAY_VALUE.match(after.value):
        return after.value
    inner = TIME_VALUE.match(after.value)
    if OPEN_ASIDE.match(between) and inner and CLOSE_ASIDE.match(text[after.end :]):
        return inner["day"] if after.rule != "clock" else None
    return None
