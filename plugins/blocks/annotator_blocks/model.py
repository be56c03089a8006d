"""The block span type: a stretch of the text that is not running prose."""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import Field

from annotator import Span

BlockLabel = Literal["HEADING", "CAPTION", "BYLINE", "DATELINE", "FURNITURE"]
BLOCK_LABELS: tuple[BlockLabel, ...] = get_args(BlockLabel)


class BlockSpan(Span):
    """A heading, caption, byline, dateline or piece of site furniture.

    ``label`` is the kind; ``rule`` names the cue that recognised it. Other annotators skip these
    stretches (quotes, stance) or distrust title-case words in them (entities).
    """

    label: BlockLabel = Field(description="The kind of block.")
    line: int = Field(ge=1, description="1-based number of the line the block sits on.")
