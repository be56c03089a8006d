"""Context cues in the label vote and names in results rows (issue 16)."""

from __future__ import annotations

import pytest
from annotator_entities.contexts import cue
from annotator_entities.mentions import Mention
from annotator_entities.tables import split_rows

from annotator.testing import run_annotator, spans_of


def entities(text: str) -> list:
    """Entity spans of ``text`` (the blocks layer runs first)."""
    return spans_of(run_annotator("entities", text), "entities")


def at(text: str, name: str, label: str, n: int = 0) -> Mention:
    """A model mention of the ``n``-th ``name`` in ``text``."""
    start = -1
    for _ in range(n + 1):
        start = text.index(name, start + 1)
    return Mention(start, start + len(name), name, label)


@pytest.mark.parametrize(
    ("text", "name", "label", "kind"),
    [
        ("Talks were held in Durban on Friday.", "Durban", "ORG", "place"),
        ("Mr Okafor told the hearing he had resigned.", "Okafor", "ORG", "title"),
        ("Shares in Brennan Holdings Plc fell 5 percent.", "Brennan Holdings Plc", "PERSON", "org-word"),
        ("Detroit 5 Cleveland 3", "Cleveland", "GPE", "team"),
        ("Detroit 5 Cleveland 3", "Detroit", "GPE", "team"),
        ("Ana Ruiz said the deal was off.", "Ana Ruiz", "ORG", "speech"),
        ("The report was written in English by two scholars.", "English", "LANGUAGE", None),
        ("Visitors to Detroit rose 5 percent in 2024.", "Detroit", "GPE", None),
    ],
)
def test_contexts_cue_reads_the_words_around(text: str, name: str, label: str, kind: str | None) -> None:
    assert cue(text, at(text, name, label)) == kind


def test_entities_place_context_outvotes_one_model_label() -> None:
    text = "Talks were held in Durban on Friday. Officials in Durban said the port was closed."
    assert {s.label for s in entities(text) if s.text == "Durban"} == {"GPE"}


def test_entities_city_teams_in_a_results_table_are_organisations() -> None:
    text = "BASEBALL RESULTS\nDetroit 5 Cleveland 3\nBoston 2 Toronto 1\nSeattle 7 Oakland 4"
    labels = {s.text: s.label for s in entities(text)}
    assert labels and all(label == "ORG" for label in labels.values()), labels


def test_tables_split_a_mention_at_its_scores() -> None:
    text = "Lyon 0 Nantes 0\nLens 1 Brest 4"
    row = at(text, "Lens 1 Brest 4", "ORG")
    assert [m.text for m in split_rows(text, [row])] == ["Lens", "Brest"]


def test_tables_leave_figures_of_prose_names_alone() -> None:
    text = "The airline filed for Chapter 11 protection on Monday."
    name = at(text, "Chapter 11", "LAW")
    assert split_rows(text, [name]) == [name]
