"""How annotator time grows with document length: every installed annotator on one long Doc.

Run from the repo root::

    .venv/bin/python benchmarks/long_documents.py                  # k = 2, 8, 32; all annotators
    .venv/bin/python benchmarks/long_documents.py --k 2 8 32 64 --plugins entities,quotes

The document is the five seed articles joined and repeated k times (k=32 is ~734k characters).
It is parsed the way the host parses a long text (paragraph-aligned chunks joined into ONE Doc),
then each annotator runs on that Doc in dependency order. For each length the script prints the
parse seconds and every annotator's ``annotate`` seconds; the last line is the growth exponent b
of a least-squares fit ``seconds ~ characters ** b`` (1 is linear, 2 quadratic). Times under
10 ms are left out of the fit (timer noise). Not a test: it prints what it measures.
"""

from __future__ import annotations

import argparse
import math
import time
from pathlib import Path

from annotator.document import Document
from annotator.pipeline import Pipeline

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
MIN_FITTED = 0.01  # seconds


def seed_text() -> str:
    """The seed articles joined by blank lines, as one story block."""
    return "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))


def measure(pipe: Pipeline, text: str) -> dict[str, float | None]:
    """Parse seconds and each annotator's seconds on ``text`` (None when the annotator failed)."""
    started = time.perf_counter()
    parsed = pipe._parse([text])[0]  # the host's own path: chunked above its chunk size
    row: dict[str, float | None] = {"parse": time.perf_counter() - started}
    document = Document(id="long", text=text, meta={"published": "2025-10-30"})
    for ann in pipe.annotators:
        started = time.perf_counter()
        try:
            document.spans[ann.name] = list(ann.annotate(document, parsed))
        except Exception as exc:  # noqa: BLE001 - report and go on with the others
            print(f"  {ann.name} failed: {type(exc).__name__}: {exc}")
            row[ann.name] = None
            continue
        row[ann.name] = time.perf_counter() - started
    return row


def exponent(sizes: list[int], seconds: list[float | None]) -> float | None:
    """Slope of log(seconds) against log(size), over the points long enough to time."""
    timed = [(n, s) for n, s in zip(sizes, seconds, strict=True) if s is not None and s >= MIN_FITTED]
    points = [(math.log(n), math.log(s)) for n, s in timed]
    if len(points) < 2:
        return None
    mx = sum(x for x, _ in points) / len(points)
    my = sum(y for _, y in points) / len(points)
    sxx = sum((x - mx) ** 2 for x, _ in points)
    return sum((x - mx) * (y - my) for x, y in points) / sxx if sxx else None


def table(sizes: list[int], ks: list[int], rows: list[dict[str, float | None]]) -> None:
    """Print seconds per column and length, then the fitted exponent of each column."""
    columns = list(rows[0])
    width = max(10, *(len(c) + 2 for c in columns))
    print("k".rjust(4) + "chars".rjust(11) + "".join(c.rjust(width) for c in columns))
    for k, n, row in zip(ks, sizes, rows, strict=True):
        cells = "".join(("failed" if row[c] is None else f"{row[c]:.2f}").rjust(width) for c in columns)
        print(f"{k:>4}{n:>11,}{cells}")
    fits = [exponent(sizes, [row[c] for row in rows]) for c in columns]
    print("exponent".rjust(15) + "".join(("-" if b is None else f"{b:.2f}").rjust(width) for b in fits))


def main() -> None:
    """Build the long documents, time parse and annotators on each, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--k", type=int, nargs="+", default=[2, 8, 32], help="repetitions of the seeds")
    parser.add_argument("--plugins", default=None, help="comma-separated annotators (default: all)")
    args = parser.parse_args()
    pipe = Pipeline(plugins=args.plugins.split(",") if args.plugins else None)
    base = seed_text()
    ks = sorted(args.k)
    texts = ["\n\n".join([base] * k) for k in ks]
    print(f"annotators: {', '.join(a.name for a in pipe.annotators)}; chunk size {pipe.chunk_chars:,} chars")
    rows = []
    for k, text in zip(ks, texts, strict=True):
        rows.append(measure(pipe, text))
        print(f"  k={k} done: " + " ".join(f"{c}={v:.2f}s" for c, v in rows[-1].items() if v is not None))
    table([len(t) for t in texts], ks, rows)


if __name__ == "__main__":
    main()
