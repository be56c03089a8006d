"""``annotator annotate``: files, folders, JSONL or stdin in; one JSONL line per document out."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

import typer

from annotator.cli.common import PluginsDirOption, load_registry, split_names, state
from annotator.cli.progress import wants_progress, with_progress
from annotator.config import (
    MAX_BATCH_SIZE,
    MAX_N_PROCESS,
    MAX_TIME_LIMIT,
    RunSettings,
    check_run_settings,
    load_config,
)
from annotator.engines import EncodedRecord, EngineSettings, annotate_stream, default_n_process
from annotator.engines.local import start_forkserver
from annotator.errors import AnnotatorError, ConfigError
from annotator.exitcodes import DOCUMENTS_FAILED, INTERRUPTED, OK
from annotator.inputs import InputItem, Reading, count_documents, read_inputs
from annotator.output import OutputSettings, RunSession, RunWriter, interrupted_message, summary_line
from annotator.parsing import DEFAULT_MODEL, OPS_ENV, single_threaded_blas
from annotator.pipeline import DEFAULT_BATCH_SIZE
from annotator.records import InputDocument
from annotator.registry import Registry
from annotator.runner import RunSpec

DEFAULT_TIME_LIMIT = 60.0
SMALL_INPUT = 128 * 1024
"""Bytes of input below which a default run is expected to fit one batch (32 news articles)."""


def register(app: typer.Typer) -> None:
    """Add the command to the app."""
    app.command("annotate")(annotate)


def annotate(
    inputs: list[str] = typer.Argument(None, help="Files (.txt, .jsonl), folders, or - for stdin."),
    output: Path | None = typer.Option(None, "-o", "--output", help="Write JSONL here (default: stdout)."),
    plugins: str | None = typer.Option(None, "--plugins", help="Comma-separated annotators (default: all)."),
    model: str | None = typer.Option(None, "--model", help=f"spaCy pipeline name or path [{DEFAULT_MODEL}]."),
    batch_size: int | None = typer.Option(
        None, "--batch-size", min=1, max=MAX_BATCH_SIZE, help=f"[{DEFAULT_BATCH_SIZE}]"
    ),
    n_process: int | None = typer.Option(
        None,
        "--n-process",
        min=1,
        max=MAX_N_PROCESS,
        help="Worker processes [available cores, at most 8; 1 = in-process].",
    ),
    engine: str | None = typer.Option(
        None, "--engine", help="local | dask (needs the [dask] extra) [local]."
    ),
    scheduler: str | None = typer.Option(
        None, "--scheduler", help="Dask scheduler address, e.g. tcp://HOST:8786 [a LocalCluster]."
    ),
    parts_dir: Path | None = typer.Option(
        None,
        "--parts-dir",
        help="Dask: leave one JSONL part per partition in this folder instead of merging.",
    ),
    time_limit: float | None = typer.Option(
        None,
        "--time-limit",
        min=0,
        max=MAX_TIME_LIMIT,
        help=(
            f"Seconds per annotator and document; given, a one-process run is watched in a worker too"
            f" (0 = none) [{DEFAULT_TIME_LIMIT:g} in multi-process runs]."
        ),
    ),
    config: Path | None = typer.Option(None, "--config", help="TOML config file."),
    plugins_dir: list[Path] | None = PluginsDirOption,
    on_error: str = typer.Option("record", "--on-error", help="raise | record | skip, for annotator faults."),
    errors: Path | None = typer.Option(
        None, "--errors", help="Write error records here, not into the output."
    ),
    strict: bool = typer.Option(False, "--strict", help="Stop at the first error, with exit code 1."),
    resume: bool = typer.Option(False, "--resume", help="Continue an interrupted run from OUTPUT.partial."),
    encoding_errors: str = typer.Option(
        "strict", "--encoding-errors", help="strict | replace (with U+FFFD)."
    ),
    control_chars: str = typer.Option("space", "--control-chars", help="space | keep (offsets never move)."),
    duplicate_ids: str = typer.Option("error", "--duplicate-ids", help="error | keep | suffix (-2, -3...)."),
    reference_date: str | None = typer.Option(
        None,
        "--reference-date",
        help="ISO date to resolve relative dates when a document has no 'published'.",
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or summary."),
) -> None:
    """Annotate documents and write one JSONL record per input document, in input order."""
    if on_error not in ("raise", "record", "skip"):
        raise ConfigError(f"--on-error must be raise, record or skip, not {on_error!r}.")
    check_run_settings(batch_size=batch_size, n_process=n_process, time_limit=time_limit)
    single_threaded_blas()  # before any plugin imports numpy; see docs/performance.md
    cfg = load_config(config)
    spec = RunSpec(
        plugins=tuple(split_names(plugins) or cfg.annotate.plugins or ()) or None,
        model=model or cfg.annotate.model or DEFAULT_MODEL,
        options=cfg.options,
        batch_size=batch_size or cfg.annotate.batch_size or DEFAULT_BATCH_SIZE,
        plugins_dirs=tuple(plugins_dir or ()),
        on_error=on_error,  # type: ignore[arg-type]
        config_dir=cfg.directory,
    )
    settings = _engine_settings(cfg.annotate, engine, n_process, time_limit, scheduler, parts_dir)
    targets = OutputSettings(output, errors, resume, strict, on_error)
    targets.check(inputs or ["-"])
    reading = Reading.parse(encoding_errors, control_chars, duplicate_ids)
    if _will_fork(settings, inputs or ["-"]):
        start_forkserver()
    registry = load_registry(plugins_dir)
    started = time.perf_counter()
    writer = _run(
        spec, registry, settings, inputs or ["-"], targets, reading, quiet, _reference(reference_date)
    )
    if not quiet:
        typer.echo(summary_line(writer.counts, time.perf_counter() - started), err=True)
    raise typer.Exit(DOCUMENTS_FAILED if writer.any_failed else OK)


def _engine_settings(
    run: RunSettings,
    engine: str | None,
    n_process: int | None,
    time_limit: float | None,
    scheduler: str | None,
    parts_dir: Path | None,
) -> EngineSettings:
    """Command-line flags first, then the config file's [annotate] table, then the defaults."""
    chosen = engine or run.engine or "local"
    if chosen not in ("local", "dask"):
        raise ConfigError(f"--engine must be local or dask, not {chosen!r}.")
    if run.ops is not None:
        os.environ.setdefault(OPS_ENV, run.ops)  # read when the pipeline loads, here and in workers
    limit = time_limit if time_limit is not None else run.time_limit
    return EngineSettings(
        engine=chosen,  # type: ignore[arg-type]
        n_process=n_process or run.n_process,
        time_limit=DEFAULT_TIME_LIMIT if limit is None else limit,
        watch_alone=bool(limit),
        scheduler=scheduler or run.scheduler,
        parts_dir=parts_dir,
    )


def _will_fork(settings: EngineSettings, inputs: list[str]) -> bool:
    """Whether the run is likely to start local workers: asked for, or by default on a large input.

    By default a run of one batch stays in-process; standard input and small files are left alone
    so that quick runs do not start worker machinery they will not use.
    """
    if settings.engine == "local" and settings.watch_alone and settings.time_limit:
        return True
    if settings.engine != "local" or (settings.n_process or default_n_process()) < 2:
        return False
    if settings.n_process:
        return True
    paths = [Path(p) for p in inputs if p != "-"]
    return any(p.is_dir() for p in paths) or sum(p.stat().st_size for p in paths if p.is_file()) > SMALL_INPUT


def _reference(value: str | None) -> str | None:
    """Validate --reference-date; it never overrides a document's own 'published' date."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise ConfigError(f"--reference-date must be an ISO date like 2025-10-30, not {value!r}.") from exc


def _with_reference(items: Iterable[InputItem], reference: str | None) -> Iterator[InputItem]:
    for item in items:
        if reference is not None and isinstance(item, InputDocument):
            item.meta.setdefault("reference_date", reference)
        yield item


def _run(
    spec: RunSpec,
    registry: Registry,
    settings: EngineSettings,
    inputs: list[str],
    targets: OutputSettings,
    reading: Reading,
    quiet: bool,
    reference: str | None,
) -> RunWriter:
    stdin = sys.stdin.buffer if "-" in inputs else None
    items = reading.ids(_with_reference(read_inputs(inputs, stdin, reading.options), reference))
    session = RunSession(targets, echo=lambda message: typer.echo(message, err=True))
    try:
        with session.open():
            records = annotate_stream(spec, session.pending(items), settings, registry)
            for record in _shown(records, quiet, inputs, session):
                session.writer.write(record)
    except KeyboardInterrupt:
        typer.echo(interrupted_message(targets, session.counts), err=True)
        raise typer.Exit(INTERRUPTED) from None
    except AnnotatorError as exc:
        if isinstance(exc, ConfigError) or state.traceback:
            raise
        typer.echo(f"Error: {exc}", err=True)  # --strict, or --on-error raise: the run stops here
        raise typer.Exit(DOCUMENTS_FAILED) from None
    return session.writer


def _shown(
    records: Iterator[EncodedRecord], quiet: bool, inputs: list[str], session: RunSession
) -> Iterator[EncodedRecord]:
    """The records, behind a progress bar when someone is watching (resumed documents count as done)."""
    if not wants_progress(quiet):
        return records
    return with_progress(records, lambda: count_documents(inputs), sum(session.written.values()))
