"""Rules for clock times: "3:15 a.m.", "15:30", "8 o'clock", "3 in the morning", "half past seven".

A clock time is resolved on the anchor day (a later join moves it to the day the text names:
"Tuesday at 8:30"). The hour follows a.m./p.m. or a part of the day said next to it ("8 tonight",
"3 in the morning", "7 in the evening"); a bare "3:30" keeps the hour as written. Values are
TIMEX3 ``YYYY-MM-DDThh:mm`` (``ss`` when the text gives seconds), at minute grain, as TimeBank
writes "3 p.m.".
"""

from __future__ import annotations

import datetime as dt
import re

from annotator_dates import triggers
from annotator_dates.lexicon import NUMBER_WORDS
from annotator_dates.prefilter import Trigger
from annotator_dates.timex import Context, Rule, Timex, group_span

CLOCK_MODS = {"about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
              "shortly after": "AFTER", "just after": "AFTER", "shortly before": "BEFORE",
              "just before": "BEFORE"}  # fmt: skip
APPROX = (
    r"(?:(?P<approx>(?i:about|around|approximately|roughly|shortly\s+after|shortly\s+before|just\s+after"
    r"|just\s+before))\s+)"
)
TIMEZONE = r"(?:\s+(?P<tz>GMT|UTC|local\s+time|ET|EST|EDT|PT|PST|IST|PKT|AST))"
AMPM = r"(?P<ampm>(?i:a\.m\.|p\.m\.|a\.m\b|p\.m\b|am\b|pm\b))"
HOUR_WORD = r"(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
HOUR = rf"(?P<h>[01]?\d|2[0-3]|{HOUR_WORD})"
# A part of the day said after the hour decides a.m. or p.m. ("8 tonight", "3 in the morning").
# PART_WORDS are the parts that name a part of the day (each holds a word the PART_AFTER trigger finds).
PART_WORDS = (
    r"in\s+(?:the\s+)?(?:morning|afternoon|evening)|at\s+night|tonight|this\s+(?:morning"
    r"|afternoon|evening)|tomorrow\s+(?:morning|afternoon|evening|night)"
)
PART_AFTER = rf"(?P<part>(?i:{PART_WORDS}|in\s+the\s+(?:[ap]\.m\.|[ap]m\b)))"
PART_CODES = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
PAST_MINUTES = r"(?i:half|(?:a\s+)?quarter|[1-5]?\d|twenty[-\s]five|twenty|ten|five)"
PAST_HOUR = rf"(?P<h>[01]?\d|2[0-3]|{HOUR_WORD}|(?i:noon))(?:\s*{AMPM})?(?:\s+{PART_AFTER})?"
MINUTE_WORDS = {"half": 30, "quarter": 15, "a quarter": 15}


def hour_number(text: str) -> int:
    """The hour as a number, written in digits or as a word ("eight" -> 8)."""
    return int(text) if text.isdigit() else int(NUMBER_WORDS[text.lower()])


def day_hour(hour: int, ampm: str | None, part: str | None) -> int | None:
    """The 24-hour hour from a.m./p.m. or the part of the day; None when they contradict the hour."""
    said = re.search(r"(?i)\bthe\s+([ap])\.?m", part) if part else None
    ampm, part = (f"{said[1]}m", None) if said else (ampm, part)  # "3 in the AM" is 3 a.m.
    code = part_code(part) if part else None
    if ampm:
        if not 1 <= hour <= 12:
            return None
        return hour % 12 + (12 if ampm.lower().replace(".", "").replace(" ", "") == "pm" else 0)
    if code in ("AF", "EV") or (code == "NI" and 6 <= hour <= 11):
        return hour + 12 if hour < 12 else hour
    if code == "MO" and hour == 12:
        return 0
    return hour


def part_code(part: str) -> str:
    """TIMEX3's code for the part of the day a phrase names ("in the evening" -> EV)."""
    return next(code for word, code in PART_CODES.items() if word in part.lower())


def clock_value(ctx: Context, hour: int, minute: int, second: int | None = None, days: int = 0) -> str:
    """``YYYY-MM-DDThh:mm`` on the anchor day, or ``days`` after it (``XXXX-XX-XX`` without one)."""
    day = (ctx.date + dt.timedelta(days=days)).isoformat() if ctx.date else "XXXX-XX-XX"
    tail = f":{second:02d}" if second is not None else ""
    return f"{day}T{hour:02d}:{minute:02d}{tail}"


def _mod(m: re.Match[str]) -> str | None:
    approx = m.groupdict().get("approx")
    return CLOCK_MODS[re.sub(r"\s+", " ", approx.lower())] if approx else None


def _clock(m: re.Match[str], ctx: Context) -> Timex | None:
    start, end = group_span(m)
    groups = m.groupdict()
    if groups.get("hm"):
        hour, minute = divmod(int(groups["hm"]), 100)
    else:
        hour, minute = hour_number(m["h"]), int(groups.get("mi") or 0)
    hour_of_day = day_hour(hour, groups.get("ampm"), groups.get("part"))
    if hour_of_day is None or hour_of_day > 23 or minute > 59:
        return None
    second = int(groups["ss"]) if groups.get("ss") else None
    value = clock_value(ctx, hour_of_day, minute, second, _days_ahead(groups.get("part")))
    return Timex(start, end, "TIME", value, "minute", "clock", 0.85, _mod(m))


def _days_ahead(part: str | None) -> int:
    """1 when the part of the day said with the hour is tomorrow's ("9 tomorrow morning"), else 0."""
    return 1 if part and part.lower().startswith("tomorrow") else 0


def _bare_colon(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "15:30", "3:30": a clock time unless it is a score, a verse or a race time ("2:05:33")."""
    if re.search(r"[\d:.,/]$", ctx.before(m.start(), 1)) or re.match(r"[:.,/]\d", ctx.after(m.end(), 2)):
        return None
    if re.search(r"(?i:\b(?:score[ds]?|won|lost|beat|defeated|ratio|verse|chapter|odds)\s+(?:\w+\s+)?)$",
                 ctx.before(m.start(), 30)):  # fmt: skip
        return None
    return _clock(m, ctx)


def _past(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "half past seven", "a quarter to noon", "20 minutes past 3pm"."""
    start, end = group_span(m)
    word = re.sub(r"[\s-]+", " ", m["mw"].lower()).removesuffix(" minutes").removesuffix(" minute")
    word = word.removesuffix(" mins").removesuffix(" min")
    minutes = MINUTE_WORDS.get(word) or (int(word) if word.isdigit() else NUMBER_WORDS.get(word))
    if word == "twenty five":
        minutes = 25
    if not minutes or minutes >= 60 or minutes != int(minutes):
        return None
    hour = 12 if m["h"].lower() == "noon" else hour_number(m["h"])
    hour_of_day = day_hour(hour, m["ampm"], m["part"])
    if hour_of_day is None or hour_of_day > 23:
        return None
    later = m["dir"].lower() in ("past", "after")
    total = hour_of_day * 60 + (int(minutes) if later else -int(minutes))
    hour_of_day, minute = divmod(total % (24 * 60), 60)
    value = clock_value(ctx, hour_of_day, minute, days=_days_ahead(m["part"]))
    return Timex(start, end, "TIME", value, "minute", "clock", 0.85)


def _minutes_to(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "twenty after 3pm", "15 to noon": minutes before or after an hour that is surely a clock time."""
    if not (m["ampm"] or m["h"].lower() == "noon" or re.search(r"(?i)min", m["mw"])):
        return None  # "5 to 10" is a range of numbers (and "23/12 before 5pm" a date, by the look-behind)
    return _past(m, ctx)


def _half_hour(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "half three": half past the hour, as British English says it."""
    start, end = group_span(m)
    hour = hour_number(m["h"])
    if not 1 <= hour <= 12:
        return None
    return Timex(start, end, "TIME", clock_value(ctx, hour, 30), "minute", "clock", 0.75)


def _noon(m: re.Match[str], ctx: Context) -> Timex | None:
    start, end = group_span(m)
    day = ctx.date.isoformat() if ctx.date else "XXXX-XX-XX"
    clock = "24:00" if m["x"].lower().endswith("midnight") else "12:00"
    return Timex(start, end, "TIME", f"{day}T{clock}", "minute", "clock", 0.8)


def _clock_dotted(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "3.15 p.m." is 3:15 p.m.; the dotted minutes are read like the colon's."""
    if m["mi2"]:
        hour_of_day = day_hour(int(m["h"]), m["ampm"], None)
        if hour_of_day is None:
            return None
        start, end = group_span(m)
        value = clock_value(ctx, hour_of_day, int(m["mi2"]))
        return Timex(start, end, "TIME", value, "minute", "clock", 0.85, _mod(m))
    return _clock(m, ctx)


MINUTES = r"(?::(?P<mi>[0-5]\d)(?::(?P<ss>[0-5]\d))?)"
# "half three" only where the text ends or a day or a.m./p.m. follows ("half two hundred" is a count).
FOLLOW = r"(?=\s*(?:$|[,.;!?)]|(?i:[ap]\.?m\b|on|tomorrow|today|tonight|this|next|in\s+the)\b))"
NOT_AFTER = r"(?<!\b(?i:a) )(?<!(?i:and) )(?<!(?i:by) )(?<!(?i:in) )"  # "and a half two", "cut in half two"
TO_HOUR = Trigger(
    re.compile(r"(?<![a-z])(?:to|till|before|after)(?![a-z])"), 3, True, ("to", "till", "before", "after")
)
MID_DAY = Trigger(re.compile(r"mid\s+day"), 0, True, ("mid",))
# "3 in the a.m.": \b cannot follow the final dot, so this rule ends on (?!\w). It matches only that part
# of the day (the others end in a letter and are the PART_AFTER rule's), so its trigger covers every match.
IN_THE_AMPM = Trigger(re.compile(r"the\s+[ap]\.?m"), 4, True, ("the",))
PART_IN_THE_AMPM = r"(?P<part>(?i:in\s+the\s+(?:[ap]\.m\.|[ap]m\b)))"
RULES: tuple[Rule, ...] = (
    Rule(
        "clock",
        re.compile(
            rf"\b(?P<x>{APPROX}?(?:(?P<h>[01]?\d|2[0-3])(?:{MINUTES}|\.(?P<mi2>[0-5]\d))?|(?P<hm>[1-9][0-5]\d"
            rf"|1[0-2][0-5]\d))\s*{AMPM}{TIMEZONE}?)"
        ),
        _clock_dotted,
        triggers.AM_PM,
    ),
    Rule(
        "clock",
        re.compile(rf"\b(?P<x>{APPROX}?(?P<h>[01]?\d|2[0-3]){MINUTES}{TIMEZONE}?)(?![\w:])"),
        _bare_colon,
        triggers.COLON_TIME,
    ),
    Rule(
        "clock",
        re.compile(rf"\b(?P<x>{APPROX}?{HOUR}(?:{MINUTES})?\s*(?i:o['’]?\s?clock)(?:\s+{PART_AFTER})?)\b"),
        _clock,
        triggers.OCLOCK,
    ),
    Rule(
        "clock",
        re.compile(rf"\b(?P<x>{APPROX}?{HOUR}{MINUTES}?\s+(?P<part>(?i:{PART_WORDS})))\b"),
        _clock,
        triggers.PART_AFTER,
    ),
    Rule(
        "clock",
        re.compile(rf"\b(?P<x>{APPROX}?{HOUR}{MINUTES}?\s+{PART_IN_THE_AMPM})(?!\w)"),
        _clock,
        IN_THE_AMPM,
    ),
    Rule(
        "clock",
        re.compile(
            rf"\b(?P<x>(?P<mw>{PAST_MINUTES}(?:\s+(?i:minutes?|mins?))?)\s+(?P<dir>(?i:past))\s+{PAST_HOUR})\b"
        ),
        _past,
        triggers.PAST,
    ),
    Rule(
        "clock",
        re.compile(
            rf"\b(?P<x>(?P<mw>(?i:half|(?:a\s+)?quarter))\s+(?P<dir>(?i:to|before|after))\s+{PAST_HOUR})\b"
        ),
        _past,
        triggers.HALF_QUARTER,
    ),
    Rule(
        "clock",
        re.compile(
            rf"(?<![\w/.:,-])(?P<x>(?P<mw>{PAST_MINUTES}(?:\s+(?i:minutes?|mins?))?)\s+(?P<dir>(?i:to|till|before|after))\s+"
            rf"{PAST_HOUR})\b"
        ),
        _minutes_to,
        TO_HOUR,
    ),
    Rule(
        "clock",
        re.compile(rf"(?<![\w-]){NOT_AFTER}(?P<x>(?i:half)\s+(?P<h>[1-9]|1[0-2]|{HOUR_WORD})){FOLLOW}"),
        _half_hour,
        triggers.HALF_QUARTER,
    ),
    Rule("clock", re.compile(r"\b(?P<x>(?:12\s+)?(?i:noon|midday|midnight))\b"), _noon, triggers.NOON),
    Rule("clock", re.compile(r"\b(?P<x>(?i:mid\s+day))\b"), _noon, MID_DAY),
)
