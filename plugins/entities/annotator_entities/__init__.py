"""The built-in ``entities`` plugin: named entity mentions, clustered and made consistent per document."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from annotator import hookimpl
from annotator_entities.annotator import EntitiesAnnotator
from annotator_entities.model import EntitySpan
from annotator_entities.options import EntitiesOptions

__all__ = ["EntitiesAnnotator", "EntitiesOptions", "EntitySpan"]


@hookimpl
def register_annotators(register: Callable[[type[Any]], None]) -> None:
    """Register the entities annotator."""
    register(EntitiesAnnotator)
