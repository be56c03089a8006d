"""Write the server's OpenAPI schema: ``python -m annotator.serve.openapi docs/serve.openapi.json``.

The checked-in file is what schemathesis tests the live server against, and a test fails when it
drifts from what the app generates.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from annotator.registry import build_registry
from annotator.serve.app import create_app
from annotator.serve.settings import ServeSettings


def openapi_schema() -> dict[str, Any]:
    """The schema of the app with default settings (no worker is started)."""
    return dict(create_app(ServeSettings(), build_registry(), start=False).openapi())


def render(schema: dict[str, Any]) -> str:
    """Stable text of the schema file."""
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


if __name__ == "__main__":
    Path(sys.argv[1]).write_text(render(openapi_schema()), encoding="utf-8")
