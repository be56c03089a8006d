"""Holidays with values: Christmas, Easter, Thanksgiving, Ramadan, Eid al-Fitr, Eid al-Adha, Muharram.

Dates come from maintained calendars, not from lists of days: Easter from python-dateutil's
``easter``, the US and UK movable holidays (Thanksgiving, Memorial Day, Labor Day, Boxing Day) from
the ``holidays`` package, the Islamic ones from ``hijridate`` (the Umm al-Qura calendar; local
sightings of the moon can move them by a day). Without a year the occurrence meant is chosen like a
month-day: the latest one by the anchor in the past, the next one in the future, the nearest for
the present tense; "last"/"next" move to the one before or after. A month-long period (Ramadan,
Muharram) is a DATE whose ``begin_value`` and ``end_value`` are its first and last day, its value
the first day, since TIMEX3 has no way to write a Hijri month. "<holiday> week" ("Easter week",
"Christmas week") is the ISO week the holiday falls in, chosen the same way by its Monday.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable

from dateutil.easter import EASTER_ORTHODOX, easter

from annotator_dates import triggers
from annotator_dates.calendar import Direction
from annotator_dates.prefilter import Trigger
from annotator_dates.rules_week import iso_week
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
    """Occurrences in the Hijri years that overlap ``year`` (a Hijri year is 11 days shorter), by date."""
    from hijridate import Hijri

    near = int((year - 622) * 33 / 32)
    out: list[tuple[dt.date, dt.date]] = []
    for hijri_year in (near - 1, near, near + 1, near + 2):
        try:
            first = Hijri(hijri_year, month, day or 1).to_gregorian()
            last = Hijri(hijri_year, month, day or Hijri(hijri_year, month, 1).month_length()).to_gregorian()
        except (ValueError, OverflowError):
            continue
        out.append((first, last))
    return sorted(out)


def _orthodox(offset: int) -> Finder:
    return lambda year: (easter(year, EASTER_ORTHODOX) + dt.timedelta(days=offset),) * 2  # type: ignore[return-value]


def _easter_span(first: int, last: int) -> Finder:
    return lambda year: (easter(year) + dt.timedelta(days=first), easter(year) + dt.timedelta(days=last))


def _after(find: Finder, days: int) -> Finder:
    def shifted(year: int) -> tuple[dt.date, dt.date] | None:
        found = find(year)
        return (found[0] + dt.timedelta(days=days),) * 2 if found else None

    return shifted


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
    if cue == "next":
        return after[0] if after else None
    if direction == "future":
        ahead = [f for f in found if f[0] >= anchor]  # a holiday said on the day is that day's
        return ahead[0] if ahead else None
    if direction == "present" and found:
        return min(found, key=lambda f: abs((f[0] - anchor).days))
    return before[-1] if before else None


def _holiday(m: re.Match[str], ctx: Context) -> Timex | None:
    find = HOLIDAYS.get(holiday_key(m["name"]))
    return None if find is None else _resolved(find, m, ctx)


# Further holidays: the Western and Orthodox Easter cycles (python-dateutil), more of the ``holidays``
# package's (US, Netherlands, China, India) and the Islamic calendar's (hijridate), and common short forms.
CN_NEW_YEAR = _named("CN", "Chinese New Year (Spring Festival)")
MORE_HOLIDAYS: dict[str, Finder] = {
    "xmas": _fixed(12, 25), "xmas eve": _fixed(12, 24), "xmas day": _fixed(12, 25),
    "st patrick's day": _fixed(3, 17), "valentine day": _fixed(2, 14),
    "palm sunday": _easter(-7), "maundy thursday": _easter(-3), "holy saturday": _easter(-1),
    "ash wednesday": _easter(-46), "shrove tuesday": _easter(-47), "mardi gras": _easter(-47),
    "pancake day": _easter(-47), "ascension day": _easter(39), "pentecost": _easter(49),
    "whit sunday": _easter(49), "whitsun": _easter(49), "whit monday": _easter(50),
    "trinity sunday": _easter(56), "corpus christi": _easter(60), "lent": _easter_span(-46, -1),
    "orthodox easter": _orthodox(0), "orthodox good friday": _orthodox(-2), "clean monday": _orthodox(-48),
    "lazarus saturday": _orthodox(-8),
    "martin luther king day": _named("US", "Martin Luther King"),
    "presidents day": _named("US", "Washington's Birthday"), "columbus day": _named("US", "Columbus Day"),
    "black friday": _after(_named("US", "Thanksgiving"), 1), "king's day": _named("NL", "King's Day"),
    "koningsdag": _named("NL", "King's Day"), "chinese new year": CN_NEW_YEAR,
    "lunar new year": CN_NEW_YEAR, "spring festival": CN_NEW_YEAR,
    "diwali": _named("IN", "Diwali"), "deepavali": _named("IN", "Diwali"), "holi": _named("IN", "Holi"),
    "mahavir jayanti": _named("IN", "Mahavira"), "islamic new year": _hijri(1, 1),
    "hijri new year": _hijri(1, 1), "mawlid": _hijri(3, 12), "laylat al-qadr": _hijri(9, 27),
    "isra and mi'raj": _hijri(7, 27), "bakrid": _hijri(12, 10), "id ul-adha": _hijri(12, 10),
    "id al-adha": _hijri(12, 10), "id ul-fitr": _hijri(10, 1), "id al-fitr": _hijri(10, 1),
    "new years eve": _fixed(12, 31), "new years day": _fixed(1, 1), "new year day": _fixed(1, 1),
    "juneteenth": _fixed(6, 19), "international workers' day": _fixed(5, 1), "workers' day": _fixed(5, 1),
    "earth day": _fixed(4, 22),
}  # fmt: skip
MORE_NAME = (
    r"(?P<name>(?i:xmas(?:\s+eve|\s+day)?|(?:st\.?|saint)\s+patrick['’]?s\s+day|valentine\s+day|palm\s+sunday"
    r"|maundy\s+thursday|holy\s+saturday|ash\s+wednesday|shrove\s+tuesday|mardi\s+gras|pancake\s+day"
    r"|ascension\s+day|pentecost|whit\s+sunday|whitsun|whit\s+monday|trinity\s+sunday|corpus\s+christi|lent"
    r"|orthodox\s+easter(?:\s+sunday)?|orthodox\s+good\s+friday|clean\s+monday|lazarus\s+saturday"
    r"|martin\s+luther\s+king(?:\s+jr\.?)?['’]?s?\s+day|mlk(?:\s+jr\.?)?\s+day|presidents['’]?\s+day"
    r"|columbus\s+day|black\s+friday|king['’]s\s+day|koningsdag|(?:chinese|lunar)\s+(?:lunar\s+)?new\s+year"
    r"(?:['’]?s)?(?:\s+day)?|spring\s+festival|diwali|deepavali|holi|mahavir\s+jayanti|(?:islamic|hijri)\s+new"
    r"\s+year|mawlid(?:\s+al[\s-]nabawi)?|laylat\s+al[\s-](?:qadr|kadr)|isra\s+and\s+mi['’]?raj"
    r"|bakr[\s-]?id|id[\s-](?:al|ul)[\s-](?:adha|fitr)|new\s+years\s+(?:eve|day)|(?:st\.?|saint)\s+paddy['’]?s"
    r"\s+day|new\s+year\s+day))"
)
# "Easter week", "Christmas week": the week the holiday falls in (Monday to Sunday).
WEEK = r"(?:\s+(?P<week>(?i:week))(?![\w'’-]))?"
# Fixed days named by one uncommon word, found on that word alone (a tight trigger keeps them cheap).
FIXED_NAME = r"(?P<name>(?i:juneteenth|(?:international\s+)?workers['’]?\s+day|earth\s+day))"
FIXED_TRIGGER = Trigger(re.compile(r"juneteenth|workers|earth"), 2, True, ("juneteenth", "workers", "earth"))


def more_key(name: str) -> str:
    """The MORE_HOLIDAYS key for a name as written ("St. Patrick's Day" -> "st patrick's day")."""
    key = re.sub(r"\s+", " ", name.lower().replace("’", "'")).replace("-", " ")
    key = re.sub(r"^(?:st\.?|saint) (?:patrick|paddy)'?s day$", "st patrick's day", key)
    key = re.sub(r"^id (al|ul) ", r"id \1-", key)
    key = re.sub(r"^(international )?workers'? day$", r"\1workers' day", key)
    key = re.sub(r"^(?:martin luther king(?: jr\.?)?'?s?|mlk(?: jr\.?)?) day$", "martin luther king day", key)
    key = re.sub(r"^(?:chinese|lunar) (?:lunar )?new year.*$", "chinese new year", key)
    key = re.sub(r"^(?:islamic|hijri) new year$", "islamic new year", key)
    key = re.sub(r"^mawlid.*$", "mawlid", key)
    key = re.sub(r"^laylat al (?:qadr|kadr)$", "laylat al-qadr", key)
    key = re.sub(r"^bakr ?id$", "bakrid", key)
    key = key.replace("presidents' day", "presidents day").replace(
        "orthodox easter sunday", "orthodox easter"
    )
    return key.replace("mi'raj", "mi'raj").replace("isra and miraj", "isra and mi'raj")


def _more_holiday(m: re.Match[str], ctx: Context) -> Timex | None:
    find = MORE_HOLIDAYS.get(more_key(m["name"]))
    if find is None:
        return None
    if m["name"].lower() in ("lent", "holi") and m["name"][0].islower() and not (m["year"] or m["cue"]):
        return None  # "lent" is a verb, "holi" rarely lower-case alone
    return _resolved(find, m, ctx)


def _week_of(find: Finder) -> Finder:
    """The Monday-to-Sunday week holding the holiday, so "Easter week" has begun by its Monday."""

    def week(year: int) -> tuple[dt.date, dt.date] | None:
        found = find(year)
        if found is None:
            return None
        monday = found[0] - dt.timedelta(days=found[0].weekday())
        return monday, monday + dt.timedelta(days=6)

    return week


def _resolved(find: Finder, m: re.Match[str], ctx: Context) -> Timex | None:
    start, end = group_span(m)
    week = bool(m.groupdict().get("week"))
    find = _week_of(find) if week else find
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
    if week:  # "Easter week" (TimeML): the ISO week, as "the week of April 10th" is
        return Timex(start, end, "DATE", iso_week(first), "week", "holiday-week", 0.8)
    span = (first.isoformat(), last.isoformat()) if last != first else (None, None)
    return Timex(start, end, "DATE", first.isoformat(), "day", rule, 0.85, None, *span)


MORE_TRIGGER = Trigger(
    re.compile(
        r"(?<![a-z])(?:xmas|st|saint|valentine|palm|maundy|holy|ash|shrove|mardi|pancake|ascension|pentecost|whit"
        r"|trinity|corpus|lent|orthodox|clean|lazarus|martin|mlk|presidents|columbus|black|king|koningsdag"
        r"|chinese|lunar|spring|diwali|deepavali|holi|mahavir|islamic|hijri|mawlid|laylat|isra|bakr|id[\s-]|new\s+years"
        r"|new\s+year\s+day)"
    ),
    2,
    True,
    ("xmas", "st", "saint", "valentine", "palm", "maundy", "holy", "ash", "shrove", "mardi", "pancake",
     "ascension", "pentecost", "whit", "trinity", "corpus", "lent", "orthodox", "clean", "lazarus", "martin",
     "mlk", "presidents", "columbus", "black", "king", "koningsdag", "chinese", "lunar", "spring", "diwali",
     "deepavali", "holi", "mahavir", "islamic", "hijri", "mawlid", "laylat", "isra", "bakr", "id", "new"),
)  # fmt: skip


RULES: tuple[Rule, ...] = (
    Rule(
        "holiday",
        re.compile(
            rf"\b(?P<x>(?:(?P<cue>(?i:last|next|this))\s+)?{NAME}{WEEK}(?:,?\s+(?P<year>1[5-9]\d\d|20\d\d))?)\b"
        ),
        _holiday,
        triggers.HOLIDAY,
    ),
    Rule(
        "holiday",
        re.compile(
            rf"\b(?P<x>(?:(?P<cue>(?i:last|next|this))\s+)?{MORE_NAME}{WEEK}(?:,?\s+(?:(?i:in)\s+)?"
            r"(?P<year>1[5-9]\d\d|20\d\d))?)(?![\w'’-])"
        ),
        _more_holiday,
        MORE_TRIGGER,
    ),
    Rule(
        "holiday",
        re.compile(
            rf"\b(?P<x>(?:(?P<cue>(?i:last|next|this))\s+)?{FIXED_NAME}{WEEK}(?:,?\s+(?:(?i:in)\s+)?"
            r"(?P<year>1[5-9]\d\d|20\d\d))?)(?![\w'’-])"
        ),
        _more_holiday,
        FIXED_TRIGGER,
    ),
)
