"""How `annotator evaluate` scores the numbers layer: the amount as a reader means it, and own-gold figures.

The ``amount`` attribute is the one public suites are compared on ("value right"): a gold span
with an SI value (a measure) is right when the prediction has the same SI value and SI unit, so
"0.002 kg" and "2 grams" agree, and a compound "7 feet and 10 inches" is compared as one length;
money is right with the same value and, when the gold names one, the same ISO currency; anything
else by value alone. Its ``of_gold`` figure is "value right of all expected".

The exact-match figures (``value_accuracy`` and its parts) are those of the project's own gold
(benchmarks/numbers_eval.py): value, qualifier, unit or currency, and the counted noun phrase,
on spans whose offsets match exactly.
"""

from __future__ import annotations

import math
from typing import Any

from annotator import Document, Span
from annotator.evaluation import Attribute, LayerReport, Matched, SpanScorer

COUNTING_KINDS = frozenset({"cardinal", "ordinal", "fraction"})
EXACT_FIELDS = ("value", "qualifier", "unit", "counted", "all")
FIGURE_NAMES = {
    "all": "value_accuracy",
    "value": "number_accuracy",
    "qualifier": "qualifier_accuracy",
    "unit": "unit_accuracy",
    "counted": "counted_accuracy",
}


def close(a: Any, b: Any) -> bool:
    """Two amounts agree within a relative 1e-6 (floats from SI conversion are not exact)."""
    try:
        return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-12)
    except (TypeError, ValueError):
        return False


def same_amount(gold: Span, pred: Span) -> bool:
    """Whether ``pred`` states the amount of ``gold``; see the module docstring."""
    if getattr(gold, "si_unit", None) is not None:
        return close(_in_unit(pred, gold.si_unit), gold.si_value)  # type: ignore[attr-defined]
    if getattr(gold, "kind", None) == "money":
        currency = getattr(gold, "currency", None)
        if getattr(pred, "kind", None) != "money" or (currency and pred.currency != currency):  # type: ignore[attr-defined]
            return False
    return close(getattr(pred, "value", None), getattr(gold, "value", None))


def _in_unit(pred: Span, si_unit: str) -> float | None:
    """The prediction's SI value in ``si_unit`` ("J" and "kg * m ** 2 / s ** 2" are one unit)."""
    got, value = getattr(pred, "si_unit", None), getattr(pred, "si_value", None)
    if got is None or value is None or got == si_unit:
        return value if got == si_unit else None
    from annotator_numbers.units import registry

    try:
        return float(registry().Quantity(value, got).to(si_unit).magnitude)
    except Exception:  # noqa: BLE001 - units pint cannot relate are different units
        return None


def _whole_span(span: Span, document: Document) -> Span | None:
    return span if getattr(span, "value", None) is not None else None


def _unit_or_currency(span: Span, document: Document) -> Any:
    return getattr(span, "unit", None) or getattr(span, "currency", None)


class NumbersScorer(SpanScorer):
    """Span figures, the attributes below on overlap matches, and the own-gold exact-match figures."""

    def __init__(self) -> None:
        super().__init__(
            (
                Attribute("amount", read=_whole_span, same=same_amount),
                Attribute("value", same=close),
                Attribute("kind"),
                Attribute("unit", read=_unit_or_currency),
            )
        )
        self.exact = {name: [0, 0] for name in EXACT_FIELDS}

    def add_matched(self, matched: Matched) -> None:
        """Count the own-gold figures on the exactly matched pairs."""
        for gold, pred, exact in matched.spans():
            if exact:
                self._add_exact(gold, pred)

    def _add_exact(self, gold: Span, pred: Span) -> None:
        checks = {
            "value": close(pred.value, gold.value),  # type: ignore[attr-defined]
            "qualifier": getattr(pred, "qualifier", None) == getattr(gold, "qualifier", None),
            "unit": _unit_or_currency(pred, None) == _unit_or_currency(gold, None),  # type: ignore[arg-type]
        }
        if getattr(gold, "kind", None) in COUNTING_KINDS:
            checks["counted"] = getattr(pred, "counted", None) == getattr(gold, "counted", None)
        checks["all"] = all(checks.values())
        for name, ok in checks.items():
            self.exact[name][0] += ok
            self.exact[name][1] += 1

    def report(self, layer: str) -> LayerReport:
        """The span report with the exact-match figures added."""
        result = super().report(layer)
        for name, (ok, total) in self.exact.items():
            result.figures[FIGURE_NAMES[name]] = ok / total if total else 0.0
        result.notes.append(
            "value_accuracy: value, qualifier, unit/currency and counted all right, on exact matches; "
            "amount.of_gold: value right (in SI for measures, with currency for money) of all expected."
        )
        return result
