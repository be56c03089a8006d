"""The built-in ``dates`` plugin: TIMEX3 dates, times, durations and sets, resolved with tense."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from annotator import hookimpl
from annotator_dates.annotator import DatesAnnotator
from annotator_dates.model import DateSpan

__all__ = ["DateSpan", "DatesAnnotator"]


@hookimpl
def register_annotators(register: Callable[[type[Any]], None]) -> None:
    """Register the dates annotator."""
    register(DatesAnnotator)
