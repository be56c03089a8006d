"""The numbers layer's scorer: an amount is right in SI for measures and with its currency for money."""

from __future__ import annotations

from typing import Any

import pytest

from annotator import Document
from annotator.evaluation import ScoredFile, evaluate
from annotator.registry import build_registry
from annotator.testing import run_annotator

TEXT = "The truck carried 2,000 kilograms of rice, and the load cost $40,000 at the border."


def gold_span(n: int, phrase: str, **fields: Any) -> dict[str, Any]:
    start = TEXT.index(phrase)
    return {"id": f"g{n}", "start": start, "end": start + len(phrase), "text": phrase, **fields}


def amount_score(currency: str, si_value: float) -> Any:
    spans = [
        gold_span(
            0,
            "2,000 kilograms",
            label="QUANTITY",
            kind="quantity",
            value=2000,
            si_value=si_value,
            si_unit="kg",
        ),
        gold_span(1, "$40,000", label="MONEY", kind="money", value=40000, currency=currency),
    ]
    gold = Document.from_dict({"id": "t", "text": TEXT, "spans": {"numbers": spans}}, {})
    pred = run_annotator("numbers", TEXT, doc_id="t")
    result = evaluate(ScoredFile.of([gold]), ScoredFile.of([pred]), build_registry(), ["numbers"])
    return result.layers["numbers"].attributes["amount"]


@pytest.mark.parametrize(
    ("currency", "si_value", "correct"),
    [("USD", 2000.0, 2), ("EUR", 2000.0, 1), ("USD", 2.0, 1)],
)
def test_numbers_scorer_amount_needs_si_value_and_currency(
    currency: str, si_value: float, correct: int
) -> None:
    score = amount_score(currency, si_value)
    assert (score.gold_with, score.correct) == (2, correct)
