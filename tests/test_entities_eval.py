"""The entity gold file is well formed, and the plugin meets issue 3's targets on it."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import entities_eval  # noqa: E402

NAME_LABELS = set(entities_eval.NAME_LABELS)


def gold_records() -> list[dict]:
    return [json.loads(line) for line in entities_eval.GOLD.read_text(encoding="utf-8").splitlines()]


def test_entities_gold_offsets_slice_to_their_text() -> None:
    for rec in gold_records():
        for item in rec["entities"]:
            assert rec["text"][item["start"] : item["end"]] == item["text"], (rec["id"], item)
            assert item["label"] in NAME_LABELS


def test_entities_gold_is_the_lexicon_built() -> None:
    assert entities_eval.build_gold() == gold_records()


def test_entities_gold_has_a_few_hundred_mentions_beyond_the_seeds() -> None:
    written = [r for r in gold_records() if not (ROOT / "seeds" / f"{r['id']}.txt").exists()]
    assert sum(len(r["entities"]) for r in written) >= 250


@pytest.fixture(scope="module")
def results() -> dict:
    return entities_eval.evaluate()


def test_entities_eval_plugin_beats_bare_model_by_five_points(results: dict) -> None:
    bare = results["bare"]["strict"]["ALL"].prf()[2]
    plugin = results["plugin"]["strict"]["ALL"].prf()[2]
    assert plugin - bare >= 0.05


def test_entities_eval_plugin_strict_f1_reaches_target(results: dict) -> None:
    assert results["plugin"]["strict"]["ALL"].prf()[2] >= 0.92
