"""``annotator import`` is the exact inverse of ``annotator export``, on a real run over the seeds.

One ``annotator annotate`` run per session gives the pre-annotations; each format is exported and
imported back through the CLI, and every span must come back with its offsets, label, attributes
and references. ``rule`` is not compared: no export carries it (it says how a tool found a span,
which a person's correction does not have).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from annotator import Document
from annotator.exporting import read_documents
from annotator.registry import build_registry
from annotator.spans import referenced_ids

CLI = Path(sys.executable).parent / "annotator"
SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(CLI), *args], capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL
    )


@pytest.fixture(scope="session")
def registry() -> Any:
    return build_registry()


@pytest.fixture(scope="session")
def annotated_seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seeds") / "pred.jsonl"
    done = run("annotate", *map(str, sorted(SEEDS.glob("*.txt"))), "-o", str(out))
    assert done.returncode == 0, done.stderr
    return out


def comparable(document: Document, exclude: set[str]) -> dict[str, Any]:
    """Text and every non-empty layer's spans as plain data, by id, without what the format drops."""
    layers = {
        layer: {s.id: s.model_dump(mode="json", exclude_none=True, exclude=exclude) for s in spans}
        for layer, spans in document.spans.items()
        if spans
    }
    return {"id": document.id, "text": document.text, "layers": layers}


def round_trip(annotated: Path, tmp: Path, fmt: str, out_name: str) -> Path:
    exported = tmp / out_name
    done = run("export", str(annotated), "--to", fmt, "-o", str(exported))
    assert done.returncode == 0, done.stderr
    back = tmp / "back.jsonl"
    done = run("import", str(exported), "--from", fmt, "-o", str(back))
    assert done.returncode == 0, done.stderr
    return back


@pytest.mark.parametrize(("fmt", "out_name", "dropped"), [("label-studio", "tasks.json", {"rule"})])
def test_import_round_trip_returns_every_seed_span(
    annotated_seeds: Path, registry: Any, tmp_path: Path, fmt: str, out_name: str, dropped: set[str]
) -> None:
    back = round_trip(annotated_seeds, tmp_path, fmt, out_name)
    before = [comparable(d, dropped) for d in read_documents(annotated_seeds, registry)]
    after = [comparable(d, dropped) for d in read_documents(back, registry)]
    assert after == before


def references(document: Document) -> list[tuple[str, str]]:
    return sorted(
        (s.id, ref) for spans in document.spans.values() for s in spans for ref in referenced_ids(s)
    )


@pytest.mark.parametrize(("fmt", "out_name"), [("label-studio", "tasks.json")])
def test_import_round_trip_keeps_the_relations(
    annotated_seeds: Path, registry: Any, tmp_path: Path, fmt: str, out_name: str
) -> None:
    back = round_trip(annotated_seeds, tmp_path, fmt, out_name)
    before = [references(d) for d in read_documents(annotated_seeds, registry)]
    after = [references(d) for d in read_documents(back, registry)]
    assert sum(map(len, before)) > 0
    assert after == before
