"""``annotator evaluate``: score predicted layers against gold, both in our document JSONL."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer

from annotator.cli.common import PluginsDirOption, load_registry
from annotator.config import tomllib
from annotator.errors import ConfigError
from annotator.exitcodes import CONFIG_ERROR, DOCUMENTS_FAILED, OK
from annotator.output import atomic_output


def register(app: typer.Typer) -> None:
    """Add the command to the app."""
    app.command("evaluate")(evaluate)


def evaluate(
    gold: Path = typer.Argument(
        ..., metavar="GOLD.jsonl", help="Gold documents (e.g. from `annotator import`)."
    ),
    pred: Path = typer.Argument(
        ..., metavar="PRED.jsonl", help="Predicted documents (`annotator annotate`)."
    ),
    layer: list[str] | None = typer.Option(None, "--layer", help="Score only this layer; repeatable."),
    label_map: Path | None = typer.Option(
        None,
        "--label-map",
        help="JSON or TOML {layer: {pred_label: gold_label}}; an empty label drops the span.",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the full report as JSON."),
    report: Path | None = typer.Option(None, "--report", help="Also write the report as .md or .html."),
    mismatches: Path | None = typer.Option(
        None, "--mismatches", help="Write every miss, false alarm and wrong attribute here (JSONL)."
    ),
    plugins_dir: list[Path] | None = PluginsDirOption,
) -> None:
    """Per layer and label: exact and overlap P/R/F1, attribute accuracy, and each layer's own figures."""
    from annotator.evaluation import EvaluationInputError, evaluate_files
    from annotator.evaluation.render import as_html, as_markdown, as_text

    if report is not None and report.suffix not in (".md", ".html"):
        raise ConfigError(f"--report {str(report)!r} must end in .md or .html.")
    mapping = read_label_map(label_map) if label_map is not None else None
    registry = load_registry(plugins_dir)
    try:
        result = evaluate_files(gold, pred, registry, layer, mapping, keep_mismatches=mismatches is not None)
    except EvaluationInputError as exc:
        for problem in exc.problems:
            typer.echo(f"Error: {problem}", err=True)
        raise typer.Exit(CONFIG_ERROR) from exc
    for line in [*result.skipped, *result.missing, *result.unknown]:
        typer.echo(f"Warning: {line}", err=True)
    typer.echo(result.model_dump_json(indent=2) if as_json else as_text(result), nl=as_json)
    if report is not None:
        with atomic_output(report) as stream:
            stream.write(as_markdown(result) if report.suffix == ".md" else as_html(result))
    if mismatches is not None:
        with atomic_output(mismatches) as stream:
            stream.writelines(m.model_dump_json() + "\n" for m in result.mismatches)
    raise typer.Exit(DOCUMENTS_FAILED if result.skipped or result.missing else OK)


def read_label_map(path: Path) -> dict[str, dict[str, str | None]]:
    """Read and check a label map; an empty or null label means "drop spans with this label"."""
    try:
        raw: Any = (
            tomllib.loads(path.read_text(encoding="utf-8"))
            if path.suffix == ".toml"
            else json.loads(path.read_text(encoding="utf-8"))
        )
    except (OSError, ValueError) as exc:
        raise ConfigError(f"Cannot read label map {str(path)!r}: {exc}") from exc
    if not isinstance(raw, dict) or not all(isinstance(v, dict) for v in raw.values()):
        raise ConfigError(f"Label map {str(path)!r} must map each layer to {{predicted label: gold label}}.")
    return {
        layer: {str(k): (str(v) if v else None) for k, v in labels.items()} for layer, labels in raw.items()
    }
