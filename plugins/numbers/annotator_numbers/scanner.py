"""Find number expressions in raw text: amount, range, qualifier, currency, percent and unit.

The scanner works on characters only; the annotator then uses the parse to drop what is not a
number here (dates, durations, names such as "Article 370") and to find what is counted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from annotator_numbers import money, units
from annotator_numbers.amounts import Amount, _alternation
from annotator_numbers.forms import VULGAR, read_amount
from annotator_numbers.lexicon import (
    CLOCK_WORDS,
    DENOMINATORS,
    MONEY_SCALE_ABBREVIATIONS,
    MONTHS,
    MULTIPLIERS,
    ORDINALS,
    POST_QUALIFIERS,
    QUALIFIERS,
    SCALES,
    TENS,
    UNITS,
    VAGUE,
)
from annotator_numbers.measures import read_unit

KIND_OF_SORT = {
    "cardinal": "cardinal",
    "vague": "cardinal",
    "ordinal": "ordinal",
    "fraction": "fraction",
    "multiplier": "fraction",
}


@dataclass
class Candidate:
    """One number expression found in the text, before the parse has had its say."""

    start: int
    end: int
    amount: Amount
    kind: str
    value: Decimal
    low: Decimal | None = None
    high: Decimal | None = None
    approx: bool = False
    qualifier: str | None = None
    unit: str | None = None
    si_value: float | None = None
    si_unit: str | None = None
    currency: str | None = None
    rule: str = ""
    temporal: bool = False
    year_like: bool = False
    tags: list[str] = field(default_factory=list)


# First words of every reader in ``amounts``; only there is it worth trying to read an amount.
_FIRST_WORDS = {
    *UNITS,
    *TENS,
    *SCALES,
    *ORDINALS,
    *DENOMINATORS,
    *MULTIPLIERS,
    "a",
    "an",
    "half",
    "minus",
    "negative",
    *(phrase.split()[0] for phrase in VAGUE),
}


def _trie(words: set[str]) -> str:
    """An alternation of ``words`` as a trie, matching the longest word that fits.

    It matches what the alternation sorted longest first matches, but the engine tests each letter
    once instead of each word in turn (TRIGGER is tried at every number-like word).
    """
    by_first: dict[str, set[str]] = {}
    for word in words:
        by_first.setdefault(word[0], set()).add(word[1:])
    parts = []
    for first, rests in sorted(by_first.items()):
        longer = {rest for rest in rests if rest}
        if not longer:
            parts.append(re.escape(first))
        else:  # the longer words first; the empty branch, when ``first`` ends a word, last
            parts.append(f"{re.escape(first)}(?:{_trie(longer)}{'|' if '' in rests else ''})")
    return "|".join(parts)


_SIGNED = rf"(?<![\w.,:/\\)\]-])[-−.](?=\.?\d)|[{VULGAR}]"  # "-5", ".77", "½"
_WORDS = _trie({w.lower() for w in _FIRST_WORDS})
TRIGGER = re.compile(rf"(?-i:{money.PREFIX.pattern})|(?<![\w.,:/\\-])\d|{_SIGNED}|\b(?:{_WORDS})", re.I)
_QUALIFIER_BEFORE = re.compile(rf"(?:^|(?<=[^\w-]))({_alternation(QUALIFIERS)})\s+$", re.I)
# Not before another number: "5 and over 20" is two amounts, "65 and over" one bound.
_POST_QUALIFIER = re.compile(rf"\s+({_alternation(POST_QUALIFIERS)})\b(?!\s*\d)", re.I)
_PLUS = re.compile(r"-plus\b|\+(?!\d)", re.I)
_PERCENT = re.compile(r"\s?%|\s*-?\s*(?:per\s?cent|percent)\b", re.I)
_RANGE_SEP = re.compile(r"-\s+to\s+|\s*(?:-|–|—|to)\s*|\s+or\s+", re.I)
_PLUS_MINUS = re.compile(r"\s*(?:\+/-|\+-|±)\s*")
_BETWEEN = re.compile(r"\b(between|from)\s+$", re.I)
_MONEY_SCALE = re.compile(rf"\s?({_alternation(MONEY_SCALE_ABBREVIATIONS)})\b", re.I)
# What a clock time writes before "pm", "GMT": "3", "11", "2.15", "14:30"; "2.123 pm" is picometres.
_CLOCK_DIGITS = re.compile(r"\d{1,2}(?:[.:][0-5]\d)?|[a-zA-Z ]+")
_CLOCK_AFTER = re.compile(rf"\s*(?:{_alternation(CLOCK_WORDS)})(?![\w])", re.I)
_MONTH_BEFORE = re.compile(rf"\b(?:{'|'.join(MONTHS)})\.?\s+(?:the\s+)?$")
_MONTH_AFTER = re.compile(rf"(?:\s+of)?\s+(?:{'|'.join(MONTHS)})\b")
_YEAR = re.compile(r"\d{4}")
_YEAR_SPAN_END = re.compile(r"\s*-\s*\d{2}\b")  # "2024-25"
# ``_range`` reads its separator case-sensitively ("5 TO 6" is no range): the pattern without re.I.
_RANGE_SEP_CASED = re.compile(_RANGE_SEP.pattern)
_AND_SEP = re.compile(r"\s+and\s+")


# Where TRIGGER may match (a superset): where a run of word characters starts with a digit or with
# the first three letters of one of its words or codes, at a currency sign, and two characters before
# a "$" ("US$", also inside a word: "bus$5"). Same flags as TRIGGER for the letters, so "ſ" and "K"
# (Kelvin) match alike. A run starts after a non-word character: beginning with ``\W`` lets the
# engine skip to the next one in C, and the character class turns most of them away cheaply.
_HEADS = {word.lower()[:3] for word in _FIRST_WORDS}
_HEAD = rf"(?:\d|(?i:{_trie(_HEADS)}))"
_HEAD_INITIALS = "".join(sorted({head[0] for head in _HEADS} | {head[0].upper() for head in _HEADS}))
_BEFORE_HEAD = re.compile(rf"\W(?=[0-9{_HEAD_INITIALS}\x80-\U0010ffff])(?={_HEAD})")
_HEAD_AT = re.compile(_HEAD)


def scan(text: str) -> list[Candidate]:
    """Every number expression in ``text``, left to right, without overlaps."""
    found: list[Candidate] = []
    pos = 0
    for start in _trigger_starts(text):
        if start < pos:
            continue
        cand = read_candidate(text, start)
        if cand is not None:
            found.append(cand)
            pos = cand.end
    return found


def _trigger_starts(text: str) -> Iterator[int]:
    """Where ``TRIGGER.finditer(text)`` finds its matches, in order, without running it on every character.

    TRIGGER's big alternation tried at each of the text's characters cost half the layer's time. It
    can only match where a run of word characters starts (its words and codes follow ``\\b``, its
    digits no word character), at a currency sign, or two characters before a "$" ("bus$5" matches
    "us$"); so it is tried only at ``_places_to_try``. Matches are taken left to right and none is
    looked for inside the previous one, exactly as ``finditer`` does.
    """
    match = TRIGGER.match
    search = 0  # where finditer would look next
    for pos in _places_to_try(text):
        if pos >= search and (m := match(text, pos)):
            yield pos
            search = m.end()


def _places_to_try(text: str) -> list[int]:
    """Every place where TRIGGER may match, ascending (a superset of where it does)."""
    places = {before.end() for before in _BEFORE_HEAD.finditer(text)}
    if _HEAD_AT.match(text):
        places.add(0)  # a run at the very start has no character before it
    places.update(money.prefix_places(text))  # "$5", "US$5", "USD3.14", "Rs 500"
    places.update(m.start() for m in _SIGN_OR_VULGAR.finditer(text))  # "-5", ".77", "½"
    return sorted(places)


_SIGN_OR_VULGAR = re.compile(rf"[-−.](?=\.?\d)|[{VULGAR}]")


def read_candidate(text: str, pos: int) -> Candidate | None:
    """The number expression starting at ``pos`` (after any qualifier), or None."""
    is_money, currency, amount_pos = _currency_prefix(text, pos)
    amount = read_amount(text, amount_pos)
    if amount is None or (is_money and amount.sort != "cardinal"):
        return None
    cand = Candidate(pos, amount.end, amount, KIND_OF_SORT[amount.sort], amount.value, rule=amount.rule)
    cand.low, cand.high, cand.approx = amount.low, amount.high, amount.sort == "vague"
    if is_money:
        _money_scale(text, cand)
        cand.kind, cand.currency, cand.rule = "money", currency, "money"
    if amount.rule == "article" and not _unit_word_after(text, amount.end):
        return None  # "a" alone is a number only before a unit or currency ("a gallon", "a dollar")
    _range(text, cand)
    _suffix(text, cand)
    if (amount.date_like or amount.rule == "article") and cand.kind not in ("quantity", "money", "age"):
        return None  # "9/11", "3/4" without a unit may be dates; "a" + a unit word that was no unit
    _qualifiers(text, cand)
    _temporal(text, cand)
    return cand


def _unit_word_after(text: str, end: int) -> bool:
    """Whether the next word can name a unit or a currency (one cached look-up each)."""
    m = _NEXT_WORD.match(text, end)
    if m is None:
        return False
    word = m.group(1)
    return (
        money.is_name(word)
        or units.resolve((word,)) is not None
        or units.resolve((word.lower(),)) is not None
    )


_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)\b(?![$€£¥])")


def _currency_prefix(text: str, pos: int) -> tuple[bool, str | None, int]:
    """(money?, ISO code or None, where the amount starts)."""
    if text[pos : pos + 1].islower():
        return False, None, pos  # most triggers are words; every prefix starts with a capital or a sign
    found = money.prefix(text, pos)
    return (False, None, pos) if found is None else (True, *found)


def _money_scale(text: str, cand: Candidate) -> None:
    """ "$5m", "$2.5 bn": abbreviated scales that are only scales after a currency."""
    if cand.amount.rule != "digits":
        return
    m = _MONEY_SCALE.match(text, cand.end)
    if m:
        cand.value *= MONEY_SCALE_ABBREVIATIONS[m.group(1).lower()]
        cand.end = m.end()


def _range(text: str, cand: Candidate) -> None:
    """ "5-10", "five to six", "between 5 and 10", "9.83 +/- 0.01": low and high, value = low."""
    if cand.amount.sort != "cardinal":
        return
    if (m := _PLUS_MINUS.match(text, cand.end)) and (other := read_amount(text, m.end())) and other.digits:
        cand.low, cand.high = cand.value - other.value, cand.value + other.value
        cand.value, cand.end, cand.rule = cand.low, other.end, "range"
        return
    between = _BETWEEN.search(text, max(0, cand.start - 10), cand.start)
    sep = _AND_SEP if between and between.group(1).lower() == "between" else _RANGE_SEP_CASED
    m = sep.match(text, cand.end)
    if not m or (m.group(0).strip().lower() == "or" and cand.amount.digits):
        return
    if cand.kind == "money":
        _, _, after = _currency_prefix(text, m.end())
    else:
        after = m.end()
    other = read_amount(text, after)
    if other is None or other.sort != "cardinal" or other.digits != cand.amount.digits:
        return
    if other.value <= cand.value and not between:
        return
    if other.scale > 1 and cand.amount.scale == 1 and cand.value < other.value / other.scale:
        cand.value *= other.scale  # "1.5 to 2 million": the scale is shared
    cand.low, cand.high, cand.end, cand.rule = cand.value, other.value, other.end, "range"
    if between:
        cand.start = between.start()


def _suffix(text: str, cand: Candidate) -> None:
    """Percent sign, currency word, "-plus", or a unit after the amount."""
    if m := _PLUS.match(text, cand.end):
        cand.qualifier, cand.end = ">=", m.end()
    if cand.kind == "fraction" and (m := _OF_A.match(text, cand.end)):
        _fraction_unit(text, cand, m.end())
    if cand.kind not in ("cardinal", "money"):
        return
    if _CLOCK_AFTER.match(text, cand.end) and _CLOCK_DIGITS.fullmatch(
        text, cand.amount.start, cand.amount.end
    ):
        cand.temporal = True
    elif m := _PERCENT.match(text, cand.end):
        cand.kind, cand.end, cand.rule = "percent", m.end(), "percent"
    elif cand.kind == "cardinal" and (minor := money.minor_alone(text, cand.end)):
        cand.kind, cand.currency, cand.end, cand.rule = "money", minor[0], minor[1], "minor"
        cand.value /= 100
    elif cand.kind == "cardinal" and (found := _currency_after(text, cand)):
        cand.kind, cand.currency, cand.end, cand.rule = "money", found[0], found[1], "money"
    elif cand.kind == "cardinal":
        read_unit(text, cand)


def _fraction_unit(text: str, cand: Candidate, end: int) -> None:
    """ "half a gallon", "1/2 gallon", "a tenth of a litre", "½ tbsp": a fraction of a unit is a quantity."""
    before = cand.end
    cand.end = end
    read_unit(text, cand)
    if cand.kind != "quantity":
        cand.end = before


_OF_A = re.compile(r"(?:\s+of)?(?:\s+an?(?=\s))?")


def _currency_after(text: str, cand: Candidate) -> tuple[str | None, int] | None:
    """ "10$", "20 €", "42 MYR", "500 Pakistani rupees", and "10k$" (a money-only scale before the sign)."""
    found = money.suffix(text, cand.end)
    if found is None and cand.amount.rule == "digits" and (m := _MONEY_SCALE.match(text, cand.end)):
        found = money.suffix(text, m.end())
        if found is not None:
            cand.value *= MONEY_SCALE_ABBREVIATIONS[m.group(1).lower()]
    return found


def _qualifiers(text: str, cand: Candidate) -> None:
    if m := _POST_QUALIFIER.match(text, cand.end):
        qualifier, approx = POST_QUALIFIERS[m.group(1).lower()]
        cand.qualifier, cand.approx, cand.end = qualifier, cand.approx or approx, m.end()
    if cand.rule == "range":
        return
    if m := _QUALIFIER_BEFORE.search(text, max(0, cand.start - 20), cand.start):
        qualifier, approx = QUALIFIERS[" ".join(m.group(1).lower().split())]
        cand.qualifier, cand.approx, cand.start = qualifier, cand.approx or approx, m.start(1)


def _temporal(text: str, cand: Candidate) -> None:
    """Mark years, days of months and clock times; the annotator drops them (they are the dates plugin's)."""
    amount = cand.amount
    if _MONTH_BEFORE.search(text, max(0, amount.start - 16), amount.start) or _MONTH_AFTER.match(
        text, amount.end
    ):
        cand.temporal = cand.temporal or amount.digits
    raw = text[amount.start : amount.end]
    if _YEAR.fullmatch(raw) and 1000 <= int(raw) <= 2100 and cand.kind == "cardinal":
        cand.year_like = True
    if cand.year_like and _YEAR_SPAN_END.match(text, amount.end):
        cand.temporal = True  # "2024-25"
