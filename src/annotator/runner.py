"""Turn a stream of input items into output records, in input order, losing nothing.

A :class:`RunSpec` is plain, picklable data, so a worker process (or a Dask worker) can rebuild
the same pipeline from it; :func:`annotate_items` is the one loop every engine runs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from annotator.document import Document
from annotator.inputs import InputItem
from annotator.parsing import DEFAULT_MODEL
from annotator.pipeline import DEFAULT_BATCH_SIZE, OnError, Pipeline
from annotator.records import ErrorRecord, InputDocument, RecordError
from annotator.registry import Registry, build_registry

OutputRecord = Document | ErrorRecord


@dataclass(frozen=True)
class RunSpec:
    """Everything needed to build the pipeline again in another process."""

    plugins: tuple[str, ...] | None = None
    model: str = DEFAULT_MODEL
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    batch_size: int = DEFAULT_BATCH_SIZE
    plugins_dirs: tuple[Path, ...] = ()
    on_error: OnError = "record"
    config_dir: Path | None = None

    def build(self, registry: Registry | None = None) -> Pipeline:
        """Load plugins (unless a registry is given) and the spaCy pipeline for this spec."""
        if registry is None:
            registry = build_registry(self.plugins_dirs)
        return Pipeline(
            plugins=self.plugins,
            model=self.model,
            options=self.options,
            registry=registry,
            batch_size=self.batch_size,
            on_error=self.on_error,
            config_dir=self.config_dir,
        )


Skips = Mapping[int, Mapping[str, str]]
"""Annotators to leave out, by position of the item in the input: {index: {annotator: reason}}."""


def annotate_items(
    pipeline: Pipeline, items: Iterable[InputItem], skips: Skips | None = None
) -> Iterator[OutputRecord]:
    """Annotate documents a batch at a time; read errors pass through as error records, in place.

    ``skips`` leaves annotators out of some documents (see :meth:`Pipeline.annotate_batch`)."""
    it = iter(items)
    offset = 0
    while chunk := list(islice(it, pipeline.batch_size)):
        docs = [(offset + i, item) for i, item in enumerate(chunk) if isinstance(item, InputDocument)]
        annotated = iter(_annotate_batch(pipeline, docs, skips or {}))
        for item in chunk:
            yield next(annotated) if isinstance(item, InputDocument) else ErrorRecord(error=item)
        offset += len(chunk)


def _annotate_batch(
    pipeline: Pipeline, docs: list[tuple[int, InputDocument]], skips: Skips
) -> list[OutputRecord]:
    """One batch; if spaCy fails on the batch, retry one by one so only the culprit is lost."""
    if not docs:
        return []
    try:
        return list(pipeline.annotate_batch([d for _, d in docs], [skips.get(i, {}) for i, _ in docs]))
    except Exception:  # noqa: BLE001 - isolate the failing document below
        if pipeline.on_error == "raise":
            raise
    return [_annotate_alone(pipeline, doc, skips.get(i, {})) for i, doc in docs]


def _annotate_alone(pipeline: Pipeline, doc: InputDocument, skip: Mapping[str, str]) -> OutputRecord:
    try:
        return pipeline.annotate_batch([doc], [skip])[0]
    except Exception as exc:  # noqa: BLE001 - becomes an error record, the run goes on
        reason = f"parse failed: {type(exc).__name__}: {exc}"
        return ErrorRecord(id=doc.id, error=RecordError(stage="parse", reason=reason, source=doc.source))
