"""The unit after an amount: "2,600-km", "5km", "2l", "40 km/h", "5 sq ft", "200 kilometres per hour",
"37 °C", "70 degrees F", '5"', "5 in." and ages ("35-year-old", kind ``age``).

Every unit is read and converted by pint (``units``); this module only finds where a unit is
written. One-letter units are read only where they are units in running text (``ONE_LETTER``), and
"m" after a number is a million, not metres, when a counted plural follows ("5m people").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.lang.en.stop_words import STOP_WORDS

from annotator_numbers import units
from annotator_numbers.lexicon import QUALIFIERS, TIME_UNITS, alternation

if TYPE_CHECKING:
    from annotator_numbers.scanner import Candidate

# Letters that stand alone for a unit after a number: litre, gram, metre, tonne, and "in" at the end.
ONE_LETTER = frozenset("l L g m t".split())
_AGE = re.compile(r"[-‑ ](?:years?|yrs?)[-‑ ]olds?\b|\s?(?:yo|y/o|y\.o\.)(?!\w)", re.I)
_AGED_BEFORE = re.compile(rf"\baged\s+(?:(?:{alternation(QUALIFIERS)})\s+)?\Z", re.I)  # "aged (about) 87"
_HYPHEN_UNIT = re.compile(r"[-‑]([A-Za-z°]+)\b")
_ATTACHED = re.compile(r"([A-Za-z°²³]+)\b")
_SPACE_UNIT = re.compile(
    r"\s+(?:(square|sq|cubic|nautical|metric)\s+)?([A-Za-z°][A-Za-z°²³/]*(?:/[A-Za-z]+[23])?)\b"
)
_PER = re.compile(r"(?:\s+per\s+|\s*/\s*)([A-Za-z]+)\b")
_SCALES = r"c|celsius|centigrade|f|fahrenheit|k|kelvin"
_TEMPERATURE = re.compile(
    rf"\s*[°º˚]\s*(?:({_SCALES})\b)?|\s+(?:degrees?|deg)\s+({_SCALES})\b|(?-i:(C|F))\b"
    r"|\s+degrees?(?=\s+below\s+zero\b)",
    re.I,
)
_DEGREE_SCALE = {"c": "degC", "celsius": "degC", "centigrade": "degC", "f": "degF", "fahrenheit": "degF"}
_INCH_MARK = re.compile(r"(?:\"|''|″)(?![\w\"'])")
_FOOT_MARK = re.compile(r"(?:'|′)(?![\w'])")
# "in" is an inch only where no noun phrase can follow it: at the end, or before a dimension word.
_IN_AT_END = re.compile(r"\s+in\b(?=\s*(?:[.,;:!?)]|$)|\s+(?:thick|wide|long|tall|high|deep|across)\b)")
_TIMES_PER = re.compile(r"\s+times\s+(?:per|an?|each)\s+(second|minute|hour|day|week|month|year)\b", re.I)
_BELOW_ZERO = re.compile(r"\s+below\s+zero\b", re.I)
# "am" is a stop word ("I am"), but after a number that no clock writes ("2.123 am": the scanner has
# already taken "7 am", "10.30am" as clock times) it is the attometre, as "pm" is the picometre.
_PREFIXED_METRE = frozenset({"am"})
_MILLION_BEFORE = re.compile(r"\s+(?:of\b|people\b|[a-z]+s\b)")


def read_unit(text: str, cand: Candidate) -> None:
    """Make ``cand`` a quantity when a unit follows it (or mark it temporal for "1990s", "18 hours")."""
    if m := _AGE.match(text, cand.end):
        _age(cand, m.end())
    elif _AGED_BEFORE.search(text, max(0, cand.start - 30), cand.start):  # also "aged 18 to 25"
        _age(cand, cand.end)
    elif m := _TIMES_PER.match(text, cand.end):
        _frequency(cand, m)
    elif m := _TEMPERATURE.match(text, cand.end):
        _temperature(cand, m)
    elif cand.amount.digits and (m := _INCH_MARK.match(text, cand.end) or _FOOT_MARK.match(text, cand.end)):
        if _not_quoted(text, cand.start, m.group(0)):
            set_unit(cand, ("inch" if m.re is _INCH_MARK else "foot",), m.end(), "unit")
    elif m := _HYPHEN_UNIT.match(text, cand.end):
        set_unit(cand, (m.group(1),), m.end(), "compound-unit")
    elif cand.amount.digits and (m := _ATTACHED.match(text, cand.end)):
        _attached(text, cand, m)
    elif m := _IN_AT_END.match(text, cand.end):
        set_unit(cand, ("inch",), m.end(), "unit")
    elif m := _SPACE_UNIT.match(text, cand.end):
        _space_unit(text, cand, m)
    if cand.kind == "quantity" and (m := _PER.match(text, cand.end)):
        _per(cand, m)
    if cand.kind in ("quantity", "cardinal") and (m := _BELOW_ZERO.match(text, cand.end)):
        _below_zero(cand, m.end())


def _age(cand: Candidate, end: int) -> None:
    """An age is its own kind: the value in years, with the year as unit (and its SI value) kept."""
    if set_unit(cand, ("year",), end, "age"):
        cand.kind = "age"


def _below_zero(cand: Candidate, end: int) -> None:
    """ "2 degrees below zero", "5 below zero": a temperature under nought."""
    cand.value, cand.end = -cand.value, end
    if cand.kind == "cardinal":
        cand.kind, cand.unit, cand.rule = "quantity", "degree", "unit"
    elif cand.si_value is not None and cand.unit is not None:
        cand.si_value = units.si_of(cand.value, cand.unit)


def _frequency(cand: Candidate, m: re.Match[str]) -> None:
    """ "four times per week", "twice a day" are rates: so many per unit of time (SI: per second)."""
    per = units.resolve((m.group(1).lower(),), any_dimension=True)
    if per is not None and units.dimension(per) == "[time]":
        cand.kind, cand.end, cand.rule = "quantity", m.end(), "unit"
        cand.unit = f"1 / {units.symbol(per)}"
        cand.si_value, cand.si_unit = units.to_si(cand.value, 1 / per)


def _not_quoted(text: str, start: int, mark: str) -> bool:
    """A straight quote after a number is a mark of inches or feet unless it closes a quotation."""
    line = text.rfind("\n", 0, start) + 1
    before = text[max(line, start - 1) : start]
    return before not in ("'", '"') and text.count(mark[0], line, start) % 2 == 0


def _temperature(cand: Candidate, m: re.Match[str]) -> None:
    scale = (m.group(1) or m.group(2) or m.group(3) or "").lower()
    if not scale:  # "-2°": degrees of no stated scale, a value without SI
        cand.kind, cand.unit, cand.end, cand.rule = "quantity", "degree", m.end(), "unit"
        return
    set_unit(cand, (_DEGREE_SCALE.get(scale, "kelvin"),), m.end(), "unit")


def _attached(text: str, cand: Candidate, m: re.Match[str]) -> None:
    word = m.group(1)
    if word == "m" and _MILLION_BEFORE.match(text, m.end()):
        cand.value, cand.end, cand.rule = cand.value * 10**6, m.end(), "digits-scale"
        return
    if (len(word) < 2 and word not in ONE_LETTER) or not set_unit(cand, (word,), m.end(), "unit"):
        cand.temporal = True  # "1990s", "2.15pm"-like or an unknown code: not ours


def _space_unit(text: str, cand: Candidate, m: re.Match[str]) -> None:
    word = m.group(2)
    if word.lower() in TIME_UNITS and not m.group(1):
        cand.temporal = True  # "18 hours", "four days": a duration, the dates plugin's
        return
    if (word.lower() in STOP_WORDS and word not in _PREFIXED_METRE) or (
        len(word) < 2 and word not in ONE_LETTER
    ):
        return
    if word == "m" and _MILLION_BEFORE.match(text, m.end()):
        return
    words = (m.group(1), word) if m.group(1) else (word,)
    set_unit(cand, words, m.end(), "unit")


def _per(cand: Candidate, m: re.Match[str]) -> None:
    """ "40 km/h", "200 kilometres per hour": the unit divided by the one after "per" or "/"."""
    per = units.resolve((m.group(1),), any_dimension=True)
    base = units.resolve((cand.unit,), any_dimension=True) if cand.unit else None
    if per is None or base is None:
        return
    combined = base / per
    if units.acceptable(combined):
        _apply(cand, combined, m.end())


def set_unit(cand: Candidate, words: tuple[str, ...], end: int, rule: str) -> bool:
    """Make ``cand`` a quantity in the unit ``words`` name, if pint knows it as a news measure."""
    unit = units.resolve(words) or units.resolve(tuple(w.lower() if len(w) > 3 else w for w in words))
    if unit is None:
        return False
    cand.rule = rule
    _apply(cand, unit, end)
    return True


def _apply(cand: Candidate, unit: object, end: int) -> None:
    cand.kind, cand.unit, cand.end = "quantity", units.symbol(unit), end
    cand.si_value, cand.si_unit = units.to_si(cand.value, unit)
