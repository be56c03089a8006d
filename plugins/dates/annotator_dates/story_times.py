"""Times of day on the story's day: "shot to death at 10 p.m." after "on Oct. 23" is Oct. 23's 10 p.m.

A clock time or a part of the day written without a day ("at 10 p.m.", "in the morning") is read on
the anchor day by its rule. When the story has just named another day ("Stocks fell on Friday.
Dealers placed buy orders in the morning"), TimeML puts the time on that day: the time happened on
the day the text is telling about. Only a day named within ``REACH`` characters, in this paragraph
or the one before (news paragraphs are often one sentence), moves it, and only a bare time: "this
morning", "tonight", "at 3 p.m. today" keep their own day, and so does a time in a sentence that
looks ahead ("will leave at 4 in the morning").
"""

from __future__ import annotations

import dataclasses
import re

from annotator_dates.timex import Timex

REACH = 300
DAY_VALUE = re.compile(r"^\d{4}-\d\d-\d\d$")
TIME_VALUE = re.compile(r"^(?P<day>\d{4}-\d\d-\d\d)(?P<time>T.+)$")
BARE_RULES = frozenset({"clock", "day-part"})
# Words that tie a time to its own day, or that point ahead of the story.
OWN_DAY = re.compile(r"(?i)\b(?:this|today|tonight|tomorrow|yesterday|next|will|'ll|shall)\b")


def on_story_days(text: str, timexes: list[Timex]) -> list[Timex]:
    """Bare times of day moved to the day the story named just before them (see the module docstring)."""
    out: list[Timex] = []
    day: Timex | None = None
    for t in timexes:
        if t.timex_type == "DATE" and DAY_VALUE.match(t.value):
            day = t
        elif day is not None and _moves(text, day, t):
            t = _on(t, day)
        out.append(t)
    return out


def _moves(text: str, day: Timex, t: Timex) -> bool:
    m = TIME_VALUE.match(t.value)
    if t.rule not in BARE_RULES or m is None or m["day"] == day.value:
        return False
    between = text[day.end : t.start]
    if len(between) > REACH or between.count("\n\n") > 1:
        return False
    sentence = text[text.rfind(".", 0, t.start) + 1 : t.end]
    return OWN_DAY.search(sentence) is None and OWN_DAY.search(text[t.start : t.end]) is None


def _on(t: Timex, day: Timex) -> Timex:
    m = TIME_VALUE.match(t.value)
    assert m is not None
    return dataclasses.replace(t, value=day.value + m["time"], anchor_kind="story", anchor_value=day.value)
