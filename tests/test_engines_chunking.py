"""How the local engine cuts the input into chunks: input order, bounded size, a short tail."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotator.engines.chunking import MIN_TAIL_CHUNK, balanced_chunks


@given(n=st.integers(0, 700), size=st.integers(1, 64), workers=st.integers(1, 8))
def test_balanced_chunks_keep_every_item_in_order(n: int, size: int, workers: int) -> None:
    chunks = list(balanced_chunks(range(n), size, workers))
    assert [i for chunk in chunks for i in chunk] == list(range(n))
    assert all(0 < len(chunk) <= size for chunk in chunks)


@given(n=st.integers(0, 700), size=st.integers(1, 64), workers=st.integers(1, 8))
def test_balanced_chunks_shrink_only_at_the_end(n: int, size: int, workers: int) -> None:
    sizes = [len(chunk) for chunk in balanced_chunks(range(n), size, workers)]
    full = next((i for i, s in enumerate(sizes) if s < size), len(sizes))
    assert sizes[full:] == sorted(sizes[full:], reverse=True)
    assert sum(sizes[full:]) <= size * workers


def test_balanced_chunks_end_with_small_pieces_for_two_workers() -> None:
    sizes = [len(chunk) for chunk in balanced_chunks(range(1000), 32, 2)]
    assert sizes[:30] == [32] * 30
    assert max(sizes[-4:]) <= MIN_TAIL_CHUNK  # the last chunks in flight take a few documents each


def test_balanced_chunks_give_a_small_input_to_every_worker() -> None:
    assert len(list(balanced_chunks(range(20), 32, 2))) >= 2
