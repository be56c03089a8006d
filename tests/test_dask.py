"""The Dask engine on a LocalCluster started here (2 workers): same records as one machine."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_engines import SABOTEUR  # exits or hangs on documents whose meta asks for it

from annotator.engines import EngineSettings, annotate_stream
from annotator.inputs import read_inputs
from annotator.records import InputDocument
from annotator.runner import RunSpec

pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """One LocalCluster for the module: its workers keep their loaded pipelines between tests."""
    from annotator.engines.dask_engine import local_cluster

    cluster = local_cluster(2)
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close()


def _dask(spec: RunSpec, items: list, scheduler: str, **settings: object) -> list[str | None]:
    options = EngineSettings(engine="dask", scheduler=scheduler, partition_size=2, **settings)  # type: ignore[arg-type]
    return [record.line for record in annotate_stream(spec, items, options)]


@pytest.mark.slow
def test_dask_engine_output_equals_single_machine_run_on_the_seeds(seeds_dir: Path, scheduler: str) -> None:
    spec = RunSpec(batch_size=2)  # every installed plugin, as `annotator annotate seeds/` runs them
    items = list(read_inputs([str(seeds_dir)]))
    single = [r.line for r in annotate_stream(spec, items, EngineSettings(n_process=1))]
    assert _dask(spec, items, scheduler) == single
    assert len(single) == 5 and all(json.loads(line)["spans"] for line in single)


@pytest.mark.slow
def test_dask_engine_leaves_ordered_parts_when_asked(seeds_dir: Path, scheduler: str, tmp_path: Path) -> None:
    spec = RunSpec(plugins=("entities",), batch_size=2)
    items = list(read_inputs([str(seeds_dir)]))
    merged = _dask(spec, items, scheduler)
    assert _dask(spec, items, scheduler, parts_dir=tmp_path / "parts") == [None] * len(items)
    parts = sorted((tmp_path / "parts").glob("part-*.jsonl"))
    assert len(parts) == 3 and (tmp_path / "parts" / "_SUCCESS").exists()
    assert [line for p in parts for line in p.read_text(encoding="utf-8").splitlines()] == merged


@pytest.mark.slow
def test_dask_engine_turns_a_document_that_always_kills_its_worker_into_an_error(
    seed_texts: dict[str, str], scheduler: str, tmp_path: Path
) -> None:
    (tmp_path / "saboteur.py").write_text(SABOTEUR, encoding="utf-8")
    spec = RunSpec(plugins=("entities", "saboteur"), batch_size=2, plugins_dirs=(tmp_path,))
    docs = [InputDocument(id=k, text=t) for k, t in sorted(seed_texts.items())][:4]
    docs[1] = docs[1].model_copy(update={"meta": {"sabotage": "exit"}})
    records = [json.loads(line) for line in _dask(spec, docs, scheduler)]
    assert [r.get("id") for r in records] == [d.id for d in docs]
    assert "killed its Dask worker on every attempt" in records[1]["error"]["reason"]
    assert all(r["spans"]["entities"] for i, r in enumerate(records) if i != 1)


@pytest.mark.slow
def test_dask_engine_stops_a_hanging_annotator_and_the_document_loses_only_its_layer(
    seed_texts: dict[str, str], scheduler: str, tmp_path: Path
) -> None:
    (tmp_path / "saboteur.py").write_text(SABOTEUR, encoding="utf-8")
    spec = RunSpec(plugins=("entities", "saboteur"), batch_size=2, plugins_dirs=(tmp_path,))
    docs = [InputDocument(id=k, text=t) for k, t in sorted(seed_texts.items())][:3]
    docs[2] = docs[2].model_copy(update={"meta": {"sabotage": "hang"}})
    records = [json.loads(line) for line in _dask(spec, docs, scheduler, time_limit=1.5)]
    alone = [
        json.loads(r.line) for r in annotate_stream(RunSpec(plugins=("entities",)), docs, EngineSettings())
    ]
    assert [r.get("id") for r in records] == [d.id for d in docs]
    assert "error" not in records[2]
    assert records[2]["spans"]["entities"] == alone[2]["spans"]["entities"]
    [error] = records[2]["errors"]
    assert error["annotator"] == "saboteur"
    assert "exceeded the per-document time limit of 1.5 s" in error["reason"]
    assert [r["errors"] for r in records[:2]] == [[], []]
    assert [r["spans"]["entities"] for r in records[:2]] == [r["spans"]["entities"] for r in alone[:2]]


def test_dask_unreachable_scheduler_is_one_clear_line() -> None:
    import subprocess
    import sys
    from pathlib import Path

    annotator_bin = str(Path(sys.executable).with_name("annotator"))
    args = [
        annotator_bin,
        "annotate",
        "-",
        "--plugins",
        "blocks",
        "--engine",
        "dask",
        "--scheduler",
        "tcp://127.0.0.1:1",
    ]
    done = subprocess.run(args, input="x", capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr.strip().startswith("Error: Cannot reach the Dask scheduler at tcp://127.0.0.1:1")
    assert "Traceback" not in done.stderr


def test_dask_local_cluster_workers_run_without_profiler_and_unmodified_malloc(scheduler: str) -> None:
    import distributed

    def settings() -> tuple[object, object, str | None]:
        import os

        import dask

        profile = dask.config.get("distributed.worker.profile.enabled")
        gil = dask.config.get("distributed.admin.system-monitor.gil.enabled")
        return profile, gil, os.environ.get("MALLOC_TRIM_THRESHOLD_")

    with distributed.Client(scheduler) as client:
        seen = client.run(settings)
    assert len(seen) == 2
    assert set(seen.values()) == {(False, False, None)}  # each costs the annotators time in every worker
