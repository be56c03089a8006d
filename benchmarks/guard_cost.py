"""What the read-only guard (annotator.guard) costs, against the spaCy parse, in the same run.

Annotates the seed stories (repeated ``--repeat`` times) with every installed annotator from one
parse, once with the guard and once with it switched off, and prints the best of three rounds of
each next to one ``nlp.pipe`` pass over the same texts.

    .venv/bin/python benchmarks/guard_cost.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import annotator.pipeline as pipeline_module
from annotator.records import InputDocument

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))] * args.repeat
    pipe = pipeline_module.Pipeline()
    docs = [InputDocument(id=f"d{i}", text=t) for i, t in enumerate(texts)]
    parsed = pipe._parse(texts)

    def best() -> tuple[float, int]:
        times, spans = [], 0
        for _ in range(3):
            start = time.perf_counter()
            out = [pipe.annotate_parsed(d, p) for d, p in zip(docs, parsed, strict=True)]
            times.append(time.perf_counter() - start)
            spans = sum(len(s) for d in out for s in d.spans.values())
        return min(times), spans

    guarded, spans = best()
    pipeline_module.guarded = lambda guard, document, annotator, call: call()  # type: ignore[assignment]
    pipeline_module.DocumentGuard.commit_layer = lambda *a: None  # type: ignore[method-assign]
    pipeline_module.DocumentGuard.commit_summary = lambda *a: None  # type: ignore[method-assign]
    bare, _ = best()
    start = time.perf_counter()
    list(pipe.nlp.pipe(texts))
    parse = time.perf_counter() - start
    print(f"{len(docs)} documents, {spans} spans")
    print(f"annotators without guard {bare:.3f} s, with guard {guarded:.3f} s (+{guarded - bare:.3f} s)")
    print(f"spaCy parse {parse:.3f} s; guard / parse = {(guarded - bare) / parse:.1%}")


if __name__ == "__main__":
    main()
