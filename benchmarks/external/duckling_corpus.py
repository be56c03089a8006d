"""Duckling's English numeral and quantity corpora as our gold documents (a pure converter).

Dimensions taken: Numeral, Ordinal, AmountOfMoney, Distance, Volume, Quantity and Temperature,
because each of their examples is one amount the numbers layer should read. Left out: Time and
Duration (the dates layer's), Email/Url/Phone and the like (not numbers), and the ``latentCorpus``
and ``negativeCorpus`` lists (bare numbers Duckling reports as money only with its "latent" flag,
and strings that must yield nothing). Each example string is one document whose whole text is
the gold span. Ranges (``between``) take our convention: value = low bound. ``under``/``above``
give the amount (Duckling does not say whether the bound is strict, so no qualifier is asserted).
Measures carry the SI value pint gives for Duckling's unit, so any spelling of the same amount is
right; Duckling's ambiguous ``M`` is read as metres, ``Degree`` as a bare value (angle or
temperature), and money without a known ISO code (``Unnamed``, ``Dinar``, ``Riyal``...) as money
of no stated currency; cents are converted to dollars. Duckling has no age dimension and none of
the corpora taken writes an age (checked 2026-12-03), so no expected span has the numbers layer's
kind ``age`` (issue 18); the ``amount`` figure is blind to kinds in any case.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

DIMENSIONS = ("Numeral", "Ordinal", "AmountOfMoney", "Distance", "Volume", "Quantity", "Temperature")
PINT_UNITS = {
    "Kilometre": "km", "Mile": "mi", "M": "m", "Metre": "m", "Centimetre": "cm", "Millimetre": "mm",
    "Inch": "inch", "Foot": "ft", "Yard": "yd", "Litre": "l", "Millilitre": "ml", "Gallon": "gallon",
    "Hectolitre": "hl", "Gram": "g", "Pound": "lb", "Ounce": "oz", "Cup": "cup", "Celsius": "degC",
    "Fahrenheit": "degF",
}  # fmt: skip
CURRENCIES = {"Dollar": "USD", "Cent": "USD", "Pound": "GBP", "Rupee": "INR"}
_BLOCK = re.compile(r"examples\s*\((.*?)\)\s*\[(.*?)\]", re.S)
_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
_ESCAPE = re.compile(r"\\(x[0-9a-fA-F]+|&|.)")
_NUMBER = r"\(?\s*-?[\d.e]+\s*\)?"


def haskell_string(body: str) -> str:
    """A Haskell string literal's value: ``\\x20ac`` is the euro sign, ``\\&`` nothing."""

    def one(m: re.Match[str]) -> str:
        esc = m.group(1)
        return chr(int(esc[1:], 16)) if esc.startswith("x") else "" if esc == "&" else esc

    return _ESCAPE.sub(one, body)


def examples(source: str) -> Iterator[tuple[str, list[str]]]:
    """``(constructor text, example strings)`` of the ``allExamples`` list (commented lines dropped)."""
    start = source.find("allExamples")
    body = "\n".join(line for line in source[start:].splitlines() if not line.strip().startswith("--"))
    for m in _BLOCK.finditer(body):
        yield " ".join(m.group(1).split()), [haskell_string(s) for s in _STRING.findall(m.group(2))]


def _numbers(text: str) -> list[float]:
    return [float(x) for x in re.findall(r"-?\d+(?:\.\d+)?(?:e-?\d+)?", text)]


def gold_span(dimension: str, ctor: str, text: str) -> dict[str, Any] | None:
    """Our gold span for one example, or None when the constructor is not one we can read."""
    words = ctor.replace("(", " ").replace(")", " ").replace(",", " ").split()
    values = _numbers(" ".join(w for w in words if not w.startswith('"')))
    if not values:
        return None
    span: dict[str, Any] = {"start": 0, "end": len(text), "text": text, "value": values[0]}
    if len(values) > 1 and words[0] == "between":
        span["low"], span["high"] = values[0], values[1]
    if dimension == "Numeral":
        return {**span, "label": "CARDINAL"}
    if dimension == "Ordinal":
        return {**span, "label": "ORDINAL", "kind": "ordinal"}
    unit = words[1]
    if dimension == "AmountOfMoney":
        span.update(
            label="MONEY", kind="money", currency=CURRENCIES.get(unit, unit if unit.isupper() else None)
        )
        if unit == "Cent":
            span["value"] = values[0] / 100
        return span
    span.update(label="QUANTITY", kind="quantity")
    if unit in PINT_UNITS:
        span.update(_si(values[0], PINT_UNITS[unit]))
    return span


def _si(value: float, unit: str) -> dict[str, Any]:

    quantity = _registry().Quantity(value, unit).to_base_units()
    return {"si_value": float(f"{quantity.magnitude:.12g}"), "si_unit": f"{quantity.units:~}"}


_REG: list[Any] = []


def _registry() -> Any:
    import pint

    if not _REG:
        _REG.append(pint.UnitRegistry())
    return _REG[0]


def convert(sources: dict[str, str]) -> list[dict[str, Any]]:
    """Gold documents (dicts in our document JSONL) from ``{dimension: Corpus.hs text}``."""
    docs = []
    for dimension in DIMENSIONS:
        for ctor, strings in examples(sources.get(dimension, "")):
            for text in strings:
                span = gold_span(dimension, ctor, text)
                if span is not None:
                    n = len(docs)
                    span["id"] = f"numbers-{n}"
                    docs.append(
                        {"id": f"{dimension.lower()}-{n:04d}", "text": text, "spans": {"numbers": [span]}}
                    )
    return docs
