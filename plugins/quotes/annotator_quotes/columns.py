"""Token attributes read as whole columns: spaCy builds a new Token object on every access."""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

import numpy as np
from spacy.tokens import Doc


def token_starts(doc: Doc) -> list[int]:
    """The character offset of every token, from one array read (``tolist`` converts in C)."""
    return cast(list[int], doc.to_array("IDX").tolist()) if len(doc) else []


def tokens_equal(doc: Doc, attr: str, value: int) -> list[int]:
    """The indices of the tokens whose ``attr`` (e.g. "SENT_START") is ``value``."""
    if not len(doc):
        return []
    return cast(list[int], np.flatnonzero(doc.to_array(attr) == value).tolist())


def sorted_ids(ids: Iterable[int]) -> np.ndarray:
    """String ids as a sorted array, for ``tokens_with``."""
    return np.array(sorted(ids), dtype=np.uint64)


def tokens_with(doc: Doc, attr: str, ids: np.ndarray) -> list[int]:
    """The indices of the tokens whose ``attr`` (e.g. "LOWER") is one of the sorted ``ids``.

    A vectorised lookup: the Python loop then only sees the few tokens that match.
    """
    if not len(doc) or not len(ids):
        return []
    values = doc.to_array(attr)
    at = np.minimum(np.searchsorted(ids, values), len(ids) - 1)
    return cast(list[int], np.flatnonzero(ids[at] == values).tolist())
