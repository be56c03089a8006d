"""One family of exceptions, so the CLI can print a single clear line for any of them."""

from __future__ import annotations


class AnnotatorError(Exception):
    """Base of every error the toolkit raises on purpose; its message is meant for the user."""


class ConfigError(AnnotatorError):
    """A setting, option or config file is wrong (unknown annotator, bad option, missing file)."""


class PluginError(AnnotatorError):
    """A plugin failed to import, register, or clashed with another plugin."""


class SpanError(AnnotatorError):
    """A span breaks the document invariants (offsets, text slice, references, duplicate ids)."""


class InputError(AnnotatorError):
    """An input document could not be read; the message names the file, the line and the reason."""

    def __init__(self, reason: str, file: str | None = None, line: int | None = None) -> None:
        self.reason = reason
        self.file = file
        self.line = line
        super().__init__(self.located())

    def located(self) -> str:
        """Return ``file:line: reason``, leaving out the parts that are unknown."""
        where = ":".join(str(p) for p in (self.file, self.line) if p is not None)
        return f"{where}: {self.reason}" if where else self.reason


class ModelError(AnnotatorError):
    """The spaCy pipeline could not be found or lacks a component an annotator needs."""


class DestinationError(AnnotatorError):
    """An output path cannot be written (a folder, a read-only place, a full disk): exit code 3.

    Why its own class and exit code: exit 1 means "some records failed", which a filesystem
    problem is not; scripts need to tell the two apart."""
