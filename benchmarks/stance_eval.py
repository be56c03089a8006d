"""Evaluate the stance plugin on its hand-written gold: P/R/F1 over (holder, target, polarity) triples.

Run from the repo root: ``.venv/bin/python benchmarks/stance_eval.py [--verbose]``.

Gold: ``benchmarks/gold/stance_seeds.jsonl`` (stance in the seed articles, one triple per line, with its
evidence sentence) and ``benchmarks/gold/stance_sentences.jsonl`` (hand-written news sentences: clear
cases, negations, hedges, distractors, two holders). This script only turns that gold into our
document JSONL (in memory), runs the stance plugin, and scores it with ``annotator.evaluation`` (the
code behind ``annotator evaluate``), whose stance scorer is described in
``plugins/stance/annotator_stance/scoring.py``: holder and target must name the same actors
(canonical name, mention text or a gold alias) and the evidence must
overlap; a correct triple has the right polarity too. ``--write-gold DIR`` writes the converted gold
as ``DIR/stance.jsonl`` so the same figures come from ``annotator evaluate``.

The matching is one-to-one with same-polarity pairs first, then the largest evidence overlap (the
script before issue 15 matched greedily in prediction order); on this gold both give the same counts.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from annotator import Document, InputDocument, Pipeline
from annotator.evaluation import Evaluation, LayerReport, ScoredFile, evaluate

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "benchmarks" / "gold"
SEEDS = ROOT / "seeds"


def _span(number: int, item: dict[str, Any], label: str) -> dict[str, Any]:
    ev = item["evidence"]
    return {
        "id": f"stance-{number}",
        "start": ev["start"],
        "end": ev["end"],
        "text": ev["text"],
        "label": "STANCE",
        "polarity": item["polarity"],
        "holder_canonical": item["holder"],
        "holder_aliases": item["holder_aliases"],
        "target_canonical": item["target"],
        "target_aliases": item["target_aliases"],
        "gold_label": label,
    }


def gold_documents() -> tuple[list[Document], list[Document]]:
    """The seed documents and the sentence documents, each with a gold ``stance`` layer."""
    seeds: dict[str, dict[str, Any]] = {}
    for line in (GOLD / "stance_seeds.jsonl").read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        doc = seeds.setdefault(
            item["doc"],
            {
                "id": item["doc"],
                "text": (SEEDS / f"{item['doc']}.txt").read_text(encoding="utf-8"),
                "spans": {"stance": []},
            },
        )
        layer = doc["spans"]["stance"]
        layer.append(_span(len(layer) + 1, item, item["id"]))
    sentences = []
    for line in (GOLD / "stance_sentences.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        layer = [_span(n, t, rec["id"]) for n, t in enumerate(rec["triples"], 1)]
        sentences.append({"id": rec["id"], "text": rec["text"], "spans": {"stance": layer}})
    return [Document.from_dict(d, {}) for d in seeds.values()], [Document.from_dict(d, {}) for d in sentences]


def run() -> dict[str, Evaluation]:
    """Evaluations for the seeds, the sentences and both together, over one stance run."""
    seeds, sentences = gold_documents()
    pipe = Pipeline(plugins=["stance"], on_error="raise")
    predicted = ScoredFile.of(
        pipe.annotate(InputDocument(id=d.id, text=d.text) for d in [*seeds, *sentences]), "stance run"
    )
    parts = {"seeds": seeds, "sentences": sentences, "all": [*seeds, *sentences]}
    return {
        part: evaluate(ScoredFile.of(docs, part), predicted, pipe.registry, ["stance"], keep_mismatches=True)
        for part, docs in parts.items()
    }


def line(part: str, report: LayerReport) -> str:
    """One line of figures, in the format this script has always printed."""
    t, f = report.tables["triples"], report.figures
    return (
        f"{part:9} gold={t.gold:3} predicted={t.pred:3} correct={t.tp:3}  "
        f"P={t.precision:.3f} R={t.recall:.3f} F1={t.f1:.3f}  "
        f"polarity_acc={f['triple_polarity_accuracy']:.3f} (on {int(f['triple_matched'])} matched pairs)  "
        f"evidence_overlap={f['triple_evidence_overlap']:.3f}"
    )


def main() -> None:
    """Print the figures (and, with --verbose, every evidence span missed or spurious)."""
    if "--write-gold" in sys.argv:
        out = Path(sys.argv[sys.argv.index("--write-gold") + 1])
        out.mkdir(parents=True, exist_ok=True)
        seeds, sentences = gold_documents()
        with (out / "stance.jsonl").open("w", encoding="utf-8") as stream:
            stream.writelines(d.to_json() + "\n" for d in [*seeds, *sentences])
    results = run()
    for part, result in results.items():
        print(line(part, result.layers["stance"]))
    if "--verbose" in sys.argv:
        for m in results["all"].mismatches:
            if m.kind in ("missed", "spurious"):
                print(m.kind.upper(), m.doc, m.gold or m.pred)


if __name__ == "__main__":
    main()
