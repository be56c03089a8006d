"""Counters and latency for ``/metrics``: cheap enough to update on every request."""

from __future__ import annotations

from collections import Counter, deque
from dataclasses import dataclass, field

WINDOW = 2048
"""Latencies kept for the percentiles: the recent requests, so memory stays fixed."""


@dataclass
class ServeMetrics:
    """What the server has done since it started; no document text is ever kept here."""

    requests: int = 0
    documents: int = 0
    errors: int = 0
    rejected: int = 0
    by_route: Counter[str] = field(default_factory=Counter)
    latencies: deque[float] = field(default_factory=lambda: deque(maxlen=WINDOW))

    def record(self, route: str, status: int, seconds: float) -> None:
        """Count one finished request (503s are counted as rejected, other 4xx/5xx as errors)."""
        self.requests += 1
        self.by_route[route] += 1
        self.latencies.append(seconds * 1000.0)
        if status == 503:
            self.rejected += 1
        elif status >= 400:
            self.errors += 1

    def latency_ms(self) -> dict[str, float]:
        """p50, p95, p99 and max of the recent requests, in milliseconds."""
        values = sorted(self.latencies)
        if not values:
            return {}
        pick = {"p50": 0.50, "p95": 0.95, "p99": 0.99}
        out = {name: round(values[min(len(values) - 1, int(q * len(values)))], 2) for name, q in pick.items()}
        out["max"] = round(values[-1], 2)
        return out
