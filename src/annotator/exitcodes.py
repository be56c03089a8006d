"""Exit codes of the ``annotator`` command, documented in the README."""

OK = 0
"""Every input document was annotated."""

DOCUMENTS_FAILED = 1
"""The run finished, but at least one document became an error record (or --strict stopped it)."""

CONFIG_ERROR = 2
"""Nothing was annotated: bad options, unknown annotator, missing model or unreadable config."""

INTERRUPTED = 130
"""Stopped by Ctrl-C; the previous output is untouched and the partial file can be resumed."""
