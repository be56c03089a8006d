"""Example plugin: social media handles and hashtags as the ``handles`` layer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from annotator import hookimpl
from annotator_handles.annotator import HandlesAnnotator, HandleSpan

__all__ = ["HandleSpan", "HandlesAnnotator"]


@hookimpl
def register_annotators(register: Callable[[type[Any]], None]) -> None:
    """Register the handles annotator with the host."""
    register(HandlesAnnotator)
