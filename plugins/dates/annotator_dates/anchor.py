"""Choose the reference date a document's relative expressions resolve against.

Precedence: ``meta["published"]`` -> a full date alone on a header line (the dateline, recorded as
inferred) -> ``meta["reference_date"]`` (set by ``annotator annotate --reference-date``) -> none.
The wall clock is never used, so the same input always gives the same output.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from annotator_dates.lexicon import MONTHS
from annotator_dates.model import AnchorKind

HEADER_LINES = 8
MAX_HEADER_LINE = 60
_MONTH = r"(?P<month>[A-Z][a-z]{2,8})\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_LEAD = r"(?:(?:Published|Posted|Updated|Date|Dated)(?:\s+on)?\s*:?\s*)?(?:[A-Z][a-z]+day,?\s+)?"
_TAIL = r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?|[A-Z]{2,4})?.*)?"
HEADER_DATES = tuple(
    re.compile(rf"^\s*{_LEAD}{body}{_TAIL}\s*$")
    for body in (
        rf"{_DAY}\s+{_MONTH},?\s+{_YEAR}",
        rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}",
        r"(?P<year>(?:19|20)\d\d)-(?P<mnum>\d\d)-(?P<day>\d\d)",
    )
)
# A site banner ("Today : Nov 11, 2025") gives the day the page was fetched, not the article's date.
BANNER = re.compile(r"^\s*(?:Today|Now|Last updated)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Anchor:
    """The reference date and where it came from."""

    date: dt.date | None
    kind: AnchorKind


def choose_anchor(text: str, meta: Mapping[str, Any]) -> Anchor:
    """The document's anchor, by the precedence in the module docstring."""
    published = parse_iso(meta.get("published"))
    if published is not None:
        return Anchor(published, "published")
    inferred = header_date(text)
    if inferred is not None:
        return Anchor(inferred, "inferred")
    given = parse_iso(meta.get("reference_date"))
    if given is not None:
        return Anchor(given, "given")
    return Anchor(None, "none")


def parse_iso(value: Any) -> dt.date | None:
    """An ISO date (or the date part of an ISO datetime); None when absent or malformed."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def header_date(text: str) -> dt.date | None:
    """A full date standing alone on one of the first short lines (a dateline), if any."""
    lines = [line for line in text[:1000].splitlines() if line.strip()][:HEADER_LINES]
    for line in lines:
        if len(line) > MAX_HEADER_LINE or BANNER.match(line):
            continue
        found = _line_date(line)
        if found is not None:
            return found
    return None


def _line_date(line: str) -> dt.date | None:
    for pattern in HEADER_DATES:
        m = pattern.match(line)
        if m is None:
            continue
        month = int(m["mnum"]) if m.groupdict().get("mnum") else MONTHS.get(m["month"].lower())
        if month is None:
            continue
        try:
            return dt.date(int(m["year"]), month, int(m["day"]))
        except ValueError:
            continue
    return None
