"""Relative periods in planning talk: abbreviated units and the cues "upcoming"/"following".

"this qtr", "next yr", "last wk", "the upcoming week", "the 3rd qtr", "4th quarter 2018", "2018Q4", "18q4".
"the following week" names the week after the one the text is about, which in a story about the past is
not the anchor's, so "following" is read against the anchor only in the future direction. A quarter
without a year is this year's (the quarter rule's future reading).
"""

from __future__ import annotations

import re

from annotator_dates.calendar import point_value, shift, unresolved_value
from annotator_dates.prefilter import Trigger
from annotator_dates.timex import Context, Rule, Timex, group_span

UNITS = {"qtr": "quarter", "qtrs": "quarter", "quarter": "quarter", "yr": "year", "wk": "week",
         "week": "week", "month": "month", "year": "year", "mo": "month"}  # fmt: skip
STEP = {"this": 0, "current": 0, "next": 1, "last": -1, "previous": -1, "upcoming": 1, "following": 1}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


def _relative(m: re.Match[str], ctx: Context) -> Timex | None:
    start, end = group_span(m)
    cue, unit = m["cue"].lower(), UNITS[m["unit"].lower()]
    if cue == "following" and ctx.direction_at(start, end) != "future":
        return None
    if ctx.date is None:
        return Timex(start, end, "DATE", unresolved_value(unit), unit, "relative-unit", 0.6)
    value = point_value(shift(ctx.date, unit, STEP[cue]), unit)
    return Timex(start, end, "DATE", value, unit, "relative-unit", 0.85)


def _quarter(m: re.Match[str], ctx: Context) -> Timex | None:
    start, end = group_span(m)
    groups = m.groupdict()
    number = int(groups["q"]) if groups.get("q") else ORDINALS[m["ord"].lower()]
    year = groups.get("year") or (("20" + groups["yy"]) if groups.get("yy") else None)
    if year is None:
        if ctx.date is None:
            return Timex(start, end, "DATE", f"XXXX-Q{number}", "quarter", "quarter", 0.6)
        year = str(ctx.date.year)
    return Timex(start, end, "DATE", f"{year}-Q{number}", "quarter", "quarter", 0.85)


ABBREVIATED = Trigger(
    re.compile(r"(?<![a-z])(?:qtrs?|yr|wk|upcoming|following)(?![a-z])"),
    2,
    True,
    ("qtr", "yr", "wk", "upcoming", "following"),
)
ORDINAL_QUARTER = Trigger(re.compile(r"(?<![a-z])(?:qtr|quarter)(?![a-z])"), 2, True, ("qtr", "quarter"))
COMPACT = Trigger(re.compile(r"\dq[1-4]"), 0, True, ("q",), 1)
YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)(?!\d)"
RULES: tuple[Rule, ...] = (
    Rule(
        "relative-unit",
        re.compile(
            r"\b(?P<x>(?:(?i:the)\s+)?(?P<cue>(?i:this|current|next|last|previous|upcoming|following))\s+"
            r"(?P<unit>(?i:qtr|yr|wk)))(?![\w-])"
        ),
        _relative,
        ABBREVIATED,
    ),
    Rule(
        "relative-unit",
        re.compile(
            r"\b(?P<x>(?:(?i:the)\s+)?(?P<cue>(?i:upcoming|following))\s+(?P<unit>(?i:week|month|year|quarter)))"
            r"(?![\w-])"
        ),
        _relative,
        ABBREVIATED,
    ),
    Rule(
        "quarter",
        re.compile(
            r"\b(?P<x>(?:(?i:the)\s+)?(?P<ord>(?i:first|second|third|fourth|1st|2nd|3rd|4th))(?:\s+|-)"
            r"(?:(?i:qtr)|(?i:quarter)(?=,?\s+(?:(?i:of)\s+)?(?:1[5-9]|20)\d\d))"
            rf"(?:,?\s+(?:(?i:of)\s+)?{YEAR})?)(?![\w-])"
        ),
        _quarter,
        ORDINAL_QUARTER,
    ),
    Rule(
        "quarter",
        re.compile(r"\b(?P<x>(?:(?P<year>1[5-9]\d\d|20\d\d)|(?P<yy>\d\d))(?i:q)(?P<q>[1-4]))\b"),
        _quarter,
        COMPACT,
    ),
)
