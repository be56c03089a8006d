"""Quoted sentences the parse hangs inside a reported clause stay direct (issue 17, quotes3)."""

from __future__ import annotations

from annotator.testing import run_annotator, spans_of


def quotes(text: str) -> list:
    return spans_of(run_annotator("quotes", text), "quotes")


def test_quotes_trailing_frame_after_comma_makes_the_quote_direct() -> None:
    text = "As for the new tariffs, “I mostly ignore them,” said Ruth Adler, who runs a bakery in Dayton."
    (span,) = quotes(text)
    assert (span.text, span.kind) == ("I mostly ignore them", "direct")
    assert span.speaker_canonical == "Ruth Adler"


def test_quotes_words_after_a_leading_quoted_sentence_belong_to_the_frame() -> None:
    text = (
        "Asked about the strike, Tomas Berg said, “We will not go back,” "
        "before leaving the hall with the other delegates."
    )
    (span,) = quotes(text)
    assert (span.text, span.kind) == ("We will not go back", "direct")
    assert span.speaker_canonical == "Tomas Berg"


def test_quotes_leading_quote_then_a_conjoined_verb_is_direct() -> None:
    text = (
        "Ines Moreau wrote to her supporters, “The fight goes on,” "
        "and asked them to vote in the final primary next week."
    )
    (span,) = quotes(text)
    assert (span.text, span.kind, span.speaker_canonical) == ("The fight goes on", "direct", "Ines Moreau")


def test_quotes_fragment_inside_a_reported_clause_stays_mixed() -> None:
    text = "The minister said the talks had “stalled badly,” and that a new round would start in May."
    (span,) = quotes(text)
    assert span.kind == "mixed"
    assert span.text.startswith("the talks had")


def test_quotes_fragment_closing_a_clause_before_its_frame_stays_mixed() -> None:
    text = (
        "In one memo, Dana Whitfield described how she had left a folder in a “secure room,” "
        "an aide said on Friday."
    )
    (span,) = quotes(text)
    assert span.kind == "mixed"
    assert span.text.startswith("In one memo")
    assert span.speaker_text == "an aide"


def test_quotes_document_after_the_quote_is_its_source_when_the_cue_has_no_subject() -> None:
    # The parse gives "read" no subject here; the words between the mark and the cue name the source.
    text = "“If the council wants the vote, it should hold it in May,” the editorial read."
    (span,) = quotes(text)
    assert span.kind == "direct"
    assert span.speaker_description is not None and span.speaker_description.endswith("editorial")


def test_quotes_curly_possessive_is_not_a_glued_closing_mark() -> None:
    text = "Governor Ruth Okoye’s campaign slogan is “We build together.” She repeats it at every stop."
    (span,) = quotes(text)
    assert span.speaker_text == "Governor Ruth Okoye’s campaign slogan"
