"""Batching across concurrent callers: documents queue here, and each free worker takes what is queued.

A request's documents are put on one queue; a dispatcher hands each free worker slot everything
waiting (up to the batch size) as one ``nlp.pipe`` batch. Under load many callers share a batch,
so throughput approaches the CLI's; a lone caller waits for nothing. The queue is bounded in
documents: past it a request is refused at once (503 with Retry-After) rather than left to time out.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from annotator.engines.encoded import EncodedRecord
from annotator.records import InputDocument

AnnotateBatch = Callable[[Sequence[InputDocument]], list[EncodedRecord]]


class Overloaded(Exception):
    """The queue is full; the caller should retry after ``retry_after`` seconds."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"the server is at capacity; retry after {retry_after} s")
        self.retry_after = retry_after


@dataclass
class _Item:
    doc: InputDocument
    future: asyncio.Future[EncodedRecord]


class Batcher:
    """Collect documents from many requests into batches for ``slots`` concurrent workers."""

    def __init__(self, annotate: AnnotateBatch, slots: int, batch_size: int, max_queued: int) -> None:
        self.annotate = annotate
        self.batch_size = batch_size
        self.max_queued = max_queued
        self.slots = slots
        self._queue: asyncio.Queue[_Item] = asyncio.Queue()
        self._free = asyncio.Semaphore(slots)
        self._task: asyncio.Task[None] | None = None
        self._running: set[asyncio.Task[None]] = set()
        self.batches = 0
        self.batched_documents = 0

    def start(self) -> None:
        """Start the dispatcher on the running event loop."""
        self._task = asyncio.get_running_loop().create_task(self._dispatch())

    async def stop(self) -> None:
        """Stop dispatching; documents still queued get an error."""
        if self._task is not None:
            self._task.cancel()
        while not self._queue.empty():
            item = self._queue.get_nowait()
            item.future.set_exception(RuntimeError("the server is shutting down"))

    @property
    def queued(self) -> int:
        """Documents waiting for a worker."""
        return self._queue.qsize()

    async def submit(self, docs: Sequence[InputDocument]) -> list[EncodedRecord]:
        """Annotate ``docs`` (in order) as part of whatever batches form; raise Overloaded when full."""
        if docs and self._queue.qsize() + len(docs) > self.max_queued:
            raise Overloaded(self.retry_after())
        loop = asyncio.get_running_loop()
        items = [_Item(doc, loop.create_future()) for doc in docs]
        for item in items:
            self._queue.put_nowait(item)
        return list(await asyncio.gather(*(item.future for item in items)))

    def retry_after(self) -> int:
        """Seconds until the queue has likely drained by a batch per slot (at least one)."""
        return max(1, round(self._queue.qsize() / max(1, self.slots * self.batch_size)))

    async def _dispatch(self) -> None:
        while True:
            # A free slot first, then the documents: none is held outside the queue (and its bound)
            # while every worker is busy.
            await self._free.acquire()
            batch = [await self._queue.get()]
            while len(batch) < self.batch_size and not self._queue.empty():
                batch.append(self._queue.get_nowait())
            task = asyncio.get_running_loop().create_task(self._run(batch))
            self._running.add(task)
            task.add_done_callback(self._running.discard)

    async def _run(self, batch: list[_Item]) -> None:
        """One batch in a worker, off the event loop; every caller gets its record or the error."""
        try:
            live = [item for item in batch if not item.future.done()]
            records = await asyncio.to_thread(self.annotate, [item.doc for item in live])
            self.batches += 1
            self.batched_documents += len(live)
            for item, record in zip(live, records, strict=True):
                if not item.future.done():
                    item.future.set_result(record)
        except Exception as exc:  # noqa: BLE001 - reported to each waiting caller, the server goes on
            for item in batch:
                if not item.future.done():
                    item.future.set_exception(exc)
        finally:
            self._free.release()
