"""Names in headlines and datelines: kept unless evidence is against them (issue 16)."""

from __future__ import annotations

import pytest
from annotator_entities.datelines import dateline_places
from annotator_entities.evidence import against, is_common, lexicon, weigh_heading
from annotator_entities.mentions import Mention

from annotator.testing import run_annotator, spans_of


def entities(text: str) -> list:
    """Entity spans of ``text`` (the blocks layer runs first)."""
    return spans_of(run_annotator("entities", text), "entities")


def mention(text: str, name: str, label: str) -> Mention:
    """A model mention of the first ``name`` in ``text``."""
    start = text.index(name)
    return Mention(start, start + len(name), name, label)


@pytest.mark.parametrize(
    "word", ["Clashes", "Ceasefire", "Breakdown", "Talks", "Resume", "Stranded", "Reach"]
)
def test_evidence_common_words_are_common(word: str) -> None:
    assert is_common(word, lexicon())


@pytest.mark.parametrize("word", ["Cairo", "Pakistan", "Kabul", "Paris", "London", "Moscow", "Taliban"])
def test_evidence_place_and_group_names_are_not_common(word: str) -> None:
    assert not is_common(word, lexicon())


HEADLINE_DOC = (
    "Clashes and Ceasefire Breakdown\n"
    "Fighting resumed along the border on Sunday after a week of calm, local officials said."
)


def test_evidence_turns_away_common_words_named_nowhere_else() -> None:
    assert against(mention(HEADLINE_DOC, "Ceasefire Breakdown", "PERSON"), HEADLINE_DOC, lexicon())


def test_evidence_keeps_common_words_the_document_names_again() -> None:
    text = "Ceasefire Breakdown\nThe Ceasefire Breakdown campaign group said it would march on Sunday."
    assert not against(mention(text, "Ceasefire Breakdown", "ORG"), text, lexicon())


def test_evidence_keeps_a_place_in_a_headline() -> None:
    text = "Peace Talks Resume in Cairo\nNegotiators returned to Egypt's capital on Monday."
    kept = weigh_heading(mention(text, "Cairo", "GPE"), text, lexicon())
    assert kept is not None and kept.text == "Cairo" and kept.rule == "heading"


def test_evidence_trims_a_headline_verb_off_a_name_named_again() -> None:
    text = (
        "Pakistan Blames Kabul for Inaction Against Militants\n"
        "Pakistan's foreign office said on Wednesday that Kabul had failed to act against militants."
    )
    kept = weigh_heading(mention(text, "Blames Kabul", "PERSON"), text, lexicon())
    assert kept is not None and (kept.start, kept.text) == (text.index("Kabul"), "Kabul")


def test_entities_headline_names_are_kept() -> None:
    text = (
        "Pakistan Blames Kabul for Inaction Against Militants\n"
        "Pakistan's foreign office said on Wednesday that the government in Kabul had failed to act "
        "against militants sheltering near the border."
    )
    headline = [s for s in entities(text) if s.end <= text.index("\n")]
    assert {s.text for s in headline} >= {"Pakistan", "Kabul"}
    assert all(s.label == "GPE" for s in headline)


def test_entities_common_word_heading_yields_no_entity() -> None:
    text = HEADLINE_DOC + " Pakistan said Afghan forces fired first."
    assert [s.text for s in entities(text) if s.end <= text.index("\n")] == []


@pytest.mark.parametrize(
    ("line", "places"),
    [
        ("ISLAMABAD, Oct 29 (Reuters) -", ["ISLAMABAD"]),
        ("GATWICK, England 2024-05-02", ["GATWICK", "England"]),
        ("RIO DE JANEIRO, Brazil May 3", ["RIO DE JANEIRO", "Brazil"]),
        ("(The Post News)", []),
        ("30 October 2025", []),
    ],
)
def test_datelines_name_their_places(line: str, places: list[str]) -> None:
    assert [m.text for m in dateline_places(line, [(0, len(line))])] == places


def test_entities_dateline_place_is_kept() -> None:
    text = (
        "Soldiers Killed Near Afghan Border\n"
        "ISLAMABAD, Oct 29 (Reuters) - Pakistan's army said on Wednesday that two soldiers were killed "
        "near the Afghan border, and officials in Islamabad blamed militants based across it."
    )
    found = {(s.text, s.label) for s in entities(text)}
    assert ("ISLAMABAD", "GPE") in found and ("Pakistan", "GPE") in found
