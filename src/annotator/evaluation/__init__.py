"""Scoring predicted layers against gold, layer by layer: ``annotator evaluate`` and its Python API.

:func:`evaluate_files` reads two document JSONL files and returns an :class:`Evaluation`; each
layer is scored by the scorer its annotator declares (:meth:`annotator.Annotator.scorer`), or by
:class:`SpanScorer` when the layer's plugin is not installed. Matching is one-to-one, exact offsets
first, then the largest overlap (:func:`match`). See docs/evaluation.md.
"""

from __future__ import annotations

from annotator.evaluation.counts import PRF, AttributeScore
from annotator.evaluation.links import linked, names_of, normalize_name, same_referent
from annotator.evaluation.matching import Pair, match
from annotator.evaluation.reading import EvaluationInputError, ScoredFile, read_scored
from annotator.evaluation.run import Evaluation, LabelMap, evaluate, evaluate_files, scorer_for
from annotator.evaluation.scorer import (
    Attribute,
    DocumentPair,
    LayerReport,
    LayerScorer,
    Matched,
    Mismatch,
    SpanScorer,
    carries,
)

__all__ = [
    "PRF",
    "Attribute",
    "AttributeScore",
    "DocumentPair",
    "Evaluation",
    "EvaluationInputError",
    "LabelMap",
    "LayerReport",
    "LayerScorer",
    "Matched",
    "Mismatch",
    "Pair",
    "ScoredFile",
    "SpanScorer",
    "carries",
    "evaluate",
    "evaluate_files",
    "linked",
    "match",
    "names_of",
    "normalize_name",
    "read_scored",
    "same_referent",
    "scorer_for",
]
