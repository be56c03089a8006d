"""The dates gold set is well formed, and the evaluation meets the issue's targets."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "benchmarks" / "gold" / "dates.jsonl"
TYPES = {"DATE", "TIME", "DURATION", "SET"}


def gold_docs() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_dates_gold_offsets_slice_to_their_text() -> None:
    bad = [
        (d["id"], t["text"])
        for d in gold_docs()
        for t in d["timexes"]
        if d["text"][t["start"] : t["end"]] != t["text"]
    ]
    assert bad == []


def test_dates_gold_types_are_timex3_types() -> None:
    assert {t["type"] for d in gold_docs() for t in d["timexes"]} <= TYPES


def test_dates_gold_seed_texts_match_the_seed_files() -> None:
    seeds = [d for d in gold_docs() if "source" in d]
    assert len(seeds) == 5
    assert all((ROOT / d["source"]).read_text(encoding="utf-8") == d["text"] for d in seeds)


def test_dates_gold_has_at_least_80_hand_written_sentences_with_anchors() -> None:
    news = [d for d in gold_docs() if d["id"].startswith("news-")]
    assert len(news) >= 80
    assert sum(1 for d in news if d["meta"].get("published")) >= 80


def test_dates_eval_meets_targets() -> None:
    pytest.importorskip("dateparser")
    spec = importlib.util.spec_from_file_location("dates_eval", ROOT / "benchmarks" / "dates_eval.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules["dates_eval"] = module  # dataclasses look their module up while the file executes
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    ours = next(iter(module.evaluate().values()))
    assert ours["relaxed F1"] >= 0.95
    assert ours["value accuracy"] >= 0.90
