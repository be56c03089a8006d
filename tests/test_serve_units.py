"""The server's parts without worker processes: token, body bound, queue bound, batching, schema drift."""

from __future__ import annotations

import asyncio
import base64
import threading
import time
from pathlib import Path

import httpx
import pytest

pytest.importorskip("fastapi")

from annotator.engines.encoded import encode_document  # noqa: E402
from annotator.records import InputDocument  # noqa: E402
from annotator.serve.app import create_app  # noqa: E402
from annotator.serve.batching import Batcher, Overloaded  # noqa: E402
from annotator.serve.openapi import openapi_schema, render  # noqa: E402
from annotator.serve.settings import ServeSettings, is_loopback  # noqa: E402

OPENAPI = Path(__file__).resolve().parents[1] / "docs" / "serve.openapi.json"


def _client(**settings: object) -> httpx.AsyncClient:
    app = create_app(ServeSettings(**settings), start=False)  # type: ignore[arg-type]
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test")


async def _get(path: str, headers: dict[str, str] | None = None, **settings: object) -> httpx.Response:
    async with _client(**settings) as client:
        return await client.get(path, headers=headers or {})


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({}, 401),
        ({"authorization": "Bearer wrong"}, 401),
        ({"authorization": "Bearer s3cret"}, 200),
        ({"authorization": "Basic " + base64.b64encode(b"label-studio:s3cret").decode()}, 200),
    ],
)
def test_serve_token_guards_routes(headers: dict[str, str], status: int) -> None:
    assert asyncio.run(_get("/metrics", headers, token="s3cret")).status_code == status


def test_serve_health_needs_no_token() -> None:
    assert asyncio.run(_get("/health", token="s3cret")).status_code == 200


def test_serve_body_over_limit_is_413_before_parsing() -> None:
    async def send() -> httpx.Response:
        async with _client(max_body=100) as client:
            return await client.post("/annotate", content=b'{"id":"a","text":"' + b"x" * 200 + b'"}')

    response = asyncio.run(send())
    assert response.status_code == 413 and "100 bytes" in response.json()["error"]


@pytest.mark.parametrize(("host", "loopback"), [("127.0.0.1", True), ("::1", True), ("0.0.0.0", False)])
def test_serve_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def _slow_annotate(calls: list[int]):  # type: ignore[no-untyped-def]
    from annotator.document import Document

    def annotate(docs):  # type: ignore[no-untyped-def]
        calls.append(len(docs))
        time.sleep(0.05)
        return [encode_document(Document(id=d.id, text=d.text)) for d in docs]

    return annotate


def test_serve_batcher_batches_concurrent_callers() -> None:
    calls: list[int] = []

    async def run() -> list[str]:
        batcher = Batcher(_slow_annotate(calls), slots=1, batch_size=32, max_queued=100)
        batcher.start()
        docs = [[InputDocument(id=f"d{i}", text="Paris is in France.")] for i in range(16)]
        results = await asyncio.gather(*(batcher.submit(d) for d in docs))
        await batcher.stop()
        return [r[0].id for r in results]

    assert asyncio.run(run()) == [f"d{i}" for i in range(16)]
    assert len(calls) < 16 and max(calls) > 1


def test_serve_batcher_refuses_when_full() -> None:
    from annotator.document import Document

    release, calls = threading.Event(), []

    def held(docs):  # type: ignore[no-untyped-def]
        calls.append(len(docs))
        release.wait(10)
        return [encode_document(Document(id=d.id, text=d.text)) for d in docs]

    async def run() -> Overloaded:
        batcher = Batcher(held, slots=1, batch_size=2, max_queued=6)
        batcher.start()
        first = asyncio.ensure_future(batcher.submit([InputDocument(id=f"a{i}", text="x") for i in range(6)]))
        while not calls:  # the one slot now holds a batch of 2: 4 stay queued
            await asyncio.sleep(0.005)
        with pytest.raises(Overloaded) as refused:
            await batcher.submit([InputDocument(id=f"late{i}", text="y") for i in range(3)])
        release.set()
        await first
        await batcher.stop()
        return refused.value

    assert asyncio.run(run()).retry_after >= 1


def test_serve_openapi_file_matches_app() -> None:
    assert OPENAPI.read_text(encoding="utf-8") == render(openapi_schema()), (
        "docs/serve.openapi.json drifted: run `python -m annotator.serve.openapi docs/serve.openapi.json`"
    )
