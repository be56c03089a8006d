"""Worker processes for the server: the local engine's pool, called one batch at a time from threads.

The server never annotates on its event loop: each batch goes to a worker process through the same
:func:`~annotator.engines.worker.annotate_chunk` the CLI's local engine runs, so the per-document
time limit (the worker's watchdog), the crash isolation (a broken pool is replaced and the batch
bisected until the culprit is found) and the output records are those of ``annotator annotate``.
"""

from __future__ import annotations

import tempfile
import threading
from collections.abc import Sequence
from concurrent.futures.process import BrokenProcessPool

from annotator.engines.encoded import EncodedRecord
from annotator.engines.local import LocalEngine
from annotator.inputs import InputItem
from annotator.records import InputDocument
from annotator.runner import RunSpec


class ServeEngine(LocalEngine):
    """A long-lived :class:`LocalEngine` pool that annotates batches submitted from many threads."""

    def __init__(self, spec: RunSpec, n_process: int, time_limit: float | None = 60.0) -> None:
        super().__init__(spec, n_process, time_limit)
        self._lock = threading.RLock()
        self._generation = 0
        self._in_flight: dict[int, list[InputItem]] = {}
        self._hung: dict[int, str] = {}
        self._notes_dir: tempfile.TemporaryDirectory[str] | None = None

    def start(self) -> None:
        """Start the pool and load the pipeline in every worker before the first request."""
        self._notes_dir = tempfile.TemporaryDirectory(prefix="annotator-serve-")
        self._notes = self._notes_dir.name
        self._pool = self._new_pool()
        warm = [InputDocument(id="warm-up", text="The server is starting.")]
        futures = [self._submit(list(warm)) for _ in range(self.n_process)]
        for future in futures:
            future.result()

    def stop(self) -> None:
        """Stop every worker and remove the watchdog notes folder."""
        with self._lock:
            if self._pool is not None:
                self._close(self._pool, terminate=True)
                self._pool = None
        if self._notes_dir is not None:
            self._notes_dir.cleanup()

    def annotate(self, docs: Sequence[InputDocument]) -> list[EncodedRecord]:
        """Annotate one batch in a worker (blocking: call from a thread), one record per document."""
        chunk: list[InputItem] = list(docs)
        with self._lock:
            generation = self._generation
            self._in_flight[id(chunk)] = chunk
            future = self._submit(chunk)
        try:
            return future.result()
        except BrokenProcessPool:
            return self._recover(chunk, generation)
        finally:
            with self._lock:
                self._in_flight.pop(id(chunk), None)

    def _recover(self, chunk: list[InputItem], generation: int) -> list[EncodedRecord]:
        """Replace the pool once per breakage, then redo this batch alone (bisecting as the CLI does)."""
        with self._lock:
            if generation == self._generation:
                self._restart([(c, None) for c in self._in_flight.values()])
            return self._isolated(chunk, self._hung)

    def _restart(self, lost: Sequence[tuple[list[InputItem], object]]) -> dict[int, str]:
        """Replace the pool and remember which in-flight documents the watchdog reported hung."""
        with self._lock:
            self._generation += 1
            # Every chunk in flight is a candidate: the watchdog's note may name another thread's document.
            candidates = [*lost, *((c, None) for c in self._in_flight.values())]
            self._hung.update(super()._restart(candidates))
            return self._hung
