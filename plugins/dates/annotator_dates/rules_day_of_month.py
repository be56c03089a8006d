"""A day of the month said alone: "on the 18th", "by the 4th", "until 29th"; decade words: "the nineties".

With no month the day is the anchor month's when it falls on the side the tense points to, else the
nearest month's on that side (on 2018-07-25, "we met on the 18th" is 2018-07-18 and "set it up
on the 18th" 2018-08-18). A cue word ("on", "by", "until", "since", "before", "after") must
come before the ordinal, and no noun after it ("on the 18th floor", "the 4th day" are not dates).
"the nineties" is the decade ``199`` (TIMEX3's decade value; the century is the usual one).
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil.relativedelta import relativedelta

from annotator_dates.prefilter import Trigger
from annotator_dates.timex import Context, Rule, Timex, group_span

ORDINAL = re.compile(r"\b(?P<x>(?:(?i:the)\s+)?(?P<day>3[01]|[12]\d|0?[1-9])(?i:st|nd|rd|th))\b(?![-'’]\w)")
CUE_BEFORE = re.compile(r"(?i:\b(?:on|by|until|till|since|before|after|from|through)\s+)$")
ORDINAL_TRIGGER = Trigger(re.compile(r"\d(?:st|nd|rd|th)\b"), 1, True)
DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                "eighties": 8, "nineties": 9}  # fmt: skip
DECADE = re.compile(
    r"(?:\b(?P<x>(?i:the)\s+(?P<word>(?i:"
    + "|".join(DECADE_WORDS)
    + r")))|(?<=\bin )(?P<bare>(?i:"
    + "|".join(DECADE_WORDS)
    + r")))\b(?![-'’]\w)(?!\s+(?i:degrees|percent|%))"
)
DECADE_TRIGGER = Trigger(re.compile("|".join(DECADE_WORDS)), 1, True, tuple(DECADE_WORDS))


def _day_of_month(m: re.Match[str], ctx: Context) -> Timex | None:
    if not CUE_BEFORE.search(ctx.before(m.start(), 10)) or noun_after(m, ctx):
        return None
    start, end = group_span(m)
    day = int(m["day"])
    if ctx.date is None:
        return Timex(start, end, "DATE", f"XXXX-XX-{day:02d}", "day", "day-of-month", 0.6)
    found = nearest_day(ctx.date, day, ctx.direction_at(start, end))
    return Timex(start, end, "DATE", found.isoformat(), "day", "day-of-month", 0.7) if found else None


def nearest_day(anchor: dt.date, day: int, direction: str) -> dt.date | None:
    """The nearest date with this day of the month, on the side ``direction`` points to (or the anchor)."""
    step = 1 if direction == "future" else -1
    for months in range(0, 13 * step, step):
        month = anchor.replace(day=1) + relativedelta(months=months)
        try:
            found = month.replace(day=day)
        except ValueError:
            continue
        if (found >= anchor) if step > 0 else (found <= anchor):
            return found
    return None


def noun_after(m: re.Match[str], ctx: Context) -> bool:
    """A noun right after the match ("the 18th floor", "quarterly earnings"): the match is its modifier."""
    follower = re.match(r"\s+\w", ctx.after(m.end(), 3))
    if follower is None:
        return False
    return ctx.tag_at(m.end() + len(follower.group(0)) - 1).startswith("NN")


def _decade_word(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "the nineties", "in nineties": the twentieth century's decade ("in her forties" is an age)."""
    start, end = m.span("x") if m["x"] else m.span("bare")
    value = f"19{DECADE_WORDS[(m['word'] or m['bare']).lower()]}"
    return Timex(start, end, "DATE", value, "decade", "decade", 0.75)


RULES: tuple[Rule, ...] = (
    Rule("day-of-month", ORDINAL, _day_of_month, ORDINAL_TRIGGER),
    Rule("decade", DECADE, _decade_word, DECADE_TRIGGER),
)
