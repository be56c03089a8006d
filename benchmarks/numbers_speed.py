"""The numbers layer's own time per seed article, against bare spaCy parsing measured in the same run.

Usage (from the repo root): ``.venv/bin/python benchmarks/numbers_speed.py [--rounds 20]``

The seeds (five news articles, 4.6 KB on average) are parsed once with the components the layer
needs; then, ``--rounds`` times in turn, the same texts are parsed again (bare spaCy) and the
numbers annotator runs on the kept parses (the layer alone: scanning, the parse checks, counted
noun phrases and span models; no pipeline or validation overhead). Figures are medians over the
rounds, per article. Target (issue 18): under 2 ms per article. Not a test: it prints figures.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from statistics import median

from annotator_numbers import NumbersAnnotator

from annotator import Document
from annotator.parsing import load_pipeline

ROOT = Path(__file__).resolve().parents[1]
TARGET_MS = 2.0


def seeds() -> list[str]:
    """The seed articles' texts."""
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]


def main() -> None:
    """Time bare parsing and the numbers layer on the same texts; print one table."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=20)
    args = ap.parse_args()
    texts = seeds()
    nlp = load_pipeline("en_core_web_sm", frozenset(NumbersAnnotator.needs))
    layer = NumbersAnnotator()
    layer.setup(nlp)
    docs = [Document(id=str(i), text=t) for i, t in enumerate(texts)]
    parsed = list(nlp.pipe(texts))
    for doc, parse in zip(docs, parsed, strict=True):
        list(layer.annotate(doc, parse))  # warm caches (pint units, regexes)
    spacy_ms, layer_ms = [], []
    for _ in range(args.rounds):
        t = time.perf_counter()
        list(nlp.pipe(texts))
        spacy_ms.append(1000 * (time.perf_counter() - t) / len(texts))
        t = time.perf_counter()
        for doc, parse in zip(docs, parsed, strict=True):
            list(layer.annotate(doc, parse))
        layer_ms.append(1000 * (time.perf_counter() - t) / len(texts))
    size = sum(len(t.encode("utf-8")) for t in texts) / len(texts) / 1000
    bare, ours = median(spacy_ms), median(layer_ms)
    print(f"| seeds ({len(texts)} articles, {size:.1f} KB avg, {args.rounds} rounds, medians) | ms/article |")
    print("|---|---|")
    print(f"| bare spaCy parse ({', '.join(nlp.pipe_names)}) | {bare:.2f} |")
    print(f"| numbers layer alone | {ours:.3f} (target < {TARGET_MS:.0f}) |")
    print(f"| ratio layer / bare spaCy | {ours / bare:.3f} |")


if __name__ == "__main__":
    main()
