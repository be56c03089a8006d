"""The entities layer: whole bare names, one entity per name, acronyms and aliases (issues 2 and 3)."""

from __future__ import annotations

import pytest
from annotator_entities.model import RULES
from conftest import seed

from annotator.testing import assert_valid, find_span, run_annotator, spans_of


def entities(text: str) -> list:
    """Entity spans of ``text`` (the blocks layer runs first)."""
    return spans_of(run_annotator("entities", text), "entities")


def test_entities_seed_000_khawaja_asif_is_person(seed_texts: dict[str, str]) -> None:
    _, text = seed(seed_texts, "000")
    assert find_span(entities(text), "Khawaja Asif").label == "PERSON"


def test_entities_seed_001_asif_shares_entity_id(seed_texts: dict[str, str]) -> None:
    _, text = seed(seed_texts, "001")
    spans = entities(text)
    full = find_span(spans, "Khawaja Asif")
    later = [s for s in spans if s.text == "Asif" and s.start > full.start]
    assert later and all(s.entity_id == full.entity_id for s in later)
    assert full.canonical == "Khawaja Asif"


def test_entities_initials_join_the_person() -> None:
    text = (
        "Defence Minister Khawaja Asif warned Kabul on Wednesday. Asif said the army was ready.\n"
        "— Khawaja M. Asif (@KhawajaMAsif) October 29, 2025"
    )
    spans = entities(text)
    ids = {s.entity_id for s in spans if s.text in ("Khawaja Asif", "Asif", "Khawaja M. Asif")}
    assert len(ids) == 1 and find_span(spans, "Asif").canonical == "Khawaja M. Asif"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Pakistan's Defence Minister Khawaja Asif issued a stark warning on Wednesday.", "Khawaja Asif"),
        (
            "Pakistan's Information Minister Attaullah Tarar confirmed the collapse of talks.",
            "Attaullah Tarar",
        ),
        (
            "Islamabad accuses Kabul of harbouring the Pakistani Taliban, a militant group.",
            "Pakistani Taliban",
        ),
        (
            "The talks were mediated by the Foundation for Defense of Democracies, it said.",
            "Foundation for Defense of Democracies",
        ),
    ],
)
def test_entities_titles_and_the_stay_outside(text: str, name: str) -> None:
    span = find_span(entities(text), name)
    assert (span.start, span.end) == (text.index(name), text.index(name) + len(name))


DEFINITIONS = [
    (
        "Islamabad has long accused the Taliban government of harboring members of Tehrik-i-Taliban "
        "Pakistan (TTP), a separate extremist group. The TTP has confirmed his death.",
        "Tehrik-i-Taliban Pakistan",
        "TTP",
    ),
    (
        "China, Russia and Iran urged the Taliban to eradicate militant groups, including the Islamic "
        "State Khorasan Province (ISKP). Analysts say ISKP has grown stronger since 2021.",
        "Islamic State Khorasan Province",
        "ISKP",
    ),
    (
        "Research by the Armed Conflict Location & Event Data Project (ACLED) shows more than 600 attacks "
        "in 2024. ACLED counted fewer attacks the year before.",
        "Armed Conflict Location & Event Data Project",
        "ACLED",
    ),
]


@pytest.mark.parametrize(("text", "long_form", "acronym"), DEFINITIONS)
def test_entities_acronym_joins_its_long_form(text: str, long_form: str, acronym: str) -> None:
    spans = entities(text)
    whole = find_span(spans, long_form)
    shorts = [s for s in spans if s.text == acronym]
    assert len(shorts) == 2 and {s.entity_id for s in shorts} == {whole.entity_id}
    assert whole.canonical == long_form and acronym in whole.aliases and whole.label == "ORG"


def test_entities_parenthesised_alias_joins_the_name() -> None:
    text = (
        "Islamabad accuses Kabul of harbouring the Pakistani Taliban (TTP) a militant group responsible "
        "for numerous attacks inside Pakistan. A security official said TTP fighters crossed at night."
    )
    spans = entities(text)
    assert {s.entity_id for s in spans if s.text in ("Pakistani Taliban", "TTP")} == {
        find_span(spans, "Pakistani Taliban").entity_id
    }


def test_entities_chained_name_is_whole() -> None:
    text = (
        "On Thursday, Pakistan said it had killed Qari Amjad, the deputy leader of Tehrik-i-Taliban Pakistan."
    )
    assert find_span(entities(text), "Tehrik-i-Taliban").label == "ORG"


def test_entities_demonym_of_a_named_country_is_norp(seed_texts: dict[str, str]) -> None:
    _, text = seed(seed_texts, "000")
    labels = {s.label for s in entities(text) if s.text == "Pakistani"}
    assert labels == {"NORP"}


def test_entities_a_country_spelled_like_a_neighbours_demonym_stays_a_place() -> None:
    # "Iraq" less its "q" plus the demonym suffix "n" spells "Iran": a country name is no demonym.
    text = (
        "Iraq and Iran agreed on Sunday to reopen their border crossings. Iraqi officials said "
        "Iran would send a delegation to Baghdad next week, while Iranian traders welcomed the deal."
    )
    found = {(s.text, s.label) for s in entities(text)}
    assert ("Iran", "GPE") in found and ("Iran", "NORP") not in found
    assert ("Iraqi", "NORP") in found and ("Iranian", "NORP") in found


@pytest.mark.parametrize(
    "text",
    [
        "Pakistan's Defence Minister Khawaja Asif issued a stark warning.",
        "He warned that if Supreme Leader Haibatullah Akhunzada were to call for a jihad, many would join.",
    ],
)
def test_entities_title_words_alone_are_not_entities(text: str) -> None:
    assert not [s for s in entities(text) if s.text in ("Defence", "Supreme", "Supreme Leader")]


def test_entities_heading_words_are_not_people() -> None:
    text = (
        "Despite the truce, weekend firefights killed at least five Pakistani soldiers.\n"
        "Clashes and Ceasefire Breakdown\n"
        "Earlier this month, Pakistan launched airstrikes in Kabul and other Afghan cities."
    )
    spans = entities(text)
    assert not [s for s in spans if "Breakdown" in s.text]
    assert find_span(spans, "Kabul").label == "GPE"


def test_entities_heading_keeps_names_the_body_uses() -> None:
    text = (
        "Pakistan Blames Kabul for Inaction Against Militants\n"
        "Pakistani officials said the talks in Istanbul stalled. Kabul rejected the claims on Tuesday."
    )
    spans = entities(text)
    heading_kabul = find_span(spans, "Kabul")
    assert heading_kabul.start < text.index("\n") and heading_kabul.label == "GPE"
    assert not [s for s in spans if s.text == "Blames Kabul"]


def test_entities_surname_found_again_joins_the_person() -> None:
    text = (
        "Bill Roggio, Senior Fellow at the Foundation for Defense of Democracies, weighed in on Monday. "
        "“China and the Taliban will never allow the US to retake Bagram Airbase,” Roggio said."
    )
    spans = entities(text)
    assert find_span(spans, "Roggio").entity_id == find_span(spans, "Bill Roggio").entity_id


def test_entities_every_span_has_rule_and_confidence(seed_texts: dict[str, str]) -> None:
    _, text = seed(seed_texts, "001")
    doc = run_annotator("entities", text)
    for span in spans_of(doc, "entities"):
        assert span.rule in RULES and span.confidence is not None and 0 < span.confidence <= 1
    assert_valid(doc)
