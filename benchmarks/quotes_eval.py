"""Evaluate the quotes annotator on benchmarks/gold/quotes.jsonl, through ``annotator.evaluation``.

Prints precision, recall and F1 of quote content per kind, with exact offsets and with any
overlap (one-to-one, same kind), for content regardless of kind, and speaker accuracy per kind.
Run from the repository root: ``.venv/bin/python benchmarks/quotes_eval.py [--json] [--misses]``.

The gold's quotes become a ``quotes`` layer in our document JSONL (the gold's speaker *name* goes in
``speaker_canonical``, its description of an unnamed source in ``speaker_description``), the plugin
runs over the texts, and the quotes plugin's own scorer (``annotator_quotes.scoring``) does the
counting, as ``annotator evaluate`` does. Speaker accuracy for one kind is the scorer's speaker
figure over the gold quotes of that kind, matched against predictions of any kind.

Before issue 15 this script matched greedily in gold order and judged an unnamed source by its
head noun alone; the scorer matches one-to-one by largest overlap and judges a description by
equality or by the last word of our speaker strings. Content figures are unchanged; speaker
accuracy on indirect quotes moved from 37 to 38 of 40 found (a description whose last word is
a word of the gold description), direct (50 of 54) and all kinds (111 of 120) are unchanged.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from annotator import Document, InputDocument, Pipeline
from annotator.evaluation import LayerReport, ScoredFile, evaluate

GOLD = Path(__file__).resolve().parent / "gold" / "quotes.jsonl"
KINDS = ("direct", "indirect", "mixed", "floating", "scare", "title")


def load_gold(path: Path = GOLD) -> list[dict[str, Any]]:
    """The gold records as written, one per line."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def gold_documents(path: Path = GOLD, kind: str | None = None) -> list[Document]:
    """The gold as documents with a ``quotes`` layer (only quotes of ``kind`` when given)."""
    docs = []
    for rec in load_gold(path):
        quotes = [
            {
                "id": f"gold-{n}",
                "start": q["start"],
                "end": q["end"],
                "text": q["text"],
                "label": "QUOTE",
                "kind": q["kind"],
                "speaker_canonical": q["speaker"],
                "speaker_description": q["speaker_description"],
            }
            for n, q in enumerate(rec["quotes"], 1)
            if kind in (None, q["kind"])
        ]
        docs.append(
            Document.from_dict({"id": rec["id"], "text": rec["text"], "spans": {"quotes": quotes}}, {})
        )
    return docs


def run() -> tuple[LayerReport, dict[str, LayerReport]]:
    """The report over all gold quotes, and one per kind (for the speaker figures)."""
    gold = gold_documents()
    pipe = Pipeline(plugins=["quotes"], on_error="raise")
    pred = ScoredFile.of(pipe.annotate(InputDocument(id=d.id, text=d.text) for d in gold), "quotes run")

    def report(docs: list[Document]) -> LayerReport:
        return evaluate(ScoredFile.of(docs, str(GOLD)), pred, pipe.registry, ["quotes"]).layers["quotes"]

    return report(gold), {k: report(gold_documents(kind=k)) for k in KINDS[:4]}


def figures(overall: LayerReport, by_kind: dict[str, LayerReport]) -> dict[str, Any]:
    """The figures this script has always printed, from the evaluation reports."""
    content = {}
    for kind in (*KINDS, "any"):
        for mode in ("exact", "overlap"):
            prf = overall.spans[mode] if kind == "any" else overall.labels.get(kind, {}).get(mode)
            if prf is None:
                continue
            content[f"{kind}/{mode}"] = {
                "gold": prf.gold,
                "pred": prf.pred,
                "hit": prf.tp,
                "p": round(prf.precision, 3),
                "r": round(prf.recall, 3),
                "f1": round(prf.f1, 3),
            }
    speaker = {}
    for kind, rep in [*by_kind.items(), ("all", overall)]:
        f = rep.figures
        speaker[kind] = {
            "gold": int(f["speaker_gold"]),
            "found": int(f["speaker_found"]),
            "correct": int(f["speaker_right"]),
            "accuracy_found": f["speaker_right_of_found"],
            "accuracy_all": f["speaker_right_of_gold"],
        }
    return {"content": content, "speaker": speaker}


def main(argv: list[str]) -> int:
    """Print the report (``--json`` for machine-readable output)."""
    report = figures(*run())
    if "--json" in argv:
        print(json.dumps(report, indent=2))
        return 0
    print(f"{'content':20} {'gold':>5} {'pred':>5} {'hit':>5} {'P':>6} {'R':>6} {'F1':>6}")
    for key, s in report["content"].items():
        print(f"{key:20} {s['gold']:5} {s['pred']:5} {s['hit']:5} {s['p']:6.3f} {s['r']:6.3f} {s['f1']:6.3f}")
    print(f"\n{'speaker':10} {'gold':>5} {'found':>6} {'right':>6} {'acc(found)':>11} {'acc(all)':>9}")
    for key, s in report["speaker"].items():
        print(
            f"{key:10} {s['gold']:5} {s['found']:6} {s['correct']:6} "
            f"{s['accuracy_found']:11.3f} {s['accuracy_all']:9.3f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
