"""Exit codes of the ``annotator`` command, documented in docs/reliability.md."""

OK = 0
"""Every input record was annotated without an annotator error (skipped binary files do not count)."""

DOCUMENTS_FAILED = 1
"""The run finished, but a record failed, lost a layer or was skipped for a fault; or --strict stopped it."""

CONFIG_ERROR = 2
"""Nothing was annotated: bad options, unknown annotator, missing model or unreadable config."""

FILESYSTEM_ERROR = 3
"""An output could not be written: a folder given as a file, a read-only place, a full disk."""

INTERRUPTED = 130
"""Stopped by Ctrl-C or kill; the previous output is untouched and ``--resume`` continues the partial file."""
