"""``annotator view``: annotated JSONL in, one self-contained HTML page out."""

from __future__ import annotations

from pathlib import Path

import typer

from annotator.cli.common import PluginsDirOption, load_registry
from annotator.errors import ConfigError
from annotator.exporting import read_documents
from annotator.output import atomic_output


def register(app: typer.Typer) -> None:
    """Add the command to the app."""
    app.command("view")(view)


def view(
    input_path: Path = typer.Argument(..., metavar="INPUT.jsonl", help="Output of `annotator annotate`."),
    output: Path = typer.Option(..., "-o", "--output", help="The HTML page to write."),
    title: str | None = typer.Option(None, "--title", help="Page title [the input file name]."),
    plugins_dir: list[Path] | None = PluginsDirOption,
) -> None:
    """Write an HTML page showing each document with its layers highlighted (toggle, hover, links)."""
    from annotator.viewer import render_page

    if not input_path.is_file():
        raise ConfigError(f"Input {str(input_path)!r} is not a file.")
    documents = list(read_documents(input_path, load_registry(plugins_dir)))
    with atomic_output(output) as stream:
        stream.write(render_page(documents, title or input_path.name))
    typer.echo(f"Wrote {output} ({len(documents)} documents).", err=True)
