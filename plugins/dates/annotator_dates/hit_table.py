"""Where every folded trigger may hit in a text, from one pass over the text's runs of letters.

Each trigger looked for its own words: ~190 searches a document, then a set, a sort and a confirming
``match`` per occurrence, most of them useless ("st" inside "first", "a" inside "market" for a
trigger wanting a digit before it). Here each trigger's words of ASCII letters are registered once
(when the trigger is made), with the trigger's ``back`` and its lead (:mod:`annotator_dates.leads`).
A run of letters is then read once, the first time any document has it: which triggers may begin a
hit where, with the starts the lead refuses inside the run left out. The entry is kept for later
documents, so per document the work is one look-up per run and one append per possible hit start.

A refusal is made only from letters inside the run, which the lead judges exactly; a start at or
before the run's first letter is always kept, since what precedes the run is not looked at. So the
starts per trigger are those ``find_hits`` would try, less some where the trigger's pattern cannot
match, in text order.
"""

from __future__ import annotations

import itertools
import re

from annotator_dates.leads import lead

SPLIT = re.compile(r"([a-z]+)")
LETTERS = re.compile(r"[a-z]+")
LIMIT = 200_000  # distinct runs kept across documents before the table starts afresh


class HitTable:
    """The registered triggers (by slot), their words, and what each run of letters seen holds."""

    def __init__(self) -> None:
        self.slots: dict[tuple[int, tuple[str, ...], int], int] = {}
        self.keep: list[re.Pattern[str]] = []  # the registered patterns, so that their ids stay theirs
        self.leads: list[tuple[frozenset[str], frozenset[str]]] = []
        # word -> (slot, back) of each trigger: those that can only begin a hit where a run begins,
        # and those that can begin one anywhere inside a run ("week" in "midweek")
        self.initial: dict[str, list[tuple[int, int]]] = {}
        self.anywhere: dict[str, list[tuple[int, int]]] = {}
        self.prefixes: dict[bool, set[str]] = {True: set(), False: set()}
        self.inside: re.Pattern[str] | None = None  # whether a run holds an ``anywhere`` word
        self.starting: re.Pattern[str] | None = None  # where one begins
        self.held: dict[str, tuple[tuple[int, int], ...]] = {}

    def register(self, pattern: re.Pattern[str], starts: tuple[str, ...], back: int) -> int:
        """The slot of a folded trigger's letter words (registered once; runs seen are read afresh)."""
        key = (id(pattern), starts, back)
        slot = self.slots.get(key)
        if slot is None:
            slot = self.slots[key] = len(self.keep)
            self.keep.append(pattern)
            first, not_after = lead(pattern)[:2]
            self.leads.append((first, not_after))
            initial = _run_initial(first, not_after, back)
            table = self.initial if initial else self.anywhere
            for word in starts:
                if LETTERS.fullmatch(word):
                    table.setdefault(word, []).append((slot, back))
                    self.prefixes[initial].update(word[:size] for size in range(1, len(word) + 1))
            words = sorted(self.anywhere, key=len, reverse=True)
            self.inside = re.compile("|".join(words)) if words else None
            self.starting = re.compile(f"(?=(?:{'|'.join(words)}))") if words else None
            self.held.clear()
        return slot

    def starts(self, folded: str) -> dict[int, list[int]]:
        """Per slot, in text order, the offsets where a hit of its trigger may begin."""
        parts = SPLIT.split(folded)
        ends = list(itertools.accumulate(map(len, parts)))
        held, found = self.held, dict[int, list[int]]()
        for at, run in zip(ends[::2], parts[1::2], strict=False):
            entries = held.get(run)
            if entries is None:
                entries = self._read(run)
            for slot, offset in entries:
                if slot in found:
                    found[slot].append(at + offset)
                else:
                    found[slot] = [at + offset]
        return found

    def _read(self, run: str) -> tuple[tuple[int, int], ...]:
        """(slot, start offset) of every hit start the words inside ``run`` allow, in order, once each."""
        if len(self.held) >= LIMIT:
            self.held.clear()
        out: set[tuple[int, int]] = set()
        self._add(run, 0, self.initial, self.prefixes[True], out)
        if self.inside is not None and self.starting is not None and self.inside.search(run):
            for found in self.starting.finditer(run):
                self._add(run, found.start(), self.anywhere, self.prefixes[False], out)
        entries = self.held[run] = tuple(sorted(out, key=lambda entry: (entry[1], entry[0])))
        return entries

    def _add(
        self,
        run: str,
        at: int,
        words: dict[str, list[tuple[int, int]]],
        prefixes: set[str],
        out: set[tuple[int, int]],
    ) -> None:
        """Add the starts allowed for the words of ``words`` that begin at ``at`` in ``run``."""
        for stop in range(at + 1, len(run) + 1):
            piece = run[at:stop]
            if piece not in prefixes:
                break
            for slot, back in words.get(piece, ()):
                if self._allowed(run, at - back, slot):
                    out.add((slot, at - back))

    def _allowed(self, run: str, start: int, slot: int) -> bool:
        """Whether the trigger's lead lets a hit begin at ``start`` (judged on letters of the run only)."""
        first, not_after = self.leads[slot]
        if 0 <= start < len(run) and run[start] not in first:
            return False
        return not (start >= 1 and run[start - 1] in not_after)


def _run_initial(first: frozenset[str], not_after: frozenset[str], back: int) -> bool:
    """Whether the lead allows a hit only where its word begins a run of letters.

    With no ``back``, a lookbehind refusing every letter leaves only the run's start; one
    character back, a hit that cannot begin with a letter must begin just before the run.
    """
    letters = frozenset("abcdefghijklmnopqrstuvwxyz")
    return (back == 0 and letters <= not_after) or (back == 1 and not letters & first)


TABLE = HitTable()
