"""Currencies from CLDR through babel: ISO 4217 codes, symbols and English names of money in use.

The codes are those some territory has as legal tender today (babel's territory data), so "ESP"
or "DEM" are not read; the symbols are CLDR's English ones ("CA$", "A$", "HK$", "₪") and those of
each English-speaking territory for its own currency ("RM" in Malaysia, "Rs" in Pakistan, "₦" in
Nigeria), keeping only symbols that name one currency; the names are CLDR's singular and plural
("Kuwaiti dinar", "Malaysian ringgits") and their last word when that names one currency
("ringgit", "afghanis"). Built once per process (about a tenth of a second).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from babel import Locale
from babel.localedata import locale_identifiers
from babel.numbers import get_territory_currencies

# Codes that are also English words written in capitals ("TOP 10", "ALL 5 seats"): not read as codes.
WORD_CODES = frozenset("ALL BOB CUP GEL MOP PEN SOS TOP".split())
# News spellings CLDR does not list: "C$" for the Canadian dollar (CLDR writes "CA$").
EXTRA_SYMBOLS = {"C$": "CAD", "US$": "USD", "Rs.": None, "Rs": None}
# The currency a bare name means in English news when several share it ("dollars", "rupees"
# without a nationality): dollar and euro as everyone reads them; rupee left to the context.
DEFAULT_FOR_NAME = {"dollar": "USD", "euro": "EUR", "yen": "JPY", "yuan": "CNY"}
# Where a name or symbol several currencies share is met and no country near it says which.
FALLBACK = {"rupee": "INR", "rupees": "INR", "rs": "INR", "rs.": "INR"}
# Last words of CLDR names that are ordinary English words after a number ("5 marks", "a real").
ENGLISH_WORDS = frozenset("mark marks real reals rand som kip kips tala leu lei".split())
# "pound" alone is the unit of mass; only "British pounds", "Egyptian pounds"... are money.
NOT_MONEY_ALONE = frozenset({"pound", "pounds"})
# Words for a hundredth of the main unit, after an amount ("43 cents", "10¢", "1 pence").
MINOR_UNITS = frozenset("cent cents c ¢ penny pennies pence p sen sens kopiyka kopiykas paisa paise".split())


@dataclass(frozen=True)
class Currencies:
    """Everything read from CLDR: codes, symbol -> code, lower-case name -> code (None: unnamed)."""

    codes: frozenset[str]
    symbols: dict[str, str | None]
    names: dict[str, str | None]
    countries: dict[str, list[str]]  # English territory name -> its currencies
    shared: dict[str, frozenset[str]]  # a name or symbol several currencies share -> their codes


@functools.lru_cache(maxsize=1)
def currencies() -> Currencies:
    """The shared tables (CLDR data shipped with babel)."""
    english = Locale("en")
    codes = frozenset(_tender(english) - WORD_CODES)
    countries = {
        name: get_territory_currencies(code, tender=True) for code, name in english.territories.items()
    }
    countries = {name: found for name, found in countries.items() if found}
    shared: dict[str, set[str]] = {}
    names = _names(english, codes, shared)
    symbols = _symbols(english, codes, shared)
    frozen = {key: frozenset(found) for key, found in shared.items()}
    return Currencies(codes, symbols, names, countries, frozen)


def _tender(english: Locale) -> set[str]:
    found: set[str] = set()
    for territory in english.territories:
        found.update(get_territory_currencies(str(territory), tender=True))
    return found


def _symbols(english: Locale, codes: frozenset[str], shared: dict[str, set[str]]) -> dict[str, str | None]:
    """Symbol -> code; a symbol several currencies use ("$", "kr") maps to None, except "$" (USD)."""
    seen: dict[str, set[str]] = {}
    for code in codes:
        seen.setdefault(english.currency_symbols.get(code, code), set()).add(code)
    for ident in locale_identifiers():
        if ident.startswith("en_") and ident.count("_") == 1:
            _add_local_symbol(Locale.parse(ident), codes, seen)
    table = {symbol: next(iter(c)) if len(c) == 1 else None for symbol, c in seen.items() if _usable(symbol)}
    shared.update({symbol: c for symbol, c in seen.items() if len(c) > 1 and _usable(symbol)})
    shared["Rs"] = shared["Rs."] = shared.get("rupee", set())
    return {**table, "$": "USD", "£": "GBP", "¥": "JPY", "€": "EUR", **EXTRA_SYMBOLS}


def _add_local_symbol(locale: Locale, codes: frozenset[str], seen: dict[str, set[str]]) -> None:
    if not locale.territory:
        return
    for code in get_territory_currencies(locale.territory, tender=True)[:1]:
        symbol = locale.currency_symbols.get(code)
        if code in codes and symbol:
            seen.setdefault(symbol, set()).add(code)


def _usable(symbol: str) -> bool:
    """Not a code, and not one letter ("R", "K"): those are words and initials in running text."""
    letters = sum(ch.isalpha() for ch in symbol)
    return not (symbol.isupper() and len(symbol) == 3 and symbol.isalpha()) and not (
        letters == len(symbol) == 1
    )


def _names(english: Locale, codes: frozenset[str], shared: dict[str, set[str]]) -> dict[str, str | None]:
    plural = english._data["currency_names_plural"]  # noqa: SLF001 - babel's only access to plurals
    names: dict[str, str | None] = {}
    last: dict[str, set[str]] = {}
    for code in codes:
        forms = {english.currencies.get(code, ""), plural.get(code, {}).get("other", "")} - {""}
        for form in forms:
            names[form.lower()] = code
            last.setdefault(form.lower().split()[-1], set()).add(code)
    for word, found in last.items():
        if word not in names and word not in NOT_MONEY_ALONE | ENGLISH_WORDS:
            names[word] = next(iter(found)) if len(found) == 1 else None
            if len(found) > 1:
                shared[word] = shared[word.rstrip("s")] = found
    singular = {word.rstrip("s"): code for word, code in DEFAULT_FOR_NAME.items()}
    return {**names, **singular, **{f"{w}s": c for w, c in singular.items()}, "bucks": "USD"}
