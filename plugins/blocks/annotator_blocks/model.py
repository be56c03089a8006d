"""The block span type: a stretch of the text that is not running prose."""

from __future__ import annotations

from pydantic import Field

from annotator import Span

BLOCK_LABELS = ("HEADING", "CAPTION", "BYLINE", "DATELINE", "FURNITURE")


class BlockSpan(Span):
    """A heading, caption, byline, dateline or piece of site furniture.

    ``label`` is the kind; ``rule`` names the cue that recognised it. Other annotators skip these
    stretches (quotes, stance) or distrust title-case words in them (entities).
    """

    line: int = Field(ge=1, description="1-based number of the line the block sits on.")
