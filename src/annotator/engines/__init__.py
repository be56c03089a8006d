"""Execution engines: in-process, a local process pool, or a Dask cluster; same records, same order.

Every engine runs :func:`annotator.runner.annotate_items` over chunks of the input with a pipeline
built once per process from the picklable :class:`~annotator.runner.RunSpec`, and yields
:class:`EncodedRecord` objects (JSON line plus counts) in input order.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain, islice
from pathlib import Path
from typing import Literal

from annotator.engines.encoded import EncodedRecord, encode
from annotator.engines.memory import freeze_loaded
from annotator.errors import ConfigError
from annotator.inputs import InputItem
from annotator.registry import Registry
from annotator.runner import RunSpec, annotate_items

__all__ = ["EncodedRecord", "EngineSettings", "annotate_stream", "default_n_process", "encode"]

EngineName = Literal["local", "dask"]
MAX_DEFAULT_PROCESSES = 8
"""Cap for the default: each process holds its own model (~300-650 MB with batch size 32)."""


@dataclass(frozen=True)
class EngineSettings:
    """How to run: which engine, how many processes, limits, and Dask's address and parts folder."""

    engine: EngineName = "local"
    n_process: int | None = None
    time_limit: float | None = 60.0
    watch_alone: bool = False
    """Run even a single-process run's annotators in one watched worker, so ``time_limit`` applies.

    Set when the user gives a time limit: in-process, a hanging annotator cannot be stopped safely
    (see docs/reliability.md), and one worker costs only its start-up on a run of one batch."""
    scheduler: str | None = None
    parts_dir: Path | None = None
    partition_size: int | None = None


def default_n_process() -> int:
    """The cores this process may use, capped at MAX_DEFAULT_PROCESSES."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - macOS, Windows
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_DEFAULT_PROCESSES))


def annotate_stream(
    spec: RunSpec, items: Iterable[InputItem], settings: EngineSettings, registry: Registry | None = None
) -> Iterator[EncodedRecord]:
    """Annotate ``items`` with the chosen engine; configuration errors surface before the first record."""
    if settings.engine == "dask":
        from annotator.engines.dask_engine import DaskEngine

        return DaskEngine(spec, settings).run(items)
    if settings.engine != "local":
        raise ConfigError(f"Unknown engine {settings.engine!r}. Available: dask, local.")
    if settings.parts_dir is not None:
        raise ConfigError("--parts-dir needs --engine dask.")
    return _local(spec, items, settings, registry)


def _local(
    spec: RunSpec, items: Iterable[InputItem], settings: EngineSettings, registry: Registry | None
) -> Iterator[EncodedRecord]:
    n_process = settings.n_process or default_n_process()
    it = iter(items)
    head = list(islice(it, spec.batch_size + 1))
    if settings.n_process is None and len(head) <= spec.batch_size:
        n_process = 1  # one batch: starting workers would cost more than it saves
    stream = chain(head, it)
    if n_process == 1 and not (settings.watch_alone and settings.time_limit):
        pipeline = spec.build(registry)
        freeze_loaded()
        return (encode(record) for record in annotate_items(pipeline, stream))
    from annotator.engines.local import LocalEngine

    return LocalEngine(spec, n_process, settings.time_limit).run(stream)
