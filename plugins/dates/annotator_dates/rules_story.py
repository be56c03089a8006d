"""Rules for expressions that refer back to the story's time: "a year earlier", "the year-ago quarter".

Each gives a value read off the anchor (what it means when the text named no time before it) and
a :class:`~annotator_dates.timex.StoryLink` that :mod:`annotator_dates.story` uses to re-read it
off the last time the text named. Forms, as TimeML annotates them (TimeBank):

- "a year earlier", "two days later": a DATE that far from the reference;
- "the year-ago quarter", "the year-earlier period", "year-earlier" (results), "the quarter a year
  ago", "the same period last year", "last year's quarter": the reported quarter a year back;
  "the year-ago third quarter" names its quarter; "last/next year's first quarter" too;
  "the year-earlier nine months" is a stretch as long (``P9M``, a DURATION, as TimeBank has it);
- "that quarter": the quarter the story named last;
- "the latest period", "the 1988 period" or "quarter": the quarter the story reports (in 1988 for
  the latter);
- "nearly four years ago", "a week or so ago": the point that far before the anchor, mod APPROX;
- "that day", "the same year", "later that month", "the following year", "the previous day":
  the reference period (moved by one for "following"/"previous"), named at the unit.
"""

from __future__ import annotations

import datetime as dt
import re

from annotator_dates import triggers
from annotator_dates.calendar import point_value, shift
from annotator_dates.fragments import NUMBER, QUANT
from annotator_dates.lexicon import QUANT_MODS
from annotator_dates.rules_duration import parse_count
from annotator_dates.rules_period import ORDINAL_QUARTER, quarter_year
from annotator_dates.timex import Context, Rule, StoryLink, Timex, group_span

ORD = r"(?P<ord>(?i:first|second|third|fourth))"
UNITS = r"(?P<unit>(?i:days?|weeks?|months?|quarters?|years?))"
YEAR_AGO = r"(?i:year-ago|year-earlier|year-before|prior-year)"
MONTH_COUNTS = {"three": 3, "six": 6, "nine": 9, "3": 3, "6": 6, "9": 9}
STEP = {"following": 1, "next": 1, "previous": -1, "preceding": -1, "prior": -1}


def reported_quarter(anchor: dt.date) -> dt.date:
    """A day of the last quarter completed before the anchor (the one a results story reports)."""
    return dt.date(anchor.year, 3 * ((anchor.month - 1) // 3) + 1, 1) - dt.timedelta(days=1)


def _unit(word: str) -> str:
    word = word.lower()
    return word[:-1] if word.endswith("s") else word


def _count_later(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "a year earlier", "two days later": that far from the reference (the anchor if none)."""
    start, end = group_span(m)
    count = parse_count(m["num"])
    if count is None or count == "X" or "." in count:
        return None
    unit, step = _unit(m["unit"]), int(count) * (-1 if m["dir"].lower() == "earlier" else 1)
    value = point_value(shift(ctx.date, unit, step), unit) if ctx.date else _unknown(unit)
    link = StoryLink(step, unit)
    return Timex(start, end, "DATE", value, unit, "story", 0.85, story=link)


UNKNOWN = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "quarter": "XXXX-QX"}


def _unknown(unit: str) -> str:
    return UNKNOWN.get(unit, "XXXX")


def _about_ago(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "nearly four years ago", "a week or so ago": the point that far back, with the quantifier's mod."""
    start, end = group_span(m)
    count = parse_count(m["num"])
    if count is None or count == "X" or "." in count:
        return None
    unit = _unit(m["unit"])
    value = point_value(shift(ctx.date, unit, -int(count)), unit) if ctx.date else _unknown(unit)
    quant = re.sub(r"\s+", " ", m["quant"].lower()) if m["quant"] else "about"
    return Timex(start, end, "DATE", value, unit, "ago", 0.85, QUANT_MODS.get(quant, "APPROX"))


def _year_ago(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "the year-ago quarter", "year-earlier" (results), "the year-ago third quarter"."""
    start, end = group_span(m)
    if m["months"]:  # "the year-earlier nine months": a results stretch as long as the reported one
        return Timex(
            start, end, "DURATION", f"P{MONTH_COUNTS[m['months'].lower()]}M", "month", "duration", 0.85
        )
    if m["ord"]:
        quarter = ORDINAL_QUARTER[m["ord"].lower()]
        year = quarter_year(ctx.date, quarter, False) - 1 if ctx.date else None
        value = f"{year}-Q{quarter}" if year else f"XXXX-Q{quarter}"
        return Timex(start, end, "DATE", value, "quarter", "story", 0.85)
    if ctx.date is None:
        return Timex(start, end, "DATE", "XXXX-QX", "quarter", "story", 0.6)
    value = point_value(shift(reported_quarter(ctx.date), "year", -1), "quarter")
    # A results comparison reads off the quarter the story reports, never off a year it names ("in 1988").
    link = StoryLink(-1, "year", grain="quarter", needs="quarter")
    return Timex(start, end, "DATE", value, "quarter", "story", 0.8, story=link)


def _year_quarter(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "last year's quarter", "next year's first quarter", "this year's third quarter"."""
    start, end = group_span(m)
    if ctx.date is None:
        return None
    year = ctx.date.year + {"last": -1, "next": 1}.get(m["cue"].lower(), 0)
    if m["ord"]:
        value = f"{year}-Q{ORDINAL_QUARTER[m['ord'].lower()]}"
        return Timex(start, end, "DATE", value, "quarter", "story", 0.9)
    day = reported_quarter(ctx.date).replace(year=year)
    link = StoryLink(0, "year", grain="quarter", year=year)
    return Timex(start, end, "DATE", point_value(day, "quarter"), "quarter", "story", 0.8, story=link)


def _latest_period(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "the latest period", "the 1988 period" or "quarter": the quarter the story reports (in that year)."""
    start, end = group_span(m)
    year = int(m["year"]) if m["year"] else None
    if ctx.date is None:
        return Timex(start, end, "DATE", f"{year or 'XXXX'}-QX", "quarter", "story", 0.6)
    day = reported_quarter(ctx.date)
    day = day.replace(year=year) if year else day
    link = StoryLink(0, "year", grain="quarter", year=year)
    return Timex(start, end, "DATE", point_value(day, "quarter"), "quarter", "story", 0.8, story=link)


def _that_quarter(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "that quarter": the quarter the story named last (the reported one when it named none)."""
    start, end = group_span(m)
    if ctx.date is None:
        return Timex(start, end, "DATE", "XXXX-QX", "quarter", "story", 0.6)
    link = StoryLink(0, "year", grain="quarter", needs="quarter")
    value = point_value(reported_quarter(ctx.date), "quarter")
    return Timex(start, end, "DATE", value, "quarter", "story", 0.75, story=link)


def _year_back(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "the quarter a year ago", "the same period last year": the reported quarter a year back."""
    start, end = group_span(m)
    if ctx.date is None:
        return Timex(start, end, "DATE", "XXXX-QX", "quarter", "story", 0.6)
    value = point_value(shift(reported_quarter(ctx.date), "year", -1), "quarter")
    link = StoryLink(-1, "year", grain="quarter")
    return Timex(start, end, "DATE", value, "quarter", "story", 0.85, story=link)


def _that_unit(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "that day", "later that year", "the following year", "the previous day"."""
    start, end = group_span(m)
    unit = _unit(m["unit"])
    step = STEP.get((m["rel"] or "").lower(), 0)
    value = point_value(shift(ctx.date, unit, step), unit) if ctx.date else _unknown(unit)
    mod = {"earlier": "START", "later": "END"}.get((m["pos"] or "").lower())
    link = StoryLink(step, unit, grain=unit, moves=True)
    return Timex(start, end, "DATE", value, unit, "story", 0.92, mod, story=link)


COUNT_LATER = re.compile(rf"\b(?P<x>{NUMBER}\s+{UNITS}\s+(?P<dir>(?i:earlier|later)))\b")
ABOUT_AGO = re.compile(
    rf"\b(?P<x>(?:{QUANT}|(?=\w+\s+\w+\s+(?i:or\s+so\s+ago))){NUMBER}\s+{UNITS}(?:\s+(?i:or\s+so))?\s+(?i:ago))\b"
)
RULES: tuple[Rule, ...] = (
    Rule("story", COUNT_LATER, _count_later, triggers.EARLIER_LATER),
    Rule(
        "story", re.compile(r"\b(?P<x>(?i:that)\s+(?i:quarter))\b(?![\w-])"), _that_quarter, triggers.PERIOD
    ),
    Rule("ago", ABOUT_AGO, _about_ago, triggers.ABOUT_AGO),
    Rule(
        "story",
        re.compile(
            rf"\b(?P<x>(?:(?i:the)\s+)?(?:(?i:comparable|corresponding|same)\s+)?{YEAR_AGO}"
            rf"(?:\s+{ORD}(?:\s+|-)(?i:quarter)|\s+(?P<noun>(?i:quarter|period|fiscal\s+quarter))"
            rf"|\s+(?P<months>(?i:three|six|nine|3|6|9))\s+(?i:months))?)(?![\w-])"
        ),
        _year_ago,
        triggers.YEAR_AGO,
    ),
    Rule(
        "story",
        re.compile(
            rf"\b(?P<x>(?P<cue>(?i:last|next|this))\s+(?i:year)['’]s\s+(?:(?i:fiscal)\s+)?"
            rf"(?:{ORD}(?:\s+|-)(?i:quarter)|(?i:quarter|period)))(?![\w-])"
        ),
        _year_quarter,
        triggers.YEARS,
    ),
    Rule(
        "story",
        re.compile(
            r"\b(?P<x>(?i:the)\s+(?:(?i:latest|most\s+recent)\s+(?i:period)"
            r"|(?P<year>(?:19|20)\d\d)\s+(?i:period|quarter)))(?![\w-])"
        ),
        _latest_period,
        triggers.PERIOD,
    ),
    Rule(
        "story",
        re.compile(
            r"\b(?P<x>(?i:the)\s+(?:(?i:same|comparable|corresponding)\s+)?(?i:quarter|period)\s+"
            r"(?:(?i:of\s+)?(?i:last\s+year)|(?i:a\s+year\s+(?:ago|earlier))))(?![\w-])"
        ),
        _year_back,
        triggers.PERIOD_OR_QUARTER,
    ),
    Rule(
        "story",
        re.compile(
            r"\b(?P<x>(?:(?P<pos>(?i:earlier|later))\s+)?(?:(?i:that)|(?i:the)\s+(?:(?i:same)|"
            r"(?P<rel>(?i:following|previous|preceding|prior))))\s+(?P<unit>(?i:day|week|month|year)))\b(?!-)"
        ),
        _that_unit,
        triggers.STORY_UNIT,
    ),
)
