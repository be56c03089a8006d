"""Run a rule's pattern only where it can match: near a word that every one of its matches contains.

Scanning ~36 patterns over the whole text cost ~9 ms a document, yet most rules match nowhere (no
"century", no clock digits). Each rule may declare a :class:`Trigger`: a cheap pattern finding the core
that every match contains (a month name, a unit word), and ``reach``, the most whitespace runs a match
can have before that core. A match can then only start at a word start from ``reach`` tokens before a
trigger hit up to the hit's end, so :func:`rule_matches` tries ``pattern.match`` there alone, in text
order, skipping what the previous match consumed: exactly the matches ``pattern.finditer`` returns.
``reach=None`` only skips a rule whose trigger is absent from the document.

Trying more places than needed never changes the result (``pattern.match`` simply fails there), so the
hits and windows may be a superset: hits are found with ``str.find`` on literal parts of the trigger,
and each window is measured back from its hit alone, not from token lists of the whole text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

# Characters that ``re`` matches case-insensitively to an ASCII letter but ``str.lower`` does not map
# to it (U+212A KELVIN SIGN lowers to "k"; U+0130 lowers to two characters and disables the prefilter).
FOLD_FIXES = {"ı": "i", "ſ": "s"}
WORD_START = re.compile(r"\b\w")


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


class Scan:
    """One document's text, its case-folded copy, and the trigger hits and candidates found so far."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded: str | None = _folded(text)
        self._literals = {True: Literals(self.folded or ""), False: Literals(text)}
        self._hits: dict[tuple[re.Pattern[str], bool], list[tuple[int, int]]] = {}
        self._candidates: dict[tuple[re.Pattern[str], bool, int], list[int]] = {}

    @functools.cached_property
    def backwards(self) -> str:
        """The text reversed, so that a forward ``match`` can walk back over tokens."""
        return self.text[::-1]

    def hits(self, trigger: Trigger) -> list[tuple[int, int]]:
        """(start, end) of trigger occurrences, on the folded or the original text (found once).

        Every hit ``trigger.pattern.finditer`` would give is included, in text order.
        """
        key = (trigger.pattern, trigger.folded)
        if key not in self._hits:
            self._hits[key] = find_hits(trigger, self._literals[trigger.folded])
        return self._hits[key]

    def candidates(self, trigger: Trigger, reach: int) -> list[int]:
        """The word starts where a rule with this trigger may match (computed once per trigger)."""
        key = (trigger.pattern, trigger.folded, reach)
        if key not in self._candidates:
            self._candidates[key] = candidate_starts(self.hits(trigger), reach, self)
        return self._candidates[key]

    def reach_back(self, start: int, reach: int) -> int:
        """Where the token ``reach`` tokens before the one at ``start`` begins (or the first token)."""
        walked = _backward_tokens(reach).match(self.backwards, len(self.text) - start)
        return len(self.text) - walked.end() if walked is not None else start

    def word_starts(self, lo: int, hi: int) -> list[int]:
        """Word starts from ``lo`` to ``hi`` inclusive (``\\b`` still sees the character before ``lo``)."""
        return [m.start() for m in WORD_START.finditer(self.text, lo, hi + 1)]


def _folded(text: str) -> str | None:
    """The lower-cased text with offsets kept, or None when lower-casing changes its length (U+0130)."""
    folded = text.lower()
    if not folded.isascii():
        for char, fixed in FOLD_FIXES.items():
            folded = folded.replace(char, fixed)
    return folded if len(folded) == len(text) else None


@functools.cache
def _backward_tokens(reach: int) -> re.Pattern[str]:
    """On reversed text: the rest of the current token, then up to ``reach`` earlier tokens."""
    return re.compile(rf"\S*(?:\s+\S+){{0,{reach}}}")


class Literals:
    """Where literal strings occur in one text, each looked for once per document.

    A word is only checked where an already found word it begins with occurs ("days" where "day" is),
    since the unit words of several triggers share their stems.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._found: dict[str, list[int]] = {}

    def offsets(self, literal: str) -> list[int]:
        """Every offset where ``literal`` occurs, overlapping occurrences included, in text order."""
        if literal not in self._found:
            self._found[literal] = self._search(literal)
        return self._found[literal]

    def _search(self, literal: str) -> list[int]:
        for prefix in _stems(literal):
            stem = self._found.get(prefix)
            if stem is not None:
                return [at for at in stem if self.text.startswith(literal, at)]
        found: list[int] = []
        at = self.text.find(literal)
        while at >= 0:
            found.append(at)
            at = self.text.find(literal, at + 1)
        return found


@functools.cache
def _stems(literal: str) -> tuple[str, ...]:
    """The prefixes of ``literal`` worth reusing, longest first (shorter than 3 they occur too often)."""
    return tuple(literal[:size] for size in range(len(literal) - 1, 2, -1))


def find_hits(trigger: Trigger, literals: Literals) -> list[tuple[int, int]]:
    """Trigger hits in ``literals.text``: by ``finditer``, or where a literal of ``starts`` allows one."""
    target = literals.text
    if trigger.backwards:
        size = len(target)
        return [(size - m.end(), size - m.start()) for m in trigger.pattern.finditer(target[::-1])][::-1]
    if not trigger.starts:
        return [m.span() for m in trigger.pattern.finditer(target)]
    back, match = trigger.back, trigger.pattern.match
    starts = sorted({at - back for word in trigger.starts for at in literals.offsets(word) if at >= back})
    return [(start, m.end()) for start in starts if (m := match(target, start)) is not None]


def rule_matches(pattern: re.Pattern[str], trigger: Trigger | None, scan: Scan) -> Iterator[re.Match[str]]:
    """The matches of ``pattern.finditer(scan.text)``, found by trying only where the trigger allows."""
    if trigger is None or scan.folded is None:
        yield from pattern.finditer(scan.text)
        return
    hits = scan.hits(trigger)
    if trigger.reach is None or not hits:
        yield from (pattern.finditer(scan.text) if hits else ())
        return
    end = 0
    text = scan.text
    for start in scan.candidates(trigger, trigger.reach):
        if start >= end and (m := pattern.match(text, start)) is not None:
            yield m
            end = m.end()


def candidate_starts(hits: list[tuple[int, int]], reach: int, scan: Scan) -> list[int]:
    """Word starts from ``reach`` tokens before each hit to its end, in text order, each once."""
    windows = sorted((scan.reach_back(start, reach), end) for start, end in hits)
    return [word for lo, hi in _merged(windows) for word in scan.word_starts(lo, hi)]


def _merged(windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted inclusive windows with overlapping ones joined, so no word start is listed twice."""
    merged: list[tuple[int, int]] = []
    for lo, hi in windows:
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged
