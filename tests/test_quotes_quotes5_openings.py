"""Short quotes that open their sentence and are attributed at once (issue 17, quotes5)."""

from __future__ import annotations

from annotator.testing import run_annotator, spans_of


def quotes(text: str) -> list:
    return [s for s in spans_of(run_annotator("quotes", text), "quotes") if s.kind != "indirect"]


def test_quotes_short_quote_with_a_cue_and_a_name_after_it_is_speech() -> None:
    # The parse reads "tweeted" as an adjective of the name; the speaker is the last name after it.
    text = '"Game over," tweeted Cruz adviser Jason Miller on Tuesday. "The polls were wrong again."'
    first, second = quotes(text)
    assert (first.kind, first.speaker_canonical) == ("direct", "Jason Miller")
    assert first.speaker_text == "Cruz adviser Jason Miller"
    assert second.speaker_canonical == "Jason Miller"


def test_quotes_short_quote_opening_its_sentence_with_an_unlisted_verb_is_speech() -> None:
    text = (
        "The mayor took questions for an hour on Monday. "
        '"Your work is amazing," Mayor Ruth Calder assured the volunteers before she left.'
    )
    (span,) = quotes(text)
    assert span.kind == "direct"
    assert "Ruth Calder" in (span.speaker_canonical or "")


def test_quotes_scare_term_inside_the_writers_clause_stays_a_scare_quote() -> None:
    text = "The council backed what critics call the “sin levy,” the mayor said on Monday."
    found = quotes(text)
    assert all(s.kind != "direct" for s in found)
