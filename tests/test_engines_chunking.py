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


def test_local_engine_bounds_documents_in_flight_not_chunks(monkeypatch) -> None:
    """Short tail chunks may all be in flight at once, yet never more documents than 2 batches per worker."""
    from concurrent.futures import Future

    from annotator.engines.encoded import EncodedRecord
    from annotator.engines.local import LocalEngine
    from annotator.records import InputDocument
    from annotator.runner import RunSpec

    engine = LocalEngine(RunSpec(batch_size=8), n_process=2)
    in_flight: list[list[int]] = []
    seen = {"docs": 0, "chunks": 0}

    def submit(chunk: list[InputDocument]) -> Future:
        in_flight.append([len(chunk)])
        docs = sum(n for (n,) in in_flight)
        seen["docs"], seen["chunks"] = max(seen["docs"], docs), max(seen["chunks"], len(in_flight))
        future: Future = Future()
        future.set_result([EncodedRecord(d.text, d.id) for d in chunk])
        return future

    def next_chunk(pending):
        chunk, future = pending.popleft()
        in_flight.pop(0)
        return future.result()

    monkeypatch.setattr(engine, "_submit", submit)
    monkeypatch.setattr(engine, "_next", next_chunk)
    docs = [InputDocument(id=f"d{i}", text=f"Talks resumed on day {i}.") for i in range(100)]
    assert [r.id for r in engine._stream(docs)] == [d.id for d in docs]
    assert seen["docs"] <= 2 * 2 * 8
    assert seen["chunks"] > 2 * 2  # the tail's small chunks do not wait behind a full window of chunks
