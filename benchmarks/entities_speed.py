"""The entities layer's own time per article, as a ratio to the bare model's parse, in one run.

    .venv/bin/python benchmarks/entities_speed.py [--repeat N] [--rounds R]

The corpus is the seed articles repeated ``N`` times. One process loads the pipeline once, then,
``R`` times interleaved: parses the corpus with bare ``nlp.pipe`` (the components the entities
layer needs) and runs the ``entities`` pipeline on it, timing only the entities annotator's
``annotate`` calls (the blocks layer and the shared parse are not its own time). Figures are
medians of CPU time (``time.process_time``: the machine is shared, and waiting for a core is
nobody's own time). To compare with another checkout, run the same command there: the ratio, not the
milliseconds, is what carries across machines and loads. Setup (reading the dictionary for the
heading evidence) happens once per process and is printed apart.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from statistics import median
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
MODEL = "en_core_web_sm"


def corpus(repeat: int) -> list[str]:
    """The seed texts, ``repeat`` times over."""
    metas = [json.loads(x) for x in (ROOT / "seeds" / "seeds.meta.jsonl").read_text().splitlines() if x]
    texts = [(ROOT / "seeds" / m["file"]).read_text(encoding="utf-8") for m in metas]
    return texts * repeat


def timed_pipeline() -> tuple[Any, list[float], float]:
    """The entities pipeline with its annotator's ``annotate`` timed, and the setup seconds."""
    from annotator import Pipeline

    started = time.process_time()
    pipe = Pipeline(plugins=["entities"], model=MODEL, on_error="raise")
    setup = time.process_time() - started
    entities = next(a for a in pipe.annotators if a.name == "entities")
    spent = [0.0]
    inner = entities.annotate

    def timed(document: Any, parsed: Any) -> Any:
        t = time.process_time()
        try:
            return list(inner(document, parsed))
        finally:
            spent[0] += time.process_time() - t

    entities.annotate = timed  # type: ignore[method-assign]
    return pipe, spent, setup


def main(argv: list[str] | None = None) -> int:
    """Time bare parse and the entities layer, print per-article figures and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=20, help="times the seeds are repeated")
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds; medians count")
    args = parser.parse_args(argv)
    from annotator.parsing import load_pipeline
    from annotator.records import InputDocument

    texts = corpus(args.repeat)
    nlp = load_pipeline(MODEL, frozenset({"ner"}))
    pipe, spent, setup = timed_pipeline()
    parse, own = [], []
    for _ in range(args.rounds):
        started = time.process_time()
        for _doc in nlp.pipe(texts):
            pass
        parse.append(time.process_time() - started)
        spent[0] = 0.0
        for _doc in pipe.annotate(InputDocument(id=f"d{i}", text=t) for i, t in enumerate(texts)):
            pass
        own.append(spent[0])
    n = len(texts)
    p, e = median(parse), median(own)
    print(f"{n} articles ({len(texts) // args.repeat} seeds x {args.repeat}), {args.rounds} rounds, medians")
    print(f"bare parse: {1000 * p / n:.2f} ms per article")
    print(f"entities layer: {1000 * e / n:.3f} ms per article, {e / p:.4f}x the bare parse")
    print(f"entities setup (once per process): {setup:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
