"""Rules for expressions relative to the anchor: weekdays, "yesterday", "last month", "the weekend"."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from annotator_dates import triggers
from annotator_dates.calendar import (
    Direction,
    point_value,
    shift,
    unresolved_value,
    weekday_date,
    weekend_date,
)
from annotator_dates.fragments import CUE, NUMBER, PART, POSITION, WEEKDAY
from annotator_dates.lexicon import DAY_PARTS, MONTHS, NUMBER_WORDS, WEEKDAYS, weekday_number
from annotator_dates.prefilter import Trigger
from annotator_dates.rules_calendar import position_mod
from annotator_dates.timex import Context, Rule, Timex, group_span

CUE_DIRECTION: dict[str, Direction] = {"last": "past", "past": "past", "previous": "past", "next": "future",
                                       "coming": "future"}  # fmt: skip
# Words before a weekday that show it is a date even when a capitalised word follows.
WEEKDAY_CUE = re.compile(
    r"(?i:\b(?:on|by|since|until|till|from|to|before|after|of|and|or|through|last|next|this)\s+)$"
)
# A possessive before a full weekday name: "his Sunday Mass", "their Saturday rally" (a day, not a name).
POSSESSIVE_CUE = re.compile(r"(?i:\b(?:his|her|its|their|our|my|your)\s+)$")
DAY_WORDS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
             "the day before yesterday": -2, "the day after tomorrow": 2}  # fmt: skip


def _cue(m: re.Match[str]) -> str | None:
    cue = m.groupdict().get("cue")
    return cue.lower() if cue else None


def _with_part(day_value: str, part: str | None) -> tuple[str, str, str]:
    """(type, value, granularity) of a day, or of a part of it ("Tuesday night" -> ...TNI)."""
    if part:
        return "TIME", f"{day_value}T{DAY_PARTS[part.lower()]}", "part-of-day"
    return "DATE", day_value, "day"


# What may follow a weekday abbreviation ("Tue 9 am", "Thu, the 15th"), since "sun" or "Wed" alone is
# more often a word or a name.
ABBR_FOLLOWER = re.compile(r"\s*,?\s*(?:\d|(?i:the\s+\d|at\s+\d|morning|afternoon|evening|night))")


def _weekday(m: re.Match[str], ctx: Context) -> Timex | None:
    start, end = group_span(m)
    cued = bool(_cue(m) or m["pos"] or WEEKDAY_CUE.search(ctx.before(start)) or _possessed(m, ctx, start))
    if not cued and (_named(ctx.after(end)) or (m["abbr"] and not ABBR_FOLLOWER.match(ctx.after(end)))):
        return None  # "Wednesday Addams", "the Sun": a name or a word, not a day
    cue = _cue(m)
    number = weekday_number(m["weekday"])
    if ctx.date is None:
        kind, value, grain = _with_part(f"XXXX-WXX-{number + 1}", m["part"])
        return Timex(start, end, kind, value, grain, "weekday", 0.6, position_mod(m))
    tense = CUE_DIRECTION.get(cue or "", None) or ctx.direction_at(start, end)
    day = weekday_date(ctx.date, number, tense, cue)
    kind, value, grain = _with_part(day.isoformat(), m["part"])
    return Timex(start, end, kind, value, grain, "weekday", 0.85, position_mod(m))


def _possessed(m: re.Match[str], ctx: Context, start: int) -> bool:
    """A full weekday name after "his", "their"...; an abbreviation there stays a word ("its Sun Valley")."""
    return not m["abbr"] and POSSESSIVE_CUE.search(ctx.before(start)) is not None


def _named(after: str) -> bool:
    """Whether a capitalised word that is no date word follows (a name: "Wednesday Addams")."""
    follower = re.match(r"\s+([A-Z][a-z]+)", after)
    if not follower:
        return False
    word = follower.group(1).lower()
    return word not in MONTHS and word not in WEEKDAYS and word not in ("the", "at", "in", "on")


def _day_word(m: re.Match[str], ctx: Context) -> Timex | None:
    start, end = group_span(m)
    word = re.sub(r"\s+", " ", m["word"].lower())
    if word == "today" and ctx.after(end, 3).lstrip(" ").startswith(":"):
        return None  # a site banner label ("Today : Nov 11, 2025")
    part = m["part"] or ("night" if word == "tonight" else None)
    if ctx.date is None:
        kind, value, grain = _with_part("XXXX-XX-XX", part)
        return Timex(start, end, kind, value, grain, "day-word", 0.7, position_mod(m))
    day = ctx.date + dt.timedelta(days=DAY_WORDS[word])
    kind, value, grain = _with_part(day.isoformat(), part)
    return Timex(start, end, kind, value, grain, "day-word", 0.95, position_mod(m))


def _part_of_today(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "this morning", "last night": a part of the anchor day (or of the day before, for "last night")."""
    start, end = group_span(m)
    offset = -1 if m["cue"].lower() == "last" else 0
    if ctx.date is None:
        return Timex(
            start, end, "TIME", f"XXXX-XX-XXT{DAY_PARTS[m['part'].lower()]}", "part-of-day", "day-part"
        )
    day = (ctx.date + dt.timedelta(days=offset)).isoformat()
    return Timex(start, end, "TIME", f"{day}T{DAY_PARTS[m['part'].lower()]}", "part-of-day", "day-part", 0.9)


def _relative_unit(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "last year", "this month", "earlier this week"; with "the" and past/coming it is a duration."""
    start, end = group_span(m)
    cue, unit = m["cue"].lower(), _unit(m["unit"])
    if m["the"] and cue in ("past", "last", "coming", "next") and not (unit == "quarter" and cue != "past"):
        return _the_past_unit(start, end, unit, m)  # "the next quarter" names one, as "next quarter" does
    if ctx.date is None:
        return Timex(start, end, "DATE", unresolved_value(unit), unit, "relative-unit", 0.6, position_mod(m))
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(cue, 0)
    value = point_value(shift(ctx.date, unit, step), unit)
    return Timex(start, end, "DATE", value, unit, "relative-unit", 0.9, position_mod(m))


def _unit(word: str) -> str:
    """The unit of "year", "fiscal year", "working week", "workweek"."""
    return re.sub(r"(?i)^(?:fiscal|school|calendar|academic|financial|working|work)\s*", "", word).lower()


def _position_of_the_unit(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "the start of the year", "the end of the month": a part of the anchor's own period."""
    start, end = group_span(m)
    unit = m["unit"].lower()
    value = point_value(ctx.date, unit) if ctx.date else unresolved_value(unit)
    return Timex(start, end, "DATE", value, unit, "relative-unit", 0.8 if ctx.date else 0.6, position_mod(m))


def _earlier_in_the_unit(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "earlier in the year" (TimeBank: the year, mod START), "later in the week" (END)."""
    start, end = group_span(m)
    unit, mod = m["unit"].lower(), "START" if m["pos"].lower() == "earlier" else "END"
    value = point_value(ctx.date, unit) if ctx.date else unresolved_value(unit)
    return Timex(start, end, "DATE", value, unit, "relative-unit", 0.8 if ctx.date else 0.6, mod)


def _the_past_unit(start: int, end: int, unit: str, m: re.Match[str]) -> Timex:
    letter = {
        "day": "D",
        "week": "W",
        "month": "M",
        "quarter": "Q",
        "year": "Y",
        "decade": "DE",
        "century": "CE",
    }
    return Timex(start, end, "DURATION", f"P1{letter[unit]}", unit, "the-past-unit", 0.85, position_mod(m))


def _weekend(m: re.Match[str], ctx: Context) -> Timex | None:
    start, end = group_span(m)
    cue = _cue(m)
    if ctx.date is None:
        return Timex(start, end, "DATE", "XXXX-WXX-WE", "week", "weekend", 0.6, position_mod(m))
    tense = CUE_DIRECTION.get(cue or "", None) or ctx.direction_at(start, end)
    day = weekend_date(ctx.date, tense, cue if cue in ("last", "next") else None)
    return Timex(start, end, "DATE", point_value(day, "weekend"), "week", "weekend", 0.8, position_mod(m))


def _ago(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "two years ago" -> the year two years before the anchor, at the unit's grain."""
    start, end = group_span(m)
    unit = m["unit"].lower().rstrip("s")
    count = NUMBER_WORDS.get(m["num"].lower()) if not m["num"][0].isdigit() else float(m["num"])
    if ctx.date is None or count is None or count != int(count):
        return Timex(start, end, "DATE", unresolved_value(unit), unit, "ago", 0.6)
    value = point_value(shift(ctx.date, unit, -int(count)), unit)
    return Timex(start, end, "DATE", value, unit, "ago", 0.9)


# "soon" names the future only ahead of the story: "as soon as ...", "soon after ..." and "soon
# became" in a past clause are the story's own sequence (dates7).
SOON_AFTER = re.compile(r"(?i)\s+(?:as(?!\s+possible\b)|after|afterwards?|before|thereafter)\b")


def soon_ahead(m: re.Match[str], ctx: Context) -> bool:
    """Whether a "soon" points ahead of the story, as TimeML's FUTURE_REF ("will soon begin")."""
    after = ctx.after(m.end("x"))
    if SOON_AFTER.match(after):
        return False
    possible = re.match(r"\s+as\s+possible\b", after) is not None  # "as soon as possible"
    return possible or ctx.direction_at(m.start("x"), m.end("x")) != "past"


def _reference(value: str) -> object:
    def handler(m: re.Match[str], ctx: Context) -> Timex | None:
        start, end = group_span(m)
        if value == "PRESENT_REF" and m["x"].lower() == "now" and ctx.tag_at(m.start()) not in ("RB", ""):
            return None  # "now that ..." is a conjunction
        if m["x"].lower() == "soon" and not soon_ahead(m, ctx):
            return None  # "as soon as Tuesday", "he was soon released": no time ahead of the story
        return Timex(start, end, "DATE", value, "reference", "reference", 0.8)

    return handler


def _to_date(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "to date", "till current date": the present, as the end of a stretch."""
    if not TO_BEFORE.search(ctx.before(m.start(), 12)):
        return None
    return Timex(m.start(), m.end(), "DATE", "PRESENT_REF", "reference", "reference", 0.7)


REL_UNIT = r"(?P<unit>(?i:week|month|year|decade|century|quarter))"
# "this fiscal year", "last calendar year", "next working week": the same periods, qualified.
QUALIFIED_UNIT = (
    r"(?P<unit>(?i:week|month|year|decade|century|quarter|(?:fiscal|school|calendar|academic|financial)\s+year"
    r"|working\s+week|work\s?week))"
)
# "to date", "till current date": the present as the end of a stretch ("up to date" is a state).
TO_DATE = re.compile(r"\b(?P<x>(?i:(?:the\s+)?current\s+)?date)\b(?![-'’]\w)")
TO_BEFORE = re.compile(r"(?i:(?<!\bup )\b(?:to|till|until)\s+)$")
TO_DATE_TRIGGER = Trigger(re.compile(r"(?<![a-z])date(?![a-z])"), 2, True, ("date",))
RULES: tuple[Rule, ...] = (
    Rule(
        "weekday",
        re.compile(rf"\b(?P<x>{POSITION}?{CUE}?{WEEKDAY}{PART}?)(?![\w'’])"),
        _weekday,
        triggers.WEEKDAY,
    ),
    Rule(
        "day-word",
        re.compile(
            rf"\b(?P<x>{POSITION}?(?P<word>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow"
            rf"|today|tonight|yesterday|tomorrow)){PART}?)\b"
        ),
        _day_word,
        triggers.DAY_WORD,
    ),
    Rule(
        "day-part",
        re.compile(r"\b(?P<x>(?P<cue>(?i:this|last))\s+(?P<part>(?i:morning|afternoon|evening|night)))\b"),
        _part_of_today,
        triggers.DAY_PART,
    ),
    Rule(
        "relative-unit",
        re.compile(rf"\b(?P<x>{POSITION}?(?P<the>(?i:the)\s+)?{CUE}{QUALIFIED_UNIT})(?![\w-])"),
        _relative_unit,
        triggers.REL_UNIT,
    ),
    Rule(
        "relative-unit",
        re.compile(
            r"\b(?P<x>(?P<pos>(?i:the\s+(?:beginning|start|middle|end)\s+of))\s+(?i:the)\s+"
            r"(?P<unit>(?i:week|month|year)))(?![\w-])"
        ),
        _position_of_the_unit,
        triggers.REL_UNIT,
    ),
    Rule(
        "weekend",
        re.compile(rf"\b(?P<x>{POSITION}?(?:(?i:the)\s+|{CUE})?(?i:weekend))(?![\w-])"),
        _weekend,
        triggers.WEEKEND,
    ),
    Rule(
        "ago",
        re.compile(rf"\b(?P<x>{NUMBER}\s+(?P<unit>(?i:days?|weeks?|months?|years?|decades?))\s+ago)\b"),
        _ago,
        triggers.AGO,
    ),
    Rule(
        "past-ref",
        re.compile(r"\b(?P<x>(?i:recently|lately))\b"),
        _reference("PAST_REF"),  # type: ignore[arg-type]
        triggers.PAST_REF,
    ),
    Rule(
        "present-ref",
        re.compile(r"\b(?P<x>(?i:now|currently|nowadays|at\s+present|at\s+the\s+moment))\b(?!\s+that\b)"),
        _reference("PRESENT_REF"),  # type: ignore[arg-type]
        triggers.PRESENT_REF,
    ),
    Rule(
        "future-ref",
        re.compile(r"\b(?P<x>(?i:soon|the\s+(?:near\s+|distant\s+|foreseeable\s+)?future))\b(?!\s+of\b)"),
        _reference("FUTURE_REF"),  # type: ignore[arg-type]
        triggers.FUTURE_REF,
    ),
    Rule(
        "past-ref",
        re.compile(r"(?<=\b[Ii]n )(?P<x>[Tt]he\s+past)\b(?!\s+\w+\s*(?:days|weeks|months|years))"),
        _reference("PAST_REF"),  # type: ignore[arg-type]
        triggers.IN_THE_PAST,
    ),
    Rule("present-ref", TO_DATE, _to_date, TO_DATE_TRIGGER),
    Rule(
        "relative-unit",
        re.compile(
            r"\b(?P<x>(?P<pos>(?i:earlier|later))\s+(?i:in)\s+(?i:the)\s+(?P<unit>(?i:week|month|year)))\b"
        ),
        _earlier_in_the_unit,
        dataclasses.replace(triggers.EARLIER_LATER, reach=0),
    ),
)
