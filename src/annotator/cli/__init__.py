"""The ``annotator`` command: one module per command group, assembled here."""

from __future__ import annotations

import sys
from typing import Any

import typer

from annotator import __version__
from annotator.cli import (
    annotate_cmd,
    evaluate_cmd,
    export_cmd,
    import_cmd,
    info_cmd,
    new_plugin_cmd,
    plugins_cmd,
    schema_cmd,
    serve_cmd,
    view_cmd,
)
from annotator.cli.common import state
from annotator.errors import AnnotatorError, DestinationError
from annotator.exitcodes import CONFIG_ERROR, FILESYSTEM_ERROR

app = typer.Typer(
    name="annotator",
    help="Pre-annotate text with typed spans (entities, quotes, numbers, stance, dates) as JSONL.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"annotator {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version."
    ),
    traceback: bool = typer.Option(False, "--traceback", help="Show the full stack on errors."),
) -> None:
    state.traceback = traceback


annotate_cmd.register(app)
plugins_cmd.register(app)
schema_cmd.register(app)
info_cmd.register(app)
export_cmd.register(app)
import_cmd.register(app)
view_cmd.register(app)
evaluate_cmd.register(app)
serve_cmd.register(app)
new_plugin_cmd.register(app)


def main() -> None:
    """Console-script entry point: run the app, turning toolkit errors into one clear line."""
    try:
        # Outside standalone mode click returns a command's exit code instead of exiting.
        code = app(standalone_mode=False)
    except (DestinationError, OSError) as exc:
        if state.traceback:
            raise
        typer.echo(f"Error: {_os_reason(exc)}", err=True)
        sys.exit(FILESYSTEM_ERROR)
    except AnnotatorError as exc:
        if state.traceback:
            raise
        typer.echo(f"Error: {exc}", err=True)
        sys.exit(CONFIG_ERROR)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        typer.echo("Aborted.", err=True)
        sys.exit(130)
    except Exception as exc:  # click usage errors arrive here in non-standalone mode
        if isinstance(exc, _click_exceptions()):
            usage: Any = exc  # both click copies' exceptions carry show() and exit_code
            usage.show()
            sys.exit(CONFIG_ERROR if usage.exit_code == 1 else usage.exit_code)
        raise
    sys.exit(code if isinstance(code, int) else 0)


def _click_exceptions() -> tuple[type[Exception], ...]:
    """click's exception base classes: the standalone click's and the one typer may bundle.

    Why both: typer 0.29 ships its own copy of click (``typer._click``), whose usage errors are not
    instances of ``click.ClickException``; older typers raise the standalone click's."""
    from click.exceptions import ClickException

    classes: list[type[Exception]] = [ClickException]
    try:
        from typer._click.exceptions import ClickException as BundledClickException
    except ImportError:
        pass
    else:
        classes.append(BundledClickException)
    return tuple(classes)


def _os_reason(exc: Exception) -> str:
    """One line for a filesystem error: the path and the system's reason, never a traceback."""
    if isinstance(exc, OSError) and exc.filename is not None:
        return f"cannot write {exc.filename}: {exc.strerror or exc}"
    return str(exc)
