"""What runs inside a worker process (local pool or Dask): one pipeline per process, a watchdog.

The pipeline is built once per process from the picklable :class:`~annotator.runner.RunSpec` and
reused for every chunk. The watchdog enforces the per-document time limit: an annotator that
runs longer than the limit on one document cannot be interrupted safely from inside, so the
watchdog writes a note naming the document and the annotator, then ends the process; the parent
replaces the worker and annotates that document again without the annotator (``Chunk.skips``),
so it loses only that layer.
"""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.engines.encoded import EncodedRecord, encode
from annotator.engines.memory import freeze_loaded
from annotator.inputs import InputItem
from annotator.pipeline import Pipeline
from annotator.runner import RunSpec, Skips, annotate_items

HANG_EXIT_CODE = 70
"""Exit status of a worker that the watchdog stopped (a hung annotator)."""

_cache: list[tuple[RunSpec, Pipeline]] = []
_watchdog: Watchdog | None = None


@dataclass(frozen=True)
class Chunk:
    """A unit of work: the spec to build the pipeline from, and input items in order."""

    spec: RunSpec
    items: Sequence[InputItem]
    notes_dir: str | None = None
    time_limit: float | None = None
    owner: int | None = None
    """PID of the process running the engine: workers end themselves when it is gone."""
    skips: Skips = field(default_factory=dict)
    """Annotators to leave out of some items (by index): those that hung on them before."""


def pipeline_for(spec: RunSpec) -> Pipeline:
    """The pipeline for ``spec``, built once per process (plugins and spaCy model loaded once)."""
    if _cache and _cache[0][0] == spec:
        return _cache[0][1]
    pipeline = spec.build()
    _track_annotators(pipeline)
    _cache[:] = [(spec, pipeline)]
    freeze_loaded()
    return pipeline


def annotate_chunk(chunk: Chunk) -> list[EncodedRecord]:
    """Annotate a chunk exactly as the in-process run does, returning JSON lines in input order."""
    pipeline = pipeline_for(chunk.spec)
    _arm_watchdog(chunk.notes_dir, chunk.time_limit, chunk.owner)
    return [encode(record) for record in annotate_items(pipeline, chunk.items, chunk.skips)]


def annotate_partition(
    spec: RunSpec,
    items: Iterable[InputItem],
    part_path: str | None,
    time_limit: float | None,
    notes_dir: str | None = None,
    skips: Skips | None = None,
) -> list[EncodedRecord]:
    """A Dask task: annotate a partition; with ``part_path``, write it there and return only the counts.

    A hung annotator ends the worker, leaving a note in ``notes_dir`` when this machine can write
    there; the scheduler retries, the partition is bisected, and the engine reads the note to run the
    document again without that annotator (``skips``), as the local engine does.
    """
    from annotator.engines.dask_engine import write_part

    pipeline = pipeline_for(spec)
    _arm_watchdog(notes_dir, time_limit or None)
    records = [encode(record) for record in annotate_items(pipeline, items, skips)]
    if part_path is None:
        return records
    write_part(part_path, records)
    return [record.without_line() for record in records]


class Watchdog(threading.Thread):
    """Ends this worker when one annotator exceeds the time limit on one document, or the parent dies."""

    def __init__(self, notes_dir: str | None, limit: float | None, owner: int | None) -> None:
        super().__init__(name="annotator-watchdog", daemon=True)
        self.notes_dir = notes_dir
        self.limit = limit
        self.parent = os.getppid()
        self.owner = owner
        self.current: tuple[str, str, float] | None = None

    def run(self) -> None:
        tick = min(0.5, self.limit / 10) if self.limit else 0.5
        while True:
            time.sleep(tick)
            if os.getppid() != self.parent or not _alive(self.owner):
                self._orphaned()
            current = self.current
            if current and self.limit and time.monotonic() - current[2] > self.limit:
                self._give_up(current[0], current[1])

    def _orphaned(self) -> None:
        """The run was killed: never linger holding a model in memory."""
        if self.owner is not None and os.getppid() == self.parent:
            os.kill(self.parent, signal.SIGTERM)  # our forkserver: it outlives a SIGKILLed owner
        os._exit(0)

    def _give_up(self, doc_id: str, annotator: str) -> None:
        if self.notes_dir:
            note = {"id": doc_id, "annotator": annotator, "limit": self.limit, "pid": os.getpid()}
            try:
                Path(self.notes_dir, f"hung-{os.getpid()}.json").write_text(
                    json.dumps(note), encoding="utf-8"
                )
            except OSError:
                pass  # a Dask worker on another machine has no such folder: the engine then bisects
        os._exit(HANG_EXIT_CODE)


def _arm_watchdog(notes_dir: str | None, limit: float | None, owner: int | None = None) -> None:
    global _watchdog
    if _watchdog is None:
        _watchdog = Watchdog(notes_dir, limit, owner)
        _watchdog.start()
    _watchdog.notes_dir, _watchdog.limit, _watchdog.owner = notes_dir, limit, owner


def hang_reason(annotator: str, limit: float | None) -> str:
    """The error a document's layer gets when its annotator hung and was left out of a second run."""
    return (
        f"annotator {annotator!r} exceeded the per-document time limit of {limit:g} s; "
        "it was stopped, its worker process replaced and the document annotated again without it"
    )


def _alive(pid: int | None) -> bool:
    if pid is None:
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _track_annotators(pipeline: Pipeline) -> None:
    """Wrap each annotator's methods so the watchdog knows which one is running on which document."""
    for ann in pipeline.annotators:
        ann.annotate = _tracked(ann.name, ann.annotate)  # type: ignore[method-assign]
        ann.summarize = _tracked(ann.name, ann.summarize)  # type: ignore[method-assign]


def _tracked(name: str, method: Callable[..., Any]) -> Callable[..., Any]:
    def call(document: Any, *args: Any) -> Any:
        dog = _watchdog
        if dog is None:
            return method(document, *args)
        dog.current = (document.id, name, time.monotonic())
        try:
            result = method(document, *args)
            return list(result) if args else result  # annotate(document, parsed) may be a generator
        finally:
            dog.current = None

    return call
