"""Titles of shows and outlets next to a cue are not quotes with a speaker."""

from __future__ import annotations

import pytest

from annotator.testing import run_annotator, spans_of


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("The governor said on “Meet the Press” that the budget would pass by June.", "Meet the Press"),
        ("Ms. Okafor told “Fox News Sunday” that she would not run again.", "Fox News Sunday"),
    ],
)
def test_quotes_title_next_to_a_cue_has_no_speaker(text: str, title: str) -> None:
    spans = [s for s in spans_of(run_annotator("quotes", text), "quotes") if s.text == title]
    assert len(spans) == 1
    assert spans[0].kind == "title"
    assert spans[0].speaker_text is None


def test_quotes_one_word_exclamation_stays_a_direct_quote() -> None:
    text = "“Enough,” said the harbour master, Tomas Reyes, as the crowd pressed forward."
    spans = [s for s in spans_of(run_annotator("quotes", text), "quotes") if s.text == "Enough"]
    assert len(spans) == 1
    assert spans[0].kind == "direct"
