"""Amounts written in more than one piece, read as one: "-504", "minus 1,200,000", "1 point 1",
"two point two million", "2.48e-5", "2.48×10^-5", "100K", "1.2M", "1/5", "2 1/2", "2½",
"two and a half million".

``read_amount`` reads the bare amount (``amounts``) and extends it while the next characters go on
writing the same number. Slashed fractions that could be a day and a month ("3/4", "9/11") are
marked ``date_like``; the scanner keeps them only with a unit ("3/4 cup").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from decimal import Decimal

from annotator_numbers.amounts import SCALE_WORD_RE, Amount, read_bare, read_fraction
from annotator_numbers.lexicon import SCALES, UNITS, alternation

VULGAR = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞"
_SIGN = re.compile(r"[-−](?=\.?\d)|(?:minus|negative)\s+(?=\S)", re.I)
_DIGIT_WORDS = alternation([w for w, v in UNITS.items() if v < 10])
_POINT = re.compile(rf"\s+point\s+(\d+|(?:{_DIGIT_WORDS})(?:\s+(?:{_DIGIT_WORDS}))*)\b", re.I)
_SCIENTIFIC = re.compile(r"\s*[×x*]\s*10\s*(?:\^|\*\*)?\s*([-−]?\d+)\b|[eE]([-+−]?\d+)\b")
_POWER = re.compile(r"\s*[×x*]\s*(\d+)\s*(?:\^|\*\*)\s*(\d{1,2})\b")  # "8x2^10"
_SUFFIX_SCALE = re.compile(r"([kK]|M)\b")
_SLASH = re.compile(r"/(\d+)\b(?![/.,]\d)")
_MIXED_SLASH = re.compile(r"[\s-]+(\d+)/(\d+)\b(?![/.,]\d)")
_AND = re.compile(r"\s+and\s+")
_VULGAR = re.compile(rf"\s?([{VULGAR}])")
_VULGAR_AT = re.compile(rf"[{VULGAR}]")
_SCALE_FACTORS = {"k": 1000, "K": 1000, "M": 10**6}


def read_amount(text: str, pos: int) -> Amount | None:
    """The amount starting at ``pos``, with its sign and every further piece of the same number."""
    sign = _SIGN.match(text, pos)
    found = _read(text, sign.end() if sign else pos)
    if sign is None or found is None:
        return found
    if found.sort != "cardinal":
        return None
    return replace(found, start=pos, value=-found.value, low=None, high=None)


def _read(text: str, pos: int) -> Amount | None:
    if m := _VULGAR_AT.match(text, pos):
        return _extend(text, Amount(pos, m.end(), _vulgar(m.group()), "fraction", "fraction"))
    found = read_bare(text, pos)
    if found is None or found.sort != "cardinal":
        return found
    return _extend(text, found)


def _vulgar(char: str) -> Decimal:
    return Decimal(str(unicodedata.numeric(char))).quantize(Decimal("1e-12")).normalize()


def _extend(text: str, amount: Amount) -> Amount:
    """Read on while the number goes on: scale letters, exponents, slashes, "point", "and a half"."""
    whole = amount.value == amount.value.to_integral_value() and amount.scale == 1
    if amount.rule == "digits":
        amount = _digits_forms(text, amount, whole)
    elif amount.rule == "words" and whole and (m := _POINT.match(text, amount.end)):
        amount = _scaled(text, replace(amount, end=m.end(), value=amount.value + _decimals(m.group(1))))
    if whole and amount.sort == "cardinal" and amount.scale == 1:
        amount = _mixed(text, amount)
    return amount


def _digits_forms(text: str, amount: Amount, whole: bool) -> Amount:
    end = amount.end
    if m := _SUFFIX_SCALE.match(text, end):
        factor = _SCALE_FACTORS[m.group(1)]
        return replace(amount, end=m.end(), value=amount.value * factor, rule="digits-scale", scale=factor)
    if m := _POWER.match(text, end):
        value = amount.value * Decimal(int(m.group(1)) ** int(m.group(2)))
        return replace(amount, end=m.end(), value=value, rule="scientific")
    if m := _SCIENTIFIC.match(text, end):
        exponent = int((m.group(1) or m.group(2)).replace("−", "-"))
        return replace(amount, end=m.end(), value=amount.value.scaleb(exponent), rule="scientific")
    if whole and (m := _SLASH.match(text, end)):
        return _slash(amount, int(amount.value), int(m.group(1)), m.end())
    if whole and (m := _POINT.match(text, end)) and m.group(1).isdigit():
        return _scaled(text, replace(amount, end=m.end(), value=amount.value + _decimals(m.group(1))))
    return amount


def _slash(amount: Amount, numerator: int, denominator: int, end: int) -> Amount:
    if denominator == 0 or numerator >= denominator:  # "24/7", "5/3": no fraction; kept only with a unit
        return replace(amount, end=end, date_like=True)
    date_like = 1 < numerator <= 12 and denominator <= 31
    value = Decimal(numerator) / Decimal(denominator)
    return replace(amount, end=end, value=value, sort="fraction", rule="slash", date_like=date_like)


def _decimals(digits: str) -> Decimal:
    if not digits.isdigit():  # "seven five": one digit a word
        digits = "".join(str(UNITS[w.lower()]) for w in digits.split())
    return Decimal(f"0.{digits}")


def _mixed(text: str, amount: Amount) -> Amount:
    """ "2 1/2", "2½", "two and a half", then a scale: "two and a half million"."""
    part: Decimal | None = None
    end = amount.end
    if (m := _MIXED_SLASH.match(text, end)) and 0 < int(m.group(1)) < int(m.group(2)):
        part, end = Decimal(m.group(1)) / Decimal(m.group(2)), m.end()
    elif m := _VULGAR.match(text, end):
        part, end = _vulgar(m.group(1)), m.end()
    elif (m := _AND.match(text, end)) and (frac := read_fraction(text, m.end())) is not None:
        part, end = frac.value, frac.end
    if part is None or not 0 < part < 1:
        return amount
    return _scaled(text, replace(amount, end=end, value=amount.value + part, rule="mixed"))


def _scaled(text: str, amount: Amount) -> Amount:
    m = SCALE_WORD_RE.match(text, amount.end)
    if not m or m.group(1).lower() not in SCALES:
        return amount
    factor = SCALES[m.group(1).lower()]
    return replace(amount, end=m.end(), value=amount.value * factor, scale=factor)
