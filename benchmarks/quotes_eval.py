"""Evaluate the quotes annotator on benchmarks/gold/quotes.jsonl.

Prints precision, recall and F1 of quote content per kind, with exact offsets and with any
overlap (one-to-one, same kind), for content regardless of kind, and speaker accuracy.
Run from the repository root: ``.venv/bin/python benchmarks/quotes_eval.py [--json]``.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

GOLD = Path(__file__).resolve().parent / "gold" / "quotes.jsonl"
KINDS = ("direct", "indirect", "mixed", "floating", "scare")


def load_gold(path: Path = GOLD) -> list[dict[str, Any]]:
    """The gold documents, one per line."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def predict(gold: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Quote spans the annotator finds in each gold text (as plain dicts)."""
    from annotator.pipeline import Pipeline

    pipe = Pipeline(plugins=["quotes"], on_error="raise")
    return [[s.model_dump() for s in pipe(doc["text"], doc["id"]).layer("quotes")] for doc in gold]


def _overlap(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def _exact(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return a["start"] == b["start"] and a["end"] == b["end"]


def match(
    gold: list[dict[str, Any]], pred: list[dict[str, Any]], same: Callable[[dict, dict], bool], kind: bool
) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """Greedy one-to-one pairs of gold and predicted quotes that agree (and share a kind, if asked)."""
    pairs, used = [], set()
    for g in gold:
        for j, p in enumerate(pred):
            if j not in used and same(g, p) and (not kind or g["kind"] == p["kind"]):
                pairs.append((g, p))
                used.add(j)
                break
    return pairs


def prf(n_gold: int, n_pred: int, n_hit: int) -> dict[str, float | int]:
    """Precision, recall and F1 with their counts."""
    p = n_hit / n_pred if n_pred else 0.0
    r = n_hit / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "gold": n_gold,
        "pred": n_pred,
        "hit": n_hit,
        "p": round(p, 3),
        "r": round(r, 3),
        "f1": round(f, 3),
    }


def _names(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z][\w-]+", text) if len(w) > 1}


def speaker_ok(g: dict[str, Any], p: dict[str, Any]) -> bool:
    """Named gold: the predicted entity shares the name; unnamed gold: same head noun, no entity."""
    if g["speaker"]:
        canon = p.get("speaker_canonical") or ""
        want, got = _names(g["speaker"]), _names(canon)
        return bool(want and got) and (want <= got or got <= want)
    described = p.get("speaker_description") or ""
    head = g["speaker_description"].split()[-1].lower()
    return p.get("speaker") is None and bool(described) and described.split()[-1].lower() == head


def evaluate(gold: list[dict[str, Any]], preds: list[list[dict[str, Any]]]) -> dict[str, Any]:
    """All figures: per kind and overall, exact and overlap, and speaker accuracy."""
    report: dict[str, Any] = {"content": {}, "speaker": {}}
    for kind in (*KINDS, "any"):
        for mode, same in (("exact", _exact), ("overlap", _overlap)):
            report["content"][f"{kind}/{mode}"] = _score(gold, preds, kind, same)
    for kind in (*KINDS[:4], "all"):
        report["speaker"][kind] = _speaker(gold, preds, kind)
    return report


def _score(gold: list[dict], preds: list[list[dict]], kind: str, same: Callable) -> dict[str, Any]:
    n_gold = n_pred = n_hit = 0
    for doc, pred in zip(gold, preds, strict=True):
        g = [q for q in doc["quotes"] if kind in ("any", q["kind"])]
        p = [q for q in pred if kind in ("any", q["kind"])]
        n_gold, n_pred = n_gold + len(g), n_pred + len(p)
        n_hit += len(match(g, p, same, kind != "any"))
    return prf(n_gold, n_pred, n_hit)


def _speaker(gold: list[dict], preds: list[list[dict]], kind: str) -> dict[str, Any]:
    """Speaker accuracy over gold quotes of ``kind`` with a speaker, found with any overlap and any kind."""
    total = found = right = 0
    for doc, pred in zip(gold, preds, strict=True):
        g = [
            q
            for q in doc["quotes"]
            if (q["speaker"] or q["speaker_description"]) and kind in ("all", q["kind"])
        ]
        pairs = match(g, pred, _overlap, False)
        total, found = total + len(g), found + len(pairs)
        right += sum(speaker_ok(a, b) for a, b in pairs)
    return {
        "gold": total,
        "found": found,
        "correct": right,
        "accuracy_found": round(right / found, 3) if found else 0.0,
        "accuracy_all": round(right / total, 3) if total else 0.0,
    }


def misses(gold: list[dict], preds: list[list[dict]]) -> Iterable[str]:
    """Lines describing gold quotes not found exactly with their kind, and their best overlap."""
    for doc, pred in zip(gold, preds, strict=True):
        hit = {id(g) for g, _ in match(doc["quotes"], pred, _exact, True)}
        for g in doc["quotes"]:
            if id(g) not in hit:
                near = next((p for p in pred if _overlap(g, p)), None)
                got = f"{near['kind']} {near['text'][:60]!r}" if near else "nothing"
                yield f"{doc['id'][:12]:12} {g['kind']:8} {g['text'][:60]!r} -> {got}"


def main(argv: list[str]) -> int:
    """Print the report (``--json`` for machine-readable output, ``--misses`` to list errors)."""
    gold = load_gold()
    preds = predict(gold)
    report = evaluate(gold, preds)
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
    if "--misses" in argv:
        print("\nmissed (exact, same kind):")
        for line in misses(gold, preds):
            print(" ", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
