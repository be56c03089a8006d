"""What every match of each rule contains (see :mod:`annotator_dates.prefilter`), next to nothing else.

``reach`` is an upper bound on the whitespace runs a match can have before the trigger: a leading
position ("the beginning of in" 4), a weekday, a cue, "the", a day, "of"; the values are generous on
purpose, since a too-small one would lose matches (tests/test_dates_prefilter.py checks every rule).
Folded triggers run on the lower-cased text and stand for ``(?i:...)`` parts of the patterns.
A folded trigger listing several words is found word by word with ``str.find`` (``re`` tries each
lower-case letter; capitalised or single words it skips to quickly itself); the ones led by a digit
name a literal they contain (``starts``, ``back`` characters in) so as to be found the same way.
"""

from __future__ import annotations

import dataclasses
import re

from annotator_dates.prefilter import Trigger

WORD_LIST = re.compile(r"\w+(?:\|\w+)+")


def _folded(pattern: str, reach: int | None, starts: tuple[str, ...] = (), back: int = 0) -> Trigger:
    return Trigger(re.compile(pattern), reach, True, starts or _words(pattern), back)


def _exact(pattern: str, reach: int | None, starts: tuple[str, ...] = (), back: int = 0) -> Trigger:
    return Trigger(re.compile(pattern), reach, False, starts, back)


def _words(pattern: str) -> tuple[str, ...]:
    """The alternatives of a pattern that is only two or more words ("today|tonight"), else none."""
    return tuple(pattern.split("|")) if WORD_LIST.fullmatch(pattern) else ()


# Each month name begins with one of these, and each weekday name or abbreviation with one of those.
# Whole words only ("market", "mayor", "Africa" are no hits): every pattern has a non-letter around them.
# After a month the patterns only refuse ASCII letters; "i", "k", "s" may be folded from "ı", "K", "ſ".
MONTH = _folded(
    r"(?<![a-z])(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-hjl-rt-z])",
    10,
    starts=("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
)
WEEKDAY = _folded(
    r"(?<![a-z])(?:mon(?:day)?|tues?(?:day)?|wed(?:nesday)?|thu(?:rs?)?(?:day)?|fri(?:day)?|sat(?:urday)?"
    r"|sun(?:day)?)(?![a-z])",
    6,
    starts=("mon", "tue", "wed", "thu", "fri", "sat", "sun"),
)
PLURAL_WEEKDAY = _folded(
    r"(?<![a-z])(?:mon|tues|wednes|thurs|fri|satur|sun)days(?![a-z])",
    2,
    starts=("mon", "tues", "wednes", "thurs", "fri", "satur", "sun"),
)
YEAR = _exact(r"1[5-9]\d\d|20\d\d", 6)
YEAR_RANGE = dataclasses.replace(YEAR, reach=2)
DECADE = _exact(r"0s", None)  # a decade may start with a quote, not a word: whole-document check only
CENTURY = _folded(r"century", None)  # "[\s-]+" before "century" has no bound on whitespace runs
ISO_DATE = _exact(r"\d{4}-\d\d-\d\d", 2, starts=("-",), back=4)
NUMERIC_DATE = _exact(r"\d/\d", 2, starts=("/",), back=1)
DAY_WORD = _folded(r"today|tonight|yesterday|tomorrow", 10)
DAY_PART = _folded(r"morning|afternoon|evening|night", 3)
REL_UNIT = _folded(r"week|month|year|decade|century|quarter", 10)
WEEKEND = _folded(r"weekend", 10)
QUARTER = _folded(r"quarter", 4)  # "the fiscal first quarter": three runs before it
AGO = _folded(r"ago", 10)
PAST_REF = _folded(r"recently|lately", 2)
PRESENT_REF = _folded(r"now|currently|present|moment", 4)
FUTURE_REF = _folded(r"soon|future", 4)
IN_THE_PAST = _exact(r"past", 3)
UNIT_LONG = _folded(r"long", 2)
UNIT = _folded(
    r"(?<![a-z])(?:sec(?:ond)?s?|min(?:ute)?s?|hours?|hrs?|days?|weeks?|fortnights?|months?|years?|yrs?"
    r"|decades?|centur(?:y|ies))(?![a-z])",
    12,
    starts=(
        "sec",
        "min",
        "hour",
        "hr",
        "day",
        "week",
        "fortnight",
        "month",
        "year",
        "yr",
        "decade",
        "centur",
    ),
)
PLURAL = _folded(r"days|weeks|months|years|decades|hours|minutes|centuries", 5)
EVERY = _folded(r"every|each", 2)
SET_WORD = _folded(r"daily|weekly|monthly|annually|yearly|hourly|nightly", 2)
TIMES = _folded(r"once|twice|thrice|times", 3)
# "\d\s*[ap]\.?m" read backwards: a digit, whitespace, "a" or "p", maybe a dot and "m"; as each hit has
# one digit, its first character, no two hits overlap.
AM_PM = Trigger(re.compile(r"m\.?[ap]\s*\d"), 4, folded=True, backwards=True)
COLON_TIME = _exact(r"\d:[0-5]\d", 2, starts=(":",), back=1)
NOON = _folded(r"noon|midday|midnight", 2)
OCLOCK = _folded(r"clock", 5)
PART_AFTER = _folded(r"morning|afternoon|evening|night", 6)
PAST = _folded(r"past", 4)
HALF_QUARTER = _folded(r"half|quarter", 2)
DOTTED_DATE = _exact(r"\d\.\d{1,2}\.\d", 1, starts=(".",), back=1)
YEAR_DASH = _exact(r"\d{4}[-/]\d", 1, starts=("-", "/"), back=4)
SLASH_YEAR = _exact(r"/(?:1[5-9]|20)\d\d", 1, starts=("/",))
HOLIDAY = _folded(
    r"(?<![a-z])(?:christmas|boxing\s+day|new\s+year|halloween|valentine|independence\s+day|easter|good\s+friday"
    r"|thanksgiving|memorial\s+day|labou?r\s+day|veterans|ramadan|ramzan|eid[\s-]|muharram|ashura)",
    2,
    starts=("christmas", "boxing", "new", "halloween", "valentine", "independence", "easter", "good",
            "thanksgiving", "memorial", "labo", "veterans", "ramadan", "ramzan", "eid", "muharram", "ashura"),
)  # fmt: skip
SEASON = _folded(r"spring|summer|autumn|fall|winter", 5)
AND_HALF = _folded(r"half", 9)  # "no more than a couple of hours and a half": 8 runs before "half"
FIRST_UNIT = dataclasses.replace(UNIT, reach=7)  # quantifier and number before the first of two units
# Issue 19, dates4: the story's reference time (rules_story), fiscal years and possessive weekdays.
# Most reuse a trigger above with a smaller reach: the hits are found once per trigger, and every
# rule on a trigger is tried at each candidate start, so a tight reach keeps the cost down.
EARLIER_LATER = _folded(r"earlier|later", 6)  # "a couple of years earlier": four runs before
UNIT_WORD_3 = dataclasses.replace(REL_UNIT, reach=3)  # "for the fiscal year", "the comparable year-ago"
UNIT_WORD_1 = dataclasses.replace(REL_UNIT, reach=1)  # "last year's", "year-end"
YEAR_AGO = UNIT_WORD_3
YEARS = UNIT_WORD_1
YEAR_WORD = UNIT_WORD_3
YEAR_END = UNIT_WORD_1
PERIOD = _folded(r"period|quarter", 4)  # "the most recent period": three runs before
PERIOD_OR_QUARTER = PERIOD
STORY_UNIT = _folded(  # "later the same day": three runs before; not "Monday" or "today"
    r"(?<![a-z])(?:day|week|month|year)", 3, starts=("day", "week", "month", "year")
)
FISCAL = YEAR  # "fiscal 1990": the year's digits
POSSESSIVE_DAY = dataclasses.replace(WEEKDAY, reach=1)  # "last Friday's"
PLURAL_UNITS = _folded(r"days|weeks|months|quarters|years|decades|hours|minutes|centuries", 5)
SPELLED_YEAR = _folded(r"nineteen|thousand", 4)  # "the year two thousand": three runs before "thousand"
HALF_OF = dataclasses.replace(HALF_QUARTER, reach=3)  # "the first two quarters of 1990": three runs
ABOUT_AGO = AGO  # "more than a couple of years ago": six runs before
