"""The entities layer's shortcuts (issue 16, speed) give what the long way gives, on real text."""

from __future__ import annotations

import pytest
from annotator_entities.consistency import _Demonyms
from annotator_entities.model import EntitySpan
from annotator_entities.trimming import trim
from conftest import seed

from annotator.testing import _pipeline, run_annotator, spans_of, with_requirements


@pytest.mark.parametrize("prefix", ["000", "001", "002"])
def test_entities_copied_spans_equal_validated_ones(seed_texts: dict[str, str], prefix: str) -> None:
    """Spans after an entity's first are copies; each must equal the span validation would build."""
    _, text = seed(seed_texts, prefix)
    spans = spans_of(run_annotator("entities", text), "entities")
    fields = set(EntitySpan.model_fields)
    for span in spans:
        rebuilt = EntitySpan.model_validate(span.model_dump())
        assert span == rebuilt and span.model_fields_set == fields
    by_entity: dict[str, list[EntitySpan]] = {}
    for span in spans:
        by_entity.setdefault(span.entity_id, []).append(span)
    repeated = [group for group in by_entity.values() if len(group) > 1]
    assert repeated, "the seed should name some entity more than once"
    for group in repeated:
        assert len({id(s.aliases) for s in group}) == len(group)  # no span shares another's list


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("The Africa Centres for Disease Control (Africa CDC) warned on Monday.", "ORG"),
        ("Defence Minister Khawaja Asif (PML-N) spoke to reporters in Islamabad.", "PERSON"),
        ("Mr. Tarar's statement came after the Tehrik-i-Taliban Pakistan (TTP) attack.", "ORG"),
        ("President Joe Biden met the Pakistani Taliban's envoys in Doha.", "PERSON"),
    ],
)
def test_trim_with_text_bounds_as_without(sentence: str, label: str) -> None:
    """Given the text, ``trim`` skips the parenthesis check when no "(" is near; bounds must not move."""
    # The pipeline ``run_annotator`` caches for the session: spaCy is loaded once.
    nlp = _pipeline(with_requirements("entities"), (), "en_core_web_sm").nlp
    doc = nlp(sentence)
    spans = [doc[i:j] for i in range(len(doc)) for j in range(i + 1, min(len(doc), i + 8) + 1)]
    for span in spans:
        tokens = list(span)
        assert trim(tokens, 0, len(tokens), label, sentence) == trim(tokens, 0, len(tokens), label)


PLACES = ["Pakistan", "Afghanistan", "China", "Russia", "Iran", "Iraq", "Israel", "Japan"]
ASKED = ["Pakistani", "Pakistan", "Afghans", "Chinese", "Russian", "Iranian", "Iran", "Iraqi", "Israel"]


@pytest.mark.parametrize("word", ASKED)
def test_demonyms_told_the_asked_words_match_as_without(word: str) -> None:
    """Forms spelled out only for places another asked word opens like must answer the same."""
    narrowed = _Demonyms(PLACES, ASKED)
    assert narrowed.match(word) == _Demonyms(PLACES).match(word)


def test_demonyms_told_the_asked_words_still_find_them() -> None:
    places = ["Pakistan", "Afghanistan", "China", "Russia", "Iran", "Israel"]
    asked = ["Pakistani", "Pakistan", "Afghans", "Chinese", "Russian", "Iranian", "Iran", "Israel"]
    narrowed = _Demonyms(places, asked)
    assert [w for w in asked if narrowed.match(w)] == [
        "Pakistani",
        "Afghans",
        "Chinese",
        "Russian",
        "Iranian",
    ]
