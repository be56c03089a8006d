"""Issue 3's acceptance on the seed corpus."""

from __future__ import annotations

import pytest
from annotator_blocks import covering
from conftest import seed

from annotator.testing import run_annotator, spans_of

SEEDS = ["000", "001", "002", "003", "004"]


def annotated(seed_texts: dict[str, str], prefix: str):
    _, text = seed(seed_texts, prefix)
    return run_annotator("entities", text)


@pytest.mark.parametrize("prefix", SEEDS)
def test_entities_seeds_no_person_in_headings_or_furniture(seed_texts: dict[str, str], prefix: str) -> None:
    doc = annotated(seed_texts, prefix)
    blocks = [b for b in spans_of(doc, "blocks") if b.label in ("HEADING", "FURNITURE", "DATELINE")]
    assert blocks, "every seed has a heading, dateline or furniture line"
    people = [s.text for s in spans_of(doc, "entities", "PERSON") if covering(blocks, s.start, s.end)]
    assert people == []


@pytest.mark.parametrize("prefix", SEEDS)
def test_entities_seeds_taliban_has_one_label(seed_texts: dict[str, str], prefix: str) -> None:
    spans = [s for s in spans_of(annotated(seed_texts, prefix), "entities") if s.text == "Taliban"]
    assert len(spans) >= 2 and len({s.label for s in spans}) == 1 and len({s.entity_id for s in spans}) == 1


@pytest.mark.parametrize(
    ("prefix", "long_form"),
    [
        ("001", "Tehreek-e-Taliban Pakistan"),
        ("003", "Tehrik-i-Taliban Pakistan"),
        ("004", "Tehrik-i-Taliban Pakistan"),
    ],
)
def test_entities_seeds_ttp_joins_its_definition(
    seed_texts: dict[str, str], prefix: str, long_form: str
) -> None:
    spans = spans_of(annotated(seed_texts, prefix), "entities")
    cluster = {s.entity_id for s in spans if s.text == long_form}
    assert len(cluster) == 1
    ttp = [s for s in spans if s.text == "TTP"]
    assert len(ttp) >= 3 and {s.entity_id for s in ttp} == cluster
    assert {s.canonical for s in ttp} == {long_form}
