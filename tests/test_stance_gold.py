"""The stance gold files are well formed, and the evaluation meets its targets."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "benchmarks" / "gold"
POLARITIES = {"against", "favor", "neutral"}


def lines(name: str) -> list[dict[str, Any]]:
    return [
        json.loads(line) for line in (GOLD / name).read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def test_stance_gold_seed_evidence_slices_to_its_text(seed_texts: dict[str, str]) -> None:
    items = lines("stance_seeds.jsonl")
    assert len(items) >= 25
    for item in items:
        ev = item["evidence"]
        assert seed_texts[item["doc"]][ev["start"] : ev["end"]] == ev["text"], item["id"]
        assert item["polarity"] in POLARITIES


def test_stance_gold_sentences_are_enough_and_slice() -> None:
    records = lines("stance_sentences.jsonl")
    assert len(records) >= 40
    assert {"clear", "negation", "hedge", "distractor", "two-holders"} <= {r["kind"] for r in records}
    for rec in records:
        for t in rec["triples"]:
            ev = t["evidence"]
            assert rec["text"][ev["start"] : ev["end"]] == ev["text"], rec["id"]
            assert t["polarity"] in POLARITIES


def test_stance_gold_ids_are_unique() -> None:
    ids = [i["id"] for i in lines("stance_seeds.jsonl")] + [r["id"] for r in lines("stance_sentences.jsonl")]
    assert len(ids) == len(set(ids))


@pytest.fixture(scope="module")
def results() -> Any:
    spec = importlib.util.spec_from_file_location("stance_eval", ROOT / "benchmarks" / "stance_eval.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module.run()


def test_stance_eval_meets_triple_f1_target(results: Any) -> None:
    assert results["all"].layers["stance"].tables["triples"].f1 >= 0.70


def test_stance_eval_meets_polarity_accuracy_target(results: Any) -> None:
    assert results["all"].layers["stance"].figures["triple_polarity_accuracy"] >= 0.90
