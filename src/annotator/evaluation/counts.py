"""The numbers every report is made of: precision/recall/F1 counts and attribute tallies."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, computed_field


def ratio(part: int | float, whole: int | float) -> float:
    """``part / whole``, and 0.0 when there is nothing to divide by."""
    return part / whole if whole else 0.0


class PRF(BaseModel):
    """Gold items, predicted items and true positives, with the figures they give."""

    model_config = ConfigDict(extra="forbid")

    gold: int = 0
    pred: int = 0
    tp: int = 0

    def add(self, gold: int, pred: int, tp: int) -> None:
        """Count one more document (or group)."""
        self.gold += gold
        self.pred += pred
        self.tp += tp

    @computed_field  # type: ignore[prop-decorator]
    @property
    def precision(self) -> float:
        return ratio(self.tp, self.pred)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def recall(self) -> float:
        return ratio(self.tp, self.gold)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def f1(self) -> float:
        return ratio(2 * self.tp, self.gold + self.pred)


class AttributeScore(BaseModel):
    """How often one attribute is right on matched spans.

    ``accuracy`` is over the matched pairs whose gold span carries the attribute; ``of_gold`` over
    every gold span that carries it (found or not), so it reads "value right of all expected";
    ``f1`` is TempEval-3's attribute F1: accuracy on overlap matches times the layer's overlap F1.
    """

    model_config = ConfigDict(extra="forbid")

    matched: int = 0
    correct: int = 0
    gold_with: int = Field(default=0, description="Gold spans that carry the attribute.")
    f1: float = 0.0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def accuracy(self) -> float:
        return ratio(self.correct, self.matched)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def of_gold(self) -> float:
        return ratio(self.correct, self.gold_with)
