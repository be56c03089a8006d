"""Options of the stance annotator (the ``[options.stance]`` table of a run config)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator

from annotator import AnnotatorOptions


class StanceOptions(AnnotatorOptions):
    """What to detect, with which lexicon and backend, and which targets to keep."""

    lexicon: Path | None = Field(
        default=None, description="A JSON cue lexicon, relative to the config file's folder."
    )
    lexicon_mode: Literal["extend", "replace"] = Field(
        default="extend", description="extend the packaged lexicon (same lemma overrides) or replace it."
    )
    targets: list[str] = Field(
        default_factory=list, description="Targets of interest (canonical or mention names); empty keeps all."
    )
    keep_neutral: bool = Field(default=False, description="Keep neutral and negated stances.")
    min_score: float = Field(default=0.0, ge=0.0, le=1.0, description="Drop stances scored below this.")
    backend: Literal["rules", "nli"] = Field(
        default="rules", description="rules (built in) or nli (a local zero-shot model via transformers)."
    )
    nli_model: Path | None = Field(default=None, description="Local folder of the NLI model (backend nli).")

    @field_validator("lexicon", "nli_model")
    @classmethod
    def _resolve(cls, value: Path | None, info: ValidationInfo) -> Path | None:
        """Resolve relative paths against the config file's folder, so configs are portable."""
        if value is None:
            return None
        base = (info.context or {}).get("config_dir")
        path = value if value.is_absolute() or base is None else Path(base) / value
        if not path.exists():
            raise ValueError(f"{path} does not exist")
        return path

    @model_validator(mode="after")
    def _backend_available(self) -> StanceOptions:
        """Refuse the nli backend up front, with the fix, when transformers or the model is missing."""
        if self.backend != "nli":
            return self
        if importlib.util.find_spec("transformers") is None:
            raise ValueError(
                "backend 'nli' needs the transformers package and a local model "
                "(pip install transformers torch, then set nli_model = PATH); "
                "use backend = 'rules' to run without them"
            )
        if self.nli_model is None:
            raise ValueError("backend 'nli' needs nli_model = PATH to a local zero-shot NLI model folder")
        return self
