"""Holidays with values: Christmas, Easter, Thanksgiving, Ramadan, Eid al-Fitr, Eid al-Adha, Muharram.

Dates come from maintained calendars, not from lists of days: Easter from python-dateutil's
``easter``, the US and UK movable holidays (Thanksgiving, Memorial Day, Labor Day, Boxing Day) from
the ``holidays`` package, the Islamic ones from ``hijridate`` (the Umm al-Qura calendar; local
sightings of the moon can move them by a day). Without a year the occurrence meant is chosen like a
month-day: the latest one by the anchor in the past, the next one in the future, the nearest for
the present tense; "last"/"next" move to the one before or after. A month-long period (Ramadan,
Muharram) is a DATE whose ``begin_value`` and ``end_value`` are its first and last day, its value
the first day, since TIMEX3 has no way to write a Hijri month.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable

from dateutil.easter import easter

from annotator_dates import triggers
from annotator_dates.calendar import Direction
from annotator_dates.timex import Context, Rule, Timex, group_span

Finder = Callable[[int], tuple[dt.date, dt.date] | None]


def _fixed(month: int, day: int) -> Finder:
    return lambda year: (dt.date(year, month, day),) * 2  # type: ignore[return-value]


def _easter(offset: int) -> Finder:
    return lambda year: (easter(year) + dt.timedelta(days=offset),) * 2  # type: ignore[return-value]


@functools.cache
def _country(code: str, year: int) -> dict[dt.date, str]:
    import holidays

    return dict(holidays.country_holidays(code, years=year).items())


def _named(code: str, name: str) -> Finder:
    def find(year: int) -> tuple[dt.date, dt.date] | None:
        day = next((d for d, n in sorted(_country(code, year).items()) if name in n), None)
        return (day, day) if day else None

    return find


def _hijri(month: int, day: int | None) -> Finder:
    """The first Gregorian occurrence in ``year`` of a Hijri day (or the whole Hijri month)."""

    def find(year: int) -> tuple[dt.date, dt.date] | None:
        for found in _hijri_occurrences(month, day, year):
            if found[0].year == year:
                return found
        return None

    return find


def _hijri_occurrences(month: int, day: int | None, year: int) -> list[tuple[dt.date, dt.date]]:
    from hijridate import Hijri

    out: list[tuple[dt.date, dt.date]] = []
    for hijri_year in (year - 580, year - 579, year - 578):
        try:
            first = Hijri(hijri_year, month, day or 1).to_gregorian()
            last = Hijri(hijri_year, month, day or Hijri(hijri_year, month, 1).month_length()).to_gregorian()
        except (ValueError, OverflowError):
            continue
        out.append((first, last))
    return out


HOLIDAYS: dict[str, Finder] = {
    "christmas eve": _fixed(12, 24), "christmas": _fixed(12, 25), "boxing day": _named("GB", "Boxing Day"),
    "new year's eve": _fixed(12, 31), "new year's day": _fixed(1, 1), "new year": _fixed(1, 1),
    "halloween": _fixed(10, 31), "valentine's day": _fixed(2, 14), "independence day": _fixed(7, 4),
    "easter": _easter(0), "easter sunday": _easter(0), "easter monday": _easter(1),
    "good friday": _easter(-2), "thanksgiving": _named("US", "Thanksgiving"),
    "memorial day": _named("US", "Memorial Day"), "labor day": _named("US", "Labor Day"),
    "veterans day": _named("US", "Veterans Day"), "ramadan": _hijri(9, None), "ramzan": _hijri(9, None),
    "eid al-fitr": _hijri(10, 1), "eid ul-fitr": _hijri(10, 1), "eid al-adha": _hijri(12, 10),
    "eid ul-adha": _hijri(12, 10), "muharram": _hijri(1, None), "ashura": _hijri(1, 10),
}  # fmt: skip
NAME = (
    r"(?P<name>(?i:christmas(?:\s+eve|\s+day)?|boxing\s+day|new\s+year['’]s(?:\s+eve|\s+day)?|halloween"
    r"|valentine['’]?s\s+day|independence\s+day|easter(?:\s+sunday|\s+monday)?|good\s+friday"
    r"|thanksgiving(?:\s+day)?|memorial\s+day|labou?r\s+day|veterans['’]?\s+day|ramadan|ramzan"
    r"|eid[\s-](?:al|ul)[\s-](?:fitr|adha)|muharram|ashura))"
)


def holiday_key(name: str) -> str:
    """The table key for a name as written ("Eid ul Fitr" -> "eid ul-fitr", "Christmas Day" -> ...)."""
    key = re.sub(r"\s+", " ", name.lower().replace("’", "'"))
    key = (
        re.sub(r"^eid[\s-](al|ul)[\s-]", r"eid \1-", key)
        .replace("labour", "labor")
        .replace("veterans'", "veterans")
    )
    key = key.removesuffix(" day") if key in ("christmas day", "thanksgiving day") else key
    if key.startswith("new year"):
        key = "new year's eve" if key.endswith("eve") else "new year's day"
    return key


def occurrence(
    find: Finder, anchor: dt.date, direction: Direction, cue: str | None
) -> tuple[dt.date, dt.date] | None:
    """The occurrence meant: by the cue, else by the direction, around the anchor's year."""
    found = [f for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (f := find(y))]
    before = [f for f in found if f[0] <= anchor]
    after = [f for f in found if f[0] > anchor]
    if cue == "last":
        before = [f for f in before if f[1] < anchor]
        return before[-1] if before else None
    if cue == "next" or direction == "future":
        return after[0] if after else None
    if direction == "present" and found:
        return min(found, key=lambda f: abs((f[0] - anchor).days))
    return before[-1] if before else None


def _holiday(m: re.Match[str], ctx: Context) -> Timex | None:
    start, end = group_span(m)
    find = HOLIDAYS.get(holiday_key(m["name"]))
    if find is None:
        return None
    if m["year"]:
        found, rule = find(int(m["year"])), "holiday-fixed"
    elif ctx.date is not None:
        cue = (m["cue"] or "").lower() or None
        found, rule = occurrence(find, ctx.date, ctx.direction_at(start, end), cue), "holiday"
    else:
        return None
    if found is None:
        return None
    first, last = found
    span = (first.isoformat(), last.isoformat()) if last != first else (None, None)
    return Timex(start, end, "DATE", first.isoformat(), "day", rule, 0.85, None, *span)


RULES: tuple[Rule, ...] = (
    Rule(
        "holiday",
        re.compile(
            rf"\b(?P<x>(?:(?P<cue>(?i:last|next|this))\s+)?{NAME}(?:,?\s+(?P<year>1[5-9]\d\d|20\d\d))?)\b"
        ),
        _holiday,
        triggers.HOLIDAY,
    ),
)
