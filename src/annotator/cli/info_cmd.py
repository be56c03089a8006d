"""``annotator info``: what a run would use here: versions, model, ops, batch size, processes.

Speed depends on choices made per machine (thinc ops, batch size, process count); this command
shows them so a benchmark figure or a bug report can say exactly what ran.
"""

from __future__ import annotations

import importlib.metadata
import platform
from typing import Any

import typer

from annotator import __version__
from annotator.engines import default_n_process
from annotator.parsing import DEFAULT_MODEL, fastest_ops, ops_setting, ops_timings, resolve_model
from annotator.pipeline import DEFAULT_BATCH_SIZE

PACKAGES = ("spacy", "thinc", "blis", "numpy", "pydantic", "pluggy", "dask", "distributed")


def register(app: typer.Typer) -> None:
    """Add the command to the app."""
    app.command("info")(info)


def info(
    model: str = typer.Option(DEFAULT_MODEL, "--model", help="spaCy pipeline name or path."),
) -> None:
    """Show versions, the spaCy model, the thinc ops and the batch size a run would use here."""
    speed = _speed()  # first: the BLAS thread setting only takes effect before numpy is imported
    for key, value in [*_versions(), *_model(model), *speed]:
        typer.echo(f"{key + ':':<22}{value}")


def _versions() -> list[tuple[str, str]]:
    rows = [("annotator", __version__), ("python", platform.python_version())]
    for name in PACKAGES:
        try:
            rows.append((name, importlib.metadata.version(name)))
        except importlib.metadata.PackageNotFoundError:
            rows.append((name, "not installed"))
    return rows


def _model(model: str) -> list[tuple[str, str]]:
    import spacy

    resolved = resolve_model(model)
    found = spacy.info(resolved) if not resolved.startswith(("/", ".")) else {}
    meta: dict[str, Any] = found if isinstance(found, dict) else {}
    components = ", ".join(meta.get("pipeline", [])) or "?"
    label = f"{model} -> {resolved} {meta.get('version', '')}".rstrip()
    return [("model", label), ("components", components)]


def _speed() -> list[tuple[str, str]]:
    setting = ops_setting()
    timings = ", ".join(f"{name} {ms:.2f} ms" for name, ms in ops_timings().items())
    chosen = fastest_ops() if setting == "auto" else setting
    return [
        ("ops", f"{chosen} (setting {setting}; ANNOTATOR_OPS=auto|numpy|blis; gemm test: {timings})"),
        ("batch size", f"{DEFAULT_BATCH_SIZE} (--batch-size)"),
        ("processes", f"{default_n_process()} (--n-process; available cores, at most 8)"),
        ("machine", f"{platform.machine()} {platform.processor() or ''}".rstrip()),
    ]
