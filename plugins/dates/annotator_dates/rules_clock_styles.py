"""Clock times written the continental or the texting way: "15h30", "at 15h", "3:15p", "at 3p",
"seven thirty p.m.", "at three twenty".

"15h30" is a 24-hour clock (French and much of Europe write it so); without minutes ("15h") it needs an
hour past 12 or "at", since "12h" is also twelve hours. A single "a"/"p" after the time is a.m./p.m.
when minutes are written or "at" comes first ("3p" alone may be pence). Hours and minutes spelt out are
a time with a.m./p.m., or after "at"; an hour that still reads both ways is settled by
:mod:`annotator_dates.clock_ahead`.
"""

from __future__ import annotations

import re

from annotator_dates.lexicon import NUMBER_WORDS
from annotator_dates.prefilter import Trigger
from annotator_dates.rules_clock import clock_value
from annotator_dates.timex import Context, Rule, Timex, group_span

HOUR_WORD = r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
UNIT_WORD = r"one|two|three|four|five|six|seven|eight|nine"
MINUTE_WORDS = (
    rf"(?P<tens>twenty|thirty|forty|fifty)(?:[\s-]+(?P<units>{UNIT_WORD}))?"
    r"|(?P<teen>ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
    rf"|o['’]?\s*(?P<oh>{UNIT_WORD})"
)
AMPM = r"(?P<ampm>(?i:a\.\s?m\.|p\.\s?m\.|a\s?m\b|p\s?m\b))"


def _h_clock(m: re.Match[str], ctx: Context) -> Timex | None:
    start, end = group_span(m)
    hour, minute = int(m["h"]), int(m["mi"] or 0)
    if not m["mi"] and hour <= 12 and not m["at"]:
        return None
    sure = 0.85 if m["at"] or m["mi"] else 0.8  # "at 15h", "15h30" are clocks; a bare "15h" may be hours
    return Timex(start, end, "TIME", clock_value(ctx, hour, minute), "minute", "clock", sure)


def _letter_clock(m: re.Match[str], ctx: Context) -> Timex | None:
    start, end = group_span(m)
    if not m["mi"] and not m["at"]:
        return None
    hour = int(m["h"]) % 12 + (12 if m["ap"].lower() == "p" else 0)
    return Timex(start, end, "TIME", clock_value(ctx, hour, int(m["mi"] or 0)), "minute", "clock", 0.8)


def _word_clock(m: re.Match[str], ctx: Context) -> Timex | None:
    start, end = group_span(m)
    if not m["ampm"] and not (m["at"] and (m["tens"] or m["teen"] or m["oh"])):
        return None
    hour = int(NUMBER_WORDS[m["h"].lower()])
    minute = 0
    if m["tens"]:
        minute = int(NUMBER_WORDS[m["tens"].lower()]) + int(NUMBER_WORDS.get((m["units"] or "").lower(), 0))
    elif m["teen"]:
        minute = int(NUMBER_WORDS[m["teen"].lower()])
    elif m["oh"]:
        minute = int(NUMBER_WORDS[m["oh"].lower()])
    if m["ampm"]:
        hour = hour % 12 + (12 if m["ampm"].lower().startswith("p") else 0)
    return Timex(start, end, "TIME", clock_value(ctx, hour, minute), "minute", "clock", 0.8)


AT = r"(?:(?P<at>(?i:at|@))\s*)?"
H_DIGIT = Trigger(re.compile(r"\dh"), 2, True, ("h",), 1)
LETTER = Trigger(re.compile(r"\d[ap](?![a-z])"), 2, True, ("a", "p"), 1)
WORD_HOUR = Trigger(re.compile(rf"(?<![a-z])(?:{HOUR_WORD})(?![a-z])"), 2, True, tuple(HOUR_WORD.split("|")))
RULES: tuple[Rule, ...] = (
    Rule(
        "clock",
        re.compile(rf"(?:\b|(?<=@)){AT}(?P<x>(?P<h>[01]?\d|2[0-3])h(?P<mi>[0-5]\d)?)\b"),
        _h_clock,
        H_DIGIT,
    ),
    Rule(
        "clock",
        re.compile(
            rf"(?:\b|(?<=@)){AT}(?P<x>(?P<h>1[0-2]|0?[1-9])(?::(?P<mi>[0-5]\d))?(?P<ap>[aApP]))\b(?!\.?\s?[mM])"
        ),
        _letter_clock,
        LETTER,
    ),
    Rule(
        "clock",
        re.compile(
            rf"(?:\b|(?<=@)){AT}(?P<x>(?P<h>(?i:{HOUR_WORD}))(?:[\s-]+(?i:{MINUTE_WORDS}))?(?:\s*{AMPM})?)"
            r"(?![\w-])"
        ),
        _word_clock,
        WORD_HOUR,
    ),
)
