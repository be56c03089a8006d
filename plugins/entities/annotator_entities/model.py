"""The entity span type."""

from __future__ import annotations

from pydantic import Field

from annotator import Span

NAME_LABELS = (
    "PERSON",
    "NORP",
    "FAC",
    "ORG",
    "GPE",
    "LOC",
    "PRODUCT",
    "EVENT",
    "WORK_OF_ART",
    "LAW",
    "LANGUAGE",
)


class EntitySpan(Span):
    """A mention of a named entity; mentions of one entity in a document share ``entity_id``."""

    entity_id: str = Field(
        description="Identifier of the entity within the document, shared by its mentions."
    )
    canonical: str = Field(description="The entity's fullest name in the document.")
    kb_id: str | None = Field(default=None, description="Knowledge-base identifier (e.g. a Wikidata QID).")
