"""How one layer is scored: the scorer protocol, the default span scorer and the report it fills.

``annotator evaluate`` knows no layer by name. For each layer it asks the installed annotator of
that name for a scorer (:meth:`annotator.Annotator.scorer`), or uses :class:`SpanScorer` for a layer
whose plugin is not installed, feeds it every document pair and collects its :class:`LayerReport`.
A plugin with layer-specific figures (clusters, speakers, triples) subclasses :class:`SpanScorer`
and adds to :meth:`SpanScorer.add_matched`; its figures then appear in the same report.
"""

from __future__ import annotations

import functools
import operator
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from annotator.document import Document
from annotator.evaluation.counts import PRF, AttributeScore
from annotator.evaluation.matching import Pair, match
from annotator.spans import Span

Reader = Callable[[Span, Document], Any]
MismatchKind = Literal["missed", "spurious", "boundary", "label", "attribute"]


def carries(span: Span, name: str) -> bool:
    """Whether the span has a non-null value for ``name`` (declared field or kept extra field)."""
    return getattr(span, name, None) is not None


@dataclass(frozen=True)
class Attribute:
    """One attribute a scorer checks on matched spans.

    ``read`` gets the value (default: the span's field ``name``), ``same`` compares gold with
    prediction (default: equality). ``missing="skip"`` leaves out gold spans without the value
    (a person who added a region may not fill its attributes); ``"none"`` compares them as None,
    for fields whose absence means something (no qualifier, no mod).
    """

    name: str
    read: Reader | None = None
    same: Callable[[Any, Any], bool] = operator.eq
    missing: Literal["skip", "none"] = "skip"

    def value(self, span: Span, document: Document) -> Any:
        """The attribute's value on ``span``."""
        return self.read(span, document) if self.read is not None else getattr(span, self.name, None)


@dataclass
class DocumentPair:
    """One document's gold and predicted spans of the layer being scored (label map applied)."""

    layer: str
    gold: Document
    pred: Document
    gold_spans: Sequence[Span]
    pred_spans: Sequence[Span]

    @functools.cached_property
    def gold_index(self) -> dict[str, Span]:
        """Every gold span of every layer by id, to follow references (a speaker, a holder)."""
        return self.gold.span_index()

    @functools.cached_property
    def pred_index(self) -> dict[str, Span]:
        """Every predicted span of every layer by id."""
        return self.pred.span_index()


class Mismatch(BaseModel):
    """One disagreement, for users who want to see what was missed or wrong."""

    model_config = ConfigDict(extra="forbid")

    doc: str
    layer: str
    kind: MismatchKind
    gold: str | None = Field(default=None, description="start-end label 'text' of the gold span.")
    pred: str | None = Field(default=None, description="start-end label 'text' of the prediction.")
    field: str | None = None
    gold_value: Any = None
    pred_value: Any = None


class LayerReport(BaseModel):
    """Everything measured on one layer."""

    model_config = ConfigDict(extra="forbid")

    layer: str
    documents: int = 0
    spans: dict[str, PRF] = Field(
        default_factory=lambda: {"exact": PRF(), "overlap": PRF()},
        description="Span detection, whatever the label: exact offsets, and any overlap.",
    )
    labelled: dict[str, PRF] = Field(
        default_factory=lambda: {"exact": PRF(), "overlap": PRF()},
        description="Span and label both right (matched within each label), summed over labels.",
    )
    labels: dict[str, dict[str, PRF]] = Field(default_factory=dict, description="The same, per label.")
    attributes: dict[str, AttributeScore] = Field(default_factory=dict)
    tables: dict[str, PRF] = Field(
        default_factory=dict, description="Layer-specific P/R/F1 (stance triples, entity clusters...)."
    )
    figures: dict[str, float] = Field(default_factory=dict, description="Layer-specific single figures.")
    notes: list[str] = Field(default_factory=list, description="What the layer-specific figures mean.")


class LayerScorer(ABC):
    """Accumulates one layer's figures over document pairs; one instance per evaluation."""

    def __init__(self) -> None:
        self.mismatches: list[Mismatch] | None = None

    @abstractmethod
    def add(self, pair: DocumentPair) -> None:
        """Score one document."""

    @abstractmethod
    def report(self, layer: str) -> LayerReport:
        """The figures so far."""

    def note(self, mismatch: Mismatch) -> None:
        """Keep a mismatch when the caller asked for them."""
        if self.mismatches is not None:
            self.mismatches.append(mismatch)


@dataclass
class Matched:
    """The pairs of one document: label-agnostic ones (for attributes) and the spans they join."""

    pair: DocumentPair
    pairs: list[Pair] = field(default_factory=list)

    def spans(self) -> list[tuple[Span, Span, bool]]:
        """``(gold, pred, exact)`` for every pair."""
        return [(self.pair.gold_spans[p.gold], self.pair.pred_spans[p.pred], p.exact) for p in self.pairs]


class SpanScorer(LayerScorer):
    """Span, label and attribute figures for any layer; see the module docstring."""

    def __init__(self, attributes: Sequence[Attribute] = ()) -> None:
        super().__init__()
        self.attributes = tuple(attributes)
        self.result = LayerReport(layer="")
        self.result.attributes = {a.name: AttributeScore() for a in self.attributes}

    def label_of(self, span: Span) -> str:
        """The label a span is counted under (the span's label; a scorer may use another field)."""
        return span.label

    def add(self, pair: DocumentPair) -> None:
        """Count spans, labels and attributes of one document, then the layer-specific extras."""
        self.result.documents += 1
        matched = Matched(pair, match(pair.gold_spans, pair.pred_spans))
        n_gold, n_pred = len(pair.gold_spans), len(pair.pred_spans)
        self.result.spans["exact"].add(n_gold, n_pred, sum(p.exact for p in matched.pairs))
        self.result.spans["overlap"].add(n_gold, n_pred, len(matched.pairs))
        self._add_labels(pair)
        self._add_attributes(matched)
        self._note_unmatched(matched)
        self.add_matched(matched)

    def add_matched(self, matched: Matched) -> None:  # noqa: B027 - optional extension point
        """Layer-specific counting on one document's matches; the default adds nothing."""

    def report(self, layer: str) -> LayerReport:
        """The figures, with attribute F1 computed against the final overlap F1."""
        overlap_f1 = self.result.spans["overlap"].f1
        for score in self.result.attributes.values():
            score.f1 = score.accuracy * overlap_f1
        self.result.layer = layer
        return self.result

    def _add_labels(self, pair: DocumentPair) -> None:
        gold_by, pred_by = (
            _by_label(pair.gold_spans, self.label_of),
            _by_label(pair.pred_spans, self.label_of),
        )
        for label in sorted(gold_by.keys() | pred_by.keys()):
            g, p = gold_by.get(label, []), pred_by.get(label, [])
            pairs = match(g, p)
            counts = self.result.labels.setdefault(label, {"exact": PRF(), "overlap": PRF()})
            for mode, hits in (("exact", sum(x.exact for x in pairs)), ("overlap", len(pairs))):
                counts[mode].add(len(g), len(p), hits)
                self.result.labelled[mode].add(len(g), len(p), hits)

    def _add_attributes(self, matched: Matched) -> None:
        pair = matched.pair
        for gold in pair.gold_spans:
            for attr in self.attributes:
                if attr.missing == "none" or attr.value(gold, pair.gold) is not None:
                    self.result.attributes[attr.name].gold_with += 1
        for gold, pred, exact in matched.spans():
            if not exact:
                self.note(self._mismatch(pair, "boundary", gold, pred))
            if self.label_of(gold) != self.label_of(pred):
                self.note(self._mismatch(pair, "label", gold, pred))
            for attr in self.attributes:
                self._score_attribute(attr, pair, gold, pred)

    def _score_attribute(self, attr: Attribute, pair: DocumentPair, gold: Span, pred: Span) -> None:
        want = attr.value(gold, pair.gold)
        if want is None and attr.missing == "skip":
            return
        got = attr.value(pred, pair.pred)
        tally = self.result.attributes[attr.name]
        tally.matched += 1
        ok = (got is not None and attr.same(want, got)) if want is not None else got is None
        tally.correct += ok
        if not ok:
            self.note(self._mismatch(pair, "attribute", gold, pred, attr.name, want, got))

    def _note_unmatched(self, matched: Matched) -> None:
        pair = matched.pair
        found_gold = {p.gold for p in matched.pairs}
        found_pred = {p.pred for p in matched.pairs}
        for i, span in enumerate(pair.gold_spans):
            if i not in found_gold:
                self.note(self._mismatch(pair, "missed", span, None))
        for i, span in enumerate(pair.pred_spans):
            if i not in found_pred:
                self.note(self._mismatch(pair, "spurious", None, span))

    def _mismatch(
        self,
        pair: DocumentPair,
        kind: MismatchKind,
        gold: Span | None,
        pred: Span | None,
        field_name: str | None = None,
        gold_value: Any = None,
        pred_value: Any = None,
    ) -> Mismatch:
        return Mismatch(
            doc=pair.gold.id,
            layer=pair.layer,
            kind=kind,
            gold=self._describe(gold),
            pred=self._describe(pred),
            field=field_name,
            gold_value=gold_value,
            pred_value=pred_value,
        )

    def _describe(self, span: Span | None) -> str | None:
        return None if span is None else f"{span.start}-{span.end} {self.label_of(span)} {span.text!r}"


def _by_label(spans: Sequence[Span], label_of: Callable[[Span], str]) -> dict[str, list[Span]]:
    found: dict[str, list[Span]] = {}
    for span in spans:
        found.setdefault(label_of(span), []).append(span)
    return found
