"""Run a rule's pattern only where it can match: near a word that every one of its matches contains.

Scanning ~36 patterns over the whole text cost ~9 ms a document, yet most rules match nowhere (no
"century", no clock digits). Each rule may declare a :class:`Trigger`: a cheap pattern finding the core
that every match contains (a month name, a unit word), and ``reach``, the most whitespace runs a match
can have before that core. A match can then only start at a word start from ``reach`` tokens before a
trigger hit up to the hit's end, so :func:`rule_matches` tries ``pattern.match`` there alone, in text
order, skipping what the previous match consumed: exactly the matches ``pattern.finditer`` returns.
``reach=None`` only skips a rule whose trigger is absent from the document.

Trying more places than needed never changes the result (``pattern.match`` simply fails there), so the
hits and windows may be a superset. What is found is shared by all rules of a document (:class:`Scan`):
the letter words of every folded trigger come from one pass over the text's runs of letters
(:mod:`annotator_dates.hit_table`), other literals from ``str.find`` once each, the hits of a trigger
led by a digit from the text's digits; each window is cut from the text's token and word-start lists.
Before ``re`` is called at a start, the pattern's lead (:mod:`annotator_dates.leads`: the characters a
match can begin with, read from the pattern) refuses most starts for the price of a set look-up.
A rule declared the old way, ``Trigger(pattern, reach, folded, starts, back)``, needs nothing else:
making the trigger registers its words with the hit table.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from annotator_dates.char_classes import DIGIT, SPACE, WORD, CharClasses
from annotator_dates.hit_table import LETTERS, TABLE
from annotator_dates.leads import lead
from annotator_dates.literals import Literals

# Characters that ``re`` matches case-insensitively to an ASCII letter but ``str.lower`` does not map
# to it (U+212A KELVIN SIGN lowers to "k"; U+0130 lowers to two characters and disables the prefilter).
FOLD_FIXES = {"ı": "i", "ſ": "s"}
WORD_START = re.compile(r"\b\w")
TOKEN = re.compile(r"\S+")


@dataclass(frozen=True)
class Trigger:
    """What every match of a rule contains, and how many whitespace runs a match has before it.

    ``starts`` optionally lists literal strings, one of which every hit of ``pattern`` has exactly
    ``back`` characters after its start: ``str.find`` locates them far faster than ``re`` scans an
    alternation or a leading ``\\d`` at every position, and ``pattern.match`` confirms each.
    ``backwards`` says that ``pattern`` is written for the reversed text, for a trigger that starts with
    a class but ends with a literal (``re`` skips quickly to a literal); its hits must never overlap,
    so that scanning from either end finds them all.
    """

    pattern: re.Pattern[str]
    reach: int | None
    folded: bool = True
    starts: tuple[str, ...] = ()
    back: int = 0
    backwards: bool = False

    def __post_init__(self) -> None:
        """Register the trigger's letter words with the hit table (it reads runs for them from now on)."""
        words = tuple(word for word in self.starts if LETTERS.fullmatch(word))
        slot = TABLE.register(self.pattern, words, self.back) if self.folded and words else None
        object.__setattr__(self, "_slot", slot)  # not a field: equality and hashing ignore it
        object.__setattr__(self, "_others", tuple(word for word in self.starts if word not in words))


class Scan:
    """One document's text, its case-folded copy, and the trigger hits and candidates found so far.

    Everything is found once per document and shared by the rules: the hits of each trigger
    pattern (whatever ``reach`` the rules give it), the candidates of each (trigger, reach), the
    whitespace-separated tokens and the word starts, from which a window's candidates are sliced.
    Caches are keyed by the trigger pattern's id, never by the pattern itself: hashing a compiled
    pattern hashes all of its code, microseconds for the long ones, and that once per rule and
    document was a tenth of the layer's time.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded: str | None = _folded(text)
        # lower-casing maps no character to or from a digit, so both texts share the digits' offsets
        folded = Literals(self.folded, self.digits) if self.folded is not None else Literals("")
        self._literals = {True: folded, False: Literals(text, self.digits)}
        self._hits: dict[tuple[int, bool], list[tuple[int, int]]] = {}
        self._candidates: dict[tuple[int, bool, int], list[int]] = {}
        self._chars: dict[tuple[int, bool, int], str] = {}

    @functools.cached_property
    def backwards(self) -> str:
        """The text reversed (kept for callers of the old walk back over tokens)."""
        return self.text[::-1]

    @functools.cached_property
    def classes(self) -> CharClasses:
        """Which characters of the text are spaces, word characters and digits (one array pass)."""
        return CharClasses(self.text)

    @functools.cached_property
    def tokens(self) -> tuple[list[int], list[int]]:
        """Starts and ends of the text's whitespace-separated tokens (``\\S+``), in text order."""
        return self.classes.runs(SPACE, value=False)

    @functools.cached_property
    def words(self) -> list[int]:
        """Every word start (``\\b\\w``: the first character of each run of ``\\w``), in text order."""
        return self.classes.runs(WORD)[0]

    def digits(self) -> list[int]:
        """Every offset of a character ``\\d`` matches, in text order."""
        return self.classes.positions(DIGIT)

    def hits(self, trigger: Trigger) -> list[tuple[int, int]]:
        """(start, end) of trigger occurrences, on the folded or the original text (found once).

        Every hit ``trigger.pattern.finditer`` would give is included, in text order.
        """
        key = (id(trigger.pattern), trigger.folded)
        found = self._hits.get(key)
        if found is None:
            found = self._hits[key] = self._find(trigger)
        return found

    @functools.cached_property
    def table(self) -> tuple[dict[int, list[int]], int]:
        """Hit starts per slot of the hit table in the folded text, and how many slots it knew then."""
        return TABLE.starts(self.folded or ""), len(TABLE.keep)

    def _find(self, trigger: Trigger) -> list[tuple[int, int]]:
        """A trigger's hits: its letter words' starts from the hit table, the rest as ``find_hits``."""
        slot: int | None = trigger.__dict__.get("_slot")
        literals = self._literals[trigger.folded]
        if slot is None or self.folded is None or trigger.backwards or slot >= self.table[1]:
            return find_hits(trigger, literals)
        starts = self.table[0].get(slot, [])
        back, others = trigger.back, trigger.__dict__["_others"]
        if others:
            more = {at - back for word in others for at in literals.offsets(word) if at >= back}
            starts = sorted(more.union(starts)) if more else starts
        if starts and starts[0] < 0:  # a word at the text's start, ``back`` characters in too few
            starts = [at for at in starts if at >= 0]
        return confirmed(trigger, self.folded, starts)

    def candidates(self, trigger: Trigger, reach: int) -> list[int]:
        """The word starts where a rule with this trigger may match (computed once per trigger)."""
        key = (id(trigger.pattern), trigger.folded, reach)
        found = self._candidates.get(key)
        if found is None:
            found = self._candidates[key] = candidate_starts(self.hits(trigger), reach, self)
        return found

    def _leading(self, trigger: Trigger, reach: int) -> str:
        """The first character of each candidate, as one string (kept once per trigger and reach)."""
        key = (id(trigger.pattern), trigger.folded, reach)
        chars = self._chars.get(key)
        if chars is None:
            text = self.text
            chars = self._chars[key] = "".join([text[at] for at in self.candidates(trigger, reach)])
        return chars

    def reach_back(self, start: int, reach: int) -> int:
        """Where the token ``reach`` tokens before the one at ``start`` begins (or the first token).

        The token "at" ``start`` is the one holding the character before it, if that is no space:
        a hit may begin inside a token ("mid-October"). Tokens are whitespace-separated, so
        ``reach`` counts the whitespace runs a match may have before the hit.
        """
        starts, ends = self.tokens
        inside = bisect.bisect_right(starts, start - 1) - 1
        if start > 0 and inside >= 0 and ends[inside] > start - 1:
            at, before = starts[inside], inside
        else:
            at, before = start, inside + 1
        return at if reach == 0 or before == 0 else starts[max(before - reach, 0)]

    def word_starts(self, lo: int, hi: int) -> list[int]:
        """Word starts from ``lo`` to ``hi`` inclusive (``\\b`` still sees the character before ``lo``)."""
        words = self.words
        return words[bisect.bisect_left(words, lo) : bisect.bisect_right(words, hi)]

    def matches(self, pattern: re.Pattern[str], trigger: Trigger | None) -> list[re.Match[str]]:
        """The matches of ``pattern.finditer(self.text)``, trying only where the trigger allows.

        A candidate whose first character the pattern cannot begin with, or that follows a
        character its leading lookbehind refuses, is skipped without calling ``re``
        (:mod:`annotator_dates.leads`): most candidates are refused so, at the cost of a set look-up.
        """
        if trigger is None or self.folded is None:
            return list(pattern.finditer(self.text))
        if not self.hits(trigger):
            return []
        if trigger.reach is None:
            return list(pattern.finditer(self.text))
        first, not_after, _ = lead(pattern)
        text, match, end, found = self.text, pattern.match, 0, []
        starts: Iterable[int] = self.candidates(trigger, trigger.reach)
        chars = self._leading(trigger, trigger.reach)
        if chars.isascii():  # the lead's test for every candidate at once, in C
            starts = itertools.compress(starts, map(first.__contains__, chars))
        for start in starts:
            if start < end:
                continue
            if (char := text[start]) not in first and char < "\x80":
                continue
            if start and text[start - 1] in not_after:
                continue
            m = match(text, start)
            if m is not None:
                found.append(m)
                end = m.end()
        return found


def _folded(text: str) -> str | None:
    """The lower-cased text with offsets kept, or None when lower-casing changes its length (U+0130)."""
    folded = text.lower()
    if not folded.isascii():
        for char, fixed in FOLD_FIXES.items():
            folded = folded.replace(char, fixed)
    return folded if len(folded) == len(text) else None


def find_hits(trigger: Trigger, literals: Literals) -> list[tuple[int, int]]:
    """Trigger hits in ``literals.text``: by ``finditer``, or where a literal of ``starts`` allows one."""
    target = literals.text
    if trigger.backwards:
        size = len(target)
        return [(size - m.end(), size - m.start()) for m in trigger.pattern.finditer(target[::-1])][::-1]
    if not trigger.starts and not lead(trigger.pattern).digits_only:
        return [m.span() for m in trigger.pattern.finditer(target)]
    back = trigger.back
    if trigger.starts:
        starts = sorted({at - back for word in trigger.starts for at in literals.offsets(word) if at >= back})
    else:  # every hit begins with a digit: try the digits (overlapping hits are more, never fewer)
        starts = literals.digits
    return confirmed(trigger, target, starts)


def confirmed(trigger: Trigger, target: str, starts: list[int]) -> list[tuple[int, int]]:
    """(start, end) of the trigger's pattern matched at each start its lead allows, in order."""
    first, not_after, _ = lead(trigger.pattern)
    match = trigger.pattern.match
    return [
        (start, m.end())
        for start in starts
        if ((char := target[start]) in first or char >= "\x80")
        and not (start and target[start - 1] in not_after)
        and (m := match(target, start)) is not None
    ]


def rule_matches(pattern: re.Pattern[str], trigger: Trigger | None, scan: Scan) -> Iterator[re.Match[str]]:
    """The matches of ``pattern.finditer(scan.text)``, found by trying only where the trigger allows."""
    return iter(scan.matches(pattern, trigger))


def candidate_starts(hits: list[tuple[int, int]], reach: int, scan: Scan) -> list[int]:
    """Word starts from ``reach`` tokens before each hit to its end, in text order, each once."""
    windows = sorted((scan.reach_back(start, reach), end) for start, end in hits)
    words, found = scan.words, []
    for lo, hi in _merged(windows):
        found += words[bisect.bisect_left(words, lo) : bisect.bisect_right(words, hi)]
    return found


def _merged(windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted inclusive windows with overlapping ones joined, so no word start is listed twice."""
    merged: list[tuple[int, int]] = []
    for lo, hi in windows:
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged
