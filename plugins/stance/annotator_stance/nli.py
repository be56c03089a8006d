"""The optional NLI backend: a local zero-shot model re-judges the polarity of each rule finding.

Only imported when ``backend = "nli"``; the options refuse that backend unless ``transformers``
is installed and ``nli_model`` names a local folder, so nothing is ever downloaded.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator_stance.model import StanceSpan

LABELS = {"against": "opposes", "favor": "supports", "neutral": "is neutral toward"}


class NliScorer:
    """Wraps a transformers zero-shot-classification pipeline over a local model folder."""

    def __init__(self, model: Path) -> None:
        from transformers import pipeline  # optional dependency, checked by the options

        self.classify: Any = pipeline("zero-shot-classification", model=str(model))

    def rescore(self, span: StanceSpan, hedge_factor: float) -> StanceSpan:
        """Replace polarity and score with the model's judgement of "holder supports/opposes target"."""
        if span.negated:
            return span  # a negated cue stays neutral whatever the model thinks: no silent flips
        template = f"{span.holder_canonical} {{}} {span.target_canonical}."
        result = self.classify(
            span.text, candidate_labels=list(LABELS.values()), hypothesis_template=template
        )
        best = result["labels"][0]
        polarity = next(k for k, v in LABELS.items() if v == best)
        score = float(result["scores"][0]) * (hedge_factor if span.hedged else 1.0)
        rule = f"nli:{(span.rule or '').split(':', 1)[-1]}"
        return span.model_copy(update={"polarity": polarity, "score": round(score, 4), "rule": rule})
