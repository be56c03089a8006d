"""Drive the scorers: pair documents by id, pick each layer's scorer, collect one report.

A layer is scored on the gold documents that have that layer (an empty list counts: it says the
layer was annotated and nothing is there), so a gold file may annotate only some layers, or some
layers on some documents. A gold document that PRED lacks, or holds only as an error record, is
scored as if nothing had been found, because a run that failed on a document did find nothing;
one whose text differs is reported and skipped, because offsets cannot be compared.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from annotator.document import Document
from annotator.errors import ConfigError
from annotator.evaluation.reading import EvaluationInputError, ScoredFile, read_scored
from annotator.evaluation.scorer import DocumentPair, LayerReport, LayerScorer, Mismatch, SpanScorer
from annotator.spans import Span

LabelMap = Mapping[str, Mapping[str, str | None]]
"""Per layer, predicted label -> gold label (None drops the span), applied to PRED before scoring."""


class Evaluation(BaseModel):
    """The result of one evaluation: per-layer reports and what was skipped, missing or unknown."""

    model_config = ConfigDict(extra="forbid")

    gold: str
    pred: str
    documents: int = Field(default=0, description="Gold documents scored.")
    layers: dict[str, LayerReport] = Field(default_factory=dict)
    skipped: list[str] = Field(default_factory=list, description="Documents left out, one line each.")
    missing: list[str] = Field(default_factory=list, description="Gold documents PRED lacks (scored empty).")
    unknown: list[str] = Field(default_factory=list, description="PRED documents not in GOLD (ignored).")
    mismatches: list[Mismatch] = Field(default_factory=list, exclude=True)


def evaluate_files(
    gold: Path,
    pred: Path,
    registry: Any | None = None,
    layers: Sequence[str] | None = None,
    label_map: LabelMap | None = None,
    keep_mismatches: bool = False,
) -> Evaluation:
    """Score the document JSONL ``pred`` against ``gold``; see the module docstring."""
    gold_file, pred_file = read_scored(gold), read_scored(pred)
    problems = gold_file.problems + pred_file.problems
    if problems:
        raise EvaluationInputError(problems)
    return evaluate(gold_file, pred_file, registry, layers, label_map, keep_mismatches)


def evaluate(
    gold: ScoredFile,
    pred: ScoredFile,
    registry: Any | None = None,
    layers: Sequence[str] | None = None,
    label_map: LabelMap | None = None,
    keep_mismatches: bool = False,
) -> Evaluation:
    """Score already-read files (the API for scripts that build documents in memory)."""
    result = Evaluation(gold=gold.path, pred=pred.path)
    names = chosen_layers(gold.documents.values(), layers)
    scorers = {name: scorer_for(name, registry, keep_mismatches) for name in names}
    for doc_id, gold_doc in gold.documents.items():
        pred_doc = _prediction(result, gold, pred, doc_id)
        if pred_doc is None:
            continue
        result.documents += 1
        for name, scorer in scorers.items():
            if name in gold_doc.spans:
                spans = relabelled(pred_doc.layer(name), (label_map or {}).get(name, {}))
                scorer.add(DocumentPair(name, gold_doc, pred_doc, gold_doc.layer(name), spans))
    result.unknown = [
        f"{pred.where(i)}: unknown document id {i!r} (not in {gold.path}); ignored"
        for i in [*pred.documents, *pred.failed]
        if i not in gold.documents
    ]
    for name, scorer in scorers.items():
        result.layers[name] = scorer.report(name)
        result.mismatches.extend(scorer.mismatches or [])
    return result


def chosen_layers(documents: Iterable[Document], wanted: Sequence[str] | None) -> list[str]:
    """The requested layers (each must be in the gold), or every layer the gold has, sorted."""
    present = sorted({layer for doc in documents for layer in doc.spans})
    if not wanted:
        return present
    absent = [layer for layer in wanted if layer not in present]
    if absent:
        raise ConfigError(
            f"No gold document has layer {', '.join(map(repr, absent))}. "
            f"Gold layers: {', '.join(present) or 'none'}."
        )
    return list(dict.fromkeys(wanted))


def scorer_for(layer: str, registry: Any | None, keep_mismatches: bool = False) -> LayerScorer:
    """The installed annotator's scorer for ``layer``, or :class:`SpanScorer` for a foreign layer."""
    annotators = getattr(registry, "annotators", {}) if registry is not None else {}
    scorer = annotators[layer].obj.scorer() if layer in annotators else SpanScorer()
    if not isinstance(scorer, LayerScorer):
        raise ConfigError(
            f"Annotator {layer!r}: scorer() returned {type(scorer).__name__}, not a LayerScorer."
        )
    if keep_mismatches:
        scorer.mismatches = []
    return scorer


def relabelled(spans: Sequence[Span], mapping: Mapping[str, str | None]) -> list[Span]:
    """Spans with their labels mapped; a label mapped to None drops the span."""
    if not mapping:
        return list(spans)
    out = []
    for span in spans:
        label = mapping.get(span.label, span.label)
        if label is not None:
            out.append(span if label == span.label else span.model_copy(update={"label": label}))
    return out


def _prediction(result: Evaluation, gold: ScoredFile, pred: ScoredFile, doc_id: str) -> Document | None:
    """PRED's document for ``doc_id`` (empty when it has none), or None when it must be skipped."""
    gold_doc = gold.documents[doc_id]
    found = pred.documents.get(doc_id)
    if found is None:
        why = f"an error record ({pred.failed[doc_id]})" if doc_id in pred.failed else "no record"
        result.missing.append(
            f"{gold.where(doc_id)}: document {doc_id!r} has {why} in {pred.path}; scored as nothing found"
        )
        return Document(id=doc_id, text=gold_doc.text)
    if found.text != gold_doc.text:
        at = _first_difference(gold_doc.text, found.text)
        result.skipped.append(
            f"{pred.where(doc_id)}: document {doc_id!r}: text differs from {gold.where(doc_id)} "
            f"(first at offset {at}); skipped"
        )
        return None
    return found


def _first_difference(a: str, b: str) -> int:
    return next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
