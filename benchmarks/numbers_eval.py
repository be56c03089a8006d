"""Evaluate the numbers annotator on its hand-written gold set (a thin wrapper over annotator.evaluation).

Usage (from the repo root): ``.venv/bin/python benchmarks/numbers_eval.py [--errors]``

Gold: benchmarks/gold/numbers.jsonl, one document per line, either ``text`` or ``seed`` (a file in
seeds/), with the spans a careful reader marks; conventions are in docs/numbers.md. This script
only turns that gold into our document JSONL in memory, runs the numbers plugin, and scores it with
``annotator.evaluation.evaluate`` (the code behind ``annotator evaluate``), using the numbers
plugin's scorer (plugins/numbers/annotator_numbers/scoring.py). The printed figures keep their old
meaning: span P/R/F1 on exact offsets, and on exactly matched spans the accuracy of value,
qualifier, unit (unit or currency) and counted noun phrase; ``value_accuracy`` is all four right.
The old script paired spans by identical offsets; the evaluation core matches one-to-one, exact
first, which on exact offsets gives the same pairs, so the figures are the same.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from annotator import Document, InputDocument
from annotator.evaluation import Evaluation, ScoredFile, evaluate

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "benchmarks" / "gold" / "numbers.jsonl"
TARGETS = {"span_f1": 0.95, "value_accuracy": 0.95, "counted_accuracy": 0.85}
EXACT_FIGURES = (
    "number_accuracy",
    "qualifier_accuracy",
    "unit_accuracy",
    "counted_accuracy",
    "value_accuracy",
)


def gold_documents(path: Path = GOLD) -> list[Document]:
    """The gold records as documents with a ``numbers`` layer (seed texts read from seeds/)."""
    docs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec: dict[str, Any] = json.loads(line)
        text = (ROOT / "seeds" / rec["seed"]).read_text(encoding="utf-8") if "seed" in rec else rec["text"]
        spans = [{"id": f"numbers-{i}", "label": s["kind"].upper(), **s} for i, s in enumerate(rec["spans"])]
        docs.append(Document.from_dict({"id": rec["id"], "text": text, "spans": {"numbers": spans}}, {}))
    return docs


def evaluate_gold(path: Path = GOLD) -> tuple[dict[str, float], Evaluation]:
    """The printed figures for the gold file at ``path``, and the evaluation they come from."""
    from annotator.pipeline import Pipeline

    gold = gold_documents(path)
    pipe = Pipeline(plugins=["numbers"], on_error="raise")
    pred = ScoredFile.of(pipe.annotate(InputDocument(id=d.id, text=d.text) for d in gold), "numbers run")
    result = evaluate(ScoredFile.of(gold, str(path)), pred, pipe.registry, ["numbers"], keep_mismatches=True)
    report = result.layers["numbers"]
    exact = report.spans["exact"]
    figures = {"span_precision": exact.precision, "span_recall": exact.recall, "span_f1": exact.f1}
    figures.update({name: report.figures[name] for name in EXACT_FIGURES})
    return figures, result


def main(argv: list[str] | None = None) -> int:
    """Print the figures (and with --errors every miss, false alarm and wrong field)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list every error")
    args = parser.parse_args(argv)
    figures, result = evaluate_gold()
    exact = result.layers["numbers"].spans["exact"]
    print(f"gold spans {exact.gold}, predicted {exact.pred}, matched {exact.tp}")
    for name, value in figures.items():
        target = TARGETS.get(name)
        note = f"  (target >= {target})" if target is not None else ""
        print(f"{name:22} {value:.3f}{note}")
    if args.errors:
        for m in result.mismatches:
            print(m.kind, m.doc, m.gold or "", m.pred or "", m.field or "", m.gold_value, m.pred_value)
    return 0


if __name__ == "__main__":
    sys.exit(main())
