"""The stance span type and the document-level summary of stance per pair of entities."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from annotator import Span, TextAnchor, span_ref

Polarity = Literal["against", "favor", "neutral"]


class StanceCue(TextAnchor):
    """The word (or words) that carry the stance, e.g. "accused" with lemma "accuse"."""

    lemma: str = Field(description="The lexicon entry that matched, e.g. 'accuse' or 'crack down'.")


class StanceSpan(Span):
    """One position taken by a holder toward a target; the span is its evidence (the sentence)."""

    label: Literal["STANCE"] = "STANCE"
    holder: str | None = span_ref(
        "Entity span of the holder (the quote's speaker for reported speech).", default=None
    )
    holder_canonical: str = Field(description="The holder entity's canonical name.")
    target: str | None = span_ref("Entity span the position is about.", default=None)
    target_canonical: str = Field(description="The target entity's canonical name.")
    polarity: Polarity = Field(
        description="against or favor; neutral for negated cues and neutral cues (kept only on request)."
    )
    cue: StanceCue
    score: float = Field(ge=0.0, le=1.0, description="Strength of the evidence: cue weight, less hedges.")
    negated: bool = Field(default=False, description="The cue is negated ('did not blame'); never flipped.")
    hedged: bool = Field(
        default=False, description="The cue is hedged ('could', 'allegedly'); score lowered."
    )
    quote: str | None = span_ref(
        "The quote whose content holds the cue, when the holder is its speaker.", default=None
    )


class StancePair(BaseModel):
    """The aggregated stance of one holder entity toward one target entity in the document."""

    model_config = ConfigDict(extra="forbid")

    holder_entity: str = Field(description="entity_id of the holder in the entities layer.")
    holder_canonical: str
    target_entity: str = Field(description="entity_id of the target in the entities layer.")
    target_canonical: str
    polarity: Polarity = Field(description="Sign of the summed evidence; neutral when it cancels out.")
    score: float = Field(ge=0.0, le=1.0, description="Net weight of the evidence for that polarity.")
    evidence: list[str] = Field(description="Ids of the stance spans behind this pair, in document order.")
    counts: dict[str, int] = Field(description="Number of evidence spans per polarity.")


class StanceSummary(BaseModel):
    """Stance per (holder, target) pair of entities, for readers who want the document's sides at a glance."""

    model_config = ConfigDict(extra="forbid")

    lexicon_version: str = Field(description="Version of the cue lexicon that produced the spans.")
    pairs: list[StancePair] = Field(default_factory=list)
