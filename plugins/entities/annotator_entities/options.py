"""Options of the entities annotator (``[options.entities]`` in a run config)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationInfo, field_validator

from annotator import AnnotatorOptions
from annotator_entities.model import NAME_LABELS


class EntitiesOptions(AnnotatorOptions):
    """What to label, which gazetteer to add, and how loosely to join spelling variants."""

    labels: list[str] = Field(default_factory=lambda: list(NAME_LABELS), description="Labels to keep.")
    gazetteer: Path | None = Field(
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
        default_factory=lambda: ["HEADING", "FURNITURE"],
        description="Block labels whose title-case words are not taken for names unless the "
        "document names them elsewhere.",
    )

    @field_validator("gazetteer")
    @classmethod
    def _resolve(cls, value: Path | None, info: ValidationInfo) -> Path | None:
        """Resolve against the config folder and require the file to exist."""
        if value is None:
            return None
        base = (info.context or {}).get("config_dir")
        path = value if value.is_absolute() or base is None else Path(base) / value
        if not path.is_file():
            raise ValueError(f"gazetteer file {path} does not exist")
        return path
