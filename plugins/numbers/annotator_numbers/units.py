"""Units through pint: recognise a unit word, give its symbol and convert the amount to SI.

The registry is built once per process (it takes about half a second); recognition is cached per
word, so a corpus pays for each distinct unit word once.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal
from typing import Any

import pint

from annotator_numbers.lexicon import DENIED_UNITS, DENIED_WORDS

# Measures a news reader means by a unit word; others (angles, information, pressure...) are ignored.
ALLOWED_DIMENSIONS = (
    "[length]",
    "[mass]",
    "[length] ** 2",
    "[length] ** 3",
    "[time]",
    "[length] / [time]",
    "[temperature]",
    "[mass] * [length] ** 2 / [time] ** 3",
    "[mass] * [length] ** 2 / [time] ** 2",
    "1 / [time]",
    "[mass] / [time]",
    "[length] / [time] ** 2",
    "[length] ** 2 / [time] ** 2",
    "[length] ** 3 / [time]",
)
# Information is dimensionless in pint; bits and bytes are measures all the same ("8 MB").
INFORMATION = ("bit", "byte")
# SI units to report, by dimension, where pint's base units would read badly ("kg * m ** 2 / s ** 3").
PREFERRED_SI = {
    "[mass] * [length] ** 2 / [time] ** 3": "watt",
    "[mass] * [length] ** 2 / [time] ** 2": "joule",
}


_POWER = re.compile(r"([A-Za-z])([23])\b")


@functools.lru_cache(maxsize=1)
def registry() -> pint.UnitRegistry:
    """The shared pint registry."""
    return pint.UnitRegistry()


@functools.lru_cache(maxsize=4096)
def resolve(words: tuple[str, ...], any_dimension: bool = False) -> Any | None:
    """The pint unit written by ``words`` ("km", "kilometre", "square kilometres", "nautical miles", "kms").

    With ``any_dimension`` also units of other dimensions ("hour" as the divisor of "km/h").
    """
    ureg = registry()
    if words[-1].lower() in DENIED_WORDS:
        return None
    for candidate in _spellings(words):
        try:
            unit = ureg.parse_units(candidate)
        except (pint.errors.PintError, ValueError, AttributeError, TypeError, AssertionError):
            continue
        if acceptable(unit) or (any_dimension and _named(unit)) or _per_unit(candidate, unit):
            return unit
    return None


def _per_unit(written: str, unit: Any) -> bool:
    """ "W/min", "km/s**2": a measure per anything is a measure."""
    if "/" not in written or not _named(unit):
        return False
    numerator = written.split("/")[0].strip()
    try:
        return acceptable(registry().parse_units(numerator))
    except (pint.errors.PintError, ValueError, AttributeError, TypeError, AssertionError):
        return False


def _spellings(words: tuple[str, ...]) -> list[str]:
    """Ways pint may know a phrase: joined by underscores ("nautical_mile"), spaces, or singular first."""
    if len(words) == 1:
        word = _POWER.sub(r"\1**\2", words[0])  # "km/s2" is km/s**2
        # "kms", "mls", "gs": abbreviations with an English plural
        return [word, word[:-1]] if len(word) > 1 and word.endswith("s") else [word]
    first = words[0][:-1] if words[0].endswith("s") else words[0]
    rest = "_".join(words[1:])
    return [f"{words[0]}_{rest}", f"{first}_{rest}", " ".join(words)]


def _names(unit: Any) -> set[str]:
    return {str(name) for name in unit._units}  # noqa: SLF001 - pint exposes no public accessor


def _named(unit: Any) -> bool:
    names = _names(unit)
    return bool(names) and not names & DENIED_UNITS


def acceptable(unit: Any) -> bool:
    """A unit of a measure news reports (length, mass, speed, energy, information...), not a denied word."""
    if not _named(unit):
        return False
    dimension = str(registry().get_dimensionality(unit))
    if dimension == "dimensionless":
        return all(name.endswith(INFORMATION) for name in _names(unit))
    return dimension in ALLOWED_DIMENSIONS


@functools.lru_cache(maxsize=1024)
def dimension(unit: Any) -> str:
    """The unit's dimensionality as pint writes it, e.g. "[length]" (cached: pint computes it each time)."""
    return str(registry().get_dimensionality(unit))


@functools.lru_cache(maxsize=1024)
def symbol(unit: Any) -> str:
    """The unit's short symbol: "km", "mi", "h", "km ** 2", "degC" (cached: formatting is slow)."""
    return f"{unit:~}"


def to_si(value: Decimal, unit: Any) -> tuple[float, str]:
    """``value`` in ``unit`` converted to SI: (magnitude to 12 significant digits, unit symbol)."""
    factor, si_unit = _si_factor(unit)
    if factor is None:  # an offset unit (°C, °F): converted by pint each time
        si = registry().Quantity(float(value), unit).to_base_units()
        return float(f"{float(si.magnitude):.12g}"), f"{si.units:~}"
    return float(f"{float(value) * factor:.12g}"), si_unit


@functools.lru_cache(maxsize=1024)
def _si_factor(unit: Any) -> tuple[float | None, str]:
    """How many SI units one ``unit`` is, and their symbol; None for units with an offset."""
    ureg = registry()
    if not ureg.Quantity(1.0, unit)._ok_for_muldiv():  # noqa: SLF001 - pint's test for offset units
        return None, ""
    preferred = PREFERRED_SI.get(dimension(unit))
    one = ureg.Quantity(1.0, unit)
    si = one.to(preferred) if preferred else one.to_base_units()
    return float(si.magnitude), f"{si.units:~}"


def si_of(value: Decimal, symbol: str | None) -> float | None:
    """``value`` in the unit written ``symbol`` ("km", "degC") in SI, or None when pint cannot read it."""
    if symbol is None:
        return None
    try:
        return to_si(value, registry().parse_units(symbol))[0]
    except (pint.errors.PintError, ValueError, AttributeError, TypeError, AssertionError):
        return None
