"""Clock times said in another time zone, moved to the reference time's zone when the document has one.

"Thursday 8:00 GMT", "4pm CET", "9:30 - 11:00 CST": TIMEX3 values carry no zone, so a value is a time on
the reader's clock. When the document's reference time names its UTC offset (``meta["reference_zone"]``
such as ``"-02:00"``, or an offset on ``reference_time``/``published``), a time written with a zone is
converted to that offset ("Thursday 8:00 GMT" read at UTC-2 is 06:00, and may fall on another day).
Without a reference zone nothing moves, so news output does not change.

Zone abbreviations are CLDR's English short names (via babel, already the numbers layer's CLDR source),
read from the English locales in a fixed order so that an ambiguous one takes its commonest reading: en
first ("CST" is US Central), then en_GB ("BST", "CET"), en_IN ("IST" is India's), en_AU, en_CA, en_NZ,
en_IE, en_SG, en_ZA. "UTC" is added, as CLDR names it no zone. A standard name ("PST") is the zone's
standard offset all year, a daylight one ("PDT") an hour more, a generic one ("PT") what the zone's clocks
show that day. Abbreviations are written in capitals; one in lower case counts when it has three letters
or more and is no English word ("gmt", not "eat" or "wet", by the ``english-words`` list).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import pickle
import re
import zoneinfo
from collections import Counter
from collections.abc import Mapping
from importlib import resources
from typing import Any

from annotator_dates.timex import Timex

LOCALES = ("en", "en_GB", "en_IN", "en_AU", "en_CA", "en_NZ", "en_IE", "en_SG", "en_ZA")
AFTER = re.compile(r"\s*\(?\b(?P<zone>[A-Za-z]{2,5})\b\)?")
OFFSET = re.compile(r"^(?P<sign>[+-])(?P<h>\d\d):?(?P<m>\d\d)$")
SEASONS = (dt.datetime(2020, 1, 15), dt.datetime(2020, 7, 15))
CLOCK = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d)?$")


@dataclasses.dataclass(frozen=True)
class Zone:
    """A zone abbreviation: which offset it names, its standard offset, and a zone keeping its clock."""

    name: str
    kind: str  # "standard", "daylight" or "generic"
    standard: dt.timedelta

    def offset(self, local: dt.datetime) -> dt.timedelta:
        """The UTC offset the abbreviation names for a time on that zone's clock."""
        if self.kind == "generic":
            return local.replace(tzinfo=zoneinfo.ZoneInfo(self.name)).utcoffset() or self.standard
        return self.standard + (dt.timedelta(hours=1) if self.kind == "daylight" else dt.timedelta())


@functools.cache
def zones() -> dict[str, Zone]:
    """Every English CLDR short zone name, the first locale's reading winning (see the module doc)."""
    from babel import Locale
    from babel.core import get_global

    members: dict[str, list[str]] = {}
    for tz, meta in get_global("meta_zones").items():
        if tz in _available():
            members.setdefault(meta, []).append(tz)
    found: dict[str, Zone] = {"UTC": Zone("UTC", "standard", dt.timedelta())}
    for code in LOCALES:
        for meta, names in Locale.parse(code).meta_zones.items():
            keeper = _keeper(members.get(meta, []))
            short_names = names.get("short", {})
            for kind in ("standard", "daylight", "generic"):  # "CET" is the standard offset all year
                short = short_names.get(kind, "")
                if keeper and short.isalpha() and short not in found:
                    found[short] = Zone(keeper[0], kind, keeper[1])
    return found


def _keeper(members: list[str]) -> tuple[str, dt.timedelta] | None:
    """A metazone's standard offset (the one most of its zones keep) and a zone keeping it, one with
    daylight saving if there is one (for generic names such as "PT")."""
    if not members:
        return None
    members = sorted(members, key=lambda tz: tz.startswith("Antarctica/"))  # research stations last
    standard = {tz: _standard(tz) for tz in members}
    usual = Counter(standard.values()).most_common(1)[0][0]
    keeping = [tz for tz in members if standard[tz] == usual]
    summer = [tz for tz in keeping if any(zoneinfo.ZoneInfo(tz).dst(d) for d in SEASONS)]
    return (summer or keeping)[0], usual


def _standard(tz: str) -> dt.timedelta:
    shown = SEASONS[0].replace(tzinfo=zoneinfo.ZoneInfo(tz))
    return (shown.utcoffset() or dt.timedelta()) - (shown.dst() or dt.timedelta())


@functools.cache
def _available() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


@functools.cache
def _english_words() -> frozenset[str]:
    data = resources.files("english_words") / "data" / "web2.pickle"
    with data.open("rb") as f:
        return frozenset(w for w in pickle.load(f) if w.islower())


def zone_named(word: str) -> Zone | None:
    """The zone an abbreviation names ("PST", "gmt"); None for a word that is no zone."""
    found = zones().get(word.upper())
    if found is None or word.isupper():
        return found
    return found if len(word) >= 3 and word.lower() not in _english_words() else None


def zone_after(text: str, index: int) -> tuple[Zone, int] | None:
    """The zone written right after ``index`` ("4pm CET", "9 am (BST)") and where it ends."""
    m = AFTER.match(text, index)
    found = zone_named(m["zone"]) if m else None
    return (found, m.end()) if found and m else None


def reference_zone(meta: Mapping[str, Any]) -> dt.timezone | None:
    """The document's UTC offset: ``reference_zone``, or the offset of ``reference_time``/``published``."""
    raw = meta.get("reference_zone")
    if isinstance(raw, str) and (m := OFFSET.match(raw.strip())):
        minutes = int(m["h"]) * 60 + int(m["m"])
        return dt.timezone(dt.timedelta(minutes=-minutes if m["sign"] == "-" else minutes))
    for key in ("reference_time", "published"):
        try:
            stamp = dt.datetime.fromisoformat(str(meta.get(key) or ""))
        except ValueError:
            continue
        if isinstance(stamp.tzinfo, dt.timezone):
            return stamp.tzinfo
    return None


def in_reference_zone(text: str, timexes: list[Timex], target: dt.tzinfo | None) -> list[Timex]:
    """The timexes with clock times written in a zone converted to ``target`` (None: unchanged)."""
    if target is None:
        return timexes
    return [_converted(text, t, target) for t in timexes]


def _converted(text: str, t: Timex, target: dt.tzinfo) -> Timex:
    inside = re.search(r"\b([A-Za-z]{2,5})\)?$", text[t.start : t.end])
    zone = zone_named(inside[1]) if inside else None
    end = t.end
    if zone is None:
        after = zone_after(text, t.end)
        if after is None:
            return t
        zone, end = after
    if t.timex_type == "TIME" and CLOCK.match(t.value):
        return dataclasses.replace(t, end=end, value=_moved(t.value, zone, target))
    if t.begin_value and t.end_value and CLOCK.match(t.begin_value) and CLOCK.match(t.end_value):
        begin, last = _moved(t.begin_value, zone, target), _moved(t.end_value, zone, target)
        return dataclasses.replace(t, end=end, begin_value=begin, end_value=last)
    return t


def _moved(value: str, zone: Zone, target: dt.tzinfo) -> str:
    """A ``YYYY-MM-DDThh:mm`` on ``zone``'s clock as the same instant on ``target``'s."""
    local = dt.datetime.fromisoformat(value)
    instant = local.replace(tzinfo=dt.timezone(zone.offset(local)))
    shape = "%Y-%m-%dT%H:%M:%S" if len(value) > 16 else "%Y-%m-%dT%H:%M"
    return instant.astimezone(target).strftime(shape)
