"""What a run does once before its first document: freeze what it loaded, start workers early."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from annotator.cli.annotate_cmd import SMALL_INPUT, _will_fork
from annotator.engines import EngineSettings

FREEZE_PROBE = """
import gc
from annotator.engines.worker import pipeline_for
from annotator.runner import RunSpec
before = gc.get_freeze_count()
pipeline_for(RunSpec(plugins=("entities",)))
print(before, gc.get_freeze_count())
"""


def test_worker_pipeline_is_frozen_out_of_the_garbage_collector() -> None:
    out = subprocess.run([sys.executable, "-c", FREEZE_PROBE], capture_output=True, text=True, check=True)
    before, after = (int(x) for x in out.stdout.split())
    assert before == 0
    assert after > 100_000  # the model's and the plugins' objects, not a handful


@pytest.mark.parametrize(
    ("n_process", "engine", "expected"),
    [(2, "local", True), (1, "local", False), (2, "dask", False)],
)
def test_will_fork_follows_an_explicit_choice(
    n_process: int, engine: str, expected: bool, tmp_path: Path
) -> None:
    small = tmp_path / "one.txt"
    small.write_text("Pakistan and Afghanistan agreed to a ceasefire in Doha.", encoding="utf-8")
    settings = EngineSettings(engine=engine, n_process=n_process)  # type: ignore[arg-type]
    assert _will_fork(settings, [str(small)]) is expected


def test_will_fork_by_default_only_for_large_or_unbounded_file_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("annotator.cli.annotate_cmd.default_n_process", lambda: 2)
    small, large = tmp_path / "small.txt", tmp_path / "large.jsonl"
    small.write_text("Talks resumed in Istanbul on Thursday.", encoding="utf-8")
    large.write_text('{"text": "Talks resumed."}\n' * (SMALL_INPUT // 20), encoding="utf-8")
    default = EngineSettings()
    assert not _will_fork(default, [str(small)])
    assert not _will_fork(default, ["-"])  # standard input: most often a quick pipe
    assert _will_fork(default, [str(large)])
    assert _will_fork(default, [str(tmp_path)])  # a folder
