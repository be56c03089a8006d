"""The single-machine multi-process engine: a process pool, chunks in flight, output in input order.

Built on :class:`concurrent.futures.ProcessPoolExecutor` because a dead worker makes it raise
``BrokenProcessPool`` instead of hanging (``nlp.pipe(n_process=...)`` waits forever). When that
happens the pool is replaced and every chunk that was in flight is re-run alone; a chunk that
kills its worker alone is bisected until the document at fault is found and becomes an error
record. A watchdog in each worker stops an annotator that hangs on one document (see worker.py);
the document is then annotated again, alone, without that annotator, so it loses only that layer.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import tempfile
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from annotator.engines.chunking import balanced_chunks
from annotator.engines.encoded import EncodedRecord, encode, error_for
from annotator.engines.worker import Chunk, annotate_chunk, hang_reason
from annotator.inputs import InputItem
from annotator.records import ErrorRecord, InputDocument, RecordError
from annotator.runner import RunSpec

# Numeric libraries must not start their own thread pools inside each worker: one core per worker.
WORKER_ENV = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
DIED = "the worker process died while annotating this document (it was retried alone and died again)"

Pending = tuple[list[InputItem], "Future[list[EncodedRecord]]"]


class LocalEngine:
    """Annotate a stream with ``n_process`` worker processes; see the module docstring."""

    def __init__(self, spec: RunSpec, n_process: int, time_limit: float | None = 60.0) -> None:
        self.spec = spec
        self.n_process = n_process
        self.time_limit = time_limit or None
        # Bounded memory: at most this many documents queued or running. Counted in documents, not
        # chunks, so a worker that drains the short tail chunks is not starved by the oldest long one.
        self.max_in_flight = 2 * n_process * spec.batch_size
        self.restarts = 0
        self._pool: ProcessPoolExecutor | None = None
        self._notes = ""
        self._skips: dict[int, dict[str, str]] = {}
        """Annotators that hung on an item (by object id), left out when it is annotated again."""

    def run(self, items: Iterable[InputItem]) -> Iterator[EncodedRecord]:
        """Yield one encoded record per input item, in input order."""
        with tempfile.TemporaryDirectory(prefix="annotator-notes-") as notes:
            self._notes = notes
            self._pool = self._new_pool()
            try:
                yield from self._stream(items)
            finally:
                self._close(self._pool, terminate=True)

    def _stream(self, items: Iterable[InputItem]) -> Iterator[EncodedRecord]:
        pending: deque[Pending] = deque()
        for chunk in balanced_chunks(items, self.spec.batch_size, self.n_process):
            pending.append((chunk, self._submit(chunk)))
            while sum(len(c) for c, _ in pending) >= self.max_in_flight:
                yield from self._next(pending)
        while pending:
            yield from self._next(pending)

    def _next(self, pending: deque[Pending]) -> list[EncodedRecord]:
        """The oldest chunk's records; after a worker death, every chunk in flight is redone alone."""
        chunk, future = pending.popleft()
        try:
            return future.result()
        except BrokenProcessPool:
            pass
        in_flight = [(chunk, future), *pending]
        pending.clear()
        hung = self._restart(in_flight)
        return [rec for c, f in in_flight for rec in self._salvage(c, f, hung)]

    def _salvage(
        self, chunk: list[InputItem], future: Future[list[EncodedRecord]], hung: dict[int, str]
    ) -> list[EncodedRecord]:
        """Keep a chunk that finished before the pool broke; redo the others alone."""
        if future.done() and not future.cancelled() and future.exception() is None:
            return future.result()
        return self._isolated(chunk, hung)

    def _isolated(self, chunk: list[InputItem], hung: dict[int, str]) -> list[EncodedRecord]:
        """Run a chunk alone in the pool; bisect it while it keeps killing its worker."""
        if not chunk:
            return []
        marked = next((i for i, item in enumerate(chunk) if id(item) in hung), None)
        if marked is not None:
            head, item, tail = chunk[:marked], chunk[marked], chunk[marked + 1 :]
            again = self._without(item, hung.pop(id(item)), hung)
            return [*self._isolated(head, hung), *again, *self._isolated(tail, hung)]
        try:
            return self._submit(chunk).result()
        except BrokenProcessPool:
            hung.update(self._restart([(chunk, None)]))
        if any(id(item) in hung for item in chunk):
            return self._isolated(chunk, hung)
        if len(chunk) == 1:
            return [_died(chunk[0])]
        middle = len(chunk) // 2
        return [*self._isolated(chunk[:middle], hung), *self._isolated(chunk[middle:], hung)]

    def _without(self, item: InputItem, annotator: str, hung: dict[int, str]) -> list[EncodedRecord]:
        """Annotate a document again, alone, without the annotator that hung on it (and earlier ones).

        Each round leaves one more annotator out, so this ends; an annotator named twice (it cannot
        run, so the note is stale) gives up with an error record as before."""
        reason = hang_reason(annotator, self.time_limit)
        if not isinstance(item, InputDocument):
            return [_died(item)]  # a read error never runs an annotator; kept for the types
        skips = self._skips.setdefault(id(item), {})
        if annotator in skips:
            self._skips.pop(id(item), None)
            return [error_for(item, reason)]
        skips[annotator] = reason
        try:
            return self._isolated([item], hung)
        finally:
            self._skips.pop(id(item), None)  # object ids are reused once the item is gone

    def _submit(self, chunk: list[InputItem]) -> Future[list[EncodedRecord]]:
        assert self._pool is not None
        skips = {i: dict(self._skips[id(it)]) for i, it in enumerate(chunk) if id(it) in self._skips}
        work = Chunk(self.spec, chunk, self._notes, self.time_limit, os.getpid(), skips)
        return self._pool.submit(annotate_chunk, work)

    def _restart(self, lost: Sequence[tuple[list[InputItem], object]]) -> dict[int, str]:
        """Replace the broken pool; return the items (by object id) that watchdogs reported hung."""
        assert self._pool is not None
        self._close(self._pool, terminate=True)
        self.restarts += 1
        self._pool = self._new_pool()
        return _read_notes(Path(self._notes), [item for chunk, _ in lost for item in chunk])

    def _new_pool(self) -> ProcessPoolExecutor:
        _set_worker_env()
        return ProcessPoolExecutor(self.n_process, mp_context=_context())

    @staticmethod
    def _close(pool: ProcessPoolExecutor, terminate: bool) -> None:
        """Shut the pool down without waiting for chunks nobody will read."""
        processes = list((getattr(pool, "_processes", None) or {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        if terminate:
            for process in processes:  # private attribute: the stdlib offers no public kill
                if process.is_alive():
                    process.terminate()
            for process in processes:
                process.join(timeout=5)


def start_forkserver() -> None:
    """Start the process workers are forked from now, so its imports overlap the caller's start-up.

    The forkserver imports spaCy and every plugin (about 1.5 s) before it can fork a worker; started
    on first use, that wait adds to the parent's own imports instead of running beside them.
    """
    if _context().get_start_method() == "forkserver":
        from multiprocessing import forkserver

        _set_worker_env()
        forkserver.ensure_running()


def _set_worker_env() -> None:
    for key, value in WORKER_ENV.items():
        os.environ.setdefault(key, value)  # inherited by the forkserver and the workers it forks


def _context() -> multiprocessing.context.BaseContext:
    """forkserver where available: no fork of a threaded parent, and cheap worker replacement."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["annotator.engines.worker", "annotator.engines.preload"])
        return ctx
    return multiprocessing.get_context("spawn")


def _read_notes(folder: Path, candidates: Sequence[InputItem]) -> dict[int, str]:
    """Watchdog notes -> {id(item): annotator}, matching each note to one in-flight document."""
    hung: dict[int, str] = {}
    for path in sorted(folder.glob("hung-*.json")):
        note = json.loads(path.read_text(encoding="utf-8"))
        path.unlink()
        match = next(
            (
                i
                for i in candidates
                if isinstance(i, InputDocument) and i.id == note["id"] and id(i) not in hung
            ),
            None,
        )
        if match is not None:
            hung[id(match)] = str(note["annotator"])
    return hung


def _died(item: InputItem) -> EncodedRecord:
    if isinstance(item, RecordError):
        return encode(ErrorRecord(error=item))
    return error_for(item, DIED)
