"""What each protocol does with a request once it has been read and checked: the server's logic.

One :class:`Service` holds the batcher (and through it the worker processes, each with the
pipeline loaded once), the registry (span models, the ``label-studio`` exporter) and the metrics.
Every protocol turns its request into input documents, awaits the shared batcher, and turns the
records back into its own shape, so Label Studio, INCEpTION and ``/annotate`` callers share batches.
"""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from collections.abc import Sequence
from typing import Any

from annotator.document import Document
from annotator.engines.encoded import EncodedRecord
from annotator.errors import ConfigError, InputError
from annotator.ordering import order_annotators
from annotator.records import InputDocument
from annotator.registry import Registry
from annotator.serve import inception, labelstudio
from annotator.serve.batching import Batcher
from annotator.serve.metrics import ServeMetrics
from annotator.serve.models import InceptionPredictRequest, PredictRequest, WebhookEvent
from annotator.serve.settings import ServeSettings

CORRECTION_ACTIONS = frozenset({"ANNOTATION_CREATED", "ANNOTATION_UPDATED"})


class Service:
    """The loaded pipeline's front: one instance per server; see the module docstring."""

    def __init__(self, settings: ServeSettings, registry: Registry) -> None:
        self.settings = settings
        self.registry = registry
        available = {name: reg.obj for name, reg in registry.annotators.items()}
        self.layers = order_annotators(list(settings.spec.plugins or sorted(available)), available)
        self.model_version = "+".join(f"{n}-{available[n].version}" for n in self.layers)
        self.metrics = ServeMetrics()
        self.batcher: Batcher | None = None
        self.configs: dict[str, labelstudio.LabelingConfig] = {}
        self._write_lock = asyncio.Lock()

    async def annotate(self, docs: Sequence[InputDocument]) -> list[EncodedRecord]:
        """Annotate through the shared batches; counts the documents."""
        if self.batcher is None:
            raise RuntimeError("the server has not finished starting")
        records = await self.batcher.submit(docs)
        self.metrics.documents += len(docs)
        return records

    async def annotate_json(self, docs: Sequence[InputDocument]) -> list[dict[str, Any]]:
        """Output records as JSON objects, exactly the lines ``annotator annotate`` writes."""
        return [json.loads(record.to_json()) for record in await self.annotate(docs)]

    # Label Studio ------------------------------------------------------------------------------

    def setup(self, project: str | None, schema: str | None) -> str:
        """Remember the project's labeling config; return our model version."""
        if project and schema:
            self.configs[project] = labelstudio.parse_config(schema)
        return self.model_version

    async def predict(self, request: PredictRequest) -> dict[str, Any]:
        """One prediction per task, fitted to the project's config, with what was left out counted."""
        config = self._config(request.label_config, request.project)
        docs = [_task_document(task, config) for task in request.tasks]
        records = await self.annotate(docs)
        dropped: Counter[str] = Counter()
        failed: dict[str, str] = {}
        results = [self._prediction(r, config, dropped, failed) for r in records]
        meta = {"dropped_labels": dict(sorted(dropped.items())), "failed_tasks": failed}
        return {"results": results, "model_version": self.model_version, "meta": meta}

    def _config(self, xml: str | None, project: str | None) -> labelstudio.LabelingConfig | None:
        if xml:
            return labelstudio.parse_config(xml)
        return self.configs.get(project or "")

    def _prediction(
        self,
        record: EncodedRecord,
        config: labelstudio.LabelingConfig | None,
        dropped: Counter[str],
        failed: dict[str, str],
    ) -> dict[str, Any]:
        if record.error is not None:
            failed[str(record.id)] = record.error.reason
            return {"result": [], "score": 0.0, "model_version": self.model_version}
        document = Document.from_json(record.to_json(), self.registry.span_models())
        prediction: dict[str, Any] = self._exporter().prediction(document)
        if config is not None:
            prediction = labelstudio.fit_prediction(prediction, config, dropped)
        return prediction

    def _exporter(self) -> Any:
        reg = self.registry.exporters.get("label-studio")
        if reg is None or not callable(getattr(reg.obj, "prediction", None)):
            raise ConfigError("the label-studio exporter (plugin 'exporters') is not installed")
        return reg.obj

    async def webhook(self, event: WebhookEvent) -> int:
        """Store the corrected task of an annotation event; other events are acknowledged, not stored."""
        if event.action not in CORRECTION_ACTIONS or self.settings.corrections is None:
            return 0
        if not event.task or not event.annotation:
            raise InputError(f"{event.action} event without its task and annotation")
        xml = (event.project or {}).get("label_config")
        config = self._config(xml if isinstance(xml, str) else None, None) or labelstudio.LabelingConfig()
        data = labelstudio.corrected_document(event.task, event.annotation, config)
        line = Document.from_dict(data, {}).to_json()  # checks offsets and texts before anything is kept
        async with self._write_lock:
            await asyncio.to_thread(_append, self.settings.corrections, line)
        return 1

    # INCEpTION ---------------------------------------------------------------------------------

    async def inception_predict(self, request: InceptionPredictRequest) -> str:
        """The request's CAS with our spans of the matching layer added, as XMI."""
        cas = await asyncio.to_thread(inception.load_request_cas, request.document.xmi, request.typeSystem)
        layer = inception.layer_for(request.metadata.layer, self.layers)
        doc_id = f"inception-{request.document.documentId or 0}"
        [record] = await self.annotate([InputDocument(id=doc_id, text=cas.sofa_string or "")])
        if record.error is not None:
            raise InputError(f"the document could not be annotated: {record.error.reason}")
        spans = json.loads(record.to_json()).get("spans", {}).get(layer, [])
        inception.add_predictions(cas, request.metadata.layer, request.metadata.feature, spans)
        return str(await asyncio.to_thread(cas.to_xmi))


def _task_document(task: dict[str, Any], config: labelstudio.LabelingConfig | None) -> InputDocument:
    """A Label Studio task as an input document: its text, its ``doc_id`` or task id, its meta."""
    data = task.get("data")
    key = config.data_key() if config is not None else "text"
    if not isinstance(data, dict) or not isinstance(data.get(key), str):
        raise InputError(f"task {task.get('id')!r} has no text under data.{key}")
    doc_id = str(data.get("doc_id") or f"task-{task.get('id')}")
    meta = data.get("meta")
    return InputDocument(id=doc_id, text=data[key], meta=meta if isinstance(meta, dict) else {})


def _append(path: Any, line: str) -> None:
    with open(path, "a", encoding="utf-8") as stream:
        stream.write(line + "\n")
