"""Speakers PolNeAR's train split showed us losing (issue 17, quotes4), on sentences written here."""

from __future__ import annotations

from annotator.testing import run_annotator, spans_of


def quotes(text: str) -> list:
    return spans_of(run_annotator("quotes", text), "quotes")


def test_quotes_straight_quote_closed_after_a_nested_single_quote_keeps_its_frame() -> None:
    # Washington Post style: the nested quote's closing mark, a space, then the outer one.
    text = (
        "\"They keep telling us, 'Just wait another year,' \" said Carla Benning, a nurse in Toledo. "
        '"We have waited long enough."'
    )
    first, second = quotes(text)
    assert first.text == "They keep telling us, 'Just wait another year,'"
    assert (first.kind, first.speaker_canonical) == ("direct", "Carla Benning")
    assert second.speaker_canonical == "Carla Benning"


def test_quotes_owner_of_a_statement_is_its_speaker() -> None:
    text = "Marta Lindqvist’s statement on Monday declared “the dispute is now closed.”"
    (span,) = quotes(text)
    assert span.speaker_canonical == "Marta Lindqvist"
    assert span.rule.endswith("message-owner")


def test_quotes_unnamed_owner_of_a_report_is_described() -> None:
    text = "The committee’s report concludes: “No further action is needed at this time.”"
    (span,) = quotes(text)
    assert span.speaker_text == "The committee’s report"
    assert span.speaker_description == "The committee"


def test_quotes_possessive_pronoun_owner_is_not_taken_from_the_noun() -> None:
    text = "Her statement said: “We will appeal the verdict.”"
    (span,) = quotes(text)
    assert span.speaker_text == "Her statement"
    assert "message-owner" not in span.rule


def test_quotes_name_glued_to_the_closing_mark_is_the_speaker() -> None:
    # No space after the closing mark: the tokenizer makes "decade,”Okafor" one token.
    text = (
        "Senator Grace Okafor toured farms near Ames on Friday.\n\n"
        "“We have not seen prices like this in a decade,”Okafor said. “Nobody is planting soy.”"
    )
    first, second = quotes(text)
    assert first.text == "We have not seen prices like this in a decade"
    assert (first.speaker_text, first.speaker_canonical) == ("Okafor", "Grace Okafor")
    assert second.speaker_canonical == "Grace Okafor"


def test_quotes_title_case_first_half_of_a_split_quote_is_speech() -> None:
    text = (
        "Judge Anita Ross looked up from the file. “Your Honor,” Daniel Price said, "
        "“I would like to explain what happened that night.”"
    )
    first, second = quotes(text)
    assert (first.text, first.kind, first.speaker_canonical) == ("Your Honor", "direct", "Daniel Price")
    assert second.speaker_canonical == "Daniel Price"


def test_quotes_title_inside_a_clause_before_a_frame_stays_a_title() -> None:
    text = "She appeared on “Morning Ledger,” the governor said, and defended the budget."
    spans = quotes(text)
    assert [s.kind for s in spans if s.text == "Morning Ledger"] == ["title"]


def test_quotes_term_a_subject_names_something_with_is_its_direct_quote() -> None:
    text = "Mayor Lena Hartwig called the new parking rules “a tax on shoppers” at Tuesday’s meeting."
    (span,) = quotes(text)
    assert (span.text, span.kind) == ("a tax on shoppers", "direct")
    assert span.speaker_canonical == "Lena Hartwig"
    assert span.rule.startswith("naming/")


def test_quotes_passive_naming_term_is_the_agent_s_quote() -> None:
    text = "The scheme has been dubbed “the quiet bailout” by Omar Reyes, an economist in Leeds."
    (span,) = quotes(text)
    assert (span.kind, span.speaker_canonical) == ("direct", "Omar Reyes")


def test_quotes_thing_named_without_a_namer_stays_unattributed() -> None:
    text = "The donations went to a charity called the “Open Doors Fund” in Ohio."
    (span,) = quotes(text)
    assert span.kind in {"scare", "title"}
    assert span.speaker_text is None


def test_quotes_sentence_reporting_something_else_does_not_frame_the_quote_before_it() -> None:
    text = (
        "“We were never told,” the union leader, Ada Brandt, said. “It shows no respect for the staff.” "
        "Paul Heyer said both sides would meet again in March."
    )
    spans = [s for s in quotes(text) if s.kind != "indirect"]
    second = next(s for s in spans if s.text.startswith("It shows"))
    assert second.speaker_canonical == "Ada Brandt"


def test_quotes_lower_case_frame_after_a_full_stop_still_attributes() -> None:
    text = "Ada Brandt spoke first. “We were never told.” she said."
    (span,) = quotes(text)
    assert span.speaker_canonical == "Ada Brandt"


def test_quotes_name_after_a_dash_before_the_colon_speaks() -> None:
    text = "Analysts agree - Dana Ortiz: “The turnout models were simply wrong this year.” [Blog.]"
    (span,) = quotes(text)
    assert span.speaker_canonical == "Dana Ortiz"
    assert span.rule.startswith("name-colon")


def test_quotes_run_of_unframed_quote_lines_keeps_one_speaker() -> None:
    text = (
        "Governor Ruth Alvarez spoke only in slogans during the interview.\n\n"
        "“We have to fix the roads and we have to do it now.”\n"
        "“We have to be a lot tougher with the contractors. They have had it easy.”\n"
        "“We are going to get it done before the winter comes.”"
    )
    spans = quotes(text)
    assert len(spans) == 3
    assert [s.speaker_canonical for s in spans] == ["Ruth Alvarez"] * 3
