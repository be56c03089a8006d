"""One-to-one matching of gold and predicted spans: exact offsets first, then the largest overlap.

Every scorer uses this one rule, so figures from different layers (and from peers scored by the
same code) mean the same thing. A gold span is paired with at most one prediction and the other
way round; exact pairs are fixed before any overlap is considered, so a prediction with the gold's
exact offsets is never taken by a neighbour that merely overlaps it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol


class Stretch(Protocol):
    """Anything with code-point offsets."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


@dataclass(frozen=True)
class Pair:
    """Indices of a matched gold and predicted span, and whether their offsets are identical."""

    gold: int
    pred: int
    exact: bool


def match(gold: Sequence[Stretch], pred: Sequence[Stretch]) -> list[Pair]:
    """Pair gold and predicted spans one-to-one; see the module docstring. Pairs are in gold order."""
    pairs = _exact_pairs(gold, pred)
    taken_gold = {p.gold for p in pairs}
    taken_pred = {p.pred for p in pairs}
    for _key, g, p in sorted(_overlapping(gold, pred, taken_gold, taken_pred)):
        if g not in taken_gold and p not in taken_pred:
            pairs.append(Pair(g, p, False))
            taken_gold.add(g)
            taken_pred.add(p)
    return sorted(pairs, key=lambda pair: pair.gold)


def _exact_pairs(gold: Sequence[Stretch], pred: Sequence[Stretch]) -> list[Pair]:
    by_offsets: dict[tuple[int, int], list[int]] = {}
    for i, span in enumerate(pred):
        by_offsets.setdefault((span.start, span.end), []).append(i)
    pairs = []
    for g, span in enumerate(gold):
        free = by_offsets.get((span.start, span.end))
        if free:
            pairs.append(Pair(g, free.pop(0), True))
    return pairs


def _overlapping(
    gold: Sequence[Stretch], pred: Sequence[Stretch], taken_gold: set[int], taken_pred: set[int]
) -> list[tuple[tuple[int, ...], int, int]]:
    """Candidate (sort key, gold, pred) for every free overlapping pair; largest overlap sorts first.

    Ties go to the pair whose lengths differ least, then to the earlier spans (by start, then end),
    so the result does not depend on the order the spans were listed in.
    """
    order = sorted((i for i in range(len(pred)) if i not in taken_pred), key=lambda i: pred[i].start)
    starts = [pred[i].start for i in order]
    longest = max((pred[i].end - pred[i].start for i in order), default=0)
    found: list[tuple[tuple[int, ...], int, int]] = []
    for g, span in enumerate(gold):
        if g in taken_gold:
            continue
        for k in range(bisect_left(starts, span.start - longest), bisect_left(starts, span.end)):
            other = pred[order[k]]
            overlap = min(span.end, other.end) - max(span.start, other.start)
            if overlap > 0:
                spread = abs((span.end - span.start) - (other.end - other.start))
                found.append(((-overlap, spread, span.start, span.end, other.start, other.end), g, order[k]))
    return found
