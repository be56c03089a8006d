"""The quotes gold set is well formed, and the annotator meets its targets on it."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _eval_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("quotes_eval", ROOT / "benchmarks" / "quotes_eval.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


EVAL = _eval_module()
GOLD = EVAL.load_gold()


@pytest.mark.parametrize("doc", GOLD, ids=[d["id"] for d in GOLD])
def test_quotes_gold_offsets_slice_to_text(doc: dict) -> None:
    for q in doc["quotes"]:
        assert doc["text"][q["start"] : q["end"]] == q["text"]
        assert q["kind"] in EVAL.KINDS


def test_quotes_gold_seed_texts_match_the_corpus(seed_texts: dict[str, str]) -> None:
    seeds = [d for d in GOLD if d["source"] == "seed"]
    assert len(seeds) == 5
    assert all(seed_texts[d["id"]] == d["text"] for d in seeds)


def test_quotes_gold_has_forty_handwritten_texts() -> None:
    assert sum(d["source"] == "handwritten" for d in GOLD) >= 40


def test_quotes_eval_meets_targets() -> None:
    report = EVAL.figures(*EVAL.run())
    assert report["content"]["direct/exact"]["f1"] >= 0.95
    assert report["speaker"]["direct"]["accuracy_found"] >= 0.90
    assert report["content"]["indirect/exact"]["f1"] >= 0.75
