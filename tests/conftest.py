"""Shared fixtures: the seed corpus and a registry built once per session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The project's copy of the seed corpus."""
    return SEEDS


@pytest.fixture(scope="session")
def seed_meta() -> dict[str, dict]:
    """Seed metadata by id (publication dates are the anchors for relative dates)."""
    lines = (SEEDS / "seeds.meta.jsonl").read_text(encoding="utf-8").splitlines()
    return {rec["id"]: rec for rec in map(json.loads, filter(None, lines))}


@pytest.fixture(scope="session")
def seed_texts(seed_meta: dict[str, dict]) -> dict[str, str]:
    """Seed texts by id, exactly as the CLI reads them."""
    return {sid: (SEEDS / rec["file"]).read_text(encoding="utf-8") for sid, rec in seed_meta.items()}


def seed(seed_texts: dict[str, str], prefix: str) -> tuple[str, str]:
    """(id, text) of the seed whose id starts with ``prefix`` such as ``"000"``."""
    sid = next(k for k in seed_texts if k.startswith(prefix))
    return sid, seed_texts[sid]
