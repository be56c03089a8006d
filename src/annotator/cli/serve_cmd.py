"""``annotator serve``: load the pipeline once and answer Label Studio, INCEpTION and ``/annotate``."""

from __future__ import annotations

import os
from pathlib import Path

import typer

from annotator.cli.common import PluginsDirOption, load_registry, split_names
from annotator.config import load_config
from annotator.errors import ConfigError
from annotator.parsing import DEFAULT_MODEL
from annotator.pipeline import DEFAULT_BATCH_SIZE
from annotator.runner import RunSpec


def register(app: typer.Typer) -> None:
    """Add the command to the app."""
    app.command("serve")(serve)


def serve(
    host: str = typer.Option(
        "127.0.0.1", "--host", help="Address to bind; other than loopback needs --token."
    ),
    port: int = typer.Option(9090, "--port", min=0, max=65535, help="Port (0 picks a free one)."),
    plugins: str | None = typer.Option(None, "--plugins", help="Comma-separated annotators (default: all)."),
    config: Path | None = typer.Option(None, "--config", help="TOML: [annotate] settings, [options.NAME]."),
    token: str | None = typer.Option(
        None,
        "--token",
        help="Bearer token (or Basic password) required on every route but /health; "
        "ANNOTATOR_SERVE_TOKEN works too.",
    ),
    workers: int = typer.Option(1, "--workers", min=1, help="Worker processes, each with the pipeline."),
    time_limit: float = typer.Option(60.0, "--time-limit", min=0, help="Seconds per annotator and document."),
    max_body: int = typer.Option(8 * 1024 * 1024, "--max-body", min=1, help="Largest request body, bytes."),
    max_queued: int = typer.Option(512, "--max-queued", min=1, help="Documents waiting before 503."),
    corrections: Path | None = typer.Option(
        None, "--corrections", help="Append corrected Label Studio tasks (from /webhook) to this JSONL."
    ),
    plugins_dir: list[Path] | None = PluginsDirOption,
) -> None:
    """Serve the pipeline over HTTP: Label Studio ML backend, INCEpTION recommender, /annotate."""
    try:
        import uvicorn

        from annotator.serve.app import create_app
        from annotator.serve.settings import TOKEN_ENV, ServeSettings, is_loopback
    except ImportError as exc:
        raise ConfigError(
            f"annotator serve needs the serve extra: pip install 'annotator[serve]' ({exc})"
        ) from exc
    cfg = load_config(config)
    spec = RunSpec(
        plugins=tuple(split_names(plugins) or cfg.annotate.plugins or ()) or None,
        model=cfg.annotate.model or DEFAULT_MODEL,
        options=cfg.options,
        batch_size=cfg.annotate.batch_size or DEFAULT_BATCH_SIZE,
        plugins_dirs=tuple(plugins_dir or ()),
        config_dir=cfg.directory,
    )
    token = token or os.environ.get(TOKEN_ENV) or None
    if not is_loopback(host) and not token:
        typer.echo(
            f"Warning: serving on {host} without a token: anyone who can reach it may use it.", err=True
        )
    settings = ServeSettings(
        spec, host, port, token, workers, time_limit or None, max_body, max_queued, corrections
    )
    app = create_app(settings, load_registry(plugins_dir))
    uvicorn.run(app, host=host, port=port, log_level="info", access_log=True)
