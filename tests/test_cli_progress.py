"""The progress bar: documents done, docs/s, and an ETA once the input's size is known."""

from __future__ import annotations

import io
import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from rich.console import Console

from annotator.cli.progress import with_progress
from annotator.inputs import count_documents


def _slowly(n: int) -> Iterator[int]:
    for i in range(n):
        time.sleep(0.05)  # long enough for the bar to draw and the background count to land
        yield i


def _render(count: int | None, n: int = 5) -> str:
    stream = io.StringIO()
    console = Console(file=stream, force_terminal=True, color_system=None, width=140)
    assert list(with_progress(_slowly(n), lambda: count, console=console)) == list(range(n))
    return stream.getvalue()


def test_with_progress_shows_documents_rate_and_eta_when_the_size_is_known() -> None:
    shown = _render(count=5)
    assert "5/5 documents" in shown
    assert "docs/s" in shown
    assert "ETA 0:00:00" in shown  # total known and reached


def test_with_progress_has_no_eta_for_a_stream_of_unknown_length() -> None:
    shown = _render(count=None)
    assert "5 documents" in shown
    assert "/5" not in shown
    assert "ETA" not in shown


def test_with_progress_survives_an_input_it_cannot_count(monkeypatch) -> None:
    def unreadable() -> int:
        raise PermissionError("news.jsonl")

    crashed: list[object] = []
    monkeypatch.setattr(threading, "excepthook", crashed.append)  # a traceback on the user's terminal
    stream = io.StringIO()
    console = Console(file=stream, force_terminal=True, color_system=None, width=140)
    assert list(with_progress(_slowly(3), unreadable, console=console)) == [0, 1, 2]
    assert "3 documents" in stream.getvalue()
    assert "ETA" not in stream.getvalue()
    assert crashed == []


def test_count_documents_counts_seed_files_and_jsonl_lines(seeds_dir: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "news.jsonl"
    lines = [json.dumps({"text": "Talks resumed in Istanbul."}), "", json.dumps({"text": "A truce held."})]
    corpus.write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    assert count_documents([str(seeds_dir)]) == 5  # the metadata sidecar and README are not documents
    assert count_documents([str(corpus), str(seeds_dir / "000_a6716865b291b00d.txt")]) == 3
    assert count_documents([str(tmp_path / "missing.jsonl")]) == 1  # becomes one error record


def test_count_documents_cannot_know_standard_input() -> None:
    assert count_documents(["-"]) is None
