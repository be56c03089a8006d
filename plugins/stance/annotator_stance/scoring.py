"""How the stance layer is scored: (holder, target, polarity) triples, not only evidence spans.

A stance span's offsets are its evidence (a sentence), so span figures alone say little: the same
sentence can hold two positions, and a right sentence with the wrong holder is wrong. A predicted
position *matches* a gold one when both name the same holder and the same target (the entity span
they link to overlaps, or a name agrees: canonical name, mention text, one of the gold's
``holder_aliases``/``target_aliases``; no surname rule, because holders and targets are as often
organisations as people, and "Pakistan" is not short for "Tehrik-i-Taliban Pakistan") and their
evidence overlaps;
it is a correct triple when the polarity agrees too. Matching is one-to-one per document: pairs
with the same polarity first, then the largest evidence overlap, then document order, so one
prediction never earns two gold items. Triple precision is correct / predicted, recall correct /
gold.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.evaluation import (
    PRF,
    Attribute,
    DocumentPair,
    LayerReport,
    Matched,
    SpanScorer,
    linked,
    names_of,
    same_referent,
)
from annotator.evaluation.counts import ratio
from annotator.spans import Span

ROLES = ("holder", "target")


@dataclass(frozen=True)
class _Side:
    """One position as the scorer sees it: who, about whom, which way, where."""

    span: Span
    refs: dict[str, Span | None]
    names: dict[str, set[str]]
    polarity: object


def _side(span: Span, index: dict[str, Span]) -> _Side:
    refs = {role: linked(index, span, role) for role in ROLES}
    names = {
        role: names_of(
            refs[role],
            [getattr(span, f"{role}_canonical", None), *(getattr(span, f"{role}_aliases", None) or [])],
        )
        for role in ROLES
    }
    return _Side(span, refs, names, getattr(span, "polarity", None))


def _agree(gold: _Side, pred: _Side) -> bool:
    return all(
        same_referent(gold.refs[role], gold.names[role], pred.refs[role], pred.names[role], surnames=False)
        for role in ROLES
    )


def _overlap(a: Span, b: Span) -> float:
    """Intersection over union of two evidence spans (0 when they do not overlap)."""
    inter = min(a.end, b.end) - max(a.start, b.start)
    return inter / (max(a.end, b.end) - min(a.start, b.start)) if inter > 0 else 0.0


class StanceScorer(SpanScorer):
    """Span and polarity figures, plus the triple table and its polarity accuracy (module docstring)."""

    def __init__(self) -> None:
        super().__init__((Attribute("polarity"),))
        self.result.tables["triples"] = PRF()
        self._matched_pairs = 0
        self._overlap_sum = 0.0

    def add_matched(self, matched: Matched) -> None:
        """Pair positions one-to-one within the document and count the correct triples."""
        pair: DocumentPair = matched.pair
        gold = [_side(s, pair.gold_index) for s in pair.gold_spans]
        pred = [_side(s, pair.pred_index) for s in pair.pred_spans]
        candidates = [
            (g.polarity != p.polarity, -_overlap(g.span, p.span), gi, pi)
            for gi, g in enumerate(gold)
            for pi, p in enumerate(pred)
            if _overlap(g.span, p.span) > 0 and _agree(g, p)
        ]
        used_gold: set[int] = set()
        used_pred: set[int] = set()
        correct = 0
        for wrong_polarity, negative_overlap, gi, pi in sorted(candidates):
            if gi in used_gold or pi in used_pred:
                continue
            used_gold.add(gi)
            used_pred.add(pi)
            self._matched_pairs += 1
            self._overlap_sum -= negative_overlap
            correct += not wrong_polarity
        self.result.tables["triples"].add(len(gold), len(pred), correct)

    def report(self, layer: str) -> LayerReport:
        """Add polarity accuracy and mean evidence overlap over the matched positions."""
        result = super().report(layer)
        result.figures["triple_polarity_accuracy"] = ratio(result.tables["triples"].tp, self._matched_pairs)
        result.figures["triple_evidence_overlap"] = ratio(self._overlap_sum, self._matched_pairs)
        result.figures["triple_matched"] = float(self._matched_pairs)
        result.notes = [
            "triples: holder and target name the same entities and the evidence overlaps; "
            "correct when the polarity agrees too (one-to-one per document).",
            "triple_polarity_accuracy: correct triples / matched positions; "
            "triple_evidence_overlap: mean intersection-over-union of matched evidence.",
        ]
        return result
