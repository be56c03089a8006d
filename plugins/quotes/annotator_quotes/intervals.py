"""Interval queries in logarithmic time, so per-quote checks stay linear on very long documents.

Intervals are kept sorted by start with the running maximum of their ends: "does any interval
overlap, cover or contain X" is then one bisection and one lookup instead of a scan of every
interval in the document.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from itertools import accumulate


class IntervalIndex:
    """Half-open ``[start, end)`` intervals answering any-overlap, cover and containment questions."""

    def __init__(self, intervals: Iterable[tuple[int, int]] = ()) -> None:
        pairs = sorted(intervals)
        self._starts = [s for s, _ in pairs]
        self._ends = [e for _, e in pairs]
        self._reach = list(accumulate(self._ends, max))

    def add(self, start: int, end: int) -> None:
        """Insert an interval (cheap when added in start order, as callers do)."""
        i = bisect.bisect_right(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)
        before = self._reach[i - 1] if i else end
        self._reach[i:] = list(accumulate(self._ends[i:], max, initial=before))[1:]

    def _max_end(self, count: int) -> int | None:
        """The largest end among the first ``count`` intervals (by start)."""
        return self._reach[count - 1] if count else None

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some interval shares a character with ``[start, end)`` (``s < end and start < e``)."""
        reach = self._max_end(bisect.bisect_left(self._starts, end))
        return reach is not None and reach > start

    def covers(self, at: int) -> bool:
        """Whether some interval has ``s <= at < e``."""
        reach = self._max_end(bisect.bisect_right(self._starts, at))
        return reach is not None and reach > at

    def contains(self, start: int, end: int) -> bool:
        """Whether some interval has ``s <= start and end <= e``."""
        reach = self._max_end(bisect.bisect_right(self._starts, start))
        return reach is not None and reach >= end
