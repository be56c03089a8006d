"""Options of the entities annotator (``[options.entities]`` in a run config)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from annotator import AnnotatorOptions, ConfigPath
from annotator_entities.model import NAME_LABELS


class EntitiesOptions(AnnotatorOptions):
    """What to label, which gazetteer to add, and how loosely to join spelling variants."""

    labels: list[str] = Field(default_factory=lambda: list(NAME_LABELS), description="Labels to keep.")
    gazetteer: ConfigPath | None = Field(
        default=None,
        description="JSONL of SpanRuler patterns (label, pattern, optional id and canonical); "
        "a relative path is resolved against the config file's folder.",
    )
    gazetteer_attr: Literal["ORTH", "LOWER"] = Field(
        default="ORTH", description="Token attribute that phrase patterns match on."
    )
    fuzzy: float | None = Field(
        default=None,
        gt=0.5,
        le=1.0,
        description="Join spelling variants of a name ('Tehreek-e-Taliban' / 'Tehrik-i-Taliban') "
        "whose similarity (0-1) reaches this; off when unset.",
    )
    skip_blocks: list[str] = Field(
        default_factory=lambda: ["FURNITURE"],
        description="Block labels of site furniture: no mention of a title-case line of these is kept.",
    )
    weigh_blocks: list[str] = Field(
        default_factory=lambda: ["HEADING"],
        description="Block labels whose title-case mentions are kept unless evidence is against them "
        "(common words only, named nowhere else in the document).",
    )
