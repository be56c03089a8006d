"""Entity evaluation: strict and partial span F1 per label, bare spaCy model vs the entities plugin.

Run from the repository root::

    .venv/bin/python benchmarks/entities_eval.py                 # default pipeline
    .venv/bin/python benchmarks/entities_eval.py --model PATH    # add another installed pipeline or path
    .venv/bin/python benchmarks/entities_eval.py --build-gold    # rebuild gold from the lexicon

The gold (benchmarks/gold/entities.jsonl) is built from benchmarks/gold/entities_lexicon.jsonl, where
a person listed, for each document, every name it contains and its label; every occurrence of a
listed name (whole words, longest name first, minus listed exceptions) is a gold mention.

Scoring is ``annotator.evaluation`` (the code behind ``annotator evaluate``): both systems' spans
and the gold become document layers and each label is matched one to one. Before issue 15 this
script counted strict matches as a set intersection and partial ones greedily in gold order; on
this gold the figures are the same (strict F1 0.786 bare, 0.925 plugin).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from annotator_entities.model import NAME_LABELS  # the labels the plugin treats as names

from annotator import Document
from annotator.evaluation import PRF, ScoredFile
from annotator.evaluation import evaluate as evaluate_documents

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "benchmarks" / "gold" / "entities.jsonl"
LEXICON = ROOT / "benchmarks" / "gold" / "entities_lexicon.jsonl"
SEEDS = ROOT / "seeds"

Item = tuple[int, int, str]


@dataclass
class GoldDoc:
    """One gold document: its text and the (start, end, label) of every mention."""

    id: str
    text: str
    items: list[Item]


# --- gold -------------------------------------------------------------------------------------


def build_gold(lexicon: Path = LEXICON, seeds: Path = SEEDS) -> list[dict]:
    """Turn the hand-written name lists into offset gold records."""
    records = []
    for line in lexicon.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        text = (seeds / entry["seed"]).read_text(encoding="utf-8") if "seed" in entry else entry["text"]
        skip = {(form, n) for form, n in entry.get("skip", [])}
        items = occurrences(text, [tuple(n) for n in entry["names"]], skip)
        entities = [{"start": s, "end": e, "text": text[s:e], "label": lab} for s, e, lab in items]
        records.append({"id": entry["id"], "text": text, "entities": entities})
    return records


def occurrences(text: str, names: list[tuple[str, str]], skip: set[tuple[str, int]]) -> list[Item]:
    """Every whole-word occurrence of each name, longest names first, never overlapping."""
    taken: list[Item] = []
    for form, label in sorted(names, key=lambda n: -len(n[0])):
        for n, match in enumerate(re.finditer(rf"(?<![\w@]){re.escape(form)}(?!\w)", text)):
            start, end = match.span()
            if (form, n) in skip or any(start < e and s < end for s, e, _ in taken):
                continue
            taken.append((start, end, label))
    return sorted(taken)


def load_gold(path: Path = GOLD) -> list[GoldDoc]:
    """Read the gold file."""
    docs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        docs.append(
            GoldDoc(rec["id"], rec["text"], [(e["start"], e["end"], e["label"]) for e in rec["entities"]])
        )
    return docs


# --- systems ----------------------------------------------------------------------------------


def bare_model(docs: list[GoldDoc], model: str) -> list[list[Item]]:
    """The statistical NER alone: every name-label entity as spaCy returns it."""
    from annotator.parsing import load_pipeline

    nlp = load_pipeline(model, frozenset({"ner"}))
    return [
        [(e.start_char, e.end_char, e.label_) for e in parsed.ents if e.label_ in NAME_LABELS]
        for parsed in nlp.pipe(d.text for d in docs)
    ]


def plugin(docs: list[GoldDoc], model: str) -> list[list[Item]]:
    """The entities plugin (with the blocks layer it requires)."""
    from annotator import Pipeline
    from annotator.records import InputDocument

    pipe = Pipeline(plugins=["entities"], model=model, on_error="raise")
    out = pipe.annotate(InputDocument(id=d.id, text=d.text) for d in docs)
    return [[(s.start, s.end, s.label) for s in doc.layer("entities")] for doc in out]


# --- scoring ----------------------------------------------------------------------------------


@dataclass
class Counts:
    """True positives, predictions and gold items."""

    tp: int = 0
    pred: int = 0
    gold: int = 0

    def prf(self) -> tuple[float, float, float]:
        """Precision, recall, F1."""
        p = self.tp / self.pred if self.pred else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def as_documents(docs: list[GoldDoc], items: list[list[Item]]) -> ScoredFile:
    """Texts with ``items`` as their ``entities`` layer, ready for ``annotator.evaluation``."""
    built = []
    for doc, found in zip(docs, items, strict=True):
        spans = [
            {"id": f"e{n}", "start": a, "end": b, "text": doc.text[a:b], "label": label}
            for n, (a, b, label) in enumerate(found, 1)
        ]
        built.append(Document.from_dict({"id": doc.id, "text": doc.text, "spans": {"entities": spans}}, {}))
    return ScoredFile.of(built)


def score(gold: ScoredFile, pred: ScoredFile) -> dict[str, dict[str, Counts]]:
    """Counts per label and overall ("ALL"), strict and partial, from ``annotator.evaluation``.

    Strict = same offsets and label; partial = overlapping spans of the same label, paired one to
    one (the evaluation's matching within each label: exact pairs first, then the largest overlap).
    """
    report = evaluate_documents(gold, pred, layers=["entities"]).layers["entities"]
    out: dict[str, dict[str, Counts]] = {}
    for mode, key in (("strict", "exact"), ("partial", "overlap")):
        counts = {label: _counts(by[key]) for label, by in report.labels.items()}
        counts["ALL"] = _counts(report.labelled[key])
        out[mode] = counts
    return out


def _counts(prf: PRF) -> Counts:
    return Counts(tp=prf.tp, pred=prf.pred, gold=prf.gold)


def evaluate(model: str = "en_core_web_sm", docs: list[GoldDoc] | None = None) -> dict[str, dict]:
    """Scores of the bare model and of the plugin: {system: {"strict"|"partial": {label: Counts}}}."""
    docs = docs if docs is not None else load_gold()
    gold = as_documents(docs, [d.items for d in docs])
    return {name: score(gold, as_documents(docs, system(docs, model))) for name, system in SYSTEMS}


SYSTEMS = (("bare", bare_model), ("plugin", plugin))


# --- report -----------------------------------------------------------------------------------


def report(model: str, results: dict[str, dict]) -> str:
    """A table per system: P/R/F1 strict and partial for each label, overall last."""
    lines = [f"== pipeline {model}"]
    for system, by_mode in results.items():
        lines.append(f"-- {system}")
        lines.append(f"{'label':<12}{'gold':>6}{'pred':>6}  {'strict P/R/F1':>20}  {'partial P/R/F1':>20}")
        labels = sorted(k for k in by_mode["strict"] if k != "ALL") + ["ALL"]
        for label in labels:
            s, p = by_mode["strict"][label], by_mode["partial"][label]
            lines.append(f"{label:<12}{s.gold:>6}{s.pred:>6}  {_fmt(s.prf()):>20}  {_fmt(p.prf()):>20}")
    bare = results["bare"]["strict"]["ALL"].prf()[2]
    mine = results["plugin"]["strict"]["ALL"].prf()[2]
    lines.append(f"strict F1 overall: bare {bare:.3f}, plugin {mine:.3f} ({100 * (mine - bare):+.1f} points)")
    return "\n".join(lines)


def _fmt(prf: tuple[float, float, float]) -> str:
    return "/".join(f"{x:.3f}" for x in prf)


def main(argv: list[str] | None = None) -> int:
    """Build the gold on request, then evaluate the default and any extra pipelines."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", action="append", default=[], help="extra pipeline (name or path)")
    parser.add_argument("--build-gold", action="store_true", help="rebuild the gold file from the lexicon")
    args = parser.parse_args(argv)
    if args.build_gold:
        records = build_gold()
        GOLD.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        print(f"wrote {GOLD.relative_to(ROOT)}: {sum(len(r['entities']) for r in records)} mentions")
    docs = load_gold()
    print(f"gold: {len(docs)} documents, {sum(len(d.items) for d in docs)} mentions")
    for model in ["en_core_web_sm", *args.model]:
        started = time.perf_counter()
        print(report(model, evaluate(model, docs)))
        print(f"({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
