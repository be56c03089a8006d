"""The quote span type, its cue, and the options of the quotes annotator."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from annotator import AnnotatorOptions, Span, TextAnchor, span_ref

QuoteKind = Literal["direct", "indirect", "mixed", "floating", "scare", "title"]

DEFAULT_SKIP_BLOCKS = ["HEADING", "HEADLINE", "TITLE", "BYLINE", "DATELINE", "CAPTION", "FURNITURE", "NAV"]


class Cue(TextAnchor):
    """The attributing expression ("said", "told", "according to"), in document offsets."""

    lemma: str = Field(description="Base form of the cue, e.g. 'say', 'tell', 'according to', 'post'.")


class QuoteSpan(Span):
    """Who said what: the quoted or reported content, its speaker, cue, channel and addressee.

    The span covers the quoted content without the quotation marks; for indirect and mixed quotes
    it covers the reported clause (which, for mixed quotes, contains the quoted fragment and its marks).
    """

    label: Literal["QUOTE"] = "QUOTE"
    kind: QuoteKind = Field(
        description=(
            "direct, indirect, mixed, floating, scare (a quoted term, no speaker) or title "
            "(the quoted title of a work, show or outlet, no speaker)."
        )
    )
    speaker: str | None = span_ref("Id of the entities-layer span naming the speaker.", default=None)
    speaker_canonical: str | None = Field(default=None, description="Canonical name of the speaker entity.")
    speaker_text: str | None = Field(
        default=None, description="The text that names or refers to the speaker ('he', 'the minister')."
    )
    speaker_description: str | None = Field(
        default=None, description="For unnamed sources, how the text describes them."
    )
    speaker_confidence: float | None = Field(default=None, ge=0.0, le=1.0)
    cue: Cue | None = Field(default=None, description="The attributing expression.")
    channel: str | None = Field(default=None, description="Medium: 'X', 'statement', 'Reuters' ...")
    addressee: str | None = Field(default=None, description="Who was addressed: 'reporters', 'Reuters' ...")
    paragraphs: int = Field(default=1, ge=1, description="Paragraphs the quote spans (>1: continued quote).")


class QuotesOptions(AnnotatorOptions):
    """Options of the quotes annotator."""

    indirect: bool = Field(default=True, description="Also extract indirect (reported) speech.")
    scare_max_words: int = Field(
        default=4, ge=1, description="Unattributed quoted fragments up to this many words are scare quotes."
    )
    skip_blocks: list[str] = Field(
        default_factory=lambda: list(DEFAULT_SKIP_BLOCKS),
        description="Labels of 'blocks' layer spans (when present) whose lines hold no quotes.",
    )
