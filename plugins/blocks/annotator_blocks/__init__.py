"""The built-in ``blocks`` plugin: headings, captions, bylines, datelines and site furniture."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from annotator import hookimpl
from annotator_blocks.annotator import BlocksAnnotator, covering
from annotator_blocks.model import BLOCK_LABELS, BlockSpan

__all__ = ["BLOCK_LABELS", "BlockSpan", "BlocksAnnotator", "covering"]


@hookimpl
def register_annotators(register: Callable[[type[Any]], None]) -> None:
    """Register the blocks annotator."""
    register(BlocksAnnotator)
