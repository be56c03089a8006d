"""``annotator new-plugin``: scaffold a plugin package that installs and passes its tests."""

from __future__ import annotations

from pathlib import Path

import typer

from annotator.scaffold import create_plugin


def register(app: typer.Typer) -> None:
    """Add the command to the app."""
    app.command("new-plugin")(new_plugin)


def new_plugin(
    name: str = typer.Argument(..., help="Plugin, annotator and layer name, e.g. handles."),
    directory: Path = typer.Argument(Path("."), help="Where to create the annotator-NAME folder."),
) -> None:
    """Create annotator-NAME/ with pyproject (entry point), package, annotator, README and a test."""
    target = create_plugin(name, directory)
    typer.echo(f"Created {target}")
    typer.echo(f"Next: pip install -e '{target}[test]' && annotator plugins && pytest {target}")
