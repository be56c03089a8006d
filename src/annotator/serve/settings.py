"""Everything ``annotator serve`` is told: where to listen, who may call, how much to accept."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from pathlib import Path

from annotator.runner import RunSpec

TOKEN_ENV = "ANNOTATOR_SERVE_TOKEN"
DEFAULT_MAX_BODY = 8 * 1024 * 1024
"""Bytes per request body: a few hundred news articles, or one very long one, as JSON or XMI."""


@dataclass(frozen=True)
class ServeSettings:
    """The server's settings; the pipeline itself is described by ``spec``, as for the CLI."""

    spec: RunSpec = field(default_factory=RunSpec)
    host: str = "127.0.0.1"
    port: int = 9090
    token: str | None = None
    workers: int = 1
    time_limit: float | None = 60.0
    max_body: int = DEFAULT_MAX_BODY
    max_queued: int = 512
    corrections: Path | None = None
    """JSONL file where corrected Label Studio tasks are appended (the webhook)."""


def is_loopback(host: str) -> bool:
    """True for localhost and 127.0.0.0/8 or ::1; anything else is reachable from other machines."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
