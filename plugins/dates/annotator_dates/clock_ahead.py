"""Clock times and "now" against the reference time of day, when the document gives one.

A clock time is resolved on the anchor day (:mod:`annotator_dates.rules_clock`). With a reference time
(:mod:`annotator_dates.reference`) and the future direction, a time already past that day is the next
day's ("at 3am" said at 4:30 is tomorrow's), and an hour written without a.m./p.m. or a part of the day
is the next one of its two readings ("3:30" said at 4:30 in the morning is 15:30). "now" is the
reference time itself (TIME), where without one it stays TIMEX3's PRESENT_REF.

"at 7", "@ 3" with a bare hour are clock times only where the text ends, punctuation follows, or a day
or a part of one does ("at 5 tomorrow", "this afternoon at 2"), since "at 3" is also a rank or a score.
So are minutes written after the hour with a space or none, the way times are typed or read out ("at 3
15", "at 1030", "@ 730 in the evening"); four digits that read as a year from 1900 to 2099 are left to
the year.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from annotator_dates.lexicon import NUMBER_WORDS
from annotator_dates.prefilter import Trigger
from annotator_dates.reference import reference_of
from annotator_dates.rules_clock import PART_AFTER, clock_value, day_hour
from annotator_dates.timex import Context, Rule, Timex, group_span

DECIDED = re.compile(
    r"(?i:[ap]\.?\s?m\b|\d\s*[ap]\b|morning|afternoon|evening|night|tonight|noon|midday|midnight"
    r"|\b0\d:|\b(?:1[3-9]|2[0-3])\b(?<!\d\s\d\d)|\dh)"
)
# An a.m./p.m. or a part of the day just after the span decides the hour too ("3 oclock am").
DECIDED_AFTER = re.compile(
    r"(?i:\s*(?:[ap]\.?\s?m\b|(?:in\s+(?:the\s+)?)?(?:morning|afternoon|evening)|at\s+night))"
)
NOW = re.compile(r"(?i:^(?:right\s+|just\s+)?now$|^at\s+the\s+moment$)")


def ahead(text: str, timexes: list[Timex], ctx: Context) -> list[Timex]:
    """The timexes with clock times moved ahead of the reference and "now" resolved (see module doc)."""
    now = reference_of(ctx)
    if now is None:
        return timexes
    return [_ahead(text, t, ctx, now) for t in timexes]


def _ahead(text: str, t: Timex, ctx: Context, now: dt.datetime) -> Timex:
    if t.value == "PRESENT_REF" and NOW.match(text[t.start : t.end]):
        return dataclasses.replace(
            t, timex_type="TIME", value=now.isoformat(timespec="seconds"), granularity="minute"
        )
    if t.rule != "clock" or t.timex_type != "TIME" or not t.value.startswith(now.date().isoformat()):
        return t
    if ctx.direction_at(t.start, t.end) != "future":
        return t
    try:
        when = dt.datetime.fromisoformat(t.value)
    except ValueError:
        return t
    readings = [when]
    decided = DECIDED.search(text[t.start : t.end]) or DECIDED_AFTER.match(text, t.end)
    if not decided and 1 <= when.hour <= 12:
        readings.append(when + dt.timedelta(hours=12) if when.hour < 12 else when - dt.timedelta(hours=12))
    readings.sort()
    later = [r for r in readings if r >= now] or [r + dt.timedelta(days=1) for r in readings]
    chosen = later[0]
    shape = "%Y-%m-%dT%H:%M:%S" if len(t.value) > 16 else "%Y-%m-%dT%H:%M"
    return dataclasses.replace(t, value=chosen.strftime(shape))


HOUR_WORD = r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
FOLLOW = r"(?=\s*(?:$|[,.;!?)]|(?i:on|tomorrow|today|tonight|this|next|in\s+the|o['’]?\s?clock)\b))"


def _bare_hour(m: re.Match[str], ctx: Context) -> Timex | None:
    start, end = group_span(m)
    word = m["h"].lower()
    hour = int(word) if word.isdigit() else int(NUMBER_WORDS[word])
    day = ctx.date.isoformat() if ctx.date else "XXXX-XX-XX"
    return Timex(start, end, "TIME", f"{day}T{hour:02d}:00", "minute", "clock", 0.7)


def _typed_clock(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "at 3 15", "at 1030", "at 730 in the evening": hour and minutes typed without a colon."""
    if m["hm"] and (len(m["hm"]) == 4 and m["hm"][:2] in ("19", "20")):
        return None
    hour, minute = divmod(int(m["hm"]), 100) if m["hm"] else (int(m["h"]), int(m["mi"]))
    hour_of_day = day_hour(hour, None, m["part"])
    if hour_of_day is None or hour_of_day > 23 or minute > 59:
        return None
    start, end = group_span(m)
    return Timex(start, end, "TIME", clock_value(ctx, hour_of_day, minute), "minute", "clock", 0.7)


AT = Trigger(re.compile(r"(?<![a-z])at(?![a-z])|@"), 0, True, ("at", "@"))
RULES: tuple[Rule, ...] = (
    Rule(
        "clock",
        re.compile(rf"(?:\b(?i:at)|@)\s*(?P<x>(?P<h>1[0-2]|[1-9]|(?i:{HOUR_WORD})))(?![\w:.,/-]\w){FOLLOW}"),
        _bare_hour,
        AT,
    ),
    Rule(
        "clock",
        re.compile(
            r"(?:\b(?i:at)|@)\s*(?P<x>(?:(?P<h>[01]?\d|2[0-3])\s(?P<mi>[0-5]\d)|(?P<hm>[01]?\d[0-5]\d|2[0-3][0-5]\d))"
            rf"(?:\s+{PART_AFTER})?)(?![\w:.,/-]\w){FOLLOW}"
        ),
        _typed_clock,
        AT,
    ),
)
