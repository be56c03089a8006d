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
