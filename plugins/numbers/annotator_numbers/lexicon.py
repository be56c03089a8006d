"""Word lists of the numbers annotator: number words, scales, vague amounts, qualifiers, currencies.

These are vocabulary, not conversions: every unit conversion goes through pint (see ``units``).
"""

from __future__ import annotations

import re
from decimal import Decimal


def alternation(words: object) -> str:
    """A regex alternation of ``words``, escaped, longest first (so "bn" does not stop "bnx")."""
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))  # type: ignore[call-overload]


_SMALL = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()

UNITS: dict[str, int] = {**{w: i for i, w in enumerate(_SMALL)}, "naught": 0, "nought": 0}
TENS: dict[str, int] = {w: 20 + 10 * i for i, w in enumerate(_TENS)}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12}
# South Asian scales, as English-language news there writes them ("5 lakh", "three crore").
_SOUTH_ASIAN = {"lakh": 10**5, "lac": 10**5, "crore": 10**7}
# Scale words, singular and plural ("three billions", "12 lakhs" are scales after a number too).
SCALES: dict[str, int] = {
    **_SCALES,
    **_SOUTH_ASIAN,
    **{f"{word}s": value for word, value in (*_SCALES.items(), *_SOUTH_ASIAN.items())},
}
# Scales written right after digits: "2.5bn", "$5m", "1.2 mn", "$30k". Bare "m" and "k" only with money.
SCALE_ABBREVIATIONS: dict[str, int] = {"bn": 10**9, "mn": 10**6, "tn": 10**12, "trn": 10**12}
MONEY_SCALE_ABBREVIATIONS: dict[str, int] = {
    **SCALE_ABBREVIATIONS,
    "m": 10**6,
    "k": 1000,
    "b": 10**9,
    "t": 10**12,
}

_ORDINAL_SMALL = (
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
).split()
_ORDINAL_TENS = "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split()
ORDINALS: dict[str, int] = {
    **{w: i for i, w in enumerate(_ORDINAL_SMALL)},
    **{w: 20 + 10 * i for i, w in enumerate(_ORDINAL_TENS)},
    "hundredth": 100,
    "thousandth": 1000,
    "millionth": 10**6,
}

# Denominators of word fractions ("a third", "two-thirds", "three quarters", "a fifth of").
DENOMINATORS: dict[str, int] = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fourth": 4,
    "fourths": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "eighth": 8,
    "eighths": 8,
    "tenth": 10,
    "tenths": 10,
}
MULTIPLIERS: dict[str, int] = {"twice": 2, "thrice": 3}

# Vague amounts: (low, high) as documented in docs/numbers.md; ``value`` is the low bound.
VAGUE: dict[str, tuple[Decimal, Decimal]] = {
    "tens of thousands": (Decimal(20000), Decimal(99999)),
    "hundreds of thousands": (Decimal(200000), Decimal(999999)),
    "tens of millions": (Decimal(20 * 10**6), Decimal(99_999_999)),
    "hundreds of millions": (Decimal(200 * 10**6), Decimal(999_999_999)),
    "dozens": (Decimal(24), Decimal(99)),
    "scores": (Decimal(40), Decimal(99)),
    "hundreds": (Decimal(200), Decimal(999)),
    "thousands": (Decimal(2000), Decimal(9999)),
    "millions": (Decimal(2 * 10**6), Decimal(9_999_999)),
    "billions": (Decimal(2 * 10**9), Decimal(9_999_999_999)),
    "a handful": (Decimal(2), Decimal(5)),
    "several": (Decimal(3), Decimal(7)),
    "a few": (Decimal(2), Decimal(5)),
    "a couple": (Decimal(2), Decimal(3)),
}

# Words before an amount and the qualifier they give; (qualifier, approx).
QUALIFIERS: dict[str, tuple[str, bool]] = {
    "more than": (">", False),
    "over": (">", False),
    "above": (">", False),
    "in excess of": (">", False),
    "upwards of": (">", False),
    "greater than": (">", False),
    "just over": (">", False),
    "at least": (">=", False),
    "no fewer than": (">=", False),
    "no less than": (">=", False),
    "a minimum of": (">=", False),
    "fewer than": ("<", False),
    "less than": ("<", False),
    "under": ("<", False),
    "below": ("<", False),
    "just under": ("<", False),
    "up to": ("<=", False),
    "at most": ("<=", False),
    "no more than": ("<=", False),
    "as many as": ("<=", False),
    "a maximum of": ("<=", False),
    "about": ("~", True),
    "around": ("~", True),
    "roughly": ("~", True),
    "approximately": ("~", True),
    "some": ("~", True),
    "an estimated": ("~", True),
    "nearly": ("~", True),
    "almost": ("~", True),
    "close to": ("~", True),
}
# Words after an amount: "600 or more", "a dozen or so".
POST_QUALIFIERS: dict[str, tuple[str, bool]] = {
    "or more": (">=", False),
    "or so": ("~", True),
    "or fewer": ("<=", False),
    "or less": ("<=", False),
    "and over": (">=", False),  # "people 65 and over": the amount itself is included
    "and above": (">=", False),
    "and under": ("<=", False),
    "and below": ("<=", False),
}

# Currencies (codes, symbols, names) come from CLDR through babel: see ``currencies``.

TIME_UNITS = frozenset(
    "second seconds minute minutes hour hours day days week weeks fortnight fortnights month months "
    "year years decade decades century centuries".split()
)
MONTHS = (
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"
).split()
CLOCK_WORDS = frozenset("am pm a.m. p.m. gmt utc pkt ist o'clock hrs".split())
# pint units that are English words in news ("5 points", "two turns", "a line") are not measures here.
DENIED_UNITS = frozenset(
    "point turn line pica hand grain stone drop bag count dozen gross score decade "
    # ordinary nouns after "a" or a number in news: "a league", "two shots", "a chain of", "a barn"
    "barn league chain rod link shot peck are stere rem".split()
)
# Unit words that are English words only when written so ("a bit more"); "8 bits", "5 kilobits" are units.
DENIED_WORDS = frozenset({"bit", "bus"})  # "bus" is read by pint as bushels
