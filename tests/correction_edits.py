"""The pre-annotated sentence and the four edits a person makes to it, for the per-tool correction tests.

The pre-annotation is written here by hand (three entities and a quote whose speaker is
"Pakistan"); each tool's test exports it with ``annotator export``, edits the export the way the
tool would store a person's work (move "Asif" -> "Khawaja Asif", delete "defence", add "Islamabad",
point the quote's speaker at "Khawaja Asif"), imports both and scores them with ``annotator
evaluate``. Every expected count follows from those four edits, as in test_import_corrections.py.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

CLI = Path(sys.executable).parent / "annotator"
TEXT = "“We will not back down,” said Khawaja Asif, Pakistan’s defence minister, in Islamabad."


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(CLI), *args], capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL
    )


def at(phrase: str) -> tuple[int, int]:
    start = TEXT.index(phrase)
    return start, start + len(phrase)


def _span(span_id: str, phrase: str, label: str, **extra: Any) -> dict[str, Any]:
    start, end = at(phrase)
    return {"id": span_id, "start": start, "end": end, "text": phrase, "label": label, **extra}


def predicted_document() -> dict[str, Any]:
    """The pre-annotation as ``annotator annotate`` would write it (offsets found by ``str.index``)."""
    entities = [
        _span("e1", "Asif", "PERSON", entity_id="E1", canonical="Khawaja Asif"),
        _span("e2", "Pakistan", "GPE", entity_id="E2", canonical="Pakistan"),
        _span("e3", "defence", "NORP", entity_id="E3", canonical="defence"),
    ]
    quote = _span("q1", "We will not back down", "QUOTE", kind="direct", speaker="e2")
    spans = {"entities": entities, "quotes": [quote]}
    return {"schema_version": "1.0", "id": "asif", "text": TEXT, "spans": spans}


def export_predicted(folder: Path, fmt: str, out_name: str) -> Path:
    """Write the pre-annotation as JSONL and export it to ``fmt``; return the export's path."""
    pred = folder / "pred.annotated.jsonl"
    pred.write_text(json.dumps(predicted_document(), ensure_ascii=False) + "\n", encoding="utf-8")
    out = folder / out_name
    done = run("export", str(pred), "--to", fmt, "-o", str(out))
    assert done.returncode == 0, done.stderr
    return out


def import_to(export: Path, fmt: str, out: Path) -> subprocess.CompletedProcess[str]:
    done = run("import", str(export), "--from", fmt, "-o", str(out))
    assert done.returncode == 0, done.stderr
    return done


def evaluate(gold: Path, pred: Path) -> dict[str, Any]:
    done = run("evaluate", str(gold), str(pred), "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)["layers"]


def score_correction(corrected: Path, exported: Path, fmt: str, folder: Path) -> dict[str, Any]:
    """Import the hand-corrected export as gold and the untouched export as predictions; score them."""
    import_to(corrected, fmt, folder / "gold.jsonl")
    import_to(exported, fmt, folder / "pred.jsonl")
    return evaluate(folder / "gold.jsonl", folder / "pred.jsonl")


def assert_edit_counts(report: dict[str, Any]) -> None:
    """The counts the four edits imply: one exact entity match, the moved one an overlap, ..."""
    spans = report["entities"]["spans"]
    assert (spans["exact"]["gold"], spans["exact"]["pred"], spans["exact"]["tp"]) == (3, 3, 1)  # Pakistan
    assert spans["overlap"]["tp"] == 2  # and the moved Asif
    norp = report["entities"]["labels"]["NORP"]["overlap"]
    assert (norp["gold"], norp["pred"], norp["tp"]) == (0, 1, 0)  # the deleted span is a false alarm
    added = report["entities"]["labels"]["GPE"]["exact"]
    assert (added["gold"], added["pred"], added["tp"]) == (2, 1, 1)  # the added Islamabad is missed


def assert_speaker_changed(report: dict[str, Any]) -> None:
    """The quote matches exactly, but its speaker is now another entity."""
    quotes = report["quotes"]
    assert quotes["spans"]["exact"]["tp"] == 1
    assert (quotes["figures"]["speaker_gold"], quotes["figures"]["speaker_found"]) == (1, 1)
    assert quotes["figures"]["speaker_right"] == 0


def one_error_line(done: subprocess.CompletedProcess[str]) -> str:
    """The single stderr line of a failed import (exit code 2)."""
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]
