"""Evaluate the stance plugin on its hand-written gold: P/R/F1 over (holder, target, polarity) triples.

Run from the repo root: ``.venv/bin/python benchmarks/stance_eval.py [--verbose]``.

Gold: ``benchmarks/gold/stance_seeds.jsonl`` (stance in the seed articles, one triple per line, with its
evidence sentence) and ``benchmarks/gold/stance_sentences.jsonl`` (hand-written news sentences: clear
cases, negations, hedges, distractors, two holders). A prediction matches a gold item when its holder and
target name the same actors (canonical name or mention text equals the gold name or one of its
aliases) and its evidence overlaps the gold evidence; it is a correct triple when the polarity agrees too.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "benchmarks" / "gold"
SEEDS = ROOT / "seeds"


@dataclass
class Gold:
    """One gold triple with its evidence."""

    doc: str
    holder: set[str]
    target: set[str]
    polarity: str
    start: int
    end: int
    label: str


@dataclass
class Tally:
    """Counts for one part of the gold."""

    gold: int = 0
    predicted: int = 0
    matched_pairs: int = 0
    correct: int = 0
    overlap: float = 0.0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, float]:
        """Precision, recall, F1 of triples; polarity accuracy and evidence overlap on matched pairs."""
        p = self.correct / self.predicted if self.predicted else 0.0
        r = self.correct / self.gold if self.gold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        acc = self.correct / self.matched_pairs if self.matched_pairs else 0.0
        ov = self.overlap / self.matched_pairs if self.matched_pairs else 0.0
        return {"precision": p, "recall": r, "f1": f1, "polarity_accuracy": acc, "evidence_overlap": ov}


def norm(name: str) -> str:
    """Compare names loosely on case, apostrophes, a leading article and a possessive."""
    n = name.replace("’", "'").casefold().strip()
    n = n.removeprefix("the ").removesuffix("'s").strip()
    return " ".join(n.split())


def _gold_item(doc: str, item: dict[str, Any], label: str) -> Gold:
    ev = item["evidence"]
    return Gold(
        doc=doc,
        holder={norm(x) for x in [item["holder"], *item["holder_aliases"]]},
        target={norm(x) for x in [item["target"], *item["target_aliases"]]},
        polarity=item["polarity"],
        start=ev["start"],
        end=ev["end"],
        label=f"{label}: {item['holder']} -{item['polarity']}-> {item['target']}",
    )


def load_gold() -> tuple[dict[str, str], dict[str, list[Gold]], dict[str, list[Gold]]]:
    """Texts by document id, and gold items by document for the seeds and the sentences."""
    texts: dict[str, str] = {}
    seeds: dict[str, list[Gold]] = {}
    sentences: dict[str, list[Gold]] = {}
    for line in (GOLD / "stance_seeds.jsonl").read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        texts.setdefault(item["doc"], (SEEDS / f"{item['doc']}.txt").read_text(encoding="utf-8"))
        seeds.setdefault(item["doc"], []).append(_gold_item(item["doc"], item, item["id"]))
    for line in (GOLD / "stance_sentences.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        texts[rec["id"]] = rec["text"]
        sentences[rec["id"]] = [_gold_item(rec["id"], t, rec["id"]) for t in rec["triples"]]
    return texts, seeds, sentences


def predictions(texts: dict[str, str]) -> dict[str, list[tuple[set[str], set[str], str, int, int, str]]]:
    """Run the stance annotator (and what it requires) over every gold text."""
    from annotator import InputDocument, Pipeline

    pipe = Pipeline(plugins=["stance"], on_error="raise")
    out = {}
    for doc in pipe.annotate(InputDocument(id=k, text=v) for k, v in texts.items()):
        spans = doc.span_index()
        out[doc.id] = [_predicted(s, spans) for s in doc.layer("stance")]
    return out


def _predicted(s: Any, spans: dict[str, Any]) -> tuple[set[str], set[str], str, int, int, str]:
    holder = {norm(s.holder_canonical), norm(spans[s.holder].text)}
    target = {norm(s.target_canonical), norm(spans[s.target].text)}
    label = f"{s.holder_canonical} -{s.polarity}-> {s.target_canonical} [{s.rule}] @{s.start}"
    return holder, target, s.polarity, s.start, s.end, label


def score(gold: dict[str, list[Gold]], predicted: dict[str, list[Any]]) -> Tally:
    """Greedy one-to-one matching per document, preferring gold items of the same polarity."""
    tally = Tally()
    for doc, items in gold.items():
        open_items = list(items)
        tally.gold += len(items)
        for holder, target, polarity, start, end, label in predicted.get(doc, []):
            tally.predicted += 1
            fits = [
                g
                for g in open_items
                if holder & g.holder and target & g.target and start < g.end and g.start < end
            ]
            fits.sort(key=lambda g: g.polarity != polarity)
            if not fits:
                tally.extras.append(f"{doc}: {label}")
                continue
            g = fits[0]
            open_items.remove(g)
            tally.matched_pairs += 1
            tally.correct += g.polarity == polarity
            inter = min(end, g.end) - max(start, g.start)
            tally.overlap += inter / (max(end, g.end) - min(start, g.start))
            if g.polarity != polarity:
                tally.extras.append(f"{doc}: {label} (gold {g.polarity})")
        tally.misses.extend(g.label for g in open_items)
    return tally


def evaluate() -> dict[str, Tally]:
    """Tallies for the seeds, the sentences and both together."""
    texts, seeds, sentences = load_gold()
    predicted = predictions(texts)
    both = {**seeds, **sentences}
    return {
        "seeds": score(seeds, predicted),
        "sentences": score(sentences, predicted),
        "all": score(both, predicted),
    }


def main() -> None:
    """Print the figures (and, with --verbose, every miss and extra)."""
    results = evaluate()
    for part, tally in results.items():
        f = tally.figures()
        print(
            f"{part:9} gold={tally.gold:3} predicted={tally.predicted:3} correct={tally.correct:3}  "
            f"P={f['precision']:.3f} R={f['recall']:.3f} F1={f['f1']:.3f}  "
            f"polarity_acc={f['polarity_accuracy']:.3f} (on {tally.matched_pairs} matched pairs)  "
            f"evidence_overlap={f['evidence_overlap']:.3f}"
        )
    if "--verbose" in sys.argv:
        for line in results["all"].misses:
            print("MISS ", line)
        for line in results["all"].extras:
            print("EXTRA", line)


if __name__ == "__main__":
    main()
