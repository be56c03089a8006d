"""``annotator export``: annotated JSONL in, one labeling tool's files out, through a registered exporter."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import typer

from annotator.cli.common import PluginsDirOption, load_registry
from annotator.errors import ConfigError
from annotator.exporting import Exporter, read_documents
from annotator.registry import Registry
from annotator.staging import export_staged


def register(app: typer.Typer) -> None:
    """Add the command to the app."""
    app.command("export")(export)


def export(
    input_path: Path = typer.Argument(..., metavar="INPUT.jsonl", help="Output of `annotator annotate`."),
    to: str = typer.Option(
        ..., "--to", help="Format: label-studio, prodigy, doccano, brat, inception, spacy."
    ),
    output: Path = typer.Option(..., "-o", "--output", help="File or folder to write (as the format needs)."),
    option: list[str] | None = typer.Option(
        None, "--option", "-O", help="Exporter option KEY=VALUE, e.g. units=grapheme; repeatable."
    ),
    plugins_dir: list[Path] | None = PluginsDirOption,
) -> None:
    """Convert annotated documents into the files a labeling tool imports as pre-annotations."""
    registry = load_registry(plugins_dir)
    exporter = find_exporter(registry, to)
    raw = parse_options(option or [])
    # Exporters that do not subclass Exporter (the hook only asks for name and export) get the raw dict.
    options = exporter.options(raw) if isinstance(exporter, Exporter) else raw
    if not input_path.is_file():
        raise ConfigError(f"Input {str(input_path)!r} is not a file.")
    documents = list(read_documents(input_path, registry))
    if isinstance(exporter, Exporter):
        exporter.layer_models = registry.span_models()
    written = _export_warning_once(exporter, documents, output, options)
    typer.echo(
        f"Exported {len(documents)} documents as {to}: {', '.join(map(str, written[:3]))}"
        + (f" and {len(written) - 3} more" if len(written) > 3 else ""),
        err=True,
    )


def _export_warning_once(exporter: Any, documents: list[Any], output: Path, options: Any) -> list[Path]:
    """Export all or nothing, each exporter warning (a renamed file or type) as one ``Warning:`` line."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            return export_staged(exporter, documents, output, options)
        finally:
            for warning in caught:
                typer.echo(f"Warning: {warning.message}", err=True)


def find_exporter(registry: Registry, name: str) -> Any:
    """The exporter registered as ``name``, or a ConfigError listing the available ones."""
    if name not in registry.exporters:
        available = ", ".join(sorted(registry.exporters)) or "none (is the exporters plugin installed?)"
        raise ConfigError(f"Unknown export format {name!r}. Available: {available}.")
    return registry.exporters[name].obj


def parse_options(pairs: list[str]) -> dict[str, str]:
    """``["units=grapheme"]`` -> ``{"units": "grapheme"}``; pydantic converts the values."""
    options: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise ConfigError(f"--option takes KEY=VALUE, got {pair!r}.")
        options[key.strip()] = value
    return options
