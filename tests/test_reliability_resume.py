"""Interrupted runs lose nothing: the previous output survives and --resume finishes the job exactly."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from annotator.cli import app
from annotator.exitcodes import INTERRUPTED
from annotator.output import partial_path

BIN = str(Path(sys.executable).with_name("annotator"))
PREVIOUS = '{"id": "from-an-earlier-run"}\n'
SENTENCES = [
    "Pakistan's central bank cut its policy rate by 100 basis points to 11% on Monday.",
    "About 2,500 people were evacuated from Karachi after heavy rain, officials said.",
    "The KSE-100 index rose 1.2 percent to 118,000 points by mid-afternoon.",
    "Exports fell to $2.4 billion in October, down 4% from a year earlier.",
]
ARGS = ("--plugins", "numbers", "--batch-size", "8", "-q")


def invoke(*args: str) -> int:
    return CliRunner().invoke(app, ["annotate", *args], catch_exceptions=False).exit_code


@pytest.fixture(scope="module")
def news(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """160 short reports, with one repeated id and one broken line, so resume must count, not just match."""
    path = tmp_path_factory.mktemp("resume") / "news.jsonl"
    lines = [json.dumps({"id": f"r{i:03d}", "text": f"Report {i}: {SENTENCES[i % 4]}"}) for i in range(160)]
    lines[90] = json.dumps({"id": "r007", "text": "A repeated id, kept on purpose."})
    lines[120] = '{"id": "cut off'
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def uninterrupted(news: Path) -> str:
    out = news.with_name("uninterrupted.jsonl")
    assert invoke(str(news), "-o", str(out), "--duplicate-ids", "keep", *ARGS) == 1  # the broken line fails
    return out.read_text(encoding="utf-8")


def start_and_interrupt(news: Path, out: Path, sig: int) -> tuple[int, str]:
    """Run with two worker processes, send ``sig`` once some records are written; (exit code, stderr)."""
    cmd = [BIN, "annotate", str(news), "-o", str(out), "--n-process", "2", "--duplicate-ids", "keep", *ARGS]
    log = out.with_name("stderr.txt")
    with log.open("w") as err:  # a file, not a pipe: orphaned workers must not keep the test waiting
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, start_new_session=True)
    try:
        wait_for_records(proc, partial_path(out), 24)
        if sig == signal.SIGINT:
            os.killpg(proc.pid, sig)  # Ctrl-C reaches the whole process group
        else:
            os.kill(proc.pid, sig)  # kill -9 of the parent alone
        code = proc.wait(timeout=60)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)  # reap whatever the run left behind
    return code, log.read_text()


def wait_for_records(proc: subprocess.Popen, partial: Path, n: int) -> None:
    deadline = time.monotonic() + 120
    while not (partial.exists() and partial.read_bytes().count(b"\n") >= n):
        assert proc.poll() is None, "the run ended before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.02)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL], ids=["SIGINT", "SIGKILL"])
def test_resume_after_killing_multiprocess_run_equals_uninterrupted(
    news: Path, uninterrupted: str, tmp_path: Path, sig: int
) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text(PREVIOUS, encoding="utf-8")
    code, stderr = start_and_interrupt(news, out, sig)
    assert code == (INTERRUPTED if sig == signal.SIGINT else -signal.SIGKILL), stderr
    assert out.read_text(encoding="utf-8") == PREVIOUS
    written = partial_path(out).read_bytes().count(b"\n")
    assert 24 <= written < 160
    assert invoke(str(news), "-o", str(out), "--duplicate-ids", "keep", "--resume", *ARGS) == 1
    assert out.read_text(encoding="utf-8") == uninterrupted
    assert not partial_path(out).exists()


def test_resume_cuts_a_torn_last_line_and_never_writes_twice(
    news: Path, uninterrupted: str, tmp_path: Path
) -> None:
    out = tmp_path / "out.jsonl"
    complete = uninterrupted.splitlines(keepends=True)
    partial_path(out).write_text("".join(complete[:57]) + complete[57][:31], encoding="utf-8")
    assert invoke(str(news), "-o", str(out), "--duplicate-ids", "keep", "--resume", *ARGS) == 1
    assert out.read_text(encoding="utf-8") == uninterrupted


def test_resume_without_partial_starts_over(news: Path, uninterrupted: str, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert invoke(str(news), "-o", str(out), "--duplicate-ids", "keep", "--resume", *ARGS) == 1
    assert out.read_text(encoding="utf-8") == uninterrupted


def test_resume_needs_an_output_file(news: Path) -> None:
    result = CliRunner().invoke(app, ["annotate", str(news), "--resume", *ARGS])
    assert "--resume needs --output FILE" in str(result.exception)


def test_output_refuses_to_overwrite_an_input(news: Path) -> None:
    before = news.read_bytes()
    result = CliRunner().invoke(app, ["annotate", str(news), "-o", str(news), *ARGS])
    assert "is both an input and an output" in str(result.exception)
    assert news.read_bytes() == before
