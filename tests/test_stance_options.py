"""Stance options: user lexicons (extend or replace), targets of interest, neutral stances, NLI backend."""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path
from typing import Any

import pytest
from annotator_stance.lexicon import packaged

from annotator.errors import ConfigError
from annotator.pipeline import Pipeline

TWO = "Pakistan accused Kabul of sheltering militants, while Afghanistan blamed Islamabad for the violence."
LAMBAST = "Islamabad lambasted Kabul over the collapse of the talks."


def annotate(text: str, config_dir: Path | None = None, **options: Any) -> list[Any]:
    pipe = Pipeline(plugins=["stance"], options={"stance": options}, on_error="raise", config_dir=config_dir)
    return pipe(text).layer("stance")


def write_lexicon(folder: Path, cues: list[dict[str, Any]]) -> Path:
    path = folder / "my_cues.json"
    path.write_text(json.dumps({"version": "local-1", "cues": cues}), encoding="utf-8")
    return path


LAMBAST_CUE = {"lemma": "lambast", "polarity": "against", "weight": 0.8}


def test_stance_packaged_lexicon_is_versioned_data() -> None:
    lexicon = packaged()
    assert lexicon.version == "1.0.0"
    assert {"accuse", "blame", "condemn", "praise", "support", "eradicate"} <= {c.lemma for c in lexicon.cues}


def test_stance_summary_records_lexicon_version() -> None:
    pipe = Pipeline(plugins=["stance"], on_error="raise")
    assert pipe(TWO).summaries["stance"].lexicon_version == packaged().version


def test_stance_lexicon_extend_adds_cues_resolved_against_config_dir(tmp_path: Path) -> None:
    write_lexicon(tmp_path, [LAMBAST_CUE])
    assert annotate(LAMBAST) == []
    spans = annotate(LAMBAST, config_dir=tmp_path, lexicon="my_cues.json")
    assert [(s.holder_canonical, s.target_canonical, s.polarity) for s in spans] == [
        ("Islamabad", "Kabul", "against")
    ]


def test_stance_lexicon_replace_drops_packaged_cues(tmp_path: Path) -> None:
    write_lexicon(tmp_path, [LAMBAST_CUE])
    assert annotate(TWO, config_dir=tmp_path, lexicon="my_cues.json", lexicon_mode="replace") == []
    assert len(annotate(LAMBAST, config_dir=tmp_path, lexicon="my_cues.json", lexicon_mode="replace")) == 1


def test_stance_lexicon_extend_overrides_same_lemma(tmp_path: Path) -> None:
    write_lexicon(tmp_path, [{"lemma": "accuse", "polarity": "against", "weight": 0.3}])
    spans = annotate(TWO, config_dir=tmp_path, lexicon="my_cues.json")
    assert {s.cue.lemma: s.score for s in spans} == {"accuse": 0.3, "blame": 0.9}


def test_stance_missing_lexicon_names_the_path(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="nope.json"):
        annotate(TWO, config_dir=tmp_path, lexicon="nope.json")


def test_stance_targets_of_interest_keep_only_those(tmp_path: Path) -> None:
    spans = annotate(TWO, targets=["kabul"])
    assert [(s.holder_canonical, s.target_canonical) for s in spans] == [("Pakistan", "Kabul")]


def test_stance_keep_neutral_marks_negation_instead_of_flipping() -> None:
    (span,) = annotate("Qatar did not blame Pakistan for the collapse of the talks.", keep_neutral=True)
    assert (span.polarity, span.negated, span.holder_canonical, span.target_canonical) == (
        "neutral",
        True,
        "Qatar",
        "Pakistan",
    )


def test_stance_min_score_drops_hedged_stances() -> None:
    text = "Islamabad reportedly accused Kabul of stalling the negotiations."
    assert len(annotate(text)) == 1
    assert annotate(text, min_score=0.6) == []


def test_stance_unknown_option_is_refused() -> None:
    with pytest.raises(ConfigError, match="stance"):
        annotate(TWO, polarity_threshold=0.5)


@pytest.mark.skipif(importlib.util.find_spec("transformers") is not None, reason="transformers is installed")
def test_stance_nli_backend_without_transformers_says_how_to_fix() -> None:
    with pytest.raises(ConfigError, match="transformers"):
        annotate(TWO, backend="nli")


NLI_MODEL = os.environ.get("ANNOTATOR_STANCE_NLI_MODEL")


@pytest.mark.skipif(
    importlib.util.find_spec("transformers") is None or not NLI_MODEL,
    reason="needs transformers and a local model in ANNOTATOR_STANCE_NLI_MODEL",
)
def test_stance_nli_backend_rescores_rule_findings() -> None:
    spans = annotate(TWO, backend="nli", nli_model=NLI_MODEL)
    assert {s.rule.split(":")[0] for s in spans} == {"nli"}
    assert all(0.0 <= s.score <= 1.0 for s in spans)
