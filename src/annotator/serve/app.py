"""The ASGI app: routes for ``/annotate``, Label Studio, INCEpTION, ``/health`` and ``/metrics``.

Routes only read, call the :class:`~annotator.serve.service.Service` and answer; the guard around
them bounds the body (413), checks the token and counts every request. Every error is JSON
``{"error": "..."}`` with a status that says whose fault it was, and the server keeps serving.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from annotator import __version__
from annotator.errors import AnnotatorError
from annotator.records import InputDocument
from annotator.registry import Registry, build_registry
from annotator.serve.batching import Batcher, Overloaded
from annotator.serve.guard import Guard
from annotator.serve.models import (
    AnnotateRequest,
    AnnotateResponse,
    Health,
    InceptionPredictRequest,
    InceptionPredictResponse,
    Metrics,
    PredictRequest,
    PredictResponse,
    Problem,
    SetupRequest,
    SetupResponse,
    WebhookEvent,
    WebhookResponse,
)
from annotator.serve.service import Service
from annotator.serve.settings import ServeSettings

log = logging.getLogger("annotator.serve")
ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": Problem, "description": text}
    for code, text in {
        400: "Malformed JSON.",
        401: "Missing or wrong token.",
        413: "Body too large.",
        422: "Valid JSON, wrong content (missing text, bad XMI, unknown layer).",
        503: "Queue full; retry after the Retry-After header's seconds.",
    }.items()
}


def create_app(settings: ServeSettings, registry: Registry | None = None, start: bool = True) -> FastAPI:
    """The app; with ``start`` its lifespan starts the worker processes (not needed for the schema)."""
    service = Service(settings, registry or build_registry(settings.spec.plugins_dirs))
    app = FastAPI(
        title="annotator serve",
        version=__version__,
        description="Typed multi-layer pre-annotation for Label Studio, INCEpTION and HTTP clients.",
        lifespan=_lifespan(service) if start else None,
        docs_url=None,
        redoc_url=None,
        responses=ERRORS,
    )
    app.state.service = service
    _errors(app)
    _routes(app, service)
    app.add_middleware(Guard, settings=settings, metrics=service.metrics)
    return app


def _lifespan(service: Service) -> Any:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        from annotator.serve.engine import ServeEngine

        settings = service.settings
        engine = ServeEngine(settings.spec, settings.workers, settings.time_limit)
        await asyncio.to_thread(engine.start)
        batcher = Batcher(engine.annotate, settings.workers, settings.spec.batch_size, settings.max_queued)
        batcher.start()
        service.batcher = batcher
        try:
            yield
        finally:
            await batcher.stop()
            await asyncio.to_thread(engine.stop)

    return lifespan


def _errors(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        if first.get("type") == "json_invalid":
            return _problem(400, f"malformed JSON: {first.get('ctx', {}).get('error', 'cannot parse')}")
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "body")
        return _problem(422, f"{where or 'body'}: {first.get('msg', 'invalid')}")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _problem(exc.status_code, str(exc.detail), dict(exc.headers or {}))

    @app.exception_handler(AnnotatorError)
    async def ours(request: Request, exc: AnnotatorError) -> JSONResponse:
        return _problem(422, str(exc))

    @app.exception_handler(Overloaded)
    async def overloaded(request: Request, exc: Overloaded) -> JSONResponse:
        return _problem(503, str(exc), {"Retry-After": str(exc.retry_after)})


def _problem(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status, headers=headers)


def _routes(app: FastAPI, service: Service) -> None:
    @app.get("/health", response_model=Health)
    async def health() -> Health:
        """Liveness and what is loaded (no token needed)."""
        queued = service.batcher.queued if service.batcher else 0
        return Health(layers=service.layers, workers=service.settings.workers, queued=queued)

    @app.get("/metrics", response_model=Metrics)
    async def metrics() -> Metrics:
        """Requests, documents, errors, rejections, batching and latency since start."""
        m, b = service.metrics, service.batcher
        batches = b.batches if b else 0
        mean = (b.batched_documents / batches) if b and batches else 0.0
        return Metrics(
            requests=m.requests,
            documents=m.documents,
            errors=m.errors,
            rejected=m.rejected,
            batches=batches,
            mean_batch_size=round(mean, 2),
            latency_ms=m.latency_ms(),
            by_route=dict(m.by_route),
        )

    # The workers' JSON lines go out as they are: parsing and re-encoding whole documents here
    # made this process the bottleneck beside the workers on two cores.
    @app.post("/annotate", response_model=dict[str, Any])
    async def annotate(document: InputDocument) -> Response:
        """One document in, its output record out (an annotated document or an error record)."""
        [record] = await service.annotate([document])
        return Response(record.to_json(), media_type="application/json")

    @app.post("/annotate/batch", response_model=AnnotateResponse)
    async def annotate_batch(request: AnnotateRequest) -> Response:
        """Several documents in, one output record per document out, in order."""
        lines = [record.to_json() for record in await service.annotate(request.documents)]
        return Response('{"records":[' + ",".join(lines) + "]}", media_type="application/json")

    _label_studio(app, service)
    _inception(app, service)


def _label_studio(app: FastAPI, service: Service) -> None:
    @app.post("/setup", response_model=SetupResponse)
    async def setup(request: SetupRequest) -> SetupResponse:
        """Label Studio connects a project: keep its labeling config, give our model version."""
        return SetupResponse(model_version=service.setup(request.project, request.schema_))

    @app.post("/predict", response_model=PredictResponse)
    async def predict(request: PredictRequest) -> dict[str, Any]:
        """Label Studio asks for predictions of some tasks: one per task, in task order."""
        return await service.predict(request)

    @app.post("/webhook", response_model=WebhookResponse)
    async def webhook(event: WebhookEvent) -> WebhookResponse:
        """Label Studio reports an event; a created or updated annotation is stored as a correction."""
        return WebhookResponse(stored=await service.webhook(event))


def _inception(app: FastAPI, service: Service) -> None:
    @app.post("/inception/predict", response_model=InceptionPredictResponse)
    async def inception_predict(request: InceptionPredictRequest) -> InceptionPredictResponse:
        """INCEpTION's external recommender: the CAS back with the requested layer's feature filled."""
        return InceptionPredictResponse(document=await service.inception_predict(request))

    @app.post("/inception/train", status_code=204)
    async def inception_train() -> None:
        """Training requests are accepted and ignored: this pipeline is not trained online."""
        return None
