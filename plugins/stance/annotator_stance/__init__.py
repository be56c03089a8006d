"""The built-in ``stance`` plugin: who is for or against whom, with holder, target, polarity and evidence."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from annotator import hookimpl
from annotator_stance.annotator import StanceAnnotator
from annotator_stance.model import StanceCue, StancePair, StanceSpan, StanceSummary

__all__ = ["StanceAnnotator", "StanceCue", "StancePair", "StanceSpan", "StanceSummary"]


@hookimpl
def register_annotators(register: Callable[[type[Any]], None]) -> None:
    """Register the stance annotator."""
    register(StanceAnnotator)
