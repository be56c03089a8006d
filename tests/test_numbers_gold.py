"""The numbers gold set is well formed, and the evaluation meets the issue's targets."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest
from annotator_numbers.model import KINDS

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "benchmarks" / "gold" / "numbers.jsonl"


def _eval_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("numbers_eval", ROOT / "benchmarks" / "numbers_eval.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def _records() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def _text(record: dict) -> str:
    return (
        record["text"] if "text" in record else (ROOT / "seeds" / record["seed"]).read_text(encoding="utf-8")
    )


def test_numbers_gold_offsets_slice_to_their_text() -> None:
    for record in _records():
        text = _text(record)
        for span in record["spans"]:
            assert text[span["start"] : span["end"]] == span["text"], (record["id"], span)


def test_numbers_gold_kinds_are_known_and_ids_unique() -> None:
    records = _records()
    assert len({r["id"] for r in records}) == len(records)
    assert all(span["kind"] in KINDS for r in records for span in r["spans"])


def test_numbers_gold_covers_every_seed_and_60_sentences() -> None:
    records = _records()
    seeds = {r["seed"] for r in records if "seed" in r}
    assert seeds == {p.name for p in (ROOT / "seeds").glob("0*.txt")}
    assert sum("text" in r for r in records) >= 60


@pytest.fixture(scope="module")
def figures() -> dict[str, float]:
    module = _eval_module()
    return module.evaluate_gold()[0]


@pytest.mark.parametrize(
    ("name", "target"), [("span_f1", 0.95), ("value_accuracy", 0.95), ("counted_accuracy", 0.85)]
)
def test_numbers_eval_meets_target(figures: dict[str, float], name: str, target: float) -> None:
    assert figures[name] >= target
