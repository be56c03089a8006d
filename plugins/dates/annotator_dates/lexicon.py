"""Word lists shared by the patterns and the resolver: months, weekdays, units, number words."""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

# Month names that are also common names or verbs; alone they need a temporal cue ("in May").
AMBIGUOUS_MONTHS = frozenset({"may", "march", "june", "april", "august", "jan", "mar"})

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip


def weekday_number(name: str) -> int:
    """0-6 for a weekday name or abbreviation ("Thurs." -> 3)."""
    return WEEKDAYS_BY_PREFIX[name.lower()[:3]]


WEEKDAYS_BY_PREFIX = {name[:3]: number for name, number in WEEKDAYS.items()}

_ORDINAL_WORDS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
).split()
ORDINAL_DAYS: dict[str, int] = {word: i + 1 for i, word in enumerate(_ORDINAL_WORDS)}
ORDINAL_DAYS |= {f"twenty {word}": 20 + i + 1 for i, word in enumerate(_ORDINAL_WORDS[:9])}
ORDINAL_DAYS |= {"thirtieth": 30, "thirty first": 31}


def ordinal_day(word: str) -> int:
    """The day number of an ordinal word ("twenty-first" -> 21)."""
    return ORDINAL_DAYS[" ".join(word.lower().replace("-", " ").split())]


DAY_PARTS: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
}  # fmt: skip

# Unit word -> (TIMEX3 duration letter, whether it takes the "T" time designator, granularity).
UNITS: dict[str, tuple[str, bool, str]] = {
    "second": ("S", True, "minute"),
    "minute": ("M", True, "minute"),
    "hour": ("H", True, "hour"),
    "day": ("D", False, "day"),
    "week": ("W", False, "week"),
    "fortnight": ("2W", False, "week"),
    "month": ("M", False, "month"),
    "year": ("Y", False, "year"),
    "decade": ("DE", False, "decade"),
    "century": ("CE", False, "century"),
}

NUMBER_WORDS: dict[str, float] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "half a": 0.5, "half an": 0.5,
}  # fmt: skip

# Vague quantities -> the TIMEX3 "X" placeholder ("several days" -> PXD).
VAGUE_NUMBERS = frozenset(
    {"several", "a few", "few", "many", "some", "a couple of", "couple of", "dozens of"}
)

ORDINAL_CENTURIES: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "twenty-first": 21, "twenty-second": 22,
}  # fmt: skip

# Quantifier in front of a duration -> TIMEX3 mod.
QUANT_MODS: dict[str, str] = {
    "nearly": "APPROX", "almost": "APPROX", "about": "APPROX", "around": "APPROX", "roughly": "APPROX",
    "some": "APPROX", "approximately": "APPROX", "an estimated": "APPROX", "close to": "APPROX",
    "more than": "MORE_THAN", "over": "MORE_THAN", "upwards of": "MORE_THAN",
    "less than": "LESS_THAN", "fewer than": "LESS_THAN", "under": "LESS_THAN", "just under": "LESS_THAN",
    "at least": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS",
}  # fmt: skip

# Position word in front of a date -> TIMEX3 mod.
POSITION_MODS: dict[str, str] = {
    "early": "START", "earlier": "START", "the beginning of": "START", "the start of": "START",
    "mid": "MID", "mid-": "MID", "the middle of": "MID", "late": "END", "later": "END", "the end of": "END",
    "before": "BEFORE", "after": "AFTER",
}  # fmt: skip

PAST_CUES = frozenset({"last", "past", "previous", "earlier", "ago", "preceding"})
FUTURE_CUES = frozenset({"next", "coming", "upcoming", "following"})
