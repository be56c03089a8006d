"""Speakers PolNeAR showed us losing (issue 17, quotes5), on sentences written here."""

from __future__ import annotations

from annotator.testing import run_annotator, spans_of


def quotes(text: str) -> list:
    return spans_of(run_annotator("quotes", text), "quotes")


def test_quotes_doubled_apostrophe_quote_after_a_comma_stands_apart() -> None:
    # New York Times style marks: the first apostrophe of the opening pair is not the text before it.
    text = (
        "As for the schedule, ''building the new terminal will take at least four years,'' "
        "said Ms. Okonkwo, who leads the airport authority."
    )
    (span,) = quotes(text)
    assert span.kind == "direct"
    assert span.text.startswith("building the new terminal")
    assert span.speaker_text == "Ms. Okonkwo"


def test_quotes_quote_ending_in_a_nested_quote_and_comma_keeps_its_trailing_frame() -> None:
    text = (
        "Mayor Ruth Calder opened the hearing on Tuesday. "
        "Councilman Peter Vance interrupted her: “Residents are tired of the promises you called "
        "‘temporary measures,’” he said."
    )
    found = [s for s in quotes(text) if s.kind != "indirect"]
    assert [(s.kind, s.speaker_canonical) for s in found] == [("direct", "Peter Vance")]


def test_quotes_pronoun_after_a_quote_refers_to_the_person_named_before_it_in_its_sentence() -> None:
    text = (
        "“We will not raise fares this year,” said Linda Park, the transit director.\n\n"
        "Councilman Peter Vance interrupted her at the hearing: “Then who pays for the new buses?” "
        "he said."
    )
    second = [s for s in quotes(text) if s.kind == "direct"][1]
    assert second.speaker_text == "he"
    assert second.speaker_canonical == "Peter Vance"


def test_quotes_participle_right_after_a_name_is_the_names_speech() -> None:
    text = (
        "The new ad uses footage of Governor Dana Whitfield asking, "
        "“Why should anyone trust a promise like that?”"
    )
    (span,) = [s for s in quotes(text) if s.kind == "direct"]
    assert span.speaker_canonical == "Dana Whitfield"


def test_quotes_participle_after_the_addressee_of_a_letter_is_the_writers() -> None:
    text = (
        "Mayor Greg Hollins wrote a letter to Attorney General Maria Lindqvist asking her office "
        "to look into what he called “a disgraceful failure.”"
    )
    spans = quotes(text)
    assert all(s.speaker_canonical != "Maria Lindqvist" for s in spans)


def test_quotes_second_half_hanging_from_the_same_cue_keeps_the_named_speaker() -> None:
    # New York Times style: one "told" frames both halves; the parse gives the second no subject.
    text = (
        "''You handled that crowd well, Madam Mayor,'' Councilman Peter Odum, Republican of the "
        "third ward, told Mayor Ruiz as he waited for his photograph at the holiday party last week. "
        "''Nobody else could have done it.''"
    )
    first, second = [s for s in quotes(text) if s.kind == "direct"]
    assert first.speaker_canonical == "Peter Odum"
    assert second.speaker_canonical == "Peter Odum"
    assert second.rule.endswith("same-cue")


def test_quotes_sign_that_reads_a_quote_is_its_holders() -> None:
    text = (
        "At a rally in Concord on Saturday, 14-year-old Maya Lindgren hoisted a sign that read "
        '"Count every vote!" Her father stood beside her.'
    )
    (span,) = [s for s in quotes(text) if s.kind == "direct"]
    assert span.speaker_canonical == "Maya Lindgren"
    assert span.rule.endswith("message-holder")


def test_quotes_relative_pronoun_of_a_person_still_names_that_person() -> None:
    text = (
        "The vote was delayed by Councilwoman Irene Castillo, who said, "
        "“We cannot approve a budget nobody has read.”"
    )
    (span,) = [s for s in quotes(text) if s.kind == "direct"]
    # The entities layer keeps the title in this canonical name.
    assert span.speaker_canonical.endswith("Irene Castillo")
    assert span.rule.endswith("relative-pronoun")
