"""Clock times written the way people type them: "six pm", "nine a m", "3 p . m .", "at 7p", "noonish".

The hour may be a word before a.m./p.m. ("six pm", "one thirty p m"), the a.m./p.m. may be spaced
out ("3 p . m .") or cut to one letter after "at" ("at 7p", "at 9:00a"; "a" alone elsewhere is the
article). "noonish", "11ish" are about that hour (mod APPROX), "mid night" is midnight.
"""

from __future__ import annotations

import re

from annotator_dates import triggers
from annotator_dates.lexicon import NUMBER_WORDS
from annotator_dates.prefilter import Trigger
from annotator_dates.rules_clock import HOUR_WORD, clock_value, day_hour, hour_number
from annotator_dates.timex import Context, Rule, Timex, group_span

# "pm", "p.m.", "p . m .", "p m" (each needs the "m"; a lone letter only after "at", below).
WIDE_AMPM = r"(?P<ampm>(?i:[ap]\s?\.\s?m\s?\.|[ap]\s?\.\s?m\b|[ap]\s+m\b|[ap]m\b))"
MINUTE_WORDS = r"(?P<mw>(?i:thirty|fifteen|forty[-\s]five|forty|fifty|twenty|ten|o['’]?\s?clock))"
ANY_HOUR = rf"(?P<h>[01]?\d|2[0-3]|{HOUR_WORD})"


def _ampm(text: str) -> str:
    return "pm" if text.strip().lower().startswith("p") else "am"


def _minutes(m: re.Match[str]) -> int | None:
    if m.groupdict().get("mi"):
        return int(m["mi"])
    word = (m.groupdict().get("mw") or "").lower().replace("-", " ")
    if not word or "clock" in word:
        return 0
    return sum(int(NUMBER_WORDS[part]) for part in word.split())


def _wide(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "six pm", "one thirty p m", "3 p . m .", "at 7p", "9.am": an hour with a.m./p.m. however written."""
    minute = _minutes(m)
    hour = day_hour(hour_number(m["h"]), _ampm(m["ampm"]), None)
    if hour is None or minute is None or minute > 59:
        return None
    start, end = group_span(m)
    return Timex(start, end, "TIME", clock_value(ctx, hour, minute), "minute", "clock", 0.8)


def _ish(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "noonish", "11ish": about that hour."""
    word = m["h"].lower()
    hour = 12 if word == "noon" else hour_number(word)
    if hour > 23:
        return None
    start, end = group_span(m)
    return Timex(start, end, "TIME", clock_value(ctx, hour, 0), "minute", "clock", 0.75, "APPROX")


def _midnight(m: re.Match[str], ctx: Context) -> Timex | None:
    start, end = group_span(m)
    day = ctx.date.isoformat() if ctx.date else "XXXX-XX-XX"
    return Timex(start, end, "TIME", f"{day}T24:00", "minute", "clock", 0.75)


# Literal starts, found with str.find: a leading class or look-behind would make re try every position.
AMPM_TRIGGER = Trigger(re.compile(r"[ap]\s?\.?\s?m(?![a-z])"), 5, starts=("am", "pm", "a.", "p.", "a ", "p "))
AT_LETTER_TRIGGER = Trigger(re.compile(r"at \d"), 0, starts=("at ",))
ISH_TRIGGER = Trigger(re.compile(r"ish\b"), 0)
RULES: tuple[Rule, ...] = (
    Rule(
        "clock",
        re.compile(
            rf"\b(?P<x>{ANY_HOUR}(?:(?::|\.)(?P<mi>[0-5]\d)|[\s-]+{MINUTE_WORDS})?(?:\s*|\.){WIDE_AMPM})(?![\w])"
        ),
        _wide,
        AMPM_TRIGGER,
    ),
    Rule(
        "clock",
        re.compile(
            r"(?<=\b(?i:at) )(?P<x>(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d))?(?P<ampm>[ap]))(?!\w|\.\w)"
        ),
        _wide,
        AT_LETTER_TRIGGER,
    ),
    Rule("clock", re.compile(r"\b(?P<x>(?P<h>(?i:noon)|1[0-2]|[1-9])ish)\b"), _ish, ISH_TRIGGER),
    Rule("clock", re.compile(r"\b(?P<x>(?i:mid\s+night))\b"), _midnight, triggers.DAY_PART),
)
