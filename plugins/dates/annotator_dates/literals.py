"""Where the triggers' literal words occur in a folded text, found in one pass over its letter runs.

Looking for each trigger word with ``str.find`` scanned the whole text once per word: ~190 words,
most of them absent, were a fifth of the layer's time. Instead the text is cut once into its runs of
ASCII letters (``re.split``, in C), and each distinct run is looked up in a table of the literal
words it contains and where ("mondays" holds "mon" at 0, "day" and "days" at 3). A run's entry is
computed the first time the run is seen and kept for later documents (news repeats its words), so
the per-document work is one dictionary look-up per distinct run and one append per occurrence.

Only words made of ASCII letters are indexed (a literal with another character, or one first asked
for after the table was built, is found with ``str.find`` by the caller): an occurrence of such a
word always lies inside one letter run, so the index finds every occurrence ``str.find`` would.
"""

from __future__ import annotations

import functools
import itertools
import re

LETTERS = re.compile(r"[a-z]+")
DIGIT = re.compile(r"\d")
SPLIT = re.compile(r"([a-z]+)")
LIMIT = 200_000  # distinct runs kept across documents before the table starts afresh


class Vocabulary:
    """The literal words indexed so far, and for each run of letters seen, the words it holds."""

    def __init__(self) -> None:
        self.words: set[str] = set()
        self.prefixes: set[str] = set()
        self.held: dict[str, tuple[tuple[str, int], ...]] = {}
        self.version = 0  # how many words were added; a document's index knows the first ``version``
        self.added: dict[str, int] = {}

    def add(self, word: str) -> None:
        """Index ``word`` (a run of ASCII letters) from the next document on."""
        if word not in self.words:
            self.version += 1
            self.added[word] = self.version
            self.words.add(word)
            self.prefixes.update(word[:size] for size in range(1, len(word) + 1))
            self.held.clear()  # runs seen so far may hold the new word

    def occurrences(self, folded: str) -> dict[str, list[int]]:
        """Every offset of every indexed word in ``folded``, overlapping ones included, in order."""
        parts = SPLIT.split(folded)
        ends = list(itertools.accumulate(map(len, parts)))
        held, found = self.held, {}
        for at, run in zip(ends[::2], parts[1::2], strict=False):
            words = held.get(run)
            if words is None:
                words = self._held(run)
            for word, offset in words:
                if word in found:
                    found[word].append(at + offset)
                else:
                    found[word] = [at + offset]
        return found

    def _held(self, run: str) -> tuple[tuple[str, int], ...]:
        """The indexed words inside ``run`` with their offsets, in order (kept for later documents)."""
        if len(self.held) >= LIMIT:
            self.held.clear()
        words, prefixes, out = self.words, self.prefixes, []
        for start in range(len(run)):
            for stop in range(start + 1, len(run) + 1):
                piece = run[start:stop]
                if piece not in prefixes:
                    break
                if piece in words:
                    out.append((piece, start))
        self.held[run] = found = tuple(out)
        return found


VOCABULARY = Vocabulary()


class Literals:
    """Where literal strings occur in one text, each looked for once per document.

    With a vocabulary (the folded text), a word it indexes (every trigger's words of ASCII letters)
    comes from the one-pass index, built at the first such request. Other literals ("a.", "q1", a
    word indexed only after this text was) are found with ``str.find``, and a word is only
    checked where an already found word it begins with occurs ("days" where "day" is).
    """

    def __init__(self, text: str, vocabulary: Vocabulary | None = None) -> None:
        self.text = text
        self._found: dict[str, list[int]] = {}
        self._vocabulary = vocabulary
        self._index: dict[str, list[int]] | None = None
        self._version = 0

    @functools.cached_property
    def digits(self) -> list[int]:
        """Where the text has a character ``\\d`` matches, in order (for triggers led by a digit)."""
        return [m.start() for m in DIGIT.finditer(self.text)]

    def offsets(self, literal: str) -> list[int]:
        """Every offset where ``literal`` occurs, overlapping occurrences included, in text order."""
        found = self._found.get(literal)
        if found is None:
            found = self._found[literal] = self._search(literal)
        return found

    def _search(self, literal: str) -> list[int]:
        vocabulary = self._vocabulary
        if vocabulary is not None and literal in vocabulary.words:
            if self._index is None:
                self._index, self._version = vocabulary.occurrences(self.text), vocabulary.version
            if vocabulary.added[literal] <= self._version:  # not added after this text was indexed
                return self._index.get(literal) or []
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
