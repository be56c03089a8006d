"""Where a text's runs of non-space, word and digit characters are, from one array pass (numpy).

The prefilter needs the text's whitespace-separated tokens, its word starts and its digits. Asking
``re`` for each costs ~40-115 µs per 2 KB document (``re`` steps through every character from
Python's matcher, and builds one object per piece), three times over. Here the text becomes one array
of code points; a table says for each ASCII code point which of ``\\s``, ``\\w``, ``\\d`` it is, and
the few non-ASCII characters are asked of ``re`` itself (once per character, kept), so every class
is exactly the one ``re`` means. Runs are where a class mask changes, found by numpy in C.
"""

from __future__ import annotations

import functools
import re

import numpy as np

SPACE, WORD, DIGIT = 1, 2, 4
CLASSES = ((SPACE, re.compile(r"\s")), (WORD, re.compile(r"\w")), (DIGIT, re.compile(r"\d")))


@functools.cache
def _classes(char: str) -> int:
    """The class bits of one character, as ``re`` matches it."""
    return sum(bit for bit, pattern in CLASSES if pattern.match(char))


ASCII_TABLE = np.array([_classes(chr(code)) for code in range(128)], dtype=np.uint8)


class CharClasses:
    """The class bits of every character of one text, and the runs and positions read off them."""

    def __init__(self, text: str) -> None:
        codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        bits = ASCII_TABLE[np.minimum(codes, 127)]
        wide = np.flatnonzero(codes > 127)
        if wide.size:
            bits[wide] = [_classes(text[at]) for at in wide.tolist()]
        self.bits = bits

    def runs(self, bit: int, value: bool = True) -> tuple[list[int], list[int]]:
        """Starts and ends (exclusive) of the maximal runs whose characters have ``bit`` (or lack it)."""
        mask = (self.bits & bit).astype(bool)
        if not value:
            mask = ~mask
        edges = np.flatnonzero(np.diff(mask.astype(np.int8), prepend=0, append=0))
        bounds: list[int] = edges.tolist()
        return bounds[0::2], bounds[1::2]

    def positions(self, bit: int) -> list[int]:
        """Every offset whose character has ``bit``, in order."""
        found: list[int] = np.flatnonzero(self.bits & bit).tolist()
        return found
