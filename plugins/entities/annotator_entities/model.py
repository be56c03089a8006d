"""The entity span type."""

from __future__ import annotations

from typing import ClassVar

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

RULES = (
    "model",
    "caps",
    "heading",
    "context",
    "joined",
    "vote",
    "gazetteer",
    "acronym",
    "alias",
    "document",
    "demonym",
)


class EntitySpan(Span):
    """A mention of a named entity; mentions of one entity in a document share ``entity_id``.

    ``rule`` says what produced the mention or its label: ``model`` (the statistical NER as is),
    ``caps`` / ``heading`` (the model's, in an all-capitals line / a title-case heading, weighing
    less in the label vote), ``dateline`` (the place a news dateline names),
    ``context`` (a "person" the words around show to be a place: "in Kyiv", "the Rafah crossing"),
    ``joined`` (a nationality and the organisation after it, "Pakistani Taliban", made one name),
    ``vote`` (label changed by the document-level vote), ``gazetteer`` (a configured pattern),
    ``acronym`` (an acronym defined in the text, or its long form), ``alias`` (a parenthesised
    short name), ``document`` (another occurrence of a name found elsewhere in the document) or
    ``demonym`` (an adjective of a place named in the document, relabelled NORP). ``confidence``
    is the share of the entity's weighted label votes that the chosen label won (1.0 for gazetteer).
    """

    # Open set: the ``labels`` option and a gazetteer's patterns can add labels the model cannot list.
    known_labels: ClassVar[tuple[str, ...]] = NAME_LABELS
    entity_id: str = Field(
        description="Identifier of the entity within the document, shared by its mentions."
    )
    canonical: str = Field(description="The entity's fullest name in the document (or the gazetteer's name).")
    kb_id: str | None = Field(default=None, description="Knowledge-base identifier (e.g. a Wikidata QID).")
    aliases: list[str] = Field(
        default_factory=list, description="Other surface forms of the same entity in this document."
    )
