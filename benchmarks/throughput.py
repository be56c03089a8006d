"""Throughput benchmark: bare spaCy ``nlp.pipe`` against ``annotator annotate`` with every plugin.

One command, one run (from the repo root)::

    .venv/bin/python benchmarks/throughput.py            # 1,000 docs; RSS at 1,000 and 10,000
    .venv/bin/python benchmarks/throughput.py --quick    # 300 docs; RSS at 300 and 3,000

The corpus is the seed articles repeated. Each small-corpus job runs ``--rounds`` times (default 3),
interleaved, and the figures are medians (single runs on this VM vary by a few percent). Every
measurement is a fresh process, timed from start to exit (model and plugin loading included);
peak RSS is the largest sum over the process and all its children, sampled every 50 ms (forked
children share pages, so it overstates a little). The bare run uses the same model, the same
components (those the plugins need), the same thinc ops and batch size as the annotator run.
Not a test: it prints figures, including misses.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from statistics import median

import psutil

ROOT = Path(__file__).resolve().parents[1]
ANNOTATOR = Path(sys.executable).parent / "annotator"
TARGETS = {"ratio_1": 0.85, "scaling_2": 1.8, "rss_growth": 0.10, "dask_vs_local": 0.10}


def make_corpus(n: int, folder: Path) -> Path:
    """The seeds repeated to ``n`` documents, as JSONL with their publication dates."""
    metas = [json.loads(x) for x in (ROOT / "seeds" / "seeds.meta.jsonl").read_text().splitlines() if x]
    seeds = [((ROOT / "seeds" / m["file"]).read_text(encoding="utf-8"), m) for m in metas]
    path = folder / f"corpus-{n}.jsonl"
    with open(path, "w", encoding="utf-8") as out:
        for i in range(n):
            text, meta = seeds[i % len(seeds)]
            record = {"id": f"doc{i:05d}", "text": text, "meta": {"published": meta.get("published")}}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


class PeakRSS(threading.Thread):
    """Largest RSS summed over a process and its descendants."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.root, self.peak, self.done = psutil.Process(pid), 0, False

    def run(self) -> None:
        while not self.done:
            try:
                procs = [self.root, *self.root.children(recursive=True)]
            except psutil.Error:
                break
            self.peak = max(self.peak, sum(_rss(p) for p in procs))
            time.sleep(0.05)


def _rss(process: psutil.Process) -> int:
    try:
        return int(process.memory_info().rss)
    except psutil.Error:
        return 0


def measure(label: str, cmd: list[str], corpus: Path) -> dict:
    """Run ``cmd`` once; return wall seconds, docs/s, words/s and peak RSS."""
    texts = [json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines()]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    sampler = PeakRSS(proc.pid)
    sampler.start()
    _, err = proc.communicate()
    seconds = time.perf_counter() - started
    sampler.done = True
    sampler.join()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{label} failed ({proc.returncode}):\n{err[-2000:]}")
    words = sum(len(t.split()) for t in texts)
    row = {"run": label, "docs": len(texts), "seconds": round(seconds, 1), "docs_s": len(texts) / seconds}
    row |= {"words_s": words / seconds, "peak_rss_mb": sampler.peak / 2**20}
    print(
        f"  {label:<30} {row['docs']:6d} docs {seconds:7.1f} s {row['docs_s']:6.2f} docs/s "
        f"{row['words_s']:7.0f} words/s {row['peak_rss_mb']:6.0f} MB",
        flush=True,
    )
    return row


def bare_cmd(corpus: Path, n_process: int) -> list[str]:
    return [sys.executable, __file__, "--bare", str(corpus), "--n-process", str(n_process)]


def annotate_cmd(corpus: Path, n_process: int, engine: str = "local") -> list[str]:
    out = corpus.with_name(f"out-{engine}-{n_process}-{corpus.stem}.jsonl")
    cmd = [str(ANNOTATOR), "annotate", str(corpus), "-o", str(out), "-q", "--n-process", str(n_process)]
    return [*cmd, "--engine", engine]


def run_bare(corpus: Path, n_process: int) -> None:
    """Child mode: bare nlp.pipe with the components, ops and batch size the annotator run uses."""
    from annotator.parsing import load_pipeline, single_threaded_blas
    from annotator.pipeline import DEFAULT_BATCH_SIZE
    from annotator.registry import build_registry

    single_threaded_blas()
    needs = frozenset(n for reg in build_registry().annotators.values() for n in reg.obj.needs)
    nlp = load_pipeline("en_core_web_sm", needs)
    texts = (json.loads(line)["text"] for line in open(corpus, encoding="utf-8"))
    for doc in nlp.pipe(texts, batch_size=DEFAULT_BATCH_SIZE, n_process=n_process):
        len(doc.ents)


def environment() -> dict:
    """Plugins installed, ops chosen, versions: what produced these figures."""
    from annotator.parsing import fastest_ops, ops_setting, single_threaded_blas
    from annotator.registry import build_registry

    single_threaded_blas()
    setting = ops_setting()
    ops = fastest_ops() if setting == "auto" else setting
    registry = build_registry()
    plugins = {p.name: p.version for p in registry.plugins}
    load = os.getloadavg()
    return {"plugins": plugins, "annotators": sorted(registry.annotators), "ops": ops, "load_before": load}


def main() -> None:
    args = _parser().parse_args()
    if args.bare:
        run_bare(Path(args.bare), args.n_process)
        return
    small, large = (300, 3000) if args.quick else (1000, 10000)
    if args.sizes:
        small, large = (int(x) for x in args.sizes.split(","))
    env = environment()
    print(f"plugins: {', '.join(env['annotators'])}; ops: {env['ops']}; load average {env['load_before']}")
    with tempfile.TemporaryDirectory(prefix="annotator-bench-") as tmp:
        rows = _runs(make_corpus(small, Path(tmp)), make_corpus(large, Path(tmp)), args.no_dask, args.rounds)
    report = {"environment": env, "rows": rows, "summary": summarize(rows, small, large)}
    report["environment"]["load_after"] = os.getloadavg()
    _print_medians(rows)
    _print_summary(report["summary"])
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1), encoding="utf-8")


def _runs(small: Path, large: Path, no_dask: bool, rounds: int) -> list[dict]:
    """Each small-corpus job once per round, interleaved so slow spells hit all alike; then the large one."""
    rows = []
    for round_ in range(1, rounds + 1):
        print(f"round {round_} of {rounds}", flush=True)
        for n in (1, 2):
            rows.append(measure(f"bare nlp.pipe n_process={n}", bare_cmd(small, n), small))
            rows.append(measure(f"annotator local n_process={n}", annotate_cmd(small, n), small))
        if not no_dask:
            rows.append(measure("annotator dask 2 workers", annotate_cmd(small, 2, "dask"), small))
    rows.append(measure("annotator local n_process=2", annotate_cmd(large, 2), large))
    return rows


def medians(rows: list[dict]) -> dict[tuple[str, int], dict]:
    """Per job (run, docs): the median docs/s and the median peak RSS over its rounds."""
    jobs: dict[tuple[str, int], list[dict]] = {}
    for row in rows:
        jobs.setdefault((row["run"], row["docs"]), []).append(row)
    return {
        job: {key: median(r[key] for r in runs) for key in ("docs_s", "peak_rss_mb")}
        for job, runs in jobs.items()
    }


def summarize(rows: list[dict], small: int, large: int) -> dict:
    """The four target figures from the medians, each with its target and whether it was met."""
    get = medians(rows)
    bare1, ann1 = get["bare nlp.pipe n_process=1", small], get["annotator local n_process=1", small]
    bare2, ann2 = get["bare nlp.pipe n_process=2", small], get["annotator local n_process=2", small]
    big = get["annotator local n_process=2", large]
    figures = {
        "ratio_1": ann1["docs_s"] / bare1["docs_s"],
        "ratio_2": ann2["docs_s"] / bare2["docs_s"],
        "scaling_2": ann2["docs_s"] / ann1["docs_s"],
        "rss_growth": big["peak_rss_mb"] / ann2["peak_rss_mb"] - 1,
    }
    dask = get.get(("annotator dask 2 workers", small))
    if dask:
        figures["dask_vs_local"] = 1 - dask["docs_s"] / ann2["docs_s"]
    return {k: {"value": v, "target": TARGETS.get(k), "met": _met(k, v)} for k, v in figures.items()}


def _met(key: str, value: float) -> bool | None:
    if key not in TARGETS:
        return None
    return value <= TARGETS[key] if key in ("rss_growth", "dask_vs_local") else value >= TARGETS[key]


def _print_medians(rows: list[dict]) -> None:
    print("medians:")
    for (run, docs), figures in medians(rows).items():
        print(f"  {run:<30} {docs:6d} docs {figures['docs_s']:6.2f} docs/s {figures['peak_rss_mb']:6.0f} MB")


def _print_summary(summary: dict) -> None:
    names = {
        "ratio_1": "annotator / bare spaCy, 1 process",
        "ratio_2": "annotator / bare spaCy, 2 processes",
        "scaling_2": "annotator 2 processes / 1 process",
        "rss_growth": "peak RSS growth, small -> large corpus",
        "dask_vs_local": "Dask slower than local by",
    }
    for key, item in summary.items():
        target = (
            ""
            if item["target"] is None
            else f"  target {item['target']:.2f}: {'met' if item['met'] else 'MISSED'}"
        )
        print(f"{names[key]:<40} {item['value']:6.2f}{target}")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="300 docs (RSS at 300 and 3,000).")
    parser.add_argument("--sizes", help="SMALL,LARGE corpus sizes instead (e.g. 20,40 for a smoke run).")
    parser.add_argument("--no-dask", action="store_true", help="Skip the Dask run.")
    parser.add_argument("--rounds", type=int, default=3, help="Runs of each small-corpus job; medians count.")
    parser.add_argument("--json", help="Also write the figures to this file.")
    parser.add_argument("--bare", help=argparse.SUPPRESS)
    parser.add_argument("--n-process", type=int, default=1, help=argparse.SUPPRESS)
    return parser


if __name__ == "__main__":
    main()
