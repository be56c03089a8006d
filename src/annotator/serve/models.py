"""The request and response bodies of every route, as pydantic models (they make the OpenAPI schema)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from annotator.records import InputDocument

MAX_DOCUMENTS = 256
"""Documents (or tasks) in one request: more is refused (422), so one caller cannot fill the queue."""


class Problem(BaseModel):
    """Every error response: a status and one line saying what was wrong."""

    error: str = Field(description="What was wrong with the request, in one line.")


class AnnotateRequest(BaseModel):
    """``/annotate``: one document, or several under ``documents``, as ``annotator annotate`` reads them."""

    model_config = ConfigDict(extra="forbid")

    documents: list[InputDocument] = Field(min_length=1, max_length=MAX_DOCUMENTS)


class AnnotateResponse(BaseModel):
    """One output record per document, in order: annotated documents or error records, as the CLI writes."""

    records: list[dict[str, Any]]


class Health(BaseModel):
    """``/health``: Label Studio reads ``status``; the rest tells an operator what is loaded."""

    status: str = "UP"
    model_class: str = "annotator"
    layers: list[str]
    workers: int
    queued: int


class Metrics(BaseModel):
    """``/metrics``: counters since start and latency percentiles of the recent requests, in ms."""

    requests: int
    documents: int
    errors: int
    rejected: int
    batches: int
    mean_batch_size: float
    latency_ms: dict[str, float]
    by_route: dict[str, int]


class SetupRequest(BaseModel):
    """Label Studio's ``/setup`` call (the access token it sends is never stored or logged)."""

    model_config = ConfigDict(extra="allow")

    project: str | None = None
    schema_: str | None = Field(default=None, alias="schema")


class SetupResponse(BaseModel):
    """What Label Studio keeps as the model version of its predictions."""

    model_version: str


class PredictRequest(BaseModel):
    """Label Studio's ``/predict`` call: tasks and the project's labeling config."""

    model_config = ConfigDict(extra="allow")

    tasks: list[dict[str, Any]] = Field(min_length=1, max_length=MAX_DOCUMENTS)
    label_config: str | None = None
    project: str | None = None
    params: dict[str, Any] | None = None


class PredictResponse(BaseModel):
    """One prediction per task; ``meta`` counts what the labeling config could not show."""

    results: list[dict[str, Any]]
    model_version: str
    meta: dict[str, Any] = Field(default_factory=dict)


class WebhookEvent(BaseModel):
    """A Label Studio webhook: ``ANNOTATION_CREATED`` / ``ANNOTATION_UPDATED`` carry a correction."""

    model_config = ConfigDict(extra="allow")

    action: str
    task: dict[str, Any] | None = None
    annotation: dict[str, Any] | None = None
    project: dict[str, Any] | None = None


class WebhookResponse(BaseModel):
    """How many corrected documents were stored from this event."""

    stored: int


class InceptionMetadata(BaseModel):
    """The layer and feature INCEpTION asks to fill."""

    model_config = ConfigDict(extra="allow")

    layer: str
    feature: str
    projectId: int | None = None
    anchoringMode: str | None = None
    crossSentence: bool | None = None


class InceptionDocument(BaseModel):
    """The CAS of the document, as XMI."""

    model_config = ConfigDict(extra="allow")

    xmi: str
    documentId: int | None = None
    userId: str | None = None


class InceptionPredictRequest(BaseModel):
    """INCEpTION's external recommender ``/predict`` request."""

    model_config = ConfigDict(extra="allow")

    metadata: InceptionMetadata
    document: InceptionDocument
    typeSystem: str


class InceptionPredictResponse(BaseModel):
    """The same CAS with our predictions added, as XMI."""

    document: str
