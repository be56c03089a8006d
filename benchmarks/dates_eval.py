"""Evaluate the dates annotator on benchmarks/gold/dates.jsonl, with dateparser as a peer.

Run from the repo root: ``.venv/bin/python benchmarks/dates_eval.py [--errors]``. Prints, TempEval-3
style, strict (exact offsets) and relaxed (overlap) span precision/recall/F1, type and value
accuracy over the relaxed matches, and the same for dateparser's ``search_dates`` (which has no
types: its value is the datetime it returns), with documents per second for both.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "benchmarks" / "gold" / "dates.jsonl"
TARGETS = {"relaxed F1": 0.95, "value accuracy": 0.90}


@dataclass
class Item:
    """One expression, gold or predicted."""

    start: int
    end: int
    text: str
    type: str | None
    value: str | None


@dataclass
class Score:
    """Counts accumulated over the gold set."""

    gold: int = 0
    pred: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0
    value_prefix_ok: int = 0
    errors: list[str] = field(default_factory=list)

    def prf(self, hits: int) -> tuple[float, float, float]:
        """Precision, recall and F1 for ``hits`` matches."""
        p = hits / self.pred if self.pred else 0.0
        r = hits / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def load_gold(path: Path = GOLD) -> list[dict[str, Any]]:
    """The gold documents, one JSON object a line."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def gold_items(doc: dict[str, Any]) -> list[Item]:
    """The gold expressions of one document."""
    return [Item(t["start"], t["end"], t["text"], t["type"], t["value"]) for t in doc["timexes"]]


def match(gold: list[Item], pred: list[Item]) -> list[tuple[Item, Item]]:
    """One-to-one overlap matching, exact matches first (TempEval-3 relaxed matching)."""
    pairs: list[tuple[Item, Item]] = []
    free = list(pred)
    for exact in (True, False):
        for g in gold:
            if any(g is pg for pg, _ in pairs):
                continue
            hit = next((p for p in free if _fits(g, p, exact)), None)
            if hit is not None:
                pairs.append((g, hit))
                free.remove(hit)
    return pairs


def _fits(g: Item, p: Item, exact: bool) -> bool:
    return (g.start, g.end) == (p.start, p.end) if exact else g.start < p.end and p.start < g.end


def score_doc(score: Score, doc: dict[str, Any], pred: list[Item]) -> None:
    """Add one document's counts (and readable errors) to ``score``."""
    gold = gold_items(doc)
    score.gold += len(gold)
    score.pred += len(pred)
    pairs = match(gold, pred)
    for g, p in pairs:
        score.relaxed += 1
        score.strict += (g.start, g.end) == (p.start, p.end)
        score.type_ok += g.type == p.type
        score.value_ok += g.value == p.value
        score.value_prefix_ok += bool(p.value) and _same_at_gold_grain(g.value or "", p.value or "")
        if g.value != p.value or (g.start, g.end) != (p.start, p.end):
            score.errors.append(f"{doc['id']}: gold {g.text!r}={g.value} | got {p.text!r}={p.value}")
    matched_g = {id(g) for g, _ in pairs}
    matched_p = {id(p) for _, p in pairs}
    score.errors += [f"{doc['id']}: missed {g.text!r}={g.value}" for g in gold if id(g) not in matched_g]
    score.errors += [f"{doc['id']}: spurious {p.text!r}={p.value}" for p in pred if id(p) not in matched_p]


def _same_at_gold_grain(gold: str, pred: str) -> bool:
    """dateparser always gives a full date: credit it when it agrees up to the gold's grain."""
    return len(pred) >= len(gold) and pred.startswith(gold) and gold[:1].isdigit()


def run_ours(docs: list[dict[str, Any]]) -> tuple[list[list[Item]], float]:
    """Predictions of the dates annotator (spaCy parse included in the time)."""
    from annotator import InputDocument, Pipeline

    pipe = Pipeline(plugins=["dates"], on_error="raise")
    inputs = [InputDocument(id=d["id"], text=d["text"], meta=d["meta"]) for d in docs]
    pipe(docs[0]["text"], meta=docs[0]["meta"])  # warm up the model outside the timing
    started = time.perf_counter()
    out = list(pipe.annotate(inputs))
    elapsed = time.perf_counter() - started
    preds = [[Item(s.start, s.end, s.text, s.timex_type, s.value) for s in d.layer("dates")] for d in out]
    return preds, elapsed


def run_dateparser(docs: list[dict[str, Any]]) -> tuple[list[list[Item]], float]:
    """Predictions of dateparser's search_dates, past-preferring, relative to the same anchor."""
    from dateparser.search import search_dates

    preds: list[list[Item]] = []
    started = time.perf_counter()
    for d in docs:
        settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
        anchor = _anchor(d)
        if anchor is not None:
            settings["RELATIVE_BASE"] = dt.datetime.combine(anchor, dt.time())
        found = search_dates(d["text"], languages=["en"], settings=settings) or []
        preds.append(_locate(d["text"], found))
    return preds, time.perf_counter() - started


def _anchor(doc: dict[str, Any]) -> dt.date | None:
    """The anchor our annotator would use, so both tools resolve against the same date."""
    sys.path.insert(0, str(ROOT / "plugins" / "dates"))
    from annotator_dates.anchor import choose_anchor

    return choose_anchor(doc["text"], doc["meta"]).date


def _locate(text: str, found: list[tuple[str, dt.datetime]]) -> list[Item]:
    """Offsets for dateparser's substrings, searching forward so repeats map in order."""
    items: list[Item] = []
    cursor = 0
    for surface, when in found:
        start = text.find(surface, cursor)
        if start < 0:
            start = text.find(surface)
        if start < 0:
            continue
        cursor = start + len(surface)
        value = (
            when.strftime("%Y-%m-%dT%H:%M") if (when.hour, when.minute) != (0, 0) else when.date().isoformat()
        )
        items.append(Item(start, start + len(surface), surface, None, value))
    return items


def report(name: str, score: Score, docs: int, seconds: float, typed: bool) -> dict[str, float]:
    """Print one tool's figures and return them by name."""
    sp, sr, sf = score.prf(score.strict)
    rp, rr, rf = score.prf(score.relaxed)
    value_acc = score.value_ok / score.relaxed if score.relaxed else 0.0
    figures = {"strict F1": sf, "relaxed F1": rf, "value accuracy": value_acc}
    print(f"\n{name}  ({score.gold} gold, {score.pred} predicted, {docs} docs, {docs / seconds:.1f} docs/s)")
    print(f"  strict   P {sp:.3f}  R {sr:.3f}  F1 {sf:.3f}")
    print(f"  relaxed  P {rp:.3f}  R {rr:.3f}  F1 {rf:.3f}")
    if typed:
        type_acc = score.type_ok / score.relaxed if score.relaxed else 0.0
        figures["type accuracy"] = type_acc
        print(f"  type accuracy  {type_acc:.3f}")
    print(f"  value accuracy {value_acc:.3f}   value F1 {value_acc * rf:.3f}")
    if not typed:
        prefix = score.value_prefix_ok / score.relaxed if score.relaxed else 0.0
        print(f"  value accuracy if credited at the gold's grain (invented day ignored) {prefix:.3f}")
    return figures


def evaluate(show_errors: bool = False) -> dict[str, dict[str, float]]:
    """Run both tools on the gold and print the comparison; return the figures."""
    docs = load_gold()
    results: dict[str, dict[str, float]] = {}
    runners: list[tuple[str, Callable[..., Any], bool]] = [
        ("dates (this plugin, spaCy parse included)", run_ours, True),
        ("dateparser.search_dates", run_dateparser, False),
    ]
    for name, runner, typed in runners:
        preds, seconds = runner(docs)
        score = Score()
        for doc, pred in zip(docs, preds, strict=True):
            score_doc(score, doc, pred)
        results[name] = report(name, score, len(docs), seconds, typed)
        if show_errors:
            print("\n".join("    " + e for e in score.errors))
    ours = results[runners[0][0]]
    for key, target in TARGETS.items():
        print(f"target {key} >= {target}: {'met' if ours[key] >= target else 'NOT met'} ({ours[key]:.3f})")
    return results


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list every mismatch")
    evaluate(parser.parse_args().errors)


if __name__ == "__main__":
    main()
