"""The stance plugin on real news sentences: holders, targets, polarity, negation, hedges, quotes."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import seed

from annotator.testing import assert_valid, run_annotator


def triples(text: str, meta: dict[str, Any] | None = None) -> set[tuple[str, str, str]]:
    """(holder canonical, target canonical, polarity) of every stance span in ``text``."""
    doc = run_annotator("stance", text, meta=meta)
    return {(s.holder_canonical, s.target_canonical, s.polarity) for s in doc.layer("stance")}


def stance_spans(text: str) -> list[Any]:
    return run_annotator("stance", text).layer("stance")


@pytest.fixture(scope="module")
def seed001(seed_texts: dict[str, str]) -> Any:
    sid, text = seed(seed_texts, "001")
    return run_annotator("stance", text, doc_id=sid)


def test_stance_seed001_tarar_against_taliban_government(seed001: Any) -> None:
    span = next(s for s in seed001.layer("stance") if s.holder_canonical == "Attaullah Tarar")
    assert (span.target_canonical, span.polarity, span.cue.lemma) == ("Taliban", "against", "accuse")
    assert "of not doing anything" in span.text


def test_stance_seed001_asif_against_taliban_by_annihilate(seed001: Any) -> None:
    found = {
        (s.holder_canonical, s.target_canonical, s.polarity)
        for s in seed001.layer("stance")
        if s.cue.lemma == "annihilate"
    }
    assert found == {("Khawaja Asif", "Taliban", "against")}


def test_stance_seed001_urging_to_eradicate_is_against_the_groups(seed001: Any) -> None:
    found = {
        (s.holder_canonical, s.target_canonical)
        for s in seed001.layer("stance")
        if s.cue.lemma == "eradicate"
    }
    assert {(h, "Balochistan Liberation Army") for h in ("China", "Russia", "Iran")} <= found
    assert all(s.polarity == "against" for s in seed001.layer("stance") if s.cue.lemma == "eradicate")


def test_stance_seed001_urging_does_not_make_the_urged_a_target(seed001: Any) -> None:
    urged = [
        s for s in seed001.layer("stance") if s.cue.lemma == "eradicate" and s.target_canonical == "Taliban"
    ]
    assert urged == []


def test_stance_seed001_layer_and_summary_are_valid(seed001: Any) -> None:
    assert_valid(seed001)
    pairs = {(p.holder_canonical, p.target_canonical): p for p in seed001.summaries["stance"].pairs}
    tarar = pairs[("Attaullah Tarar", "Taliban")]
    assert tarar.polarity == "against"
    assert all(seed001.span_index()[i].holder_canonical == "Attaullah Tarar" for i in tarar.evidence)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Interior Minister Mohsin Naqvi blamed India for the bombing in Islamabad on Tuesday.",
            ("Mohsin Naqvi", "India", "against"),
        ),
        (
            "The European Union condemned Russia for the missile strike on a Kyiv hospital.",
            ("European Union", "Russia", "against"),
        ),
        ("Qatar praised Turkey for its role in hosting the talks.", ("Qatar", "Turkey", "favor")),
        ("India backed Bhutan's bid for a seat on the council.", ("India", "Bhutan", "favor")),
        ("Ankara called on Baghdad to crack down on the PKK.", ("Ankara", "PKK", "against")),
    ],
)
def test_stance_clear_cases(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(text)


def test_stance_passive_agent_is_the_holder() -> None:
    assert triples("Kabul was accused by Islamabad of harbouring the militants.") == {
        ("Islamabad", "Kabul", "against")
    }


@pytest.mark.parametrize(
    "text",
    [
        "Qatar did not blame Pakistan for the collapse of the talks.",
        "Russia refused to condemn Iran for the attack.",
        "China has never criticized the Taliban in public.",
        "Turkey did not back Afghanistan in the dispute.",
    ],
)
def test_stance_negation_removes_polarity_by_default(text: str) -> None:
    assert triples(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "The TTP attacked a checkpoint in Khyber Pakhtunkhwa on Monday.",
        "A report on the Taliban was praised by reviewers for its detail.",
        "Pakistan's meteorological office warned of heavy snow in Gilgit.",
        "India and Pakistan will play each other in Dubai on Sunday.",
    ],
)
def test_stance_distractors_yield_nothing(text: str) -> None:
    assert triples(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Islamabad reportedly accused Kabul of stalling the negotiations.",
        "Moscow apparently blamed Kyiv for the drone attack on the plant.",
        "Tehran may condemn Washington for the new sanctions, diplomats said.",
    ],
)
def test_stance_hedge_weakens_without_flipping(text: str) -> None:
    span = stance_spans(text)[0]
    assert (span.polarity, span.hedged, span.negated) == ("against", True, False)
    assert span.score < 0.9 * 0.7


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Pakistan accused Kabul of sheltering militants, while Afghanistan blamed Islamabad "
            "for the violence.",
            {("Pakistan", "Kabul", "against"), ("Afghanistan", "Islamabad", "against")},
        ),
        (
            "China praised Pakistan's restraint, but India condemned Pakistan for the shelling.",
            {("China", "Pakistan", "favor"), ("India", "Pakistan", "against")},
        ),
        (
            "Armenia and Azerbaijan accused each other of violating the truce.",
            {("Armenia", "Azerbaijan", "against"), ("Azerbaijan", "Armenia", "against")},
        ),
    ],
)
def test_stance_two_holders_in_one_sentence(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert triples(text) == expected


def test_stance_quote_speaker_holds_the_quoted_stance() -> None:
    text = '"We will crush the TTP wherever they hide," Defence Minister Khawaja Asif told reporters.'
    span = stance_spans(text)[0]
    assert (span.holder_canonical, span.target_canonical, span.polarity) == ("Khawaja Asif", "TTP", "against")
    assert span.quote is not None and span.rule == "quote:crush"


def test_stance_cue_points_at_its_word() -> None:
    text = "Senator Lindsey Graham criticized the Pentagon over the slow delivery of air defence systems."
    cue = stance_spans(text)[0].cue
    assert (text[cue.start : cue.end], cue.text, cue.lemma) == ("criticized", "criticized", "criticize")


def test_stance_evidence_is_the_sentence_of_the_cue() -> None:
    text = "Talks resumed on Monday. Islamabad accused Kabul of stalling. Qatar hosted them."
    assert [s.text for s in stance_spans(text)] == ["Islamabad accused Kabul of stalling."]


def test_stance_summary_nets_mixed_evidence_per_pair() -> None:
    text = (
        "Qatar praised Turkey for hosting the talks. Later, Qatar criticised Turkey over the delays. "
        "Qatar also condemned Turkey for the leaks."
    )
    doc = run_annotator("stance", text)
    (pair,) = doc.summaries["stance"].pairs
    assert (pair.polarity, pair.counts) == ("against", {"against": 2, "favor": 1})
    assert pair.evidence == [s.id for s in doc.layer("stance")]
    assert 0.0 < pair.score < 0.9
