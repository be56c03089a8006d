"""The progress bar of long runs: documents done, docs/s and, when the input's size is known, the ETA."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

T = TypeVar("T")


class DocumentsColumn(ProgressColumn):
    """'120 documents', or '120/5,000 documents' once the input is counted."""

    def render(self, task: Task) -> Text:
        done = f"{int(task.completed):,}"
        return Text(f"{done}/{int(task.total):,} documents" if task.total else f"{done} documents")


class EtaColumn(TimeRemainingColumn):
    """'ETA 0:12:31' once the input is counted; nothing for a stream of unknown length."""

    def render(self, task: Task) -> Text:
        if task.total is None:
            return Text("")
        remaining = super().render(task)
        return Text.assemble("ETA ", remaining)


def with_progress(
    records: Iterable[T], count: Callable[[], int | None], done: int = 0, console: Console | None = None
) -> Iterator[T]:
    """Yield ``records`` while a rich bar on stderr shows their number, docs/s and the time left.

    ``count`` (documents in the whole input) runs in a background thread, so a large input starts
    annotating at once; until it returns, or when it cannot know (standard input), there is no ETA.
    ``done`` documents were written by an earlier run (``--resume``).
    """
    rate = TextColumn("{task.fields[rate]} docs/s")
    columns = (SpinnerColumn(), DocumentsColumn(), BarColumn(), rate, TimeElapsedColumn(), EtaColumn())
    console = console or Console(stderr=True)
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("annotate", total=None, completed=done, rate="-")
        _count_in_background(bar, task, count)
        started = time.perf_counter()
        for n, record in enumerate(records, start=1):
            yield record
            bar.update(task, advance=1, rate=f"{n / max(time.perf_counter() - started, 1e-9):.1f}")


def wants_progress(quiet: bool) -> bool:
    """A bar only for a person watching: not when asked to be quiet, nor when stderr is not a terminal."""
    return not quiet and sys.stderr.isatty()


def _count_in_background(bar: Progress, task: TaskID, count: Callable[[], int | None]) -> None:
    def run() -> None:
        try:
            total = count()
        except OSError:  # an unreadable file: the run reports it; the bar just has no ETA
            return
        if total is not None:
            bar.update(task, total=total)

    threading.Thread(target=run, name="annotator-count", daemon=True).start()
