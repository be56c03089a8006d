"""Clock times written the way people type them rather than the way news prints them.

- Hours in words: "six pm", "seven thirty p.m.", "four twenty-three a m", "one o five pm", and after
  "at" without a.m./p.m. when minutes are said ("at three twenty"; "at three" alone is also a rank or a
  score, :mod:`annotator_dates.clock_ahead` decides bare hours).
- a.m./p.m. spaced out or glued: "3 p . m .", "9.am", "6 p m".
- One letter for a.m./p.m.: "3:15p", "at 7p", "at 9:00a" ("3p" alone may be pence, "a" the article,
  so the letter needs minutes or "at" before the time).
- The continental 24-hour clock: "15h30", "at 15h" (a bare "15h" needs an hour past 12 or a time zone
  after it, "8h GMT", since "12h" is also twelve hours).
- "noonish", "11ish" are about that hour (mod APPROX); "mid night" is midnight.

An hour that still reads both ways is settled by :mod:`annotator_dates.clock_ahead`.
"""

from __future__ import annotations

import re

from annotator_dates import triggers
from annotator_dates.clock_zones import zone_after
from annotator_dates.lexicon import NUMBER_WORDS
from annotator_dates.prefilter import Trigger
from annotator_dates.rules_clock import clock_value, day_hour, hour_number
from annotator_dates.timex import Context, Rule, Timex, group_span

HOUR_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
UNIT_WORDS = "one|two|three|four|five|six|seven|eight|nine"
TEEN_WORDS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
# Minutes said after the hour: "thirty", "twenty-three", "fifteen", "o five", "o'clock".
MINUTE_WORDS = (
    rf"(?P<tens>twenty|thirty|forty|fifty)(?:[\s-]+(?P<units>{UNIT_WORDS}))?|(?P<teen>{TEEN_WORDS})"
    rf"|o['’]?\s*(?P<oh>{UNIT_WORDS})\b|(?P<oclock>o['’]?\s?clock)"
)
# "pm", "p.m.", "p . m .", "p m" (each needs the "m"; a lone letter only in LETTER_CLOCK below).
WIDE_AMPM = r"(?P<ampm>(?i:[ap]\s?\.\s?m\s?\.|[ap]\s?\.\s?m\b|[ap]\s+m\b|[ap]m\b))"
AT = r"(?:(?P<at>(?i:at|@))\s*)?"


def _ampm(text: str) -> str:
    return "pm" if text.strip().lower().startswith("p") else "am"


def _word_minutes(m: re.Match[str]) -> int:
    """The minutes said in words after the hour (0 for none or "o'clock")."""
    if m["tens"]:
        return int(NUMBER_WORDS[m["tens"].lower()] + NUMBER_WORDS.get((m["units"] or "").lower(), 0))
    word = m["teen"] or m["oh"]
    return int(NUMBER_WORDS[word.lower()]) if word else 0


def _digit_clock(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "3 p . m .", "9.am", "3:15 p m": an hour in digits with a.m./p.m. however written."""
    minute = int(m["mi"]) if m["mi"] else _word_minutes(m)
    hour = day_hour(int(m["h"]), _ampm(m["ampm"]), None)
    if hour is None or minute > 59:
        return None
    start, end = group_span(m)
    return Timex(start, end, "TIME", clock_value(ctx, hour, minute), "minute", "clock", 0.8)


def _word_clock(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "six pm", "seven thirty p.m.", "at three twenty": an hour in words."""
    said = m["tens"] or m["teen"] or m["oh"]
    if not m["ampm"] and not (m["at"] and said):
        return None
    hour = hour_number(m["h"])
    if m["ampm"]:
        hour = hour % 12 + (12 if _ampm(m["ampm"]) == "pm" else 0)
    start, end = group_span(m)
    return Timex(start, end, "TIME", clock_value(ctx, hour, _word_minutes(m)), "minute", "clock", 0.8)


def _letter_clock(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "3:15p", "at 7p": a.m./p.m. cut to one letter, with minutes or after "at"."""
    if not m["mi"] and not m["at"]:
        return None
    hour = int(m["h"]) % 12 + (12 if m["ap"].lower() == "p" else 0)
    start, end = group_span(m)
    return Timex(start, end, "TIME", clock_value(ctx, hour, int(m["mi"] or 0)), "minute", "clock", 0.8)


def _h_clock(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "15h30", "at 15h": the continental 24-hour clock."""
    hour, minute = int(m["h"]), int(m["mi"] or 0)
    zoned = zone_after(ctx.text, m.end()) is not None  # "8h GMT" is a clock time
    if not m["mi"] and hour <= 12 and not m["at"] and not zoned:
        return None
    sure = 0.85 if m["at"] or m["mi"] or zoned else 0.8  # a bare "15h" may be hours
    start, end = group_span(m)
    return Timex(start, end, "TIME", clock_value(ctx, hour, minute), "minute", "clock", sure)


def _ish(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "noonish", "11ish", "3ish pm": about that hour."""
    word = m["h"].lower()
    hour = 12 if word == "noon" else hour_number(word)
    if m["ampm"] and word != "noon":
        hour = day_hour(hour, _ampm(m["ampm"]), None) or hour
    start, end = group_span(m)
    return Timex(start, end, "TIME", clock_value(ctx, hour, 0), "minute", "clock", 0.75, "APPROX")


def _midnight(m: re.Match[str], ctx: Context) -> Timex | None:
    start, end = group_span(m)
    day = ctx.date.isoformat() if ctx.date else "XXXX-XX-XX"
    return Timex(start, end, "TIME", f"{day}T24:00", "minute", "clock", 0.75)


LEAD = r"(?:\b|(?<=@))"
# Literal starts, found with str.find: a leading class or look-behind would make re try every position.
AMPM_TRIGGER = Trigger(re.compile(r"[ap]\s?\.?\s?m(?![a-z])"), 5, starts=("am", "pm", "a.", "p.", "a ", "p "))
WORD_HOUR = Trigger(
    re.compile(rf"(?<![a-z])(?:{HOUR_WORDS})(?![a-z])"), 2, True, tuple(HOUR_WORDS.split("|"))
)
H_DIGIT = Trigger(re.compile(r"\dh"), 2, True, ("h",), 1)
LETTER = Trigger(re.compile(r"\d[ap](?![a-z])"), 2, True, ("a", "p"), 1)
ISH_TRIGGER = Trigger(re.compile(r"ish\b"), 0)
RULES: tuple[Rule, ...] = (
    Rule(
        "clock",
        re.compile(
            rf"\b(?P<x>(?P<h>[01]?\d|2[0-3])(?:(?::|\.)(?P<mi>[0-5]\d)|[\s-]+(?i:{MINUTE_WORDS}))?"
            rf"(?:\s*|\.){WIDE_AMPM})(?![\w])"
        ),
        _digit_clock,
        AMPM_TRIGGER,
    ),
    Rule(
        "clock",
        re.compile(
            rf"{LEAD}{AT}(?P<x>(?P<h>(?i:{HOUR_WORDS}))(?:[\s-]+(?i:{MINUTE_WORDS}))?(?:(?:\s*|\.){WIDE_AMPM})?)"
            r"(?![\w-])"
        ),
        _word_clock,
        WORD_HOUR,
    ),
    Rule(
        "clock",
        re.compile(
            rf"{LEAD}{AT}(?P<x>(?P<h>1[0-2]|0?[1-9])(?::(?P<mi>[0-5]\d))?(?P<ap>[aApP]))\b(?!\.?\s?[mM])"
        ),
        _letter_clock,
        LETTER,
    ),
    Rule(
        "clock",
        re.compile(rf"{LEAD}{AT}(?P<x>(?P<h>[01]?\d|2[0-3])h(?P<mi>[0-5]\d)?)\b"),
        _h_clock,
        H_DIGIT,
    ),
    Rule(
        "clock",
        re.compile(rf"\b(?P<x>(?P<h>(?i:noon)|1[0-2]|[1-9])ish(?:\s*{WIDE_AMPM})?)(?!\w)"),
        _ish,
        ISH_TRIGGER,
    ),
    Rule("clock", re.compile(r"\b(?P<x>(?i:mid\s+night))\b"), _midnight, triggers.DAY_PART),
)
