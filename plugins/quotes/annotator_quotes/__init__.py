"""The built-in ``quotes`` plugin: who said what, with speaker, cue, channel and addressee."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from annotator import hookimpl
from annotator_quotes.annotator import QuotesAnnotator
from annotator_quotes.model import Cue, QuotesOptions, QuoteSpan

__all__ = ["Cue", "QuoteSpan", "QuotesAnnotator", "QuotesOptions"]


@hookimpl
def register_annotators(register: Callable[[type[Any]], None]) -> None:
    """Register the quotes annotator."""
    register(QuotesAnnotator)
