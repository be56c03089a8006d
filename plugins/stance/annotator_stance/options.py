"""Options of the stance annotator (the ``[options.stance]`` table of a run config)."""

from __future__ import annotations

import importlib.util
from typing import Literal

from pydantic import Field, model_validator

from annotator import AnnotatorOptions, ConfigPath


class StanceOptions(AnnotatorOptions):
    """What to detect, with which lexicon and backend, and which targets to keep."""

    lexicon: ConfigPath | None = Field(
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
    nli_model: ConfigPath | None = Field(
        default=None, description="Local folder of the NLI model (backend nli)."
    )

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
