"""Lengths of hours with the minutes said after them without the word: "1 hour thirty", "2 hours and 10".

Spoken English drops "minutes" after a count of hours ("the flight is 1 hour fifteen"), the way a clock
time drops it after the hour. The number after "hours" is read as minutes only when it is below 60 and
nothing follows it but the end of the text or punctuation ("2 hours ten people" is no length). The value
is TIMEX3's ``PT1H30M``.
"""

from __future__ import annotations

import re

from annotator_dates.lexicon import NUMBER_WORDS
from annotator_dates.prefilter import Trigger
from annotator_dates.timex import Context, Rule, Timex, group_span

HOUR_COUNT = r"(?P<h>\d{1,2}|(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|an?))"
MINUTE_COUNT = (
    r"(?P<mi>[1-5]?\d|(?i:(?:twenty|thirty|forty|fifty)(?:[\s-]+(?:one|two|three|four|five|six|seven|eight"
    r"|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|five))"
)


def _count(text: str) -> int:
    words = text.lower().replace("-", " ").split()
    return int(text) if text.isdigit() else int(sum(NUMBER_WORDS[w] for w in words))


def _hours_minutes(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "1 hour thirty": one hour and thirty minutes."""
    hours, minutes = _count(m["h"]), _count(m["mi"])
    if not 0 < minutes < 60:
        return None
    start, end = group_span(m)
    return Timex(start, end, "DURATION", f"PT{hours}H{minutes}M", "minute", "duration", 0.8)


HOURS = Trigger(re.compile(r"(?<![a-z])hours?(?![a-z])"), 1, True, ("hour",))
RULES: tuple[Rule, ...] = (
    Rule(
        "duration",
        re.compile(
            rf"\b(?P<x>{HOUR_COUNT}\s+(?i:hours?)\s*,?\s+(?:(?i:and)\s+)?{MINUTE_COUNT})"
            r"(?=\s*(?:$|[,;!?)]|\.(?!\d)))"
        ),
        _hours_minutes,
        HOURS,
    ),
)
