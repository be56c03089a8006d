"""Positions inside a period written without "the" or with a cue the shared patterns lack.

"end of the month", "beginning of year", "beginning of coming week", "end of the following week",
"end of April", "beginning of 2017", and the abbreviations of planning talk (EOM, EOY, BOM, BOY).
The value is the period with a START/MID/END mod, as for "the end of the month"
(:mod:`annotator_dates.rules_relative`); :mod:`annotator_dates.stretches` adds the days.
"""

from __future__ import annotations

import re

from annotator_dates.calendar import month_year, point_value, shift, unresolved_value
from annotator_dates.fragments import MONTH
from annotator_dates.prefilter import Trigger
from annotator_dates.rules_calendar import month_number, plausible_month
from annotator_dates.timex import Context, Rule, Timex, group_span

MODS = {"beginning": "START", "start": "START", "middle": "MID", "end": "END"}
STEP = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1, "upcoming": 1}
ABBREVIATIONS = {"EOM": ("month", "END"), "BOM": ("month", "START"), "EOY": ("year", "END"),
                 "BOY": ("year", "START")}  # fmt: skip
POS = r"(?:(?i:the)\s+)?(?P<pos>(?i:beginning|start|middle|end))\s+(?i:of)\s+"
CUE = (
    r"(?:(?P<the>(?i:the))\s+)?"
    r"(?:(?P<cue>(?i:this|current|last|past|previous|next|coming|following|upcoming))\s+)?"
)


def _unit(m: re.Match[str], ctx: Context) -> Timex | None:
    start, end = group_span(m)
    unit = m["unit"].lower()
    cue = (m["cue"] or "").lower()
    if not cue and not m["the"]:
        if unit == "week":
            return None  # "end of week 3" is a numbered week
    mod = MODS[m["pos"].lower()]
    if ctx.date is None:
        return Timex(start, end, "DATE", unresolved_value(unit), unit, "relative-unit", 0.6, mod)
    value = point_value(shift(ctx.date, unit, STEP.get(cue, 0)), unit)
    return Timex(start, end, "DATE", value, unit, "relative-unit", 0.8, mod)


def _abbreviation(m: re.Match[str], ctx: Context) -> Timex | None:
    start, end = group_span(m)
    unit, mod = ABBREVIATIONS[m["abbr"]]
    value = point_value(ctx.date, unit) if ctx.date else unresolved_value(unit)
    return Timex(start, end, "DATE", value, unit, "relative-unit", 0.7, mod)


def _month(m: re.Match[str], ctx: Context) -> Timex | None:
    if not plausible_month(m, ctx):
        return None
    start, end = group_span(m)
    month = month_number(m["month"])
    mod = MODS[m["pos"].lower()]
    if m["year"]:
        return Timex(start, end, "DATE", f"{m['year']}-{month:02d}", "month", "month-year", 0.9, mod)
    if ctx.date is None:
        return Timex(start, end, "DATE", f"XXXX-{month:02d}", "month", "month", 0.7, mod)
    year = month_year(ctx.date, month, ctx.direction_at(start, end))
    return Timex(start, end, "DATE", f"{year:04d}-{month:02d}", "month", "month", 0.85, mod)


def _year(m: re.Match[str], ctx: Context) -> Timex | None:
    start, end = group_span(m)
    return Timex(start, end, "DATE", m["year"], "year", "year", 0.9, MODS[m["pos"].lower()])


POSITION = Trigger(
    re.compile(r"(?<![a-z])(?:beginning|start|middle|end)\s+of(?![a-z])"),
    2,
    True,
    ("beginning", "start", "middle", "end"),
)
ABBREVIATION = Trigger(re.compile(r"(?:EOM|BOM|EOY|BOY)"), 1, False, ("EOM", "BOM", "EOY", "BOY"))
YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)(?!\d)"
RULES: tuple[Rule, ...] = (
    Rule(
        "relative-unit",
        re.compile(rf"\b(?P<x>{POS}{CUE}(?P<unit>(?i:week|month|year)))(?![\w-])"),
        _unit,
        POSITION,
    ),
    Rule(
        "relative-unit",
        re.compile(r"\b(?P<x>(?:(?i:the)\s+)?(?P<abbr>EOM|BOM|EOY|BOY))\b"),
        _abbreviation,
        ABBREVIATION,
    ),  # fmt: skip
    Rule(
        "month",
        re.compile(rf"\b(?P<x>{POS}{MONTH}(?:,?\s+(?:(?i:of)\s+)?{YEAR})?)"),
        _month,
        POSITION,
    ),
    Rule("year", re.compile(rf"\b(?P<x>{POS}{YEAR})"), _year, POSITION),
)
