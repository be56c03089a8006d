"""Interval queries over character offsets that never scan the whole document.

For annotators: checking every new span against all earlier ones is quadratic, and documents can
be megabytes long. These keep such checks logarithmic or constant, so a layer stays linear.

``IntervalIndex`` keeps intervals sorted by start with the running maximum of their ends: "does
any interval overlap or contain X" is one bisection and one lookup. ``IntervalGrid`` buckets
items by start so the ones overlapping a range can be listed, added and removed in constant time.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable
from itertools import accumulate
from typing import Generic, TypeVar

T = TypeVar("T")


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


class IntervalGrid(Generic[T]):
    """Items on half-open character ranges, bucketed by start, listing those that overlap a range.

    An item can overlap ``[start, end)`` only if it starts after ``start`` minus the longest item
    ever added, so a query reads a few buckets whatever the document's length.
    """

    WIDTH = 64

    def __init__(self) -> None:
        self._buckets: dict[int, list[tuple[int, int, T]]] = defaultdict(list)
        self._longest = 0

    def add(self, start: int, end: int, item: T) -> None:
        """Add ``item`` on ``[start, end)``."""
        self._buckets[start // self.WIDTH].append((start, end, item))
        self._longest = max(self._longest, end - start)

    def remove(self, start: int, end: int, item: T) -> None:
        """Remove this very ``item`` (by identity), added on ``[start, end)``."""
        bucket = self._buckets[start // self.WIDTH]
        at = next(i for i, (_, _, it) in enumerate(bucket) if it is item)
        del bucket[at]

    def overlapping(self, start: int, end: int) -> list[T]:
        """Items sharing a character with ``[start, end)`` (``s < end and start < e``)."""
        first = (start - self._longest + 1) // self.WIDTH
        last = (end - 1) // self.WIDTH
        found: list[T] = []
        for key in range(first, last + 1):
            found.extend(it for s, e, it in self._buckets.get(key, ()) if s < end and start < e)
        return found
