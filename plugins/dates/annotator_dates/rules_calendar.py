"""Rules for calendar expressions: full and partial dates, months, years, decades, centuries."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from dateutil.relativedelta import relativedelta

from annotator_dates import triggers
from annotator_dates.calendar import Direction, day_month_year, month_year
from annotator_dates.fragments import DAY, MONTH, POSITION, WEEKDAY, YEAR
from annotator_dates.lexicon import (
    AMBIGUOUS_MONTHS,
    MONTHS,
    ORDINAL_CENTURIES,
    POSITION_MODS,
    ordinal_day,
    weekday_number,
)
from annotator_dates.timex import Context, Rule, Timex, group_span

LEAD_WEEKDAY = rf"(?:{WEEKDAY},?\s+)?"
# Words in front of a bare ambiguous month name ("in May") that make it a date, not a name or verb.
MONTH_CUE = re.compile(
    r"(?i:\b(?:in|since|until|till|by|during|through|throughout|from|to|before|after|between|of|last|next"
    r"|this|early|late|mid|end\s+of|beginning\s+of|and|or)\s*-?\s*)$"
)
# A lower-case "march" or "may" after "to", "of" or "and" is more often the verb or the modal.
LOWER_MONTH_CUE = re.compile(
    r"(?i:\b(?:in|since|until|till|by|during|through|throughout|from|before|after|last|next|this|early"
    r"|late|mid|end\s+of|beginning\s+of)\s*-?\s*)$"
)
NOT_A_YEAR_AFTER = re.compile(
    r"(?i:[-\s]?(?:%|percent|km|kilomet|metre|meter|mile|kg|tonne|ton\b|people|soldiers|troops|votes|cases"
    r"|members|dead|killed|attacks|feet|foot|miles|points|words|calories|hectares|acres|barrels))"
)


def month_number(name: str) -> int:
    """1-12 for a month name or abbreviation ("Oct." -> 10)."""
    return MONTHS[name.rstrip(".").lower()]


def weekday_year(year: int, month: int, day: int, weekday: int) -> int:
    """The year nearest ``year`` in which the day falls on the weekday written with it ("Fri, Jul 18")."""
    for candidate in (year, year + 1, year - 1, year + 2, year - 2):
        try:
            if dt.date(candidate, month, day).weekday() == weekday:
                return candidate
        except ValueError:
            continue
    return year


def day_of(m: re.Match[str]) -> int:
    """The day of the month, written in digits ("3rd") or as an ordinal word ("third")."""
    return int(m["day"]) if m["day"] else ordinal_day(m["dayword"])


def plausible_month(m: re.Match[str], ctx: Context) -> bool:
    """A month name that is no verb ("troops march 3 miles"), with an ordinal word in front only with "of".

    "the third of march" is a date, "the first May" may not be.
    """
    if m["month"][0].islower() and ctx.tag_at(m.start("month")).startswith(("VB", "MD")):
        return False
    if m["month"][0].islower() and ctx.tag_at(m.end() + 1) == "NNS":
        return False  # "march 3 miles": a count of something, the small tagger reading "march" as NNP
    groups = m.groupdict()
    if groups.get("dayword") and m.start("dayword") < m.start("month"):
        return bool(re.search(r"(?i)\bof\s*$", ctx.text[m.end("dayword") : m.start("month")]))
    return True


def position_mod(m: re.Match[str]) -> str | None:
    """The mod from a leading "early"/"mid-"/"the end of" group, if the pattern captured one."""
    groups = m.groupdict()
    if groups.get("mid"):
        return "MID"
    pos = groups.get("pos")
    return POSITION_MODS[re.sub(r"\s+", " ", pos.lower())] if pos else None


def _full_date(m: re.Match[str], ctx: Context) -> Timex | None:
    if not plausible_month(m, ctx):
        return None
    try:
        day = dt.date(int(m["year"]), month_number(m["month"]), day_of(m))
    except ValueError:
        return None
    start, end = group_span(m)
    return Timex(start, end, "DATE", day.isoformat(), "day", "full-date", 0.97, position_mod(m))


def _month_day(m: re.Match[str], ctx: Context) -> Timex | None:
    if not plausible_month(m, ctx):
        return None
    month, day = month_number(m["month"]), day_of(m)
    start, end = group_span(m)
    if ctx.date is None:
        return Timex(start, end, "DATE", f"XXXX-{month:02d}-{day:02d}", "day", "month-day", 0.85)
    year = day_month_year(ctx.date, month, day, _month_day_direction(m, ctx))
    if m["weekday"]:
        year = weekday_year(year, month, day, weekday_number(m["weekday"]))
    if (month, day) == (2, 29):
        year = _leap_year(year, ctx.direction_at(start, end))
    try:
        value = dt.date(year, month, day).isoformat()
    except ValueError:
        return None
    return Timex(start, end, "DATE", value, "day", "month-day", 0.9, position_mod(m))


def _month_day_direction(m: re.Match[str], ctx: Context) -> Direction:
    """ "last Oct. 23" looks back and "next March 4" ahead, whatever the verb; else the tense's side."""
    cue = CUE_BEFORE.search(ctx.before(m.start(), 6))
    start, end = group_span(m)
    return CUE_DIRECTION[cue["cue"].lower()] if cue else ctx.direction_at(start, end)


def _leap_year(year: int, direction: str) -> int:
    """ "Feb 29" with no year: the nearest leap year on the side the tense points to."""
    step = 1 if direction == "future" else -1
    while not calendar.isleap(year):
        year += step
    return year


def _weekday_day(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "Tuesday the 19th", "Thu 15th": the nearest such day, on the tense's side, on that weekday."""
    start, end = group_span(m)
    if ctx.date is None:
        return None
    ahead = ctx.direction_at(start, end) in ("future", "present")
    for step in range(0, 15) if ahead else range(0, -15, -1):
        try:
            day = (ctx.date.replace(day=1) + relativedelta(months=step)).replace(day=int(m["day"]))
        except ValueError:
            continue
        on_side = day >= ctx.date if ahead else day <= ctx.date
        if on_side and day.weekday() == weekday_number(m["weekday"]):
            return Timex(start, end, "DATE", day.isoformat(), "day", "weekday-day", 0.8)
    return None


def _month_year(m: re.Match[str], ctx: Context) -> Timex | None:
    if not plausible_month(m, ctx):
        return None
    start, end = group_span(m)
    value = f"{int(m['year']):04d}-{month_number(m['month']):02d}"
    return Timex(start, end, "DATE", value, "month", "month-year", 0.95, position_mod(m))


# "the March accession", "a June agreement": a capitalised month between a determiner and a noun (dates7).
DETERMINER_BEFORE = re.compile(r"(?i:\b(?:the|a|an)\s+)$")
LOWER_WORD_AFTER = re.compile(r"\s+[a-z]{3,}\b")
# "last Oct. 23": a day after a cued month makes it a month-day, which the month-day rule reads.
DAY_AFTER = re.compile(
    r"\s+(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b(?![.,:]\d|\s*(?:%|(?i:percent|per\s+cent)))"
)
# "last"/"next" right before a month-day sends it back or ahead whatever the verb's tense.
CUE_BEFORE = re.compile(r"(?i:\b(?P<cue>last|next)\s+)$")
CUE_DIRECTION: dict[str, Direction] = {"last": "past", "next": "future"}


def _month_before_noun(m: re.Match[str], ctx: Context) -> bool:
    start, end = m.start("month"), m.end("month")
    if not m["month"][0].isupper() or m["month"] == "May":
        return False  # "the May government" is Theresa May's
    if not DETERMINER_BEFORE.search(ctx.before(start, 6)):
        return False
    after = LOWER_WORD_AFTER.match(ctx.text, end)
    return after is not None and ctx.tag_at(after.end() - 1).startswith("NN")


def _month(m: re.Match[str], ctx: Context) -> Timex | None:
    start, end = group_span(m)
    name = m["month"].rstrip(".").lower()
    cue = (m["cue"] or "").lower() or None
    if cue and DAY_AFTER.match(ctx.text, end):
        return None  # "last Oct. 23" is the day, not the month
    cues = LOWER_MONTH_CUE if m["month"][0].islower() else MONTH_CUE
    cued = bool(cue or m["pos"] or m["mid"] or cues.search(ctx.before(start))) or _month_before_noun(m, ctx)
    short = m["month"].endswith(".") or len(name) == 3 or m["month"][0].islower()
    if not cued and (name in AMBIGUOUS_MONTHS or short):
        return None
    if ctx.tag_at(m.start("month")).startswith(("VB", "MD")) and not _clause_end_after_preposition(m, ctx):
        return None
    month = MONTHS[name]
    if ctx.date is None:
        return Timex(start, end, "DATE", f"XXXX-{month:02d}", "month", "month", 0.7, position_mod(m))
    year = month_year(ctx.date, month, ctx.direction_at(start, end), cue)
    return Timex(start, end, "DATE", f"{year:04d}-{month:02d}", "month", "month", 0.85, position_mod(m))


def _clause_end_after_preposition(m: re.Match[str], ctx: Context) -> bool:
    """ "it may be in may.": a word after "in" that ends the clause is no verb, whatever the tagger says."""
    before = re.search(r"(?i:\b(?:in|since|until|till|during|before|after)\s+)$", ctx.before(m.start(), 8))
    return bool(before) and bool(re.match(r"\s*(?:[.,;:!?)]|$)", ctx.after(m.end(), 3)))


def _year(m: re.Match[str], ctx: Context) -> Timex | None:
    start, end = group_span(m)
    if NOT_A_YEAR_AFTER.match(ctx.after(end, 16)) or re.search(r"[\d,.$£€#/]$", ctx.before(start, 1)):
        return None
    if ctx.after(end, 2)[:1] in ("-", "–") and ctx.after(end + 1, 1).isalpha():
        return None  # "2000-strong", "1500-page"
    if ctx.tag_at(end + 1) == "NNS" and not m["pos"]:
        return None  # "2000 soldiers": a count the numbers plugin owns
    return Timex(start, end, "DATE", m["year"], "year", "year", 0.9, position_mod(m))


def _year_range(m: re.Match[str], ctx: Context) -> Timex | None:
    first, last = m["year"], m["last"]
    if len(last) == 2:
        last = first[:2] + last
    if int(last) <= int(first):
        return None
    start, end = group_span(m)
    length = f"P{int(last) - int(first) + 1}Y"
    return Timex(start, end, "DURATION", length, "year", "year-range", 0.85, None, first, last)


def _decade(m: re.Match[str], ctx: Context) -> Timex | None:
    start, end = group_span(m)
    digits = m["dec"] or ("19" + m["short"] if int(m["short"]) >= 30 else "20" + m["short"])
    return Timex(start, end, "DATE", digits[:3], "decade", "decade", 0.9, position_mod(m))


def _century(m: re.Match[str], ctx: Context) -> Timex | None:
    start, end = group_span(m)
    word = m["ord"].lower()
    number = int(re.sub(r"\D", "", word)) if word[0].isdigit() else ORDINAL_CENTURIES.get(word)
    if not number:
        return None
    return Timex(start, end, "DATE", f"{number - 1:02d}", "century", "century", 0.9, position_mod(m))


def _iso(m: re.Match[str], ctx: Context) -> Timex | None:
    try:
        day = dt.date(int(m["year"]), int(m["mnum"]), int(m["day"]))
    except ValueError:
        return None
    return Timex(m.start(), m.end(), "DATE", day.isoformat(), "day", "iso-date", 0.97)


X_START = r"(?P<x>"
# "Dec. 31, 1994", "Dec. 31 , 1994" (a space before the comma), "26th june of 2020".
YEAR_GAP = r"(?:\s*,\s*|\s+(?:(?i:of)\s+)?)"
RULES: tuple[Rule, ...] = (
    Rule(
        "full-date",
        re.compile(rf"\b{X_START}{POSITION}?{LEAD_WEEKDAY}{MONTH}\s+{DAY}{YEAR_GAP}{YEAR})"),
        _full_date,
        triggers.MONTH,
    ),
    Rule(
        "full-date",
        re.compile(
            rf"\b{X_START}{POSITION}?{LEAD_WEEKDAY}(?:the\s+)?{DAY}\s+(?:of\s+)?{MONTH}{YEAR_GAP}{YEAR})"
        ),
        _full_date,
        triggers.MONTH,
    ),
    Rule(
        "month-day",
        re.compile(rf"\b{X_START}{POSITION}?{LEAD_WEEKDAY}{MONTH}\s+{DAY})"),
        _month_day,
        triggers.MONTH,
    ),
    Rule(
        "month-day",
        re.compile(rf"\b{X_START}{POSITION}?{LEAD_WEEKDAY}(?:the\s+)?{DAY}\s+(?:of\s+)?{MONTH})"),
        _month_day,
        triggers.MONTH,
    ),
    Rule(
        "weekday-day",
        re.compile(
            rf"\b(?P<x>{WEEKDAY},?\s+(?:(?i:the)\s+)?(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th))"
            rf"(?![\w:])(?!\s+(?:(?i:of)\s+)?{MONTH})"
        ),
        _weekday_day,
        triggers.WEEKDAY,
    ),
    Rule(
        "month-year",
        re.compile(rf"\b{X_START}{POSITION}?{MONTH},?\s+(?:of\s+)?{YEAR})"),
        _month_year,
        triggers.MONTH,
    ),
    Rule(
        "month",
        re.compile(rf"\b{X_START}{POSITION}?(?:(?P<cue>(?i:last|next|this))\s+)?{MONTH})"),
        _month,
        triggers.MONTH,
    ),
    Rule("year", re.compile(rf"\b{X_START}{POSITION}?{YEAR})"), _year, triggers.YEAR),
    Rule(
        "year-range",
        re.compile(rf"\b(?P<x>{YEAR}\s*[-–~]\s*(?P<last>(?:1[5-9]|20)\d\d|\d\d))(?![\d-])"),
        _year_range,
        triggers.YEAR_RANGE,
    ),
    Rule(
        "decade",
        re.compile(
            rf"(?<![\w']){X_START}{POSITION}?(?:the\s+)?(?:(?P<dec>1[5-9]\d0|20\d0)s|['’](?P<short>\d0)s))\b"
        ),
        _decade,
        triggers.DECADE,
    ),
    Rule(
        "century",
        re.compile(
            rf"\b{X_START}{POSITION}?(?:the\s+)?(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|(?i:{'|'.join(ORDINAL_CENTURIES)}))"
            r"[\s-]+(?i:century))"
        ),
        _century,
        triggers.CENTURY,
    ),
    Rule(
        "iso-date", re.compile(r"\b(?P<year>\d{4})-(?P<mnum>\d\d)-(?P<day>\d\d)\b"), _iso, triggers.ISO_DATE
    ),
)
