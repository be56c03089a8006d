"""``annotator import``: a labeling tool's export in, gold document JSONL out, via a registered importer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from annotator.cli.common import PluginsDirOption, load_registry
from annotator.cli.export_cmd import parse_options
from annotator.errors import ConfigError, InputError
from annotator.importing import Importer, declared_labels, import_documents
from annotator.output import atomic_output
from annotator.registry import Registry


def register(app: typer.Typer) -> None:
    """Add the command to the app."""
    app.command("import")(import_)


def import_(
    input_path: Path = typer.Argument(..., metavar="FILE", help="The tool's export (a file or a folder)."),
    from_: str = typer.Option(..., "--from", help="An installed importer's name (built in: label-studio)."),
    output: Path = typer.Option(..., "-o", "--output", help="Document JSONL to write (the gold)."),
    option: list[str] | None = typer.Option(
        None, "--option", "-O", help="Importer option KEY=VALUE; repeatable."
    ),
    plugins_dir: list[Path] | None = PluginsDirOption,
) -> None:
    """Read corrected annotations back from a labeling tool as document JSONL, for `annotator evaluate`."""
    registry = load_registry(plugins_dir)
    importer = find_importer(registry, from_)
    raw = parse_options(option or [])
    options = importer.options(raw) if isinstance(importer, Importer) else raw
    if not input_path.exists():
        raise ConfigError(f"Input {str(input_path)!r} does not exist.")
    models = registry.span_models()
    try:
        result = import_documents(importer.read(input_path, options), models, declared_labels(models))
    except InputError as exc:
        if exc.file is None:  # an importer that only knew the line: name the file it read
            raise InputError(exc.reason, str(input_path), exc.line) from exc
        raise
    for warning in result.warnings:
        typer.echo(f"Warning: {warning}", err=True)
    output.parent.mkdir(parents=True, exist_ok=True)
    with atomic_output(output) as stream:  # a failed import never leaves half a gold file
        stream.writelines(doc.to_json() + "\n" for doc in result.documents)
    typer.echo(f"Imported {len(result.documents)} documents from {from_} into {output}", err=True)


def find_importer(registry: Registry, name: str) -> Any:
    """The importer registered as ``name``, or a ConfigError listing the available ones."""
    if name not in registry.importers:
        available = ", ".join(sorted(registry.importers)) or "none (is the exporters plugin installed?)"
        raise ConfigError(f"Unknown import format {name!r}. Available: {available}.")
    return registry.importers[name].obj
