"""Cut the input stream into chunks for the workers so that they all finish at about the same time."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from math import ceil
from typing import TypeVar

T = TypeVar("T")
MIN_TAIL_CHUNK = 4
"""Smallest tail chunk: below this, per-chunk costs outweigh a better balance."""


def balanced_chunks(items: Iterable[T], size: int, workers: int) -> Iterator[list[T]]:
    """Chunks of ``size`` items in input order; the last ones shrink so no worker idles at the end.

    With equal chunks, the run ends when the last chunk does, while the other workers wait: on
    average half a chunk (~1.6 s for 32 news articles). A stream's end is known only once reached,
    so ``size * workers`` items are read ahead, and what is left at the end is handed out in
    pieces of a quarter of each worker's remaining share (guided scheduling), at least
    :data:`MIN_TAIL_CHUNK`. Memory stays bounded by ``size * (workers + 1)`` items.
    """
    it = iter(items)
    reserve = size * workers
    buffer = list(islice(it, reserve + size))
    while len(buffer) > reserve:
        yield buffer[:size]
        buffer = buffer[size:]
        buffer.extend(islice(it, size))
    while buffer:
        piece = min(size, max(MIN_TAIL_CHUNK, ceil(len(buffer) / (2 * workers))))
        yield buffer[:piece]
        buffer = buffer[piece:]
