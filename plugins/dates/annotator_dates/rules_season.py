"""Rules for seasons: "last summer", "this spring", "the winter of 2010", "in the fall".

TIMEX3 writes a season as ``YYYY-SP``/``SU``/``FA``/``WI`` (winter named by the year of its
December). Without a year: "last" is the latest season of that name that has ended by the anchor,
"next" the first to begin after it, "this" the one of the anchor's year; otherwise the tense decides
like a month (the latest begun in the past, the next to end in the future). "spring", "fall" and a
bare "summer" are words too, so a season needs a cue, a year, "the", or "in"/"during"/"since"/
"until"/"by" in front.
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil.relativedelta import relativedelta

from annotator_dates import triggers
from annotator_dates.fragments import POSITION
from annotator_dates.rules_calendar import position_mod
from annotator_dates.timex import Context, Rule, Timex, group_span

SEASONS = {
    "spring": ("SP", 3),
    "summer": ("SU", 6),
    "autumn": ("FA", 9),
    "fall": ("FA", 9),
    "winter": ("WI", 12),
}
PREPOSITION = re.compile(r"(?i:\b(?:in|during|since|until|till|by|through|over|of)\s+)$")


def season_year(anchor: dt.date, month: int, cue: str | None, future: bool) -> int:
    """The year whose season (starting in ``month``, three months long) is meant."""
    starts = [dt.date(y, month, 1) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    ends = [s + relativedelta(months=3) for s in starts]
    if cue in ("last", "past", "previous"):
        return max(s for s, e in zip(starts, ends, strict=True) if e <= anchor).year
    if cue in ("next", "coming"):
        return min(s for s in starts if s > anchor).year
    if cue == "this":
        return anchor.year
    if future:
        return min(s for s, e in zip(starts, ends, strict=True) if e > anchor).year
    return max(s for s in starts if s <= anchor).year


def _season(m: re.Match[str], ctx: Context) -> Timex | None:
    start, end = group_span(m)
    cue = (m["cue"] or "").lower() or None
    if not (cue or m["year"] or m["pos"] or m["mid"] or PREPOSITION.search(ctx.before(start))):
        return None
    if not m["year"] and re.match(r"\s+(?i:of)\b", ctx.after(end)):
        return None  # "the fall of Saigon"
    code, month = SEASONS[m["season"].lower()]
    if m["year"]:
        return Timex(start, end, "DATE", f"{m['year']}-{code}", "quarter", "season", 0.9, position_mod(m))
    if ctx.date is None:
        return Timex(start, end, "DATE", f"XXXX-{code}", "quarter", "season", 0.6, position_mod(m))
    future = ctx.direction_at(start, end) == "future"
    year = season_year(ctx.date, month, None if cue == "the" else cue, future)
    return Timex(start, end, "DATE", f"{year}-{code}", "quarter", "season", 0.85, position_mod(m))


RULES: tuple[Rule, ...] = (
    Rule(
        "season",
        re.compile(
            rf"\b(?P<x>{POSITION}?(?:(?P<cue>(?i:last|next|this|past|previous|coming|the))\s+)?"
            r"(?P<season>(?i:spring|summer|autumn|fall|winter))(?:\s+(?:(?i:of)\s+)?(?P<year>1[5-9]\d\d|20\d\d))?)"
            r"(?![\w-])"
        ),
        _season,
        triggers.SEASON,
    ),
)
