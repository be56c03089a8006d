"""schemathesis against a live ``annotator serve``: every route, generated requests, the checked-in schema.

Generated bodies are mostly wrong on purpose; the server must answer each with a documented status
and never a 5xx, and keep serving. One check is left out: "schema-valid request accepted". A JSON
Schema cannot say that ``xmi`` must be a CAS, that ``layer`` must be a type of the request's type
system or that a task's data must hold its text, so such bodies are schema-valid and still get the
documented 422 with a message.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

schemathesis = pytest.importorskip("schemathesis")

from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.specs.openapi.checks import positive_data_acceptance  # noqa: E402
from serve_server import Server, running_server  # noqa: E402

OPENAPI = Path(__file__).resolve().parents[1] / "docs" / "serve.openapi.json"
schema = schemathesis.openapi.from_path(OPENAPI)


@pytest.fixture(scope="module")
def live() -> Iterator[Server]:
    with running_server(["--max-queued", "4096"]) as server:
        yield server


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_serve_schema_holds(case: schemathesis.Case, live: Server) -> None:
    case.call_and_validate(base_url=live.url, timeout=60, excluded_checks=[positive_data_acceptance])
