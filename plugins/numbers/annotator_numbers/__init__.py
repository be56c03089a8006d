"""The built-in ``numbers`` plugin: values, units, ranges, vague amounts and what is counted."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from annotator import hookimpl
from annotator_numbers.annotator import NumbersAnnotator
from annotator_numbers.model import NumberSpan

__all__ = ["NumberSpan", "NumbersAnnotator"]


@hookimpl
def register_annotators(register: Callable[[type[Any]], None]) -> None:
    """Register the numbers annotator."""
    register(NumbersAnnotator)
