"""Money around an amount: the currency before it ("$", "USD", "C$", "Rs"), after it ("10$", "20€",
"42 MYR", "500 Pakistani rupees"), and which currency a shared name means where the text says so.

A name or symbol several currencies share ("rupees", "dinars", "Rs") takes the currency of a country
named within ``CONTEXT`` characters ("Pakistan" -> PKR), else a fallback ("rupee" -> INR), else none:
money of no stated currency.
"""

from __future__ import annotations

import functools
import re

from annotator_numbers.currencies import FALLBACK, currencies
from annotator_numbers.lexicon import alternation

CONTEXT = 300
_TABLES = currencies()
_CODES = alternation(_TABLES.codes)
_SYMBOLS = alternation(_TABLES.symbols)
# Case-sensitive: codes are capitals ("try 5" is no Turkish money), symbols are as CLDR writes them.
PREFIX = re.compile(rf"(?<![A-Za-z])(?:{_SYMBOLS}|{_CODES})\s?(?=[-−]?\.?\d)")
# Where a number starts, and a prefix ending right before it: looked for back from each number
# (a few per article) rather than at each capital letter of the text.
_DIGIT_RUN = re.compile(r"\d+")  # a plain pattern: the engine finds it fast; signs are looked at by hand
_PREFIX_BEFORE = re.compile(rf"(?<![A-Za-z])(?:{_SYMBOLS}|{_CODES})\s?\Z")
_LONGEST = max(len(s) for s in (*_TABLES.symbols, *_TABLES.codes)) + 1
_SUFFIX_SIGNS = [s for s in _TABLES.symbols if not s.isalpha() or s.isupper()]
SUFFIX_SIGN = re.compile(rf"\s?({alternation(_SUFFIX_SIGNS)}|{_CODES})(?![A-Za-z])")
SUFFIX_NAME = re.compile(rf"\s+({alternation(_TABLES.names)})\b", re.I)


def prefix_places(text: str) -> list[int]:
    """Where a currency prefix starts in ``text`` (the scanner tries an amount there)."""
    places = []
    for number in _DIGIT_RUN.finditer(text):
        pos = number.start()
        if pos and text[pos - 1] == ".":
            pos -= 1  # ".77"
        if pos and text[pos - 1] in "-−":
            pos -= 1  # "$-99.99"
        if pos and text[pos - 1] in "0123456789.,":
            continue  # the rest of "1,200" or "3.14"
        before = text[max(0, pos - _LONGEST) : pos].split()
        if not before or before[-1][0].islower() or before[-1] in ("(", "[", ",", "."):
            continue  # "in 2020", "of 5": every prefix starts with a capital letter or a sign
        if m := _PREFIX_BEFORE.search(text, max(0, pos - _LONGEST), pos):
            places.append(m.start())
    return places


def prefix(text: str, pos: int) -> tuple[str | None, int] | None:
    """``(code, where the amount starts)`` for a currency written at ``pos``, or None."""
    m = PREFIX.match(text, pos)
    if not m:
        return None
    sign = m.group(0).rstrip()
    return code_of(sign, text, pos), m.end()


def suffix(text: str, end: int) -> tuple[str | None, int] | None:
    """``(code, new end)`` for a currency written right after an amount ending at ``end``, or None."""
    if m := SUFFIX_SIGN.match(text, end):
        return code_of(m.group(1), text, end), m.end()
    if m := SUFFIX_NAME.match(text, end):
        return code_of(m.group(1).lower(), text, end), m.end()
    return None


def is_name(word: str) -> bool:
    """Whether ``word`` names a currency ("dollar", "ringgits")."""
    return word.lower() in _TABLES.names


def code_of(sign: str, text: str, pos: int) -> str | None:
    """The ISO code a symbol, code or name stands for here."""
    if sign in _TABLES.codes:
        return sign
    code = _TABLES.symbols.get(sign) or _TABLES.names.get(sign)
    if code is not None:
        return code
    shared = _TABLES.shared.get(sign)
    if not shared:
        return None
    return _from_context(shared, text, pos) or FALLBACK.get(sign.lower())


def _from_context(shared: frozenset[str], text: str, pos: int) -> str | None:
    for m in _countries().finditer(text, max(0, pos - CONTEXT), pos + CONTEXT):
        for code in _TABLES.countries[m.group(0)]:
            if code in shared:
                return code
    return None


@functools.lru_cache(maxsize=1)
def _countries() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternation(_TABLES.countries)})")


# A hundredth of the main unit after an amount: "43 cents", "10¢", "1 pence", "43 sen", "4 kopiykas".
MINOR = re.compile(r"\s?(?:¢|c\b)|\s+(?:cents?|penn(?:y|ies)|pence|sens?|kopiykas?|paise|paisa)\b", re.I)
# The currency of a hundredth written alone ("ten cents"): cents and pennies are American, pence British.
MINOR_ALONE = re.compile(r"\s?(?:¢|(?-i:c)\b)|\s+(?:(cents?|penn(?:y|ies))|(pence))\b", re.I)


def minor(text: str, end: int) -> int | None:
    """Where a minor-unit word right after ``end`` ends ("and 43 cents"), or None."""
    m = MINOR.match(text, end)
    return m.end() if m else None


def minor_alone(text: str, end: int) -> tuple[str, int] | None:
    """``(code, end)`` for an amount in cents or pence written alone ("ten cents", "10¢")."""
    m = MINOR_ALONE.match(text, end)
    if not m:
        return None
    return ("GBP" if m.group(2) else "USD"), m.end()
