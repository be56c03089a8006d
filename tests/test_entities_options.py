"""Entities options: gazetteers from config, fuzzy spelling variants, and bad option values."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator import Pipeline
from annotator.errors import ConfigError
from annotator.testing import find_span, spans_of

TEXT = (
    "Islamabad has long accused the Taliban government of harboring members of Tehreek-e-Taliban "
    "Pakistan, a separate extremist group. On Thursday, Pakistan announced it had killed the deputy "
    "leader of Tehrik-i-Taliban Pakistan in a cross-border operation near Afghanistan. Analysts at "
    "the Wilson Center said the group would retaliate."
)
PATTERNS = [
    {"label": "ORG", "pattern": "Wilson Center", "id": "Q1136314", "canonical": "Woodrow Wilson Center"},
    {"label": "ORG", "pattern": "Tehrik-i-Taliban Pakistan", "id": "Q1368944"},
    {
        "label": "ORG",
        "pattern": [
            {"LOWER": "tehreek"},
            {"ORTH": "-"},
            {"LOWER": "e"},
            {"ORTH": "-"},
            {"LOWER": "taliban"},
            {"LOWER": "pakistan"},
        ],
        "id": "Q1368944",
    },
]


def pipeline(options: dict, config_dir: Path | None = None) -> Pipeline:
    return Pipeline(
        plugins=["entities"], options={"entities": options}, config_dir=config_dir, on_error="raise"
    )


@pytest.fixture(scope="module")
def gazetteer_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("config")
    lines = "\n".join(json.dumps(p) for p in PATTERNS)
    (folder / "gazetteer.jsonl").write_text(lines + "\n", encoding="utf-8")
    return folder


def test_entities_gazetteer_sets_label_canonical_and_kb_id(gazetteer_dir: Path) -> None:
    doc = pipeline({"gazetteer": "gazetteer.jsonl"}, gazetteer_dir)(TEXT)
    span = find_span(spans_of(doc, "entities"), "Wilson Center")
    assert (span.label, span.kb_id, span.canonical, span.rule, span.confidence) == (
        "ORG",
        "Q1136314",
        "Woodrow Wilson Center",
        "gazetteer",
        1.0,
    )


def test_entities_gazetteer_id_joins_spelling_variants(gazetteer_dir: Path) -> None:
    spans = spans_of(pipeline({"gazetteer": "gazetteer.jsonl"}, gazetteer_dir)(TEXT), "entities")
    first = find_span(spans, "Tehreek-e-Taliban Pakistan")
    second = find_span(spans, "Tehrik-i-Taliban Pakistan")
    assert first.entity_id == second.entity_id and first.kb_id == "Q1368944"


def test_entities_without_gazetteer_has_no_kb_id() -> None:
    spans = spans_of(pipeline({})(TEXT), "entities")
    assert {s.kb_id for s in spans} == {None}


def test_entities_fuzzy_joins_spelling_variants() -> None:
    spans = spans_of(pipeline({"fuzzy": 0.85})(TEXT), "entities")
    first = find_span(spans, "Tehreek-e-Taliban")
    second = find_span(spans, "Tehrik-i-Taliban")
    assert first.entity_id == second.entity_id


def test_entities_variants_stay_apart_without_fuzzy() -> None:
    spans = spans_of(pipeline({})(TEXT), "entities")
    assert find_span(spans, "Tehreek-e-Taliban").entity_id != find_span(spans, "Tehrik-i-Taliban").entity_id


@pytest.mark.parametrize(
    "options",
    [{"gazetteer": "missing.jsonl"}, {"fuzzy": 1.5}, {"labels": ["PERSON"], "colour": "red"}],
)
def test_entities_bad_options_fail_loudly(options: dict, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="entities"):
        pipeline(options, tmp_path)


def test_entities_bad_gazetteer_line_names_the_line(tmp_path: Path) -> None:
    (tmp_path / "g.jsonl").write_text('{"label": "ORG", "pattern": "Reuters"}\n{"pattern": "AP"}\n')
    with pytest.raises(ConfigError, match="line 2"):
        pipeline({"gazetteer": "g.jsonl"}, tmp_path)


def test_entities_acronym_label_tie_is_the_same_in_every_process() -> None:
    """A tied label vote must not follow string hash randomisation (PYTHONHASHSEED)."""
    import os
    import subprocess
    import sys

    code = (
        "from annotator_entities.acronyms import _Labels\n"
        "from annotator_entities.mentions import Mention\n"
        "ms = [Mention(0, 5, 'Alpha', 'ORG'), Mention(6, 11, 'Bravo', 'FAC'),\n"
        "      Mention(12, 17, 'Delta', 'EVENT')]\n"
        "print(_Labels(ms).label_for(0, 17, 'ABD'))\n"
    )
    labels = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        for seed in range(8)
    }
    assert labels == {"ORG"}
