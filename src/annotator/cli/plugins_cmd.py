"""``annotator plugins``: what is installed, where it came from, and what failed to load."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer

from annotator.cli.common import PluginsDirOption, load_registry
from annotator.registry import Registry


def register(app: typer.Typer) -> None:
    """Add the command to the app."""
    app.command("plugins")(plugins)


def plugins(
    plugins_dir: list[Path] | None = PluginsDirOption,
    as_json: bool = typer.Option(False, "--json", help="Machine-readable listing."),
) -> None:
    """List plugins: name, version, annotators with their span types and requirements, source."""
    registry = load_registry(plugins_dir)
    listing = describe(registry)
    if as_json:
        typer.echo(json.dumps(listing, indent=2))
        return
    _print_table(listing)


def describe(registry: Registry) -> list[dict[str, Any]]:
    """One entry per plugin, failures included, in a stable order."""
    entries = []
    for info in registry.plugins:
        anns = [reg for reg in registry.annotators.values() if reg.plugin == info.name]
        exps = [reg.name for reg in registry.exporters.values() if reg.plugin == info.name]
        entries.append(
            {
                "name": info.name,
                "version": info.version,
                "source": info.source,
                "hooks": list(info.hooks),
                "annotators": [_annotator(reg.obj) for reg in anns],
                "exporters": exps,
                "loaded": True,
            }
        )
    for failure in registry.failures:
        entries.append(
            {"name": failure.plugin, "source": failure.source, "loaded": False, "error": failure.reason}
        )
    return entries


def _annotator(cls: Any) -> dict[str, Any]:
    return {
        "name": cls.name,
        "layer": cls.name,
        "version": cls.version,
        "span_type": cls.span_model.__name__,
        "requires": list(cls.requires),
        "needs": list(cls.needs),
        "options": sorted(cls.Options.model_fields),
    }


def _print_table(listing: list[dict[str, Any]]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table("plugin", "version", "annotators (span type; requires; needs)", "source")
    for entry in listing:
        if not entry["loaded"]:
            table.add_row(entry["name"], "-", f"[red]not loaded: {entry['error']}[/red]", entry["source"])
            continue
        anns = "\n".join(
            f"{a['name']} ({a['span_type']}; requires: {', '.join(a['requires']) or '-'}; "
            f"needs: {', '.join(a['needs']) or '-'})"
            for a in entry["annotators"]
        )
        exps = ", ".join(entry["exporters"])
        table.add_row(
            entry["name"],
            entry["version"] or "-",
            anns + (f"\nexporters: {exps}" if exps else ""),
            entry["source"],
        )
    Console(width=200).print(table)
