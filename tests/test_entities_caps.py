"""All-capitals headlines: no whole-line organisations, names kept and found again (issue 16)."""

from __future__ import annotations

from annotator_entities.caps import is_caps_line, upper_forms, weigh
from annotator_entities.mentions import Mention

from annotator.testing import run_annotator, spans_of

RUGBY = "RUGBY - WARRIORS EDGE SHARKS IN SEASON OPENER\nGlasgow Warriors beat the Sharks 24-20 in Durban."


def entities(text: str) -> list:
    """Entity spans of ``text`` (the blocks layer runs first)."""
    return spans_of(run_annotator("entities", text), "entities")


def at(text: str, name: str, label: str) -> Mention:
    start = text.index(name)
    return Mention(start, start + len(name), name, label)


def test_caps_line_is_told_from_mixed_case() -> None:
    assert is_caps_line("RUGBY - WARRIORS EDGE SHARKS IN SEASON OPENER")
    assert is_caps_line("LONDON 2024-05-02")
    assert not is_caps_line("Glasgow Warriors beat the Sharks 24-20 in Durban.")


def test_caps_whole_headline_is_not_one_organisation() -> None:
    line = at(RUGBY, "WARRIORS EDGE SHARKS IN SEASON OPENER", "ORG")
    assert weigh(RUGBY, [line]) == []


def test_caps_name_in_headline_is_kept_with_less_weight() -> None:
    name = at(RUGBY, "SHARKS", "ORG")
    kept = weigh(RUGBY, [name])
    assert [m.text for m in kept] == ["SHARKS"] and kept[0].weight < Mention(0, 1, "x", "ORG").weight


def test_caps_place_of_a_dateline_is_not_dropped() -> None:
    text = "NEW YORK 2024-05-02\nShares rose on Wall Street on Wednesday."
    assert [m.text for m in weigh(text, [at(text, "NEW YORK", "GPE")])] == ["NEW YORK"]


def test_caps_mixed_case_mentions_are_untouched() -> None:
    warriors = at(RUGBY, "Glasgow Warriors", "ORG")
    assert weigh(RUGBY, [warriors])[0].rule == "model"


def test_caps_forms_leave_out_words_the_text_writes_in_lower_case() -> None:
    text = "Theresa May said the vote may be delayed.\nBERLIN TALKS"
    assert upper_forms(["May", "Berlin", "Theresa May"], text) == {
        "BERLIN": "Berlin",
        "THERESA MAY": "Theresa May",
    }


def test_entities_all_caps_headline_names_are_found_from_the_body() -> None:
    text = (
        "MERKEL MEETS MACRON IN BERLIN\n"
        "German Chancellor Angela Merkel met French President Emmanuel Macron in Berlin on Monday. "
        "Merkel said the talks were useful."
    )
    headline = {(s.text, s.label) for s in entities(text) if s.end <= text.index("\n")}
    assert headline == {("MERKEL", "PERSON"), ("MACRON", "PERSON"), ("BERLIN", "GPE")}


def test_entities_caps_headline_takes_the_body_label() -> None:
    text = (
        "BRUSSELS SUMMIT ENDS WITHOUT DEAL\n"
        "European Union leaders failed to agree a budget in Brussels on Friday."
    )
    spans = entities(text)
    caps = [s for s in spans if s.text == "BRUSSELS"]
    assert caps and caps[0].label == "GPE"
    assert caps[0].entity_id == next(s.entity_id for s in spans if s.text == "Brussels")
