"""The Dask engine: the same annotation over partitions of the input on a Dask cluster.

A ``LocalCluster`` (one single-threaded worker process per core) when no scheduler is given,
otherwise any running cluster (``dask scheduler`` + ``dask worker``, dask-jobqueue, Kubernetes).
Each worker process builds the pipeline once (a per-process cache in worker.py). Partitions are
submitted a bounded number at a time and their records come back in input order, or are left as
one JSONL part per partition in ``parts_dir``. A partition whose worker dies is retried by the
scheduler; one that still kills its worker (``KilledWorker``) is bisected until the document at
fault is found. If the watchdog left a note that an annotator hung on it (``time_limit``; workers on
this machine write notes to a folder of the run), the document is annotated again without that
annotator and keeps its other layers, as in the local engine; otherwise it becomes an error record.
"""

from __future__ import annotations

import json
import os
import tempfile
import uuid
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.engines import EngineSettings, default_n_process
from annotator.engines.chunking import balanced_chunks
from annotator.engines.encoded import EncodedRecord, encode, error_for
from annotator.engines.worker import annotate_partition, hang_reason
from annotator.errors import ConfigError
from annotator.inputs import InputItem
from annotator.records import ErrorRecord, InputDocument
from annotator.runner import RunSpec

if TYPE_CHECKING:
    from distributed import Client, Future

ALLOWED_FAILURES = 1
"""Worker deaths a task may cause before the scheduler gives up on it (then we bisect)."""
PARTS_PER_WORKER_IN_FLIGHT = 4
# Dask's nanny sets MALLOC_TRIM_THRESHOLD_=65536 in workers by default: it made spaCy 15-22% slower.
WORKER_ENV = {"OMP_NUM_THREADS": 1, "MKL_NUM_THREADS": 1, "OPENBLAS_NUM_THREADS": 1}
# The worker's statistical profiler samples every thread's stack each 10 ms, holding the GIL the
# annotators need; it and the GIL monitor are diagnostics a batch job does not read.
QUIET_WORKERS = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.system-monitor.gil.enabled": False,
}
KILLED = "this document killed its Dask worker on every attempt (the partition was bisected to find it)"

Pending = tuple[str, list[InputItem], "Future"]


class DaskEngine:
    """Run a stream through a Dask cluster; see the module docstring."""

    def __init__(self, spec: RunSpec, settings: EngineSettings) -> None:
        self.spec = spec
        self.settings = settings
        # One batch per partition: many small partitions keep both workers busy to the end (>= 8
        # per worker was needed against tail imbalance); scheduling costs milliseconds per task.
        self.partition_size = settings.partition_size or spec.batch_size
        self.run_id = uuid.uuid4().hex[:8]
        self.parts_dir = settings.parts_dir
        self.bisections = 0
        self._notes: str | None = None

    def run(self, items: Iterable[InputItem]) -> Iterator[EncodedRecord]:
        """Yield one encoded record per input item, in input order (lines omitted with parts_dir)."""
        client, cluster = connect(self.settings)
        notes = tempfile.TemporaryDirectory(prefix="annotator-dask-notes-")
        self._notes = notes.name
        try:
            if self.parts_dir is not None:
                self.parts_dir.mkdir(parents=True, exist_ok=True)
            yield from self._stream(client, items, len(client.scheduler_info()["workers"]) or 1)
            if self.parts_dir is not None:
                (self.parts_dir / "_SUCCESS").write_text("", encoding="utf-8")
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
            notes.cleanup()

    def _stream(self, client: Client, items: Iterable[InputItem], workers: int) -> Iterator[EncodedRecord]:
        pending: deque[Pending] = deque()
        limit = PARTS_PER_WORKER_IN_FLIGHT * workers * self.partition_size  # documents, as in local.py
        for index, part in enumerate(balanced_chunks(items, self.partition_size, workers)):
            label = f"{index:06d}"
            pending.append((label, part, self._submit(client, label, part)))
            while sum(len(p) for _, p, _ in pending) >= limit:
                yield from self._collect(client, *pending.popleft())
        while pending:
            yield from self._collect(client, *pending.popleft())

    def _submit(
        self, client: Client, label: str, part: list[InputItem], skips: dict[str, str] | None = None
    ) -> Future:
        path = str(self.parts_dir / f"part-{label}.jsonl") if self.parts_dir is not None else None
        key = f"annotate-{self.run_id}-{label}" + (f"-without-{len(skips)}" if skips else "")
        limit = self.settings.time_limit
        args = (self.spec, part, path, limit, self._notes, {0: skips} if skips else None)
        return client.submit(annotate_partition, *args, key=key, pure=False)

    def _collect(
        self,
        client: Client,
        label: str,
        part: list[InputItem],
        future: Future,
        skips: dict[str, str] | None = None,
    ) -> list[EncodedRecord]:
        """The partition's records; a partition that keeps killing workers is split in two and re-run."""
        from distributed import KilledWorker

        try:
            return list(future.result())
        except KilledWorker:
            future.release()
        if len(part) == 1:
            return self._alone(client, label, part[0], skips or {})
        self.bisections += 1
        middle = len(part) // 2
        halves = [(f"{label}.{i}", half) for i, half in enumerate((part[:middle], part[middle:]))]
        futures = [self._submit(client, sub, half) for sub, half in halves]
        return [
            r
            for (sub, half), f in zip(halves, futures, strict=True)
            for r in self._collect(client, sub, half, f)
        ]

    def _alone(
        self, client: Client, label: str, item: InputItem, skips: dict[str, str]
    ) -> list[EncodedRecord]:
        """A document that killed its worker: run it without the annotator that hung on it, if known.

        Each round leaves one more annotator out, so this ends; an annotator reported twice (it
        cannot have run, so the note is stale) gives up with an error record, as the local engine does.
        """
        annotator = hung_annotator(self._notes, item)
        if annotator is None:
            return self._poison(label, item)
        reason = hang_reason(annotator, self.settings.time_limit)
        if annotator in skips:
            return self._poison(label, item, reason)
        skips = {**skips, annotator: reason}
        return self._collect(client, label, [item], self._submit(client, label, [item], skips), skips)

    def _poison(self, label: str, item: InputItem, reason: str = KILLED) -> list[EncodedRecord]:

        record = (
            error_for(item, reason) if isinstance(item, InputDocument) else encode(ErrorRecord(error=item))
        )
        if self.parts_dir is None:
            return [record]
        write_part(str(self.parts_dir / f"part-{label}.jsonl"), [record])
        return [record.without_line()]


def hung_annotator(notes: str | None, item: InputItem) -> str | None:
    """The annotator a watchdog reported hung on ``item`` (its notes are used up), or None."""
    if notes is None or not isinstance(item, InputDocument):
        return None
    found = None
    for path in sorted(Path(notes).glob("hung-*.json")):
        note = json.loads(path.read_text(encoding="utf-8"))
        if note["id"] == item.id:
            path.unlink()
            found = str(note["annotator"])
    return found


CONNECT_TIMEOUT = "10s"


def connect(settings: EngineSettings) -> tuple[Client, Any]:
    """A client for ``settings.scheduler``, or for a new LocalCluster configured for spaCy."""
    distributed = configure_dask()
    address = settings.scheduler or os.environ.get("DASK_SCHEDULER_ADDRESS")
    if address:
        try:
            return distributed.Client(address, timeout=CONNECT_TIMEOUT), None
        except OSError as exc:
            raise ConfigError(f"Cannot reach the Dask scheduler at {address}: {exc}") from exc
    cluster = local_cluster(settings.n_process or default_n_process())
    return distributed.Client(cluster), cluster


def configure_dask() -> Any:
    """Import distributed and set the worker environment and retry limit; return the module."""
    try:
        import dask
        import distributed  # merges its defaults into dask.config: the overrides must come after
    except ImportError as exc:
        raise ConfigError("--engine dask needs Dask: pip install 'annotator[dask]'.") from exc
    dask.config.set(
        {
            "distributed.nanny.pre-spawn-environ": WORKER_ENV,
            "distributed.scheduler.allowed-failures": ALLOWED_FAILURES,
            **QUIET_WORKERS,
        }
    )
    return distributed


def local_cluster(workers: int) -> Any:
    """One single-threaded worker process per core on this machine (spaCy is CPU-bound)."""
    distributed = configure_dask()
    return distributed.LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    )


def write_part(path: str, records: list[EncodedRecord]) -> None:
    """Write a part file atomically (temporary name, then rename), so a retried task never half-writes."""
    target = Path(path)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8", newline="\n") as stream:
        stream.writelines(record.to_json() + "\n" for record in records)
    os.replace(tmp, target)
