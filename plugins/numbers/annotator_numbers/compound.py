"""Join neighbouring candidates that are one expression: "7 feet and 10 inches" (one length, summed in
SI), "$20 and 43 cents" (20.43 dollars), "between 2 l and about 7 l" (one range of volume).

The scanner reads one amount with its unit at a time; these expressions are several such amounts
that a reader takes as one. Each join is checked on the characters between the two candidates and
on what the two are (same dimension, a smaller unit after a larger one, cents under 100).
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from annotator_numbers import money, units
from annotator_numbers.scanner import Candidate

# Between the parts of a sum: "7 feet 10 inches", "7 feet, 10 inches", "2 yds, 7 feet and 10 inches".
_SUM_GAP = re.compile(r"\s*,?\s*(?:and\s+)?|\s+&\s+")
# Between the ends of a range of measures: "2 l - ~7 l", "30 degrees to 40 degrees", "2.0 l and about 7.0 l".
_RANGE_GAP = re.compile(r"\s*(?:-|–|—|to|and)\s*~?\s*")
_RANGE_OPENER = re.compile(r"\b(between|from)\s+$", re.I)
# After a bare number taken as cents, nothing it could count: the end, or punctuation.
_NOTHING_COUNTED = re.compile(r"\s*(?:[.,;:!?)\]]|$)")


def join(text: str, cands: list[Candidate]) -> list[Candidate]:
    """``cands`` with each run of parts of one expression replaced by one candidate."""
    out: list[Candidate] = []
    for cand in cands:
        if out and not cand.temporal and not out[-1].temporal:
            joined = _join(text, out[-1], cand)
            if joined is not None:
                out[-1] = joined
                continue
            out[-1] = _shared_unit(text, out[-1], cand)
        out.append(cand)
    return out


# Kinds with a unit that a bare number before them may share: "45 and 50 mg", "25 and 31 years old".
MEASURED = ("quantity", "age")
_LIST_GAP = re.compile(r"\s*,\s*|\s+(?:and|or)\s+|\s*,\s*(?:and|or)\s+")


def _shared_unit(text: str, a: Candidate, b: Candidate) -> Candidate:
    """ "45 and 50 mg", "5, 10 or 20 km", "25 and 31 years old": a bare number listed before a measure
    (or an age) is in its unit, and of its kind."""
    if a.kind != "cardinal" or b.kind not in MEASURED or a.high is not None or b.si_value is None:
        return a
    if not _LIST_GAP.fullmatch(text[a.end : b.start]) or b.rule == "range":
        return a
    si = units.si_of(a.value, b.unit)
    return a if si is None else replace(a, kind=b.kind, unit=b.unit, si_value=si, si_unit=b.si_unit)


def _join(text: str, a: Candidate, b: Candidate) -> Candidate | None:
    gap = text[a.end : b.start]
    if a.kind == "money" and a.high is None and _SUM_GAP.fullmatch(gap):
        return _cents(text, a, b)
    if b.kind == "quantity" and a.kind == "quantity" and _SUM_GAP.fullmatch(gap) and not gap.strip() == "-":
        summed = _sum(a, b, "and" in gap)
        if summed is not None:
            return summed
    if b.kind in MEASURED and a.kind in (b.kind, "cardinal") and _RANGE_GAP.fullmatch(gap):
        return _range(text, a, b)
    return None


def _cents(text: str, a: Candidate, b: Candidate) -> Candidate | None:
    """ "$20 and 43c", "20 dollars 43 cents", "US$3 and fourteen" (nothing counted after it)."""
    cents = b.value * 100 if b.rule == "minor" else b.value
    if b.qualifier or b.high is not None or not 0 < cents < 100 or cents != int(cents):
        return None
    end: int | None
    if b.kind == "money" and b.rule == "minor":
        end = b.end
    elif b.kind == "cardinal":
        end = money.minor(text, b.end) or (b.end if _NOTHING_COUNTED.match(text, b.end) else None)
    else:
        return None
    if end is None:
        return None
    value = a.value + (b.value if b.kind == "money" else b.value / 100)
    return replace(a, end=end, value=value, rule="money")


def _sum(a: Candidate, b: Candidate, anded: bool) -> Candidate | None:
    """Two measures of one dimension, the smaller unit last or joined by "and": the sum, in the last unit."""
    if a.si_unit != b.si_unit or a.si_value is None or b.si_value is None or a.high or b.high:
        return None
    if a.unit == b.unit or not a.value or not b.value or a.si_unit == "K":
        return None  # "5 km, 3 km" is a list, and temperatures do not add
    per_a, per_b = a.si_value / float(a.value), b.si_value / float(b.value)
    if per_b == per_a or (per_b > per_a and not anded):
        return None
    si = float(f"{a.si_value + b.si_value:.12g}")
    value = Decimal(str(round(si / per_b, 9))).normalize()
    return replace(a, end=b.end, value=value, unit=b.unit, si_value=si, rule="compound-measure")


def _range(text: str, a: Candidate, b: Candidate) -> Candidate | None:
    """ "between 2 l and about 7 l", "2 - ~7 litres", "from 30 degrees C to 40 degrees C": low to high."""
    if a.kind != "cardinal" and a.unit != b.unit:
        return None
    gap = text[a.end : b.start]
    descending = "to" in gap and a.kind == "quantity"  # "-18 °C to -34 °C"
    if (
        a.high is not None
        or b.high is not None
        or a.value == b.value
        or (a.value > b.value and not descending)
    ):
        return None
    if a.value > b.value:
        a, b = b, a
    opener = _RANGE_OPENER.search(text, max(0, a.start - 10), a.start)
    if text[a.end : b.start].strip() == "and" and not (opener and opener.group(1).lower() == "between"):
        return None
    low_si = a.si_value if a.kind != "cardinal" else units.si_of(a.value, b.unit)
    start = opener.start() if opener else min(a.start, b.start)
    return replace(
        b,
        start=start,
        end=max(a.end, b.end),
        value=a.value,
        low=a.value,
        high=b.value,
        si_value=low_si,
        rule="range",
    )
