"""Recognizers-Text ``Specs/DateTime/English/*.json`` cases to our gold documents with a ``dates`` layer.

Each case is one document: its ``Input`` is the text, ``Context.ReferenceDateTime`` the anchor
(``meta["published"]``, the date part, and ``meta["reference_time"]``, the full time, which
dateparser takes as its base). Cases with no reference time are left out, since their values
were written against the day the spec was run. Each result becomes a span: Recognizers-Text's
``End`` is inclusive and its ``Text`` lower-cased, so offsets are ``Start`` to ``Start +
len(Text)`` and the text is sliced from the input. The type maps to TIMEX3 (date and date range
-> DATE, anything with a clock time -> TIME, duration, set); time zones are not TIMEX3 and are
dropped. Every resolution is kept in ``values`` (an unanchored "Oct 2" has a past and a future
reading; either counts for ``same time``): a plain timex, a resolved value, and a range as
``BEGIN/END`` with both points as Recognizers-Text gives them (its end is mostly the first point
after the range: "the 1990s" ends 2000-01-01, "from May 3 to May 5" 2021-05-05); how ranges and
durations are compared is in ``annotator_dates.intervals``. A bare clock time is placed on the
reference day, which is what Recognizers-Text resolves it to.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from annotator import Document
from annotator.spans import ForeignSpan

TIMEX_TYPE = {
    "date": "DATE", "daterange": "DATE", "datetime": "TIME", "datetimerange": "TIME",
    "time": "TIME", "timerange": "TIME", "duration": "DURATION", "set": "SET",
}  # fmt: skip


def convert_file(path: Path) -> list[Document]:
    """Every case of one spec file (UTF-8 with a BOM) that has a reference time."""
    cases = json.loads(path.read_text(encoding="utf-8-sig"))
    return convert_cases(cases, path.stem)


def convert_cases(cases: Iterable[dict[str, Any]], stem: str) -> list[Document]:
    """Cases as documents, ids ``<stem>-<index in the file>``."""
    out = []
    for index, case in enumerate(cases):
        reference = (case.get("Context") or {}).get("ReferenceDateTime")
        if reference:
            out.append(convert_case(case, f"{stem}-{index}", str(reference)))
    return out


def convert_case(case: dict[str, Any], doc_id: str, reference: str) -> Document:
    """One case as a document anchored on its reference time."""
    text = str(case["Input"])
    spans = [s for r in case.get("Results", []) if (s := _span(text, r, reference)) is not None]
    spans = [s.model_copy(update={"id": f"dates-{i}"}) for i, s in enumerate(spans)]
    meta = {"published": reference[:10], "reference_time": reference}
    return Document(id=doc_id, text=text, meta=meta, spans={"dates": spans})


def _span(text: str, result: dict[str, Any], reference: str) -> ForeignSpan | None:
    """One result as a span; None for a time zone or a result whose text is not at its offset."""
    kind = str(result.get("TypeName") or result.get("Typename") or "").removeprefix("datetimeV2.")
    start, surface = int(result["Start"]), str(result["Text"])
    end = start + len(surface)
    if kind not in TIMEX_TYPE or text[start:end].lower() != surface.lower():
        return None
    values = _values(result.get("Resolution") or {}, reference[:10])
    return ForeignSpan(
        id="dates", start=start, end=end, text=text[start:end], label=TIMEX_TYPE[kind],
        timex_type=TIMEX_TYPE[kind], value=values[0] if values else None, values=values, source_type=kind,
    )  # fmt: skip


def _values(resolution: dict[str, Any], day: str) -> list[str]:
    """Every accepted reading of a resolution, first the first one Recognizers-Text gives."""
    found: list[str] = []
    for option in resolution.get("values", []):
        for value in _readings(option, day):
            if value not in found:
                found.append(value)
    return found


def _readings(option: dict[str, Any], day: str) -> list[str]:
    timex, kind = str(option.get("timex", "")), str(option.get("type", ""))
    readings = [timex] if timex and not timex.startswith("(") and "X" not in timex else []
    if kind in ("duration", "set"):
        return [timex] if timex else []
    if option.get("value") and option["value"] != "not resolved":
        readings.append(_instant(str(option["value"]), day))
    if option.get("start") and option.get("end"):
        begin, end = _instant(str(option["start"]), day), _instant(str(option["end"]), day)
        readings.append(f"{begin}/{end}")
    return readings


def _instant(value: str, day: str) -> str:
    """``2016-11-07 16:00:00`` as ISO with minutes (seconds kept when not zero: ``19:56:30``); a bare
    ``16:00:00`` on the reference day."""
    if len(value) == 8 and value[2] == ":":
        value = f"{day} {value}"
    iso = value.replace(" ", "T")
    return iso[:16] if iso[16:19] in ("", ":00") else iso[:19]
