"""Quotes credited after a dash, on their own line or the next (issue 17, quotes5), on text written here."""

from __future__ import annotations

import pytest

from annotator.testing import run_annotator, spans_of


def quotes(text: str) -> list:
    """The quoted (not reported) quotes of ``text``: the introductions report what was asked."""
    return [s for s in spans_of(run_annotator("quotes", text), "quotes") if s.kind != "indirect"]


@pytest.mark.parametrize(
    ("line", "speaker"),
    [
        (
            "“The new bus line changed my mornings. I get to work in twenty minutes now.” ― Maria Ostrowski",
            "Maria Ostrowski",
        ),
        ("“We waited three years for this bridge, and it was worth it.” — Tomas Reyes.", "Tomas Reyes"),
        (
            "“Nobody asked the farmers what they needed before the rules were written.” - Alan\u00a0Whitcomb",
            "Alan\u00a0Whitcomb",
        ),
    ],
    ids=["horizontal-bar", "em-dash-full-stop", "no-break-space"],
)
def test_quotes_credit_after_the_quote_on_its_line_names_the_speaker(line: str, speaker: str) -> None:
    text = f"We asked commuters what they thought of the new transit plan.\n\n{line}\n"
    (span,) = quotes(text)
    assert span.kind == "direct"
    assert span.speaker_text == speaker
    assert span.rule.startswith("credit-line")


def test_quotes_each_line_of_a_list_of_answers_keeps_its_own_credit() -> None:
    text = (
        "Readers told us how they felt after the debate.\n"
        "“I was embarrassed for the whole country. It felt like a reality show.” ― Janet Kowalski\n"
        "“He never answered a single question about jobs in this town.” ― Luis Ferreira\n"
        "“I will vote, but I will hold my nose while I do it.” ― Priya Raman\n"
    )
    spans = quotes(text)
    assert [s.speaker_text for s in spans] == ["Janet Kowalski", "Luis Ferreira", "Priya Raman"]


def test_quotes_byline_after_a_reported_sentence_is_no_credit() -> None:
    # The quote is part of the writer's sentence; the name after the dash signs the brief.
    text = 'Mayor Diaz said the city would "balance the budget by spring."--Helen Marsh.'
    (span,) = quotes(text)
    assert span.speaker_canonical != "Helen Marsh"
    assert "credit-line" not in span.rule


def test_quotes_credit_on_the_next_line_still_names_the_speaker() -> None:
    text = "“I have never seen a campaign like this one, and I hope I never will again.”\n- Bernie Sanders.\n"
    (span,) = quotes(text)
    assert (span.kind, span.speaker_canonical) == ("direct", "Bernie Sanders")
