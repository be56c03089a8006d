"""Read one bare amount at a position of the text: digits, number words, ordinals, fractions, vague words.

Values are :class:`~decimal.Decimal` so "1.2 million" is exactly 1200000 and "a third" keeps its
precision until the span is built; nothing here looks at the parse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from annotator_numbers.lexicon import (
    DENOMINATORS,
    MULTIPLIERS,
    ORDINALS,
    SCALE_ABBREVIATIONS,
    SCALES,
    TENS,
    UNITS,
    VAGUE,
    alternation,
)


@dataclass
class Amount:
    """A bare amount: where it is, its value, and what sort of number it is."""

    start: int
    end: int
    value: Decimal
    sort: str  # cardinal, ordinal, fraction, multiplier, vague
    rule: str
    low: Decimal | None = None
    high: Decimal | None = None
    digits: bool = False
    scale: int = 1
    date_like: bool = False  # "3/4", "9/11": a fraction that may be a day and a month


_alternation = alternation


_NUMWORD = _alternation([*UNITS, *TENS, *SCALES, "dozen", "dozens"])
_SEP = r"(?:\s*[-–—]\s*|\s+(?:and|&)\s+|\s*,\s*|\s+)"
WORDS_RE = re.compile(rf"(?:an?\s+)?\b(?:{_NUMWORD})(?:{_SEP}(?:{_NUMWORD}))*\b", re.I)
# Thousands grouped by commas or by single spaces ("10 000", "1 250 000"), decimals, ".77".
_GROUPED = r"\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.]\d)"
DIGITS_RE = re.compile(rf"(?:(?:{_GROUPED}|\d+)(?:\.\d+)?|\.\d+)(?!\d|[,.:]\d)")
SCALE_WORD_RE = re.compile(rf"\s*-?\s*({_alternation([*SCALES, 'dozen', 'dozens'])})\b", re.I)
SCALE_ABBR_RE = re.compile(rf"\s?({_alternation(SCALE_ABBREVIATIONS)})\b", re.I)
ORDINAL_DIGITS_RE = re.compile(r"(\d+)(st|nd|rd|th)\b", re.I)
_ORD_WORD = _alternation(ORDINALS)
ORDINAL_WORDS_RE = re.compile(rf"\b(?:({_alternation(TENS)})(?:\s*[-–—]\s*|\s+)?)?({_ORD_WORD})\b", re.I)
VAGUE_RE = re.compile(rf"\b({_alternation(VAGUE)})\b(?!-)", re.I)
_NUMERATOR = _alternation([*UNITS, "a", "an"])
FRACTION_RE = re.compile(rf"\b(?:({_NUMERATOR})[\s-]+)?({_alternation(DENOMINATORS)})\b(?!-)", re.I)
ONE_IN_RE = re.compile(rf"\b(one|a)\s+in\s+({_alternation(UNITS)}|\d+)\b", re.I)
MULTIPLIER_RE = re.compile(
    rf"\b(?:({_alternation(MULTIPLIERS)})|({_NUMWORD}|\d+)(?:[\s-]?fold|\s+times(?=\s+(?:as|more|larger|"
    rf"bigger|higher|greater|the|that|what)\b)))\b",
    re.I,
)
ARTICLE_RE = re.compile(r"\b(?:an?|An?)\b(?=\s+[A-Za-z])")
HALF_A_RE = re.compile(rf"\bhalf\s+an?\s+({_alternation([*SCALES, 'dozen'])})\b", re.I)
# Vague words that are a count only before "of": "scores of people" (not football scores).
NEEDS_OF = frozenset({"scores", "a couple"})
_OF_RE = re.compile(r"\s+of\b")
_NEXT_WORD_RE = re.compile(r"\s+([A-Za-z]+)")
_LETTERS_RE = re.compile(r"[A-Za-z]+")
_LOWER_LETTERS_RE = re.compile(r"[a-z]+")
_ASCII_LETTER_WORD_RE = re.compile(r"[A-Za-z]\w*")
# Every whole word a reader's match can begin with (lower case); "twofold" is the one that is not whole.
_STARTING_WORDS = frozenset(
    {
        *UNITS,
        *TENS,
        *SCALES,
        "dozen",
        *ORDINALS,
        *DENOMINATORS,
        *MULTIPLIERS,
        "a",
        "an",
        "half",
        *(phrase.split()[0] for phrase in VAGUE),
    }
)


def read_bare(text: str, pos: int) -> Amount | None:
    """The amount that starts exactly at ``pos``, or None (``forms.read_amount`` reads on)."""
    if not _may_start(text, pos):
        return None
    for reader in (_vague, _half_a, _one_in, _fraction, _multiplier, _ordinal, _digits, _words, _article):
        found = reader(text, pos)
        if found is not None:
            return found
    return None


def _may_start(text: str, pos: int) -> bool:
    """False when no reader can match at ``pos``: an ASCII word that starts none of them.

    Most positions the scanner tries are words like "after" or "and"; turning them away with one
    set lookup saves eight regex matches each. Non-ASCII words go to the readers (``re.I`` matches
    "ſ" as "s"), and so does anything that is not a letter.
    """
    found = _ASCII_LETTER_WORD_RE.match(text, pos)
    if found is None:
        return True
    word = found.group()
    if not word.isascii():
        return True
    word = word.lower()
    return word in _STARTING_WORDS or word.endswith("fold") or word.startswith(_TENS_WORDS)


_TENS_WORDS = tuple(TENS)  # "twentyfifth", written as one word


def _vague(text: str, pos: int) -> Amount | None:
    m = VAGUE_RE.match(text, pos)
    if not m:
        return None
    key = " ".join(m.group(1).lower().split())
    if key in NEEDS_OF and not _OF_RE.match(text, m.end()):
        return None
    low, high = VAGUE[key]
    return Amount(pos, m.end(), low, "vague", "vague", low=low, high=high)


def _half_a(text: str, pos: int) -> Amount | None:
    m = HALF_A_RE.match(text, pos)
    if not m:
        return None
    scale = SCALES.get(m.group(1).lower(), 12)
    return Amount(pos, m.end(), Decimal(scale) / 2, "cardinal", "words")


def _one_in(text: str, pos: int) -> Amount | None:
    m = ONE_IN_RE.match(text, pos)
    if not m:
        return None
    den = m.group(2).lower()
    value = Decimal(UNITS[den]) if den in UNITS else Decimal(den)
    if value == 0:
        return None
    return Amount(pos, m.end(), 1 / value, "fraction", "one-in")


def read_fraction(text: str, pos: int) -> Amount | None:
    """A word fraction at ``pos`` ("a half", "three quarters"), or None."""
    return _fraction(text, pos)


def _fraction(text: str, pos: int) -> Amount | None:
    m = FRACTION_RE.match(text, pos)
    if not m:
        return None
    numerator, denominator = (m.group(1) or "").lower(), m.group(2).lower()
    if not numerator and denominator != "half":
        return None  # "third" alone is an ordinal, "quarter" alone a period
    if numerator in ("a", "an") and denominator not in ("half", "quarter") and _noun_follows(text, m.end()):
        return None  # "a third time": an ordinal
    num = 1 if numerator in ("", "a", "an") else UNITS[numerator]
    if num == 0 or (num > 1 and not denominator.endswith("s") and denominator != "half"):
        return None
    return Amount(pos, m.end(), Decimal(num) / DENOMINATORS[denominator], "fraction", "fraction")


def _noun_follows(text: str, pos: int) -> bool:
    """A word other than "of" comes next, as in "a third time" (not "a third of", "by a third.")."""
    m = _NEXT_WORD_RE.match(text, pos, pos + 30)
    return m is not None and m.group(1).lower() not in ("of", "and", "or", "to", "in")


def _multiplier(text: str, pos: int) -> Amount | None:
    m = MULTIPLIER_RE.match(text, pos)
    if not m:
        return None
    if m.group(1):
        return Amount(pos, m.end(), Decimal(MULTIPLIERS[m.group(1).lower()]), "multiplier", "multiplier")
    word = m.group(2).lower()
    value = _word_value(word) if not word.isdigit() else Decimal(word)
    return None if value is None else Amount(pos, m.end(), value, "multiplier", "multiplier")


def _ordinal(text: str, pos: int) -> Amount | None:
    m = ORDINAL_DIGITS_RE.match(text, pos)
    if m:
        return Amount(pos, m.end(), Decimal(m.group(1)), "ordinal", "ordinal-digits", digits=True)
    m = ORDINAL_WORDS_RE.match(text, pos)
    if not m:
        return None
    tens = TENS[m.group(1).lower()] if m.group(1) else 0
    unit = ORDINALS[m.group(2).lower()]
    if tens and unit >= 10:
        return None
    return Amount(pos, m.end(), Decimal(tens + unit), "ordinal", "ordinal-words")


def _digits(text: str, pos: int) -> Amount | None:
    m = DIGITS_RE.match(text, pos)
    if not m:
        return None
    value = Decimal(re.sub(r"[,\s]", "", m.group(0)))
    end = m.end()
    scale = SCALE_WORD_RE.match(text, end) or SCALE_ABBR_RE.match(text, end)
    if scale:
        word = scale.group(1).lower()
        factor = SCALES.get(word) or SCALE_ABBREVIATIONS.get(word) or 12  # the rest: "dozen(s)"
        return Amount(pos, scale.end(), value * factor, "cardinal", "digits-scale", digits=True, scale=factor)
    return Amount(pos, end, value, "cardinal", "digits", digits=True)


def _words(text: str, pos: int) -> Amount | None:
    m = WORDS_RE.match(text, pos)
    if not m:
        return None
    words = list(_LETTERS_RE.finditer(m.group(0)))
    lowered = [w.group(0).lower() for w in words]
    article = lowered[0] in ("a", "an")
    commas = {
        i - article for i in range(1, len(words)) if "," in m.group(0)[words[i - 1].end() : words[i].start()]
    }
    parsed = parse_words(lowered[1:] if article else lowered, article, commas)
    if parsed is None:
        return None
    value, used = parsed
    last = words[used - (0 if article else 1)]
    return Amount(pos, pos + last.end(), value, "cardinal", "words")


def _article(text: str, pos: int) -> Amount | None:
    """ "a"/"an" as one before a unit or a currency ("a gallon", "an ml"); the scanner checks the word."""
    m = ARTICLE_RE.match(text, pos)
    return Amount(pos, m.end(), Decimal(1), "cardinal", "article") if m else None


def _word_value(word: str) -> Decimal | None:
    parsed = parse_words(_LOWER_LETTERS_RE.findall(word), False)
    return parsed[0] if parsed else None


def parse_words(
    words: list[str], article: bool, commas: set[int] | None = None
) -> tuple[Decimal, int] | None:
    """Value of the longest well-formed number at the start of ``words`` and how many words it used.

    "two hundred and fifty" is 250; "two three" stops after "two"; with ``article`` ("a hundred")
    the first word must be a scale. A comma (before the words at ``commas``) may only follow a scale
    ("three million, two hundred"), so "one hundred, two hundred" stays a list. A scale larger than
    all before it multiplies the whole ("three thousand millions").
    """
    total, group, last, used = 0, 1 if article else 0, "article" if article else "", 0
    for i, word in enumerate(words):
        if commas and i in commas and last != "big":
            break
        if last == "big" and group == 0 and SCALES.get(word, 0) > total:
            total, used = total * SCALES[word], i + 1  # "three thousand millions"
            continue
        step = _step(word, group, last)
        if step is None:
            break
        add_total, group, last = step
        total += add_total
        if last != "and":
            used = i + 1
    if used == 0:
        return None
    if last == "and":
        total, group = _undo_and(words, used)
    return Decimal(total + group), used


def _undo_and(words: list[str], used: int) -> tuple[int, int]:
    """Re-read the words actually used when the sequence ended on a dangling "and"."""
    parsed = parse_words(words[:used], False)
    return (0, int(parsed[0])) if parsed else (0, 0)


def _step(word: str, group: int, last: str) -> tuple[int, int, str] | None:
    """One word of a spelled-out number: (amount moved to the total, new group, new state) or None."""
    if word in UNITS:
        value = UNITS[word]
        ok = last in ("", "big", "hundred", "and") or (last == "tens" and 0 < value < 10)
        return (0, group + value, "unit") if ok else None
    if word in TENS:
        return (0, group + TENS[word], "tens") if last in ("", "big", "hundred", "and") else None
    if word == "hundred":
        return (0, group * 100, "hundred") if last in ("unit", "tens", "article") and group < 100 else None
    if word in ("dozen", "dozens"):
        return (0, group * 12, "dozen") if last in ("unit", "tens", "hundred", "article") else None
    if word in SCALES:
        ok = last in ("unit", "tens", "hundred", "article", "dozen") and group > 0
        return (group * SCALES[word], 0, "big") if ok else None
    if word == "and":
        return (0, group, "and") if last in ("hundred", "big") else None
    return None
