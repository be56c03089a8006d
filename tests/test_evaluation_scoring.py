"""The span scorer's counts on one news sentence, where every figure is worked out by hand."""

from __future__ import annotations

from typing import Any

import pytest

from annotator import Document
from annotator.evaluation import Attribute, DocumentPair, ScoredFile, SpanScorer, evaluate

TEXT = "Pakistan’s Defence Minister Khawaja Asif warned Kabul on Tuesday after talks in Istanbul collapsed."


def span(layer: str, n: int, phrase: str, label: str, **extra: Any) -> dict[str, Any]:
    start = TEXT.index(phrase)
    return {"id": f"{layer}-{n}", "start": start, "end": start + len(phrase), "label": label, **extra}


GOLD = [
    span("g", 1, "Pakistan", "GPE", canonical="Pakistan"),
    span("g", 2, "Khawaja Asif", "PERSON", canonical="Khawaja Asif"),
    span("g", 3, "Kabul", "GPE"),  # no canonical: a person who adds a region may leave it empty
    span("g", 4, "Istanbul", "GPE", canonical="Istanbul"),
]
PRED = [
    span("p", 1, "Pakistan", "GPE", canonical="Pakistan"),  # exact, right
    span("p", 2, "Defence Minister Khawaja Asif", "PERSON", canonical="Asif"),  # boundary, wrong name
    span("p", 3, "Kabul", "ORG", canonical="Kabul"),  # exact, wrong label
    span("p", 4, "Tuesday", "DATE"),  # spurious; Istanbul is missed
]


def doc(spans: list[dict[str, Any]], layer: str = "entities", doc_id: str = "d1") -> Document:
    return Document.from_dict(
        {
            "id": doc_id,
            "text": TEXT,
            "spans": {layer: [{**s, "text": TEXT[s["start"] : s["end"]]} for s in spans]},
        },
        {},
    )


@pytest.fixture()
def scored() -> SpanScorer:
    scorer = SpanScorer((Attribute("canonical"),))
    scorer.mismatches = []
    gold, pred = doc(GOLD), doc(PRED)
    scorer.add(DocumentPair("entities", gold, pred, gold.layer("entities"), pred.layer("entities")))
    return scorer


def test_span_figures_count_exact_and_overlap_matches(scored: SpanScorer) -> None:
    report = scored.report("entities")
    exact, overlap = report.spans["exact"], report.spans["overlap"]
    assert (exact.gold, exact.pred, exact.tp) == (4, 4, 2)  # Pakistan, Kabul
    assert (overlap.gold, overlap.pred, overlap.tp) == (4, 4, 3)  # and the longer Asif
    assert overlap.f1 == pytest.approx(0.75)
    assert exact.precision == exact.recall == pytest.approx(0.5)


def test_labelled_figures_match_within_each_label(scored: SpanScorer) -> None:
    report = scored.report("entities")
    assert (report.labelled["exact"].tp, report.labelled["overlap"].tp) == (1, 2)
    gpe = report.labels["GPE"]
    assert (gpe["exact"].gold, gpe["exact"].pred, gpe["exact"].tp) == (3, 1, 1)
    assert (report.labels["PERSON"]["exact"].tp, report.labels["PERSON"]["overlap"].tp) == (0, 1)
    assert (report.labels["ORG"]["overlap"].gold, report.labels["ORG"]["overlap"].pred) == (0, 1)
    assert report.labels["DATE"]["overlap"].precision == 0.0


def test_attributes_skip_gold_without_a_value_and_give_tempeval_f1(scored: SpanScorer) -> None:
    canonical = scored.report("entities").attributes["canonical"]
    # Kabul's gold has no canonical: skipped. Pakistan right, Asif wrong.
    assert (canonical.gold_with, canonical.matched, canonical.correct) == (3, 2, 1)
    assert canonical.accuracy == pytest.approx(0.5)
    assert canonical.of_gold == pytest.approx(1 / 3)
    assert canonical.f1 == pytest.approx(0.5 * 0.75)


def test_mismatches_name_every_disagreement(scored: SpanScorer) -> None:
    kinds = sorted((m.kind, m.gold or m.pred) for m in scored.mismatches or [])
    assert [k for k, _ in kinds] == ["attribute", "boundary", "label", "missed", "spurious"]
    assert ("missed", f"{TEXT.index('Istanbul')}-{TEXT.index('Istanbul') + 8} GPE 'Istanbul'") in kinds
    wrong = next(m for m in scored.mismatches or [] if m.kind == "attribute")
    assert (wrong.field, wrong.gold_value, wrong.pred_value) == ("canonical", "Khawaja Asif", "Asif")


def test_attribute_whose_absence_means_something_is_compared_as_none() -> None:
    gold = doc([span("g", 1, "Tuesday", "DATE"), span("g", 2, "Pakistan", "GPE", mod="START")], "dates")
    pred = doc([span("p", 1, "Tuesday", "DATE", mod="APPROX"), span("p", 2, "Pakistan", "GPE")], "dates")
    scorer = SpanScorer((Attribute("mod", missing="none"),))
    scorer.add(DocumentPair("dates", gold, pred, gold.layer("dates"), pred.layer("dates")))
    mod = scorer.report("dates").attributes["mod"]
    assert (mod.gold_with, mod.matched, mod.correct) == (2, 2, 0)
    same = SpanScorer((Attribute("mod", missing="none"),))
    same.add(DocumentPair("dates", gold, gold, gold.layer("dates"), gold.layer("dates")))
    assert same.report("dates").attributes["mod"].accuracy == 1.0


def test_label_map_renames_and_drops_predicted_labels() -> None:
    gold, pred = ScoredFile.of([doc(GOLD)], "gold"), ScoredFile.of([doc(PRED)], "pred")
    plain = evaluate(gold, pred).layers["entities"]
    mapped = evaluate(gold, pred, label_map={"entities": {"ORG": "GPE", "DATE": None}}).layers["entities"]
    assert plain.labelled["exact"].tp == 1
    assert mapped.labelled["exact"].tp == 2  # Kabul now counts as GPE
    assert mapped.spans["exact"].pred == 3  # Tuesday is dropped before matching
    assert mapped.spans["overlap"].precision == pytest.approx(1.0)


def test_a_layer_whose_plugin_is_not_installed_is_scored_on_spans_and_labels() -> None:
    gold = ScoredFile.of([doc(GOLD, "handles")], "gold")
    report = evaluate(gold, ScoredFile.of([doc(PRED, "handles")], "pred"), registry=None).layers["handles"]
    assert report.spans["overlap"].tp == 3 and report.attributes == {}


def test_perfect_prediction_scores_one_everywhere() -> None:
    gold = ScoredFile.of([doc(GOLD)], "gold")
    report = evaluate(gold, gold).layers["entities"]
    assert report.spans["exact"].f1 == report.labelled["exact"].f1 == 1.0
