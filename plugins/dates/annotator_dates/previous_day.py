"""A weekday before the story's day: "down 4.5% from the previous Friday" after "closed lower Friday".

"the previous Friday" and "the preceding Friday" are anaphoric (TimeML anchors them on the time the
text is telling about, not on the publication date): the rule reads them as "last Friday" from the
anchor, and here they move to the weekday just before the last day the text named, when it named
one within ``REACH`` characters. The span takes its "the", as TimeML's does.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from annotator_dates.calendar import weekday_date
from annotator_dates.lexicon import weekday_number
from annotator_dates.timex import Timex

REACH = 1000
DAY_VALUE = re.compile(r"^\d{4}-\d\d-\d\d$")
WEEKDAY = r"(?P<weekday>(?:mon|tues|wednes|thurs|fri|satur|sun)day)"
PREVIOUS_DAY = re.compile(rf"(?i)^(?P<previous>previous\s+)?{WEEKDAY}$")
# What the span leaves out before it: "the" before "previous Friday"; "the preceding" before "Friday".
LEAD = re.compile(r"(?i)\bthe\s+(?P<preceding>preceding\s+)?$")


def before_story_days(text: str, timexes: list[Timex]) -> list[Timex]:
    """Each "the previous <weekday>" read off the last day the text named before it."""
    out: list[Timex] = []
    day: Timex | None = None
    for t in timexes:
        found = PREVIOUS_DAY.match(text[t.start : t.end])
        lead = LEAD.search(text[max(0, t.start - 16) : t.start]) if found else None
        if found is not None and lead is not None and (found["previous"] or lead["preceding"]):
            t = dataclasses.replace(t, start=t.start - len(lead.group()))
            if day is not None and t.start - day.end <= REACH:
                t = _before(t, day, weekday_number(found["weekday"]))
        elif t.timex_type == "DATE" and DAY_VALUE.match(t.value):
            day = t
        out.append(t)
    return out


def _before(t: Timex, day: Timex, weekday: int) -> Timex:
    value = weekday_date(dt.date.fromisoformat(day.value), weekday, "past", "last").isoformat()
    return dataclasses.replace(t, value=value, anchor_kind="story", anchor_value=day.value)
