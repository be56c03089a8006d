"""Sets and durations of weekends, weekdays and nights, and the rarer frequency words.

"every weekend", "all weekends", "every two weekends" are sets of weekends (``P1WE``, ``P2WE``, the
unit TIMEX3 writes ``WE``); "every weekday" is ``P1WD``; a bare plural "weekends" after a verb or
"on" is the same set. "three weekends" lasts three weekends (``P3WE``), "two nights" (a stay) two
days. "quarterly", "fortnightly", "bi-monthly", "semi-annually" are sets like "monthly"
(:mod:`annotator_dates.rules_duration`). "quarterly", "fortnightly", "semiannual" and "everyday" are
sets only in a timed document (a request, a chat) and when no noun follows: TimeBank tags none of
its ten "quarterly" ("adjusted quarterly", "quarterly earnings"), and "an everyday routine" is an
ordinary one. "a weekend", "a night" are left to other rules ("a weekend of talks", "$55 a night").

A weekday before a plural part of the day, "Tuesday nights", "Saturday mornings", is that part of
every such weekday (``XXXX-WXX-2TNI``), not one dated day: the plural says the event recurs. Weekdays
listed before it share its part ("Monday and Tuesday nights": ``XXXX-WXX-1TNI`` and
``XXXX-WXX-2TNI``), each its own span as TimeML tags them.
"""

from __future__ import annotations

import re

from annotator_dates.fragments import NUMBER, WEEKDAY_NAME
from annotator_dates.lexicon import DAY_PARTS, weekday_number
from annotator_dates.prefilter import Trigger
from annotator_dates.reference import reference_of
from annotator_dates.rules_day_of_month import noun_after
from annotator_dates.rules_duration import parse_count
from annotator_dates.timex import Context, Rule, Timex, group_span

EVERY_WEEKEND = re.compile(
    rf"\b(?P<x>(?i:every|each|all|any)\s+(?:(?P<other>(?i:other))\s+|{NUMBER}\s+)?"
    r"(?P<unit>(?i:weekends?|weekdays?|week\s?days?)))\b"
)
COUNTED = re.compile(rf"\b(?P<x>{NUMBER}\s+(?P<unit>(?i:weekends|weekend|nights|night)))\b(?![-'’]\w)")
BARE_WEEKENDS = re.compile(r"\b(?P<x>(?i:weekends))\b")
FREQUENCY = re.compile(
    r"\b(?P<x>(?P<word>(?i:quarterly|fortnightly|bi-?weekly|bi-?monthly|semi-?annually|semi-?annual"
    r"|bi-?annually|everyday)))\b(?![-'’]\w)"
)
WORD_VALUES = {"quarterly": "P3M", "fortnightly": "P2W", "biweekly": "P2W", "bimonthly": "P2M",
               "semiannually": "P6M", "semiannual": "P6M", "biannually": "P6M",
               "everyday": "P1D"}  # fmt: skip
WEEK_UNIT = Trigger(re.compile(r"week|night"), 6, True, ("week", "night"))
ADJECTIVES = frozenset({"quarterly", "fortnightly", "semiannual", "everyday"})  # not tagged elsewhere
FREQUENCY_WORD = Trigger(
    re.compile(r"quarterly|fortnightly|weekly|monthly|annual|everyday"),
    0,
    True,
    ("quarterly", "fortnightly", "weekly", "monthly", "annual", "everyday"),
)


PLURAL_PART = r"(?P<part>(?i:morning|afternoon|evening|night))s"
WEEKDAY_PARTS = re.compile(rf"\b(?P<x>(?P<weekday>{WEEKDAY_NAME})\s+{PLURAL_PART})\b")
# A weekday listed before one: "Monday and Tuesday nights", "Friday, Saturday and Sunday mornings"; at
# most seven in the list, so at most 13 whitespace runs before the part (the trigger's reach).
LISTED_WEEKDAY = re.compile(
    rf"\b(?P<x>(?P<weekday>{WEEKDAY_NAME}))(?=(?:\s*,\s*(?:(?i:and|or)\s+)?|\s+(?i:and|or)\s+)"
    rf"(?:{WEEKDAY_NAME}(?:\s*,\s*(?:(?i:and|or)\s+)?|\s+(?i:and|or)\s+)){{0,5}}{WEEKDAY_NAME}\s+{PLURAL_PART}\b)"
)
PART_WORDS = Trigger(
    re.compile(r"(?:morning|afternoon|evening|night)s"),
    13,
    True,
    ("mornings", "afternoons", "evenings", "nights"),
)


def _weekday_parts(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "Tuesday nights", and "Monday" in "Monday and Tuesday nights": that part of every such day."""
    start, end = group_span(m)
    value = f"XXXX-WXX-{weekday_number(m['weekday']) + 1}T{DAY_PARTS[m['part'].lower()]}"
    return Timex(start, end, "SET", value, "part-of-day", "set", 0.9)


def _unit_letter(unit: str) -> str:
    unit = re.sub(r"\s+", " ", unit.lower())
    return "WE" if unit.startswith("weekend") else "WD"


def _every(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "every weekend", "all weekends", "every two weekends", "every weekday"."""
    count = "2" if m["other"] else (parse_count(m["num"]) if m["num"] else "1")
    letter = _unit_letter(m["unit"])
    if count is None:
        return None
    start, end = group_span(m)
    return Timex(start, end, "SET", f"P{count}{letter}", "week" if letter == "WE" else "day", "set", 0.85)


def _counted(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "three weekends" (P3WE), "two nights" (a stay: P2D)."""
    count = parse_count(m["num"])
    plural = m["unit"].lower().endswith("s")
    if count is None or count == "X" or plural != (count != "1") or m["num"].lower() in ("a", "an"):
        return None
    letter = "WE" if m["unit"].lower().startswith("weekend") else "D"
    start, end = group_span(m)
    return Timex(
        start, end, "DURATION", f"P{count}{letter}", "week" if letter == "WE" else "day", "duration", 0.8
    )


def _bare_weekends(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "weekends" after a verb or "on": every weekend (not "weekends of rain", a count)."""
    if re.match(r"\s+of\b", ctx.after(m.end(), 4)):
        return None
    start, end = group_span(m)
    return Timex(start, end, "SET", "P1WE", "week", "set", 0.7)


def _frequency(m: re.Match[str], ctx: Context) -> Timex | None:
    word = m["word"].lower().replace("-", "")
    if word in ADJECTIVES and (noun_after(m, ctx) or reference_of(ctx) is None):
        return None  # "quarterly earnings", "an everyday routine": an adjective; news leaves them
    start, end = group_span(m)
    return Timex(start, end, "SET", WORD_VALUES[word], "day", "set", 0.8)


RULES: tuple[Rule, ...] = (
    Rule("set", EVERY_WEEKEND, _every, WEEK_UNIT),
    Rule("duration", COUNTED, _counted, WEEK_UNIT),
    Rule("set", BARE_WEEKENDS, _bare_weekends, WEEK_UNIT),
    Rule("set", FREQUENCY, _frequency, FREQUENCY_WORD),
    Rule("set", WEEKDAY_PARTS, _weekday_parts, PART_WORDS),
    Rule("set", LISTED_WEEKDAY, _weekday_parts, PART_WORDS),
)
