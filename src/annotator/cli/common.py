"""Options and helpers shared by the command modules."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import typer

from annotator.registry import Registry, build_registry


@dataclass
class CliState:
    """Process-wide flags set by the root callback."""

    traceback: bool = False


state = CliState()

PluginsDirOption = typer.Option(
    None,
    "--plugins-dir",
    help="Also load plugin modules (*.py) from this folder; repeatable. ANNOTATOR_PLUGINS_DIR works too.",
)


def load_registry(plugins_dirs: list[Path] | None) -> Registry:
    """Build the registry and warn, on stderr, about plugins that failed to load."""
    registry = build_registry(plugins_dirs or [])
    for failure in registry.failures:
        typer.echo(
            f"Warning: plugin {failure.plugin!r} ({failure.source}) was not loaded: {failure.reason}",
            err=True,
        )
    return registry


def split_names(value: str | None) -> list[str] | None:
    """``"entities, quotes"`` -> ``["entities", "quotes"]``; None stays None."""
    if value is None:
        return None
    return [n.strip() for n in value.split(",") if n.strip()]
