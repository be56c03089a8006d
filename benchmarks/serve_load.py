"""Loopback load test of ``annotator serve`` next to the CLI and bare spaCy on the same articles.

One command (from the repo root)::

    .venv/bin/python benchmarks/serve_load.py                 # 240 requests per level, 2 workers
    .venv/bin/python benchmarks/serve_load.py --requests 60   # quicker

The articles are the seeds repeated. Figures, all from this one run:

* bare spaCy: ``nlp.pipe`` over the articles in one process (same model, same components), after loading;
* CLI: ``annotator annotate --n-process W`` on N articles and on one, as fresh processes; its
  documents/s is ``(N - 1) / (t_N - t_1)``, so start-up (model loading) is not counted against it;
* server: ``annotator serve --workers W`` already started, then C concurrent clients (1, 4, 16),
  each posting one article per ``/annotate`` request until the level's bounded request count is
  done; requests/s and p50/p95 latency per level.

The acceptance target is throughput at 16 clients >= 0.8x the CLI's on the same cores. Traffic goes
to 127.0.0.1 only, every loop is bounded, and the server is stopped by its PID. Not a test: it
prints figures, including misses.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from statistics import quantiles

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from serve_server import running_server  # noqa: E402

TARGET = 0.8
LEVELS = (1, 4, 16)


def articles(n: int) -> list[dict]:
    """The seeds repeated to ``n`` documents with distinct ids and their publication dates."""
    metas = [json.loads(x) for x in (ROOT / "seeds" / "seeds.meta.jsonl").read_text().splitlines() if x]
    seeds = [((ROOT / "seeds" / m["file"]).read_text(encoding="utf-8"), m.get("published")) for m in metas]
    return [
        {
            "id": f"doc{i:05d}",
            "text": seeds[i % len(seeds)][0],
            "meta": {"published": seeds[i % len(seeds)][1]},
        }
        for i in range(n)
    ]


def bare_spacy(docs: list[dict]) -> float:
    """Documents/s of ``nlp.pipe`` with the pipeline the plugins load, timed after loading."""
    from annotator.runner import RunSpec

    nlp = RunSpec().build().nlp
    list(nlp.pipe([d["text"] for d in docs[:8]]))
    start = time.perf_counter()
    for _ in nlp.pipe([d["text"] for d in docs], batch_size=32):
        pass
    return len(docs) / (time.perf_counter() - start)


def cli(docs: list[dict], workers: int, folder: Path) -> tuple[float, float, float]:
    """(t_1, t_N, marginal documents/s) of fresh ``annotator annotate`` processes."""
    times = []
    for subset in (docs[:1], docs):
        path = folder / f"in-{len(subset)}.jsonl"
        path.write_text("".join(json.dumps(d) + "\n" for d in subset), encoding="utf-8")
        cmd = [sys.executable, "-m", "annotator", "annotate", str(path), "-o", str(folder / "out.jsonl")]
        start = time.perf_counter()
        subprocess.run([*cmd, "--n-process", str(workers)], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return times[0], times[1], (len(docs) - 1) / (times[1] - times[0])


async def load(url: str, docs: list[dict], clients: int, requests: int) -> dict[str, float]:
    """``requests`` posts of one article each, from ``clients`` concurrent clients."""
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    todo = iter(range(requests))

    async def client(http: httpx.AsyncClient) -> None:
        for i in todo:
            start = time.perf_counter()
            response = await http.post(url + "/annotate", json=docs[i % len(docs)])
            latencies.append(time.perf_counter() - start)
            statuses[response.status_code] = statuses.get(response.status_code, 0) + 1

    limits = httpx.Limits(max_connections=clients)
    async with httpx.AsyncClient(timeout=300, limits=limits) as http:
        start = time.perf_counter()
        await asyncio.gather(*(client(http) for _ in range(clients)))
        wall = time.perf_counter() - start
    cuts = quantiles(latencies, n=100)
    return {
        "rps": requests / wall,
        "p50": cuts[49] * 1000,
        "p95": cuts[94] * 1000,
        "ok": statuses.get(200, 0),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=240, help="Requests per concurrency level.")
    parser.add_argument("--workers", type=int, default=2, help="Worker processes for CLI and server.")
    args = parser.parse_args()
    docs = articles(args.requests)
    spacy_dps = bare_spacy(docs)
    with tempfile.TemporaryDirectory() as tmp:
        t1, tn, cli_dps = cli(docs, args.workers, Path(tmp))
    rows = []
    with running_server(["--workers", str(args.workers), "--max-queued", "4096"]) as server:
        asyncio.run(load(server.url, docs, 4, min(20, args.requests)))  # warm-up, not reported
        for clients in LEVELS:
            rows.append((clients, asyncio.run(load(server.url, docs, clients, args.requests))))
        batching = httpx.get(server.url + "/metrics").json()["mean_batch_size"]
    print(f"## annotator serve load test ({len(docs)} articles, {args.workers} workers, 127.0.0.1)\n")
    print(f"bare spaCy nlp.pipe: {spacy_dps:.1f} docs/s (one process)")
    print(
        f"CLI annotate --n-process {args.workers}: t_1 {t1:.1f} s, t_{len(docs)} {tn:.1f} s, "
        f"{cli_dps:.1f} docs/s marginal\n"
    )
    print("| clients | requests/s | p50 ms | p95 ms | 200s | vs CLI | vs bare spaCy |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for clients, r in rows:
        print(
            f"| {clients} | {r['rps']:.1f} | {r['p50']:.0f} | {r['p95']:.0f} | {r['ok']:.0f} | "
            f"{r['rps'] / cli_dps:.2f}x | {r['rps'] / spacy_dps:.2f}x |"
        )
    ratio = rows[-1][1]["rps"] / cli_dps
    verdict = "met" if ratio >= TARGET else "NOT met"
    print(f"\nmean batch size over the run: {batching}")
    print(f"target: 16 clients >= {TARGET}x the CLI: {ratio:.2f}x, {verdict}")


if __name__ == "__main__":
    main()
