"""The middleware around every route: token check, body bound (413), counts and latency.

It is plain ASGI so that a body over the bound is refused while it is being read (a declared
``Content-Length`` is refused before a byte is read) and the route never sees it. Nothing of a
request's body is logged: only the method, the path and the status reach the metrics.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import json
import time
from typing import Any

from annotator.serve.metrics import ServeMetrics
from annotator.serve.settings import ServeSettings

OPEN_PATHS = frozenset({"/health"})
Scope = dict[str, Any]


class Guard:
    """ASGI middleware; see the module docstring."""

    def __init__(self, app: Any, settings: ServeSettings, metrics: ServeMetrics) -> None:
        self.app = app
        self.settings = settings
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started, status = time.perf_counter(), [500]

        async def sending(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                status[0] = message["status"]
            await send(message)

        try:
            await self._guarded(scope, receive, sending)
        finally:
            # Unknown paths share one counter, so a scan of random URLs cannot grow the metrics.
            route = scope.get("path", "") if status[0] != 404 else "<unmatched>"
            self.metrics.record(route, status[0], time.perf_counter() - started)

    async def _guarded(self, scope: Scope, receive: Any, send: Any) -> None:
        if not self._authorised(scope):
            await _reply(send, 401, "missing or wrong token", {"www-authenticate": "Bearer"})
            return
        declared = _header(scope, b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.settings.max_body:
            await _reply(send, 413, self._too_large())
            return
        body = await self._read(receive)
        if body is None:
            await _reply(send, 413, self._too_large())
            return
        await self.app(scope, _replay(body, receive), send)

    def _too_large(self) -> str:
        return f"request body over the limit of {self.settings.max_body} bytes (--max-body)"

    async def _read(self, receive: Any) -> bytes | None:
        """The whole body, or None as soon as it passes the bound."""
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.settings.max_body:
                return None
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        return b"".join(chunks)

    def _authorised(self, scope: Scope) -> bool:
        """No token set, an open path, ``Bearer TOKEN``, or HTTP Basic with TOKEN as the password."""
        token = self.settings.token
        if not token or scope.get("path") in OPEN_PATHS:
            return True
        given = _header(scope, b"authorization") or ""
        scheme, _, value = given.partition(" ")
        if scheme.lower() == "basic":
            value = _basic_password(value)
        elif scheme.lower() != "bearer":
            return False
        return hmac.compare_digest(value.strip().encode(), token.encode())


def _basic_password(value: str) -> str:
    """Label Studio can only send HTTP Basic auth: the password is the token, the user is ignored."""
    try:
        return base64.b64decode(value.strip(), validate=True).decode("utf-8").partition(":")[2]
    except (binascii.Error, UnicodeDecodeError):
        return ""


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return str(value.decode("latin-1"))
    return None


def _replay(body: bytes, upstream: Any) -> Any:
    """The buffered body once, then the real channel (which reports the client's disconnect)."""
    sent = [False]

    async def receive() -> dict[str, Any]:
        if sent[0]:
            return dict(await upstream())
        sent[0] = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive


async def _reply(send: Any, status: int, message: str, headers: dict[str, str] | None = None) -> None:
    body = json.dumps({"error": message}).encode()
    raw = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    raw += [(k.encode(), v.encode()) for k, v in (headers or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})
