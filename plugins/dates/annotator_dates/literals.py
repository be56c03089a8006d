"""Where literal strings occur in one text, each looked for once per document (see prefilter.py).

The letter words of folded triggers come from :mod:`annotator_dates.hit_table` instead; what is
left here are the other literals ("a.", ":", "/", "EOM", a trigger made after a text was read)
and the digits that triggers led by a digit are tried at.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

DIGIT = re.compile(r"\d")


class Literals:
    """Where literal strings occur in one text, each looked for once per document.

    A word is only checked where an already found word it begins with occurs ("days" where "day" is),
    since the unit words of several triggers share their stems.
    """

    def __init__(self, text: str, digits: Callable[[], list[int]] | None = None) -> None:
        self.text = text
        self._found: dict[str, list[int]] = {}
        self._digits = digits

    @functools.cached_property
    def digits(self) -> list[int]:
        """Where the text has a character ``\\d`` matches, in order (for triggers led by a digit)."""
        if self._digits is not None:  # the caller knows them already (prefilter's character classes)
            return self._digits()
        return [m.start() for m in DIGIT.finditer(self.text)]

    def offsets(self, literal: str) -> list[int]:
        """Every offset where ``literal`` occurs, overlapping occurrences included, in text order."""
        found = self._found.get(literal)
        if found is None:
            found = self._found[literal] = self._search(literal)
        return found

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
