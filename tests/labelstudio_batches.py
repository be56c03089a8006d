"""Two batches of our own news sentences, annotated and exported to Label Studio through the CLI.

``fixtures/labelstudio/batches.jsonl`` holds four hand-written documents; ``meta.batch`` puts each
in batch 1 or 2. Batch 1 has no stance span, batch 2 no block span, and batch 2 has labels (ORG,
PERCENT, MONEY) and relations (holder, target) that batch 1 lacks: the cases where a config made
from the documents alone was refused or refused the next batch. Both batches are annotated in one
``annotator annotate`` run (one spaCy load per test process) and exported by ``annotator export``,
the path a user takes.
"""

from __future__ import annotations

import functools
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

BATCHES = Path(__file__).resolve().parent / "fixtures" / "labelstudio" / "batches.jsonl"
CLI = Path(sys.executable).parent / "annotator"


@functools.lru_cache(maxsize=1)
def annotated_batches() -> dict[int, Path]:
    """Annotated JSONL per batch number, annotated once per test process."""
    folder = Path(tempfile.mkdtemp(prefix="ls-batches-"))
    out = folder / "annotated.jsonl"
    subprocess.run([str(CLI), "annotate", str(BATCHES), "-o", str(out), "-q"], check=True, timeout=300)
    lines: dict[int, list[str]] = {}
    for line in out.read_text(encoding="utf-8").splitlines():
        lines.setdefault(int(json.loads(line)["meta"]["batch"]), []).append(line)
    paths = {n: folder / f"batch-{n}.jsonl" for n in sorted(lines)}
    for n, path in paths.items():
        path.write_text("\n".join(lines[n]) + "\n", encoding="utf-8")
    return paths


@functools.lru_cache(maxsize=4)
def exported_batch(number: int) -> tuple[list[dict[str, Any]], str]:
    """(tasks, labeling config) of ``annotator export --to label-studio`` for one batch."""
    source = annotated_batches()[number]
    out = source.with_suffix(".tasks.json")
    subprocess.run([str(CLI), "export", str(source), "--to", "label-studio", "-o", str(out)], check=True)
    config = out.with_name(out.stem + ".config.xml").read_text(encoding="utf-8")
    return json.loads(out.read_text(encoding="utf-8")), config


def labels_in(tasks: list[dict[str, Any]]) -> dict[str, set[str]]:
    """The labels each control (layer) uses in the tasks' predictions, relations under ``relation``."""
    found: dict[str, set[str]] = {}
    for task in tasks:
        for item in task["predictions"][0]["result"]:
            if item["type"] == "labels":
                found.setdefault(item["from_name"], set()).update(item["value"]["labels"])
            elif item["type"] == "relation":
                found.setdefault("relation", set()).update(item["labels"])
    return found
