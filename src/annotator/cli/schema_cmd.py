"""``annotator schema`` writes the JSON Schemas; ``annotator validate`` checks a JSONL file."""

from __future__ import annotations

from pathlib import Path

import typer

from annotator.cli.common import PluginsDirOption, load_registry
from annotator.exitcodes import DOCUMENTS_FAILED, OK
from annotator.schema import write_schemas
from annotator.validation import validate_file


def register(app: typer.Typer) -> None:
    """Add the commands to the app."""
    app.command("schema")(schema)
    app.command("validate")(validate)


def schema(
    folder: Path = typer.Argument(Path("schemas"), help="Where to write the schema files."),
    plugins_dir: list[Path] | None = PluginsDirOption,
) -> None:
    """Write the JSON Schema of the document record, the error record and every span type."""
    for path in write_schemas(load_registry(plugins_dir), folder):
        typer.echo(str(path))


def validate(
    file: Path = typer.Argument(
        ..., exists=True, dir_okay=False, help="JSONL output of `annotator annotate`."
    ),
    plugins_dir: list[Path] | None = PluginsDirOption,
) -> None:
    """Check every record (span offsets, texts, references, span fields); report errors by line."""
    registry = load_registry(plugins_dir)
    report = validate_file(file, registry.span_models(), registry.summary_models())
    for problem in report.problems:
        typer.echo(f"{file}:{problem.line}: {problem.reason}", err=True)
    typer.echo(
        f"{file}: {report.records} records, {report.documents} documents, "
        f"{report.error_records} error records, {len(report.problems)} problems"
    )
    raise typer.Exit(DOCUMENTS_FAILED if report.problems else OK)
