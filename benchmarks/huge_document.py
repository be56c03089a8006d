"""Peak memory and time for one document over spaCy's max_length, annotated in paragraph chunks.

Run from the repo root: ``.venv/bin/python benchmarks/huge_document.py [MEGABYTES] [PLUGINS]``
(default 1.2 MB and every installed annotator; PLUGINS is comma-separated, e.g. ``entities,numbers``).
Prints characters, chunks, seconds and peak resident memory; docs/reliability.md quotes the result.
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

from annotator.pipeline import Pipeline, chunk_bounds

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def main(megabytes: float, plugins: list[str] | None) -> None:
    """Build a text of repeated seed stories and annotate it once with every installed annotator."""
    stories = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    base = "\n\n".join(stories)
    text = (base + "\n\n") * int(megabytes * 1_000_000 / (len(base) + 2) + 1)
    pipe = Pipeline(plugins=plugins)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    doc = pipe(text, doc_id="huge")
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    spans = sum(len(v) for v in doc.spans.values())
    print(
        f"characters {len(text):,}  max_length {pipe.nlp.max_length:,}  chunks "
        f"{len(chunk_bounds(text, pipe.chunk_chars))} of <= {pipe.chunk_chars:,}"
    )
    print(f"annotators {', '.join(a.name for a in pipe.annotators)}")
    print(f"time {elapsed:.1f} s  spans {spans:,}  errors {len(doc.errors)}")
    print(f"peak RSS {peak:.0f} MB (after loading the pipeline: {rss_before:.0f} MB)")


if __name__ == "__main__":
    names = sys.argv[2].split(",") if len(sys.argv) > 2 else None
    main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.2, names)
