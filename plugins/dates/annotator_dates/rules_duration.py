"""Rules for durations ("four days", "nearly 18 hours") and sets ("every Friday").

As TimeBank annotates them: "the past two months" and "the next three years" are durations with
the lead inside the span; "a couple of years" is two (P2Y), "a few" and "several" stay X; an age
("52 years old") and a rate ("$2 million a year", "24 hours a day") are no durations; a bare plural
after "for" or "within" ("for weeks", "within weeks"), "recent quarters", "the weeks ahead" and
"the days before the shooting" are vague durations (PXW, PXQ, PXD), while "coming months", "future
quarters" and "past years" with no "the" are TimeML's FUTURE_REF and PAST_REF ("the coming weeks"
stays a duration).
"""

from __future__ import annotations

import re

from annotator_dates import triggers
from annotator_dates.fraction_units import split_value
from annotator_dates.fragments import MONTH, NUMBER, QUANT, UNIT, WEEKDAY, WEEKDAY_NAME
from annotator_dates.lexicon import MONTHS, NUMBER_WORDS, QUANT_MODS, UNITS, VAGUE_NUMBERS, weekday_number
from annotator_dates.prefilter import Trigger
from annotator_dates.timex import Context, Rule, Timex, group_span

# A word between number and unit ("four acrimonious days"), but not a function word.
# Nor a number word: "a five year low" is five years, not "a" with an adjective "five".
ADJ = (
    r"(?:(?!(?:of|and|or|the|to|in|on|a|an|per|for|by|at|one|two|three|four|five|six|seven|eight|nine|ten"
    r"|eleven|twelve|twenty|thirty|forty|fifty|sixty|hundred|few|several|couple)\s)(?P<adj>[a-z]+)\s+)"
)
ARTICLE_ADJECTIVES = frozenset({"full", "whole", "entire", "long", "further", "additional", "single"})
PLURAL = r"(?P<unit>(?i:days|weeks|months|quarters|years|decades|hours|minutes|centuries))"
LEAD = r"(?:(?i:the\s+(?:past|last|next|coming|previous|first|final|following|latest|initial))\s+)"
# The word before "a year" in a rate ("$2 million a year", "358,000 a month", "24 hours a day").
RATE_BEFORE = re.compile(
    r"(?i:(?:\d|%|\bmillion|\bbillion|\bthousand|\bhundred|\bcents?|\bdollars?|\bpercent|\bhours|\bflights"
    r"|\btimes|\bshares|\bunits)\W*)$"
)
QUARTER_UNIT = ("Q", False, "quarter")
# The rest of a number: "twenty four hours" (a spoken compound), "5 1/2 hours" (a mixed fraction).
COMPOUND = (
    r"(?:(?<=(?i:ty))[\s-]+(?P<ones>(?i:one|two|three|four|five|six|seven|eight|nine))"
    r"|(?<=\d)\s+(?P<frac>[13]/[24]))?"
)
FRACTIONS = {"1/2": 0.5, "1/4": 0.25, "3/4": 0.75}
ABBREVIATIONS = {"hr": "hour", "min": "minute", "sec": "second", "yr": "year"}
SET_WORDS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
             "hourly": "PT1H", "nightly": "XXXX-XX-XXTNI"}  # fmt: skip


def unit_of(word: str) -> str:
    """The lexicon key for a unit word ("centuries" -> "century")."""
    word = word.lower()
    if word.startswith("centur"):
        return "century"
    word = word[:-1] if word.endswith("s") else word
    return ABBREVIATIONS.get(word, word)


def duration_value(count: str, unit: str) -> str:
    """TIMEX3 duration for ``count`` (a number or "X") of ``unit`` ("18", "hour" -> "PT18H")."""
    letter, is_time, _ = UNITS.get(unit, QUARTER_UNIT)
    if letter == "2W":
        letter, count = "W", ("X" if count == "X" else _number_text(float(count) * 2))
    split = None if count == "X" else split_value(float(count), letter, is_time)
    if split is not None:
        return split  # "5 1/2 hours": PT5H30M, as TimeML writes it
    return f"PT{count}{letter}" if is_time else f"P{count}{letter}"


def _number_text(number: float) -> str:
    return str(int(number)) if number == int(number) else str(number)


def parse_count(text: str) -> str | None:
    """The count as TIMEX3 wants it: digits, or "X" for vague quantities ("several")."""
    norm = re.sub(r"\s+", " ", text.lower())
    if norm in ("a couple of", "couple of"):
        return "2"  # TimeBank: "a couple of years" is P2Y
    if norm in VAGUE_NUMBERS:
        return "X"
    if norm[0].isdigit():
        return _number_text(float(norm))
    number = NUMBER_WORDS.get(norm)
    return None if number is None else _number_text(number)


def _with_rest(count: str | None, groups: dict[str, str | None]) -> str | None:
    """The count with the rest of its number added ("twenty" + "four", "5" + "1/2")."""
    if count is None or count == "X" or not (groups.get("ones") or groups.get("frac")):
        return count
    ones = groups.get("ones")
    rest = NUMBER_WORDS[ones.lower()] if ones else FRACTIONS[groups["frac"] or ""]
    return _number_text(float(count) + rest)


def _duration(m: re.Match[str], ctx: Context) -> Timex | None:
    start, end = group_span(m)
    unit = unit_of(m["unit"])
    groups = m.groupdict()
    count = _with_rest(parse_count(groups.get("num") or "several"), groups)
    plural = m["unit"].lower().endswith(("s", "ies"))
    if count is None or (unit == "second" and not m["num"][0].isdigit() and not plural):
        return None  # "a second attempt": an ordinal, not a duration
    article = (groups.get("num") or "").lower() in ("a", "an")
    if groups.get("adj") and article and groups["adj"] not in ARTICLE_ADJECTIVES:
        return None  # "a record year", "a new month": not a length of time
    if article and not groups.get("quant") and RATE_BEFORE.search(ctx.before(start, 12)):
        return None  # "$2 million a year": a rate, not a length of time
    quant = groups.get("quant")
    mod = QUANT_MODS.get(re.sub(r"\s+", " ", quant.lower())) if quant else None
    grain = UNITS.get(unit, QUARTER_UNIT)[2]
    return Timex(start, end, "DURATION", duration_value(count, unit), grain, "duration", 0.9, mod)


def _unit_long(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "a year-long renovation", "a weeklong strike": one of the unit."""
    start, end = group_span(m)
    unit = unit_of(m["unit"])
    return Timex(start, end, "DURATION", duration_value("1", unit), UNITS[unit][2], "duration", 0.85)


def _vague_duration(m: re.Match[str], ctx: Context) -> Timex | None:
    start, end = group_span(m)
    unit = unit_of(m["unit"])
    grain = UNITS.get(unit, QUARTER_UNIT)[2]
    return Timex(start, end, "DURATION", duration_value("X", unit), grain, "vague-duration", 0.75)


def _vague_reference(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "coming months", "future quarters", "past years" (no "the"): TimeML's FUTURE_REF / PAST_REF."""
    start, end = group_span(m)
    value = "PAST_REF" if m["cue"].lower() == "past" else "FUTURE_REF"
    return Timex(start, end, "DATE", value, "reference", "reference", 0.7)


# "in the near term", "over the short term", "at a later date": TimeML's FUTURE_REF; "these days"
# is PRESENT_REF. "near-term" and "short-term" before a noun are adjectives ("short-term debt").
# ("the long run" is more often a figure of speech than a time.)
VAGUE_AHEAD = re.compile(r"\b(?P<x>(?i:the\s+(?:near|short)\s+term|a\s+later\s+date))\b(?!-)")
VAGUE_AHEAD_TRIGGER = Trigger(re.compile(r"term|later"), 3, True, ("term", "later"))
THESE_DAYS = re.compile(r"\b(?P<x>(?i:these\s+days))\b")
THESE_DAYS_TRIGGER = Trigger(re.compile(r"these"), 0, True, ("these",))


def _vague_ahead(m: re.Match[str], ctx: Context) -> Timex | None:
    start, end = group_span(m)
    return Timex(start, end, "DATE", "FUTURE_REF", "reference", "reference", 0.7)


def _these_days(m: re.Match[str], ctx: Context) -> Timex | None:
    start, end = group_span(m)
    return Timex(start, end, "DATE", "PRESENT_REF", "reference", "reference", 0.7)


def _set_every(m: re.Match[str], ctx: Context) -> Timex | None:
    start, end = group_span(m)
    if m["weekday"]:
        return Timex(start, end, "SET", f"XXXX-WXX-{weekday_number(m['weekday']) + 1}", "day", "set", 0.9)
    if m["part"]:
        return Timex(start, end, "SET", f"XXXX-XX-XXT{m['part'][:2].upper()}", "part-of-day", "set", 0.9)
    if m["month"]:  # "each July": that month every year
        month = MONTHS[m["month"].rstrip(".").lower()]
        return Timex(start, end, "SET", f"XXXX-{month:02d}", "month", "set", 0.9)
    if m["quarter"]:
        return Timex(start, end, "SET", "P1Q", "quarter", "set", 0.9)
    unit = unit_of(m["unit"])
    count = parse_count(m["num"]) if m["num"] else "1"
    if count is None:
        return None
    return Timex(start, end, "SET", duration_value(count, unit), UNITS[unit][2], "set", 0.9)


def _set_word(m: re.Match[str], ctx: Context) -> Timex | None:
    start, end = group_span(m)
    if (
        m["word"][0].isupper()
        and m.start() > 0
        and not re.search(r"[.!?\n\"“]\s*$", ctx.before(m.start(), 4))
    ):
        return None  # capitalised mid-sentence: a title ("the Weekly Standard")
    value = SET_WORDS[m["word"].lower()]
    return Timex(start, end, "SET", value, "day" if "D" in value else "week", "set", 0.85)


def _plural_weekday(m: re.Match[str], ctx: Context) -> Timex | None:
    start, end = group_span(m)
    return Timex(start, end, "SET", f"XXXX-WXX-{weekday_number(m['weekday']) + 1}", "day", "set", 0.8)


def _frequency(m: re.Match[str], ctx: Context) -> Timex | None:
    start, end = group_span(m)
    unit = unit_of(m["unit"])
    return Timex(start, end, "SET", duration_value("1", unit), UNITS[unit][2], "set", 0.85)


RULES: tuple[Rule, ...] = (
    Rule(
        "duration",
        re.compile(r"\b(?P<x>(?P<unit>(?i:hour|day|week|month|year|decade))-?long)\b"),
        _unit_long,
        triggers.UNIT_LONG,
    ),
    Rule(
        "duration",
        re.compile(
            rf"(?<!/)\b(?P<x>{LEAD}?{QUANT}?{NUMBER}{COMPOUND}(?:(?<=\d)|\s+|-){ADJ}?{UNIT})(?![\w-]|-old|\s+old\b)"
        ),
        _duration,
        triggers.UNIT,
    ),
    Rule(
        "vague-duration",
        re.compile(
            rf"\b(?P<x>(?:(?i:recent|the\s+(?:coming|past|last|next|previous|following)"
            rf"(?:\s+few|\s+several)?)\s+){PLURAL})\b"
        ),
        _vague_duration,
        triggers.PLURAL_UNITS,
    ),
    Rule(
        "vague-duration",
        re.compile(
            rf"\b(?P<x>(?i:the)\s+{PLURAL}(?:\s+(?i:ahead)|(?=\s+(?i:before|after|that\s+followed|following)\b)))"
        ),
        _vague_duration,
        triggers.PLURAL_UNITS,
    ),
    Rule(
        "reference",
        re.compile(rf"(?<!\b[Tt]he\s)\b(?P<x>(?P<cue>(?i:coming|future|past))\s+{PLURAL})\b"),
        _vague_reference,
        triggers.PLURAL_UNITS,
    ),
    Rule(
        "vague-duration",
        re.compile(rf"(?<!-)\b(?P<x>{PLURAL})(?=\s+of\s+(?!the\b|these\b|those\b|a\b|its\b|their\b))"),
        _vague_duration,
        triggers.PLURAL_UNITS,
    ),
    Rule(
        "vague-duration",
        re.compile(rf"(?:(?<=\bfor )|(?<=\bFor )|(?<=\bwithin )|(?<=\bWithin ))(?P<x>{PLURAL})\b"),
        _vague_duration,
        triggers.PLURAL_UNITS,
    ),
    Rule(
        "duration",
        re.compile(rf"\b(?P<x>{LEAD}(?:{NUMBER}|(?i:few|several))\s+(?P<unit>(?i:quarters)))\b(?!\s+of\b)"),
        _duration,
        triggers.PLURAL_UNITS,
    ),
    Rule(
        "set",
        re.compile(
            rf"\b(?P<x>(?i:every|each)\s+(?:other\s+)?(?:{NUMBER}\s+)?(?:{WEEKDAY}|{UNIT}|(?P<quarter>(?i:quarter))"
            rf"|(?P<part>(?i:morning|afternoon|evening|night))|{MONTH}))\b"
        ),
        _set_every,
        triggers.EVERY,
    ),
    Rule(
        "set",
        re.compile(
            r"\b(?P<x>(?P<word>(?i:daily|weekly|monthly|annually|yearly|hourly|nightly)))\b(?!\s+[A-Z])"
        ),
        _set_word,
        triggers.SET_WORD,
    ),
    Rule(
        "set",
        re.compile(rf"\b(?P<x>(?P<weekday>{WEEKDAY_NAME})s)\b"),
        _plural_weekday,
        triggers.PLURAL_WEEKDAY,
    ),
    Rule(
        "set",
        re.compile(
            rf"\b(?P<x>(?i:once|twice|thrice|(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+times)"
            rf"\s+(?i:a|an|per|each|every)\s+{UNIT})\b"
        ),
        _frequency,
        triggers.TIMES,
    ),
    Rule("reference", VAGUE_AHEAD, _vague_ahead, VAGUE_AHEAD_TRIGGER),
    Rule("reference", THESE_DAYS, _these_days, THESE_DAYS_TRIGGER),
)
