"""Duckling's EN Time and Duration corpora (``Corpus.hs``) to our gold documents with a ``dates`` layer.

Only ``allExamples`` is read (what Duckling's ``corpus`` tests). Each example phrase is one
document whose whole text (trimmed) is one span, since Duckling's test asserts the phrase
resolves to the value. The reference time is Duckling's ``testContext``: 2013-02-12T04:30:00 at UTC-2
(``meta["published"]`` the day, ``meta["reference_time"]`` the time, ``meta["reference_zone"]`` the
offset, which Duckling converts "8:00 GMT" into). Values are written as
TIMEX3 at the example's grain: ``datetime (2013, 2, 15, 0, 0, 0) Day`` is ``2013-02-15``, a week
``2013-W07``; an interval is ``BEGIN/END`` with both points as Duckling gives them (its end is
exclusive: "july to september" is ``2013-07/2013-10``; how ranges are compared, either convention
for the end, is in ``annotator_dates.intervals``); an open
interval is its point with ``mod`` AFTER/BEFORE; ``DurationData 3 Quarter`` is ``P3Q`` (``P9M``
also accepted). Constructors not listed here are skipped and counted.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from annotator import Document
from annotator.spans import ForeignSpan

REFERENCE = "2013-02-12T04:30:00"
REFERENCE_ZONE = "-02:00"  # testContext's refTime (2013, 2, 12, 4, 30, 0) (-2)
STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
TUPLE = r"\(\s*(-?\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*\)"
GRAINS = ("Second", "Minute", "Hour", "Day", "Week", "Month", "Quarter", "Year")
DURATION_UNIT = {
    "Second": "S",
    "Minute": "M",
    "Hour": "H",
    "Day": "D",
    "Week": "W",
    "Month": "M",
    "Year": "Y",
}


@dataclass
class Gold:
    """What one ``examples (...)`` block expects of its phrases."""

    label: str
    values: list[str]
    mod: str | None = None


@dataclass
class Converted:
    """Documents of one corpus file and the constructors skipped, by name."""

    documents: list[Document] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)


def convert_file(path: Path, prefix: str) -> Converted:
    """Every phrase of one Corpus.hs's ``allExamples``, ids ``<prefix>-<n>``."""
    return convert_source(path.read_text(encoding="utf-8"), prefix)


def convert_source(source: str, prefix: str) -> Converted:
    """The ``allExamples`` block of a Corpus.hs source as documents."""
    body = source[source.index("allExamples ::") :]
    out = Converted()
    for expression, phrases in blocks(body):
        gold = read_expression(expression)
        if gold is None:
            out.skipped[expression.split()[0]] += len(phrases)
            continue
        for phrase in phrases:
            out.documents.append(_document(f"{prefix}-{len(out.documents)}", phrase, gold))
    return out


def blocks(body: str) -> list[tuple[str, list[str]]]:
    """Each ``examples (EXPR) [ "...", ... ]`` as its expression and its phrases."""
    found = []
    for match in re.finditer(r"\bexamples\s*\(", body):
        close = _closing(body, match.end() - 1)
        opening, ending = body.index("[", close), _list_end(body, body.index("[", close))
        phrases = [_unescape(s) for s in STRING.findall(body[opening:ending])]
        found.append((body[match.end() : close].strip(), phrases))
    return found


def _closing(text: str, start: int) -> int:
    """Index of the parenthesis closing the one at ``start``."""
    depth = 0
    for i in range(start, len(text)):
        depth += {"(": 1, ")": -1}.get(text[i], 0)
        if depth == 0:
            return i
    raise ValueError("unbalanced parentheses in Corpus.hs")


def _list_end(text: str, start: int) -> int:
    """Index of the ``]`` closing a list of strings (brackets inside strings skipped)."""
    inside, i = False, start
    while i < len(text):
        char = text[i]
        if char == "\\" and inside:
            i += 2
            continue
        inside = not inside if char == '"' else inside
        if char == "]" and not inside:
            return i
        i += 1
    raise ValueError("unclosed list in Corpus.hs")


def _unescape(raw: str) -> str:
    return re.sub(r"\\(.)", r"\1", raw)


def read_expression(expression: str) -> Gold | None:
    """The gold of one constructor expression; None for one not handled."""
    grain = next((g for g in GRAINS if re.search(rf"\b{g}\b", expression)), None)
    points: list[dt.datetime | None] = [_point(m) for m in re.finditer(TUPLE, expression)]
    head = expression.split()[0]
    if head == "DurationData":
        return _duration(expression)
    if grain is None or not points or None in points:
        return None
    label = "TIME" if GRAINS.index(grain) < GRAINS.index("Day") else "DATE"
    if head in ("datetime", "datetimeHoliday") and len(points) == 1:
        return Gold(label, [_at_grain(points[0], grain)])  # type: ignore[arg-type]
    if head in ("datetimeInterval", "datetimeIntervalHoliday") and len(points) == 2:
        return Gold(label, [_range(points[0], points[1], grain)])
    if head == "datetimeOpenInterval" and len(points) == 1:
        mod = "AFTER" if " After " in f" {expression} " else "BEFORE"
        return Gold(label, [_at_grain(points[0], grain)], mod)
    return None


def _duration(expression: str) -> Gold | None:
    m = re.match(r"DurationData\s+(\d+)\s+(\w+)", expression)
    if not m or m[2] not in GRAINS:
        return None
    n, grain = int(m[1]), m[2]
    if grain == "Quarter":
        return Gold("DURATION", [f"P{n}Q", f"P{3 * n}M"])
    clock = "T" if GRAINS.index(grain) < GRAINS.index("Day") else ""
    return Gold("DURATION", [f"P{clock}{n}{DURATION_UNIT[grain]}"])


def _point(m: re.Match[str]) -> dt.datetime | None:
    """A Duckling datetime tuple; None for years Python cannot hold (BC dates)."""
    try:
        return dt.datetime(*(int(g) for g in m.groups()))
    except ValueError:
        return None


def _at_grain(when: dt.datetime, grain: str) -> str:
    """A TIMEX3 value naming the grain-long stretch that starts at ``when``."""
    if grain == "Week":
        year, week, _ = when.isocalendar()
        return f"{year}-W{week:02d}"
    if grain == "Quarter":
        return f"{when.year}-Q{(when.month - 1) // 3 + 1}"
    formats = {"Second": "%Y-%m-%dT%H:%M:%S", "Minute": "%Y-%m-%dT%H:%M", "Hour": "%Y-%m-%dT%H"}
    formats |= {"Day": "%Y-%m-%d", "Month": "%Y-%m", "Year": "%Y"}
    return when.strftime(formats[grain])


def _range(begin: dt.datetime, end: dt.datetime, grain: str) -> str:
    """``BEGIN/END`` as Duckling gives them, its end the first point after the interval."""
    return f"{_at_grain(begin, grain)}/{_at_grain(end, grain)}"


def _document(doc_id: str, phrase: str, gold: Gold) -> Document:
    start = len(phrase) - len(phrase.lstrip())
    end = len(phrase.rstrip())
    extra = {"mod": gold.mod} if gold.mod else {}
    span = ForeignSpan(
        id="dates-0", start=start, end=end, text=phrase[start:end], label=gold.label,
        timex_type=gold.label, value=gold.values[0], values=gold.values, **extra,
    )  # fmt: skip
    meta = {"published": REFERENCE[:10], "reference_time": REFERENCE, "reference_zone": REFERENCE_ZONE}
    return Document(id=doc_id, text=phrase, meta=meta, spans={"dates": [span]})
