"""Write JSONL output so that an interrupted run loses nothing and can be resumed.

Records go to ``OUTPUT.partial`` beside the target, flushed one record at a time, and the file
is moved into place only when the run completes. Ctrl-C, a kill or a crash therefore leave the
previous output untouched and a partial file whose complete lines ``--resume`` keeps: it cuts a
torn last line, counts the ids already written and appends the rest.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import tempfile
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import FrameType
from typing import IO, Any

from annotator.document import Document, DocumentError, SourceRef
from annotator.errors import AnnotatorError, ConfigError, DestinationError
from annotator.inputs import InputItem
from annotator.records import SKIP_STAGE, ErrorRecord, InputDocument, RecordError, located

PARTIAL_SUFFIX = ".partial"


def partial_path(path: Path) -> Path:
    """Where the records of an unfinished run to ``path`` are kept."""
    return path.with_name(path.name + PARTIAL_SUFFIX)


@contextmanager
def resumable_output(path: Path | None, resume: bool = False) -> Iterator[tuple[IO[str], Counter[str]]]:
    """Yield a stream and the ids already in it (a multiset); the file moves into place on success."""
    if path is None:
        yield sys.stdout, Counter()
        sys.stdout.flush()
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = partial_path(path)
    written = recover_partial(partial) if resume and partial.exists() else Counter()
    with partial.open("a" if written else "w", encoding="utf-8", newline="\n") as stream:
        yield stream, written
        stream.flush()
        os.fsync(stream.fileno())
    os.replace(partial, path)


def recover_partial(partial: Path) -> Counter[str]:
    """Cut a torn last line (a kill mid-write), then count the id of every complete record."""
    with partial.open("rb+") as stream:
        data = stream.read()
        keep = data.rfind(b"\n") + 1
        if keep < len(data):
            stream.truncate(keep)
    ids: Counter[str] = Counter()
    for number, line in enumerate(data[:keep].splitlines(), start=1):
        if line.strip():
            ids[_record_id(line, partial, number)] += 1
    return ids


def _record_id(line: bytes, partial: Path, number: int) -> str:
    try:
        record = json.loads(line)
        return str(record["id"])
    except (ValueError, KeyError, TypeError) as exc:
        raise ConfigError(
            f"{partial}:{number}: cannot resume from this line ({type(exc).__name__}); "
            f"delete {partial} to start over."
        ) from exc


def skip_written(
    items: Iterable[InputItem], written: Counter[str], resumed: Counter[str]
) -> Iterator[InputItem]:
    """Leave out inputs whose record is already written: the n-th occurrence of an id skips n times."""
    left = Counter(written)
    for item in items:
        doc_id = item.id if isinstance(item, InputDocument) else item.doc_id
        if doc_id is not None and left[doc_id] > 0:
            left[doc_id] -= 1
            resumed["resumed"] += 1
            continue
        yield item


@contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """Treat ``kill`` (SIGTERM) like Ctrl-C, so the partial output is flushed and kept."""

    def handler(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt(f"signal {signum}")

    try:
        previous = signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread: leave signals to the host application
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextmanager
def atomic_output(path: Path | None) -> Iterator[IO[str]]:
    """Yield a text stream; for a path, the file appears only if the block completes (no resume)."""
    if path is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    try:
        # mkstemp creates 0600; the finished file gets the mode any other output gets (the umask's).
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(fd, 0o666 & ~mask)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class StrictStop(AnnotatorError):
    """``--strict``: the first error ends the run (exit code 1); the message is that error."""


@dataclass(frozen=True)
class Facts:
    """What the writer needs from any output record: a Document, an ErrorRecord or an engine's encoding."""

    line: str | None
    id: str | None
    error: RecordError | None = None
    annotator_errors: Sequence[DocumentError] = ()
    span_counts: Mapping[str, int] = field(default_factory=dict)
    source: SourceRef | None = None
    normalized: Sequence[str] = ()


def facts_of(record: Any) -> Facts:
    """Read the facts off a record; engines may send objects with ``line``, ``error``, ``span_counts``..."""
    if isinstance(record, Document):
        counts = {layer: len(spans) for layer, spans in record.spans.items()}
        return Facts(
            record.to_json(), record.id, None, record.errors, counts, record.source, record.normalized
        )
    if isinstance(record, ErrorRecord):
        return Facts(record.to_json(), record.id, record.error, source=record.error.source)
    error = getattr(record, "error", None)
    source = getattr(record, "source", None) or (error.source if error is not None else None)
    return Facts(
        getattr(record, "line", None),
        record.id,
        error,
        tuple(getattr(record, "annotator_errors", ())),
        dict(getattr(record, "span_counts", {})),
        source,
        tuple(getattr(record, "normalized", ())),
    )


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


class RunWriter:
    """Write each record where it belongs, say what was wrong where, and count for the summary.

    read = annotated + failed + skipped, always. Error records go to ``errors`` when given, else
    into the output stream; with ``on_error="skip"`` a document an annotator failed on is left out
    of the output (its error record still goes to ``errors``).
    """

    def __init__(
        self,
        out: IO[str],
        errors: IO[str] | None = None,
        on_error: str = "record",
        strict: bool = False,
        echo: Callable[[str], None] = _stderr,
    ) -> None:
        self.out, self.errors, self.on_error, self.strict, self.echo = out, errors, on_error, strict, echo
        self.counts: Counter[str] = Counter()
        self._inflight: dict[str, deque[InputItem]] = defaultdict(deque)

    def track(self, item: InputItem) -> None:
        """Remember where an input came from until its record is written (engines may drop that)."""
        doc_id = item.id if isinstance(item, InputDocument) else item.doc_id
        if doc_id is not None:
            self._inflight[doc_id].append(item)

    def write(self, record: Any) -> None:
        """Route one record; raise :class:`StrictStop` after it when ``strict`` and it carried an error."""
        facts = self._with_origin(facts_of(record))
        self.counts["read"] += 1
        if facts.error is not None:
            self._error(facts, facts.error)
        elif facts.annotator_errors:
            self._faulty(facts)
        else:
            self._annotated(facts)

    def _with_origin(self, facts: Facts) -> Facts:
        queue = self._inflight.get(facts.id or "")
        if not queue:
            return facts
        item = queue.popleft()
        if not queue:
            del self._inflight[facts.id or ""]
        if facts.source is not None or not isinstance(item, InputDocument):
            return facts
        return replace(facts, source=item.source, normalized=facts.normalized or tuple(item.normalized))

    @property
    def any_failed(self) -> bool:
        """True when a document became an error record, lost a layer, or was skipped for a fault."""
        return bool(self.counts["failed"] or self.counts["with_errors"] or self.counts["fault_skipped"])

    def _error(self, facts: Facts, error: RecordError) -> None:
        message = located(error.source, error.reason)
        if error.stage == SKIP_STAGE:
            self.counts["skipped"] += 1
            self.echo(f"Skipped: {message}")
            return
        self.counts["failed"] += 1
        self._emit(self.errors or self.out, facts.line)
        self._report(f"Error: {message}")

    def _faulty(self, facts: Facts) -> None:
        for err in facts.annotator_errors:
            reason = f"document {facts.id!r}: annotator {err.annotator!r} failed ({err.stage}): {err.reason}"
            self.echo(f"Error: {located(facts.source, reason)}")
        if self.on_error == "skip":
            self.counts["skipped"] += 1
            self.counts["fault_skipped"] += 1
            if self.errors is not None:
                self._emit(self.errors, _skipped_record(facts).to_json())
        else:
            self.counts["with_errors"] += 1
            self._annotated(facts)
        if self.strict:
            raise StrictStop(
                f"--strict: stopped at document {facts.id!r} ({located(facts.source, 'see above')})"
            )

    def _annotated(self, facts: Facts) -> None:
        self.counts["annotated"] += 1
        for layer, n in facts.span_counts.items():
            self.counts[f"spans:{layer}"] += n
        for change in facts.normalized:
            if change.startswith("invalid-utf8"):
                self.echo(f"Warning: {located(facts.source, change)}")
        self._emit(self.out, facts.line)

    def _report(self, message: str) -> None:
        self.echo(message)
        if self.strict:
            raise StrictStop(f"--strict: stopped at the first error: {message.removeprefix('Error: ')}")

    @staticmethod
    def _emit(stream: IO[str], line: str | None) -> None:
        if line is not None:  # None: an engine worker already wrote it to a part file
            stream.write(line + "\n")
            stream.flush()  # one record at a time, so a kill loses at most the line being written


def _skipped_record(facts: Facts) -> ErrorRecord:
    first = facts.annotator_errors[0]
    reasons = "; ".join(f"{e.annotator}: {e.reason}" for e in facts.annotator_errors)
    error = RecordError(stage=first.stage, reason=reasons, annotator=first.annotator, source=facts.source)
    return ErrorRecord(id=facts.id, error=error)


def summary_line(counts: Mapping[str, int], elapsed: float) -> str:
    """The run summary for stderr: read = annotated + failed + skipped."""
    layers = ", ".join(f"{k[6:]} {v}" for k, v in sorted(counts.items()) if k.startswith("spans:"))
    resumed = f" ({counts['resumed']} already written, resumed)" if counts.get("resumed") else ""
    return (
        f"{counts.get('read', 0)} read{resumed}: {counts.get('annotated', 0)} annotated "
        f"({counts.get('with_errors', 0)} with annotator errors), {counts.get('failed', 0)} failed, "
        f"{counts.get('skipped', 0)} skipped in {elapsed:.1f}s; spans: {layers or 'none'}"
    )


@dataclass(frozen=True)
class OutputSettings:
    """Where records go and how strictly: ``--output``, ``--errors``, ``--resume``, ``--strict``."""

    output: Path | None = None
    errors: Path | None = None
    resume: bool = False
    strict: bool = False
    on_error: str = "record"

    def check(self, inputs: Iterable[str]) -> None:
        """Refuse settings that would lose data: resuming stdout, or writing over an input."""
        if self.resume and self.output is None:
            raise ConfigError("--resume needs --output FILE: standard output cannot be resumed.")
        targets = {p.resolve() for p in (self.output, self.errors) if p is not None}
        clash = sorted(raw for raw in inputs if raw != "-" and Path(raw).resolve() in targets)
        if clash:
            raise ConfigError(f"{clash[0]} is both an input and an output; inputs are never modified.")
        for path in (self.output, self.errors):
            if path is not None:
                check_destination(path)


def check_destination(path: Path) -> None:
    """Refuse, before any work, an output path that is a folder or cannot be written.

    Why up front: otherwise the whole corpus is annotated into ``PATH.partial`` and the run fails
    only at the final rename."""
    if path.is_dir():
        raise DestinationError(f"{path} is a folder; give a file name")
    parent = next((p for p in [path.parent, *path.parent.parents] if p.exists()), Path("."))
    if not parent.is_dir() or not os.access(parent, os.W_OK | os.X_OK):
        raise DestinationError(f"cannot write {path}: {parent} is not a writable folder")
    if path.exists() and not os.access(path, os.W_OK):
        raise DestinationError(f"cannot write {path}: permission denied")


class RunSession:
    """One run's output files, opened for writing or resuming, with the writer that fills them."""

    def __init__(self, settings: OutputSettings, echo: Callable[[str], None] = _stderr) -> None:
        self.settings = settings
        self.echo = echo
        self.written: Counter[str] = Counter()
        self.writer: RunWriter

    @contextmanager
    def open(self) -> Iterator[RunSession]:
        """Open output and errors files; they move into place only if the block completes."""
        s = self.settings
        with sigterm_as_interrupt(), resumable_output(s.output, s.resume) as (out, done):
            self.written.update(done)
            with _optional(s.errors, s.resume) as (errors, done_errors):
                self.written.update(done_errors)
                self.writer = RunWriter(out, errors, s.on_error, s.strict, self.echo)
                yield self

    @property
    def counts(self) -> Counter[str]:
        """The writer's counts (empty before the files are open)."""
        return self.writer.counts if hasattr(self, "writer") else Counter()

    def pending(self, items: Iterable[InputItem]) -> Iterator[InputItem]:
        """The inputs whose records are not yet written (all of them unless resuming)."""
        for item in skip_written(items, self.written, self.writer.counts):
            self.writer.track(item)
            yield item


@contextmanager
def _optional(path: Path | None, resume: bool) -> Iterator[tuple[IO[str] | None, Counter[str]]]:
    if path is None:
        yield None, Counter()
        return
    with resumable_output(path, resume) as pair:
        yield pair


def interrupted_message(settings: OutputSettings, counts: Mapping[str, int]) -> str:
    """Tell the user what an interrupted run kept and how to continue it."""
    if settings.output is None:
        return f"Interrupted after {counts.get('read', 0)} records (standard output cannot be resumed)."
    return (
        f"Interrupted after {counts.get('read', 0)} records: {settings.output} is untouched; "
        f"{partial_path(settings.output)} holds the records written so far. "
        "Run the same command with --resume to continue."
    )
