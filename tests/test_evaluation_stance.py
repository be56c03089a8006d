"""The stance layer is scored as (holder, target, polarity) triples, by entity link or by name."""

from __future__ import annotations

from typing import Any

from annotator import Document
from annotator.evaluation import ScoredFile, evaluate
from annotator.registry import build_registry

TEXT = (
    "Pakistan's Defence Minister Khawaja Asif accused Kabul of sheltering militants. "
    "Zabihullah Mujahid rejected the claim and praised Qatar for its mediation."
)
FIRST = TEXT[: TEXT.index(" Zabihullah")]
SECOND = TEXT[TEXT.index("Zabihullah") :]


def entity(n: int, phrase: str, label: str) -> dict[str, Any]:
    start = TEXT.index(phrase)
    return {"id": f"e{n}", "start": start, "end": start + len(phrase), "text": phrase, "label": label}


def stance(n: int, sentence: str, **fields: Any) -> dict[str, Any]:
    start = TEXT.index(sentence)
    span = {"id": f"s{n}", "start": start, "end": start + len(sentence), "text": sentence, "label": "STANCE"}
    return {**span, **fields}


ENTITIES = [
    entity(1, "Khawaja Asif", "PERSON"),
    entity(2, "Kabul", "GPE"),
    entity(3, "Zabihullah Mujahid", "PERSON"),
    entity(4, "Qatar", "GPE"),
]

# Gold as a person writes it: the first triple by names (with an alias), the second by entity link.
GOLD = [
    stance(
        1,
        FIRST,
        polarity="against",
        holder_canonical="Khawaja Asif",
        holder_aliases=["Asif"],
        target_canonical="Kabul",
    ),
    stance(
        2,
        SECOND,
        polarity="favor",
        holder="e3",
        holder_canonical="Zabihullah Mujahid",
        target="e4",
        target_canonical="Qatar",
    ),
]


def score(pred: list[dict[str, Any]]) -> Any:
    gold = Document.from_dict({"id": "d", "text": TEXT, "spans": {"entities": ENTITIES, "stance": GOLD}}, {})
    predicted = Document.from_dict(
        {"id": "d", "text": TEXT, "spans": {"entities": ENTITIES, "stance": pred}}, {}
    )
    result = evaluate(ScoredFile.of([gold]), ScoredFile.of([predicted]), build_registry(), ["stance"])
    return result.layers["stance"]


def test_right_holders_targets_and_polarities_are_correct_triples() -> None:
    pred = [
        stance(
            1,
            FIRST,
            polarity="against",
            holder="e1",
            holder_canonical="Asif",
            target="e2",
            target_canonical="Kabul",
        ),
        stance(
            2,
            SECOND,
            polarity="favor",
            holder="e3",
            holder_canonical="Mujahid",
            target="e4",
            target_canonical="Qatar",
        ),
    ]
    triples = score(pred).tables["triples"]
    assert (triples.gold, triples.pred, triples.tp) == (2, 2, 2)


def test_wrong_polarity_matches_the_position_but_is_not_a_correct_triple() -> None:
    pred = [
        stance(
            2,
            SECOND,
            polarity="against",
            holder="e3",
            holder_canonical="Zabihullah Mujahid",
            target="e4",
            target_canonical="Qatar",
        ),
    ]
    report = score(pred)
    assert report.tables["triples"].tp == 0
    assert report.figures["triple_matched"] == 1.0 and report.figures["triple_polarity_accuracy"] == 0.0
    assert report.spans["exact"].tp == 1  # the evidence itself is right


def test_a_wrong_target_in_the_right_sentence_is_no_match() -> None:
    pred = [
        stance(
            1,
            FIRST,
            polarity="against",
            holder="e1",
            holder_canonical="Khawaja Asif",
            target_canonical="Pakistan",
        ),
    ]
    report = score(pred)
    assert report.tables["triples"].tp == 0 and report.figures["triple_matched"] == 0.0
    assert report.spans["exact"].tp == 1


def test_one_prediction_never_earns_two_gold_positions() -> None:
    twice = [GOLD[1], {**GOLD[1], "id": "s3", "polarity": "favor"}]
    gold = Document.from_dict({"id": "d", "text": TEXT, "spans": {"entities": ENTITIES, "stance": twice}}, {})
    pred = Document.from_dict(
        {"id": "d", "text": TEXT, "spans": {"entities": ENTITIES, "stance": [GOLD[1]]}}, {}
    )
    triples = (
        evaluate(ScoredFile.of([gold]), ScoredFile.of([pred]), build_registry(), ["stance"])
        .layers["stance"]
        .tables["triples"]
    )
    assert (triples.gold, triples.pred, triples.tp) == (2, 1, 1)
