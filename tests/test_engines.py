"""The local multi-process engine: same records as in-process, input order, dead and hung workers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotator.engines import EngineSettings, annotate_stream, default_n_process
from annotator.engines.local import LocalEngine
from annotator.inputs import read_inputs
from annotator.records import InputDocument, RecordError
from annotator.runner import RunSpec

ANNOTATOR = Path(sys.executable).parent / "annotator"

SABOTEUR = '''
import os
import time

import annotator


class Saboteur(annotator.Annotator):
    """Misbehaves on documents whose meta asks for it: exit, exit-once (marker file) or hang."""

    name = "saboteur"
    version = "1.0"

    def annotate(self, document, parsed):
        action = document.meta.get("sabotage")
        if action == "exit":
            os._exit(137)
        if action == "exit-once" and not os.path.exists(document.meta["marker"]):
            open(document.meta["marker"], "w").close()
            os._exit(137)
        if action == "hang":
            time.sleep(3600)
        return []


@annotator.hookimpl
def register_annotators(register):
    register(Saboteur)
'''


@pytest.fixture(scope="module")
def saboteur_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("plugins")
    (folder / "saboteur.py").write_text(SABOTEUR, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def seed_docs(seed_texts: dict[str, str]) -> list[InputDocument]:
    return [InputDocument(id=sid, text=text) for sid, text in sorted(seed_texts.items())]


def _spec(saboteur_dir: Path) -> RunSpec:
    return RunSpec(plugins=("entities", "saboteur"), batch_size=2, plugins_dirs=(saboteur_dir,))


def _lines(spec: RunSpec, items: list, n_process: int, time_limit: float = 60.0) -> list[str]:
    settings = EngineSettings(n_process=n_process, time_limit=time_limit)
    return [record.to_json() for record in annotate_stream(spec, items, settings)]


def _sabotaged(docs: list[InputDocument], index: int, **meta: str) -> list[InputDocument]:
    return [d.model_copy(update={"meta": meta}) if i == index else d for i, d in enumerate(docs)]


@pytest.fixture(scope="module")
def in_process(saboteur_dir: Path, seed_docs: list[InputDocument]) -> list[str]:
    return _lines(_spec(saboteur_dir), seed_docs, n_process=1)


def test_default_n_process_is_the_available_cores() -> None:
    assert default_n_process() == min(len(os.sched_getaffinity(0)), 8)


@pytest.mark.slow
def test_local_engine_output_equals_in_process_run(saboteur_dir, seed_docs, in_process) -> None:
    assert _lines(_spec(saboteur_dir), seed_docs, n_process=2) == in_process


@pytest.mark.slow
def test_local_engine_keeps_read_errors_in_input_order(saboteur_dir, seed_docs) -> None:
    bad = RecordError(stage="read", reason="malformed JSON: Expecting value (column 1)")
    items = [seed_docs[0], bad, seed_docs[1], seed_docs[2], bad, seed_docs[3]]
    records = [json.loads(line) for line in _lines(_spec(saboteur_dir), items, n_process=2)]
    assert [r.get("id") for r in records] == [items[0].id, None, items[2].id, items[3].id, None, items[5].id]
    assert [r["error"]["reason"] for r in records if "error" in r] == [bad.reason, bad.reason]


@pytest.mark.slow
def test_local_engine_recovers_when_a_worker_dies_once(saboteur_dir, seed_docs, in_process, tmp_path) -> None:
    docs = _sabotaged(seed_docs, 2, sabotage="exit-once", marker=str(tmp_path / "crashed"))
    lines = _lines(_spec(saboteur_dir), docs, n_process=2)
    assert (tmp_path / "crashed").exists()
    assert [json.loads(x)["spans"] for x in lines] == [json.loads(x)["spans"] for x in in_process]


@pytest.mark.slow
def test_local_engine_turns_a_document_that_always_kills_its_worker_into_an_error(
    saboteur_dir, seed_docs, in_process
) -> None:
    docs = _sabotaged(seed_docs, 3, sabotage="exit")
    records = [json.loads(line) for line in _lines(_spec(saboteur_dir), docs, n_process=2)]
    assert [r.get("id") for r in records] == [d.id for d in docs]
    assert "worker process died" in records[3]["error"]["reason"]
    assert [r["spans"] for i, r in enumerate(records) if i != 3] == [
        json.loads(x)["spans"] for i, x in enumerate(in_process) if i != 3
    ]


@pytest.mark.slow
def test_local_engine_stops_a_hanging_annotator_and_the_document_loses_only_its_layer(
    saboteur_dir, seed_docs
) -> None:
    docs = _sabotaged(seed_docs, 1, sabotage="hang")
    engine = LocalEngine(_spec(saboteur_dir), n_process=2, time_limit=1.5)
    records = [json.loads(r.to_json()) for r in engine.run(docs)]
    expected = [json.loads(x) for x in _lines(RunSpec(plugins=("entities",), batch_size=2), docs, 1)]
    assert [r["id"] for r in records] == [d.id for d in docs]
    assert "error" not in records[1]
    assert records[1]["spans"]["entities"] == expected[1]["spans"]["entities"]
    assert "saboteur" not in records[1]["spans"]
    [error] = records[1]["errors"]
    assert error["annotator"] == "saboteur"
    assert "exceeded the per-document time limit of 1.5 s" in error["reason"]
    assert engine.restarts == 1  # the second run leaves the saboteur out, so it does not hang again


@pytest.mark.slow
def test_cli_n_process_two_writes_the_same_output_as_in_process(seeds_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "n2.jsonl"
    cmd = [str(ANNOTATOR), "annotate", str(seeds_dir), "--plugins", "entities", "--batch-size", "2"]
    subprocess.run([*cmd, "--n-process", "2", "-o", str(out)], check=True, capture_output=True)
    spec = RunSpec(plugins=("entities",), batch_size=2)
    expected = _lines(spec, list(read_inputs([str(seeds_dir)])), n_process=1)
    assert out.read_text(encoding="utf-8").splitlines() == expected


@pytest.mark.slow
def test_local_engine_workers_exit_when_the_run_is_killed(seeds_dir: Path, tmp_path: Path) -> None:
    psutil = pytest.importorskip("psutil")
    corpus = tmp_path / "corpus.jsonl"
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))] * 8
    corpus.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
    cmd = [str(ANNOTATOR), "annotate", str(corpus), "--plugins", "entities", "--n-process", "2", "-q"]
    run = psutil.Popen([*cmd, "-o", str(tmp_path / "out.jsonl")])
    workers: list = []
    for _ in range(200):
        workers = run.children(recursive=True)
        if len(workers) >= 4:  # resource tracker, forkserver, two workers
            break
        time.sleep(0.1)
    time.sleep(1.0)
    run.kill()
    run.wait()
    gone, alive = psutil.wait_procs(workers, timeout=10)
    assert alive == []


@pytest.mark.slow
def test_serve_engine_hang_loses_only_that_layer(saboteur_dir, seed_docs) -> None:
    from annotator.serve.engine import ServeEngine

    engine = ServeEngine(_spec(saboteur_dir), n_process=1, time_limit=1.5)
    engine.start()
    try:
        batch = _sabotaged(seed_docs[:2], 0, sabotage="hang")
        records = [json.loads(r.to_json()) for r in engine.annotate(batch)]
    finally:
        engine.stop()
    assert [r["id"] for r in records] == [d.id for d in batch]
    assert "error" not in records[0] and records[0]["spans"]["entities"]
    assert [e["annotator"] for e in records[0]["errors"]] == ["saboteur"]
    assert "error" not in records[1] and not records[1]["errors"]
