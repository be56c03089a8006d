"""Plugin faults are caught per document; the run goes on and the errors name the annotator."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from annotator.cli import app
from annotator.exitcodes import INTERRUPTED

BIN = str(Path(sys.executable).with_name("annotator"))

FAULTY = '''
import time

from annotator import Annotator, Span, hookimpl


class Crashy(Annotator):
    """Raises on any document that mentions Karachi."""
    name = "crashy"
    span_model = Span

    def annotate(self, document, parsed):
        if "Karachi" in document.text:
            raise RuntimeError("cannot handle Karachi")
        return []


class Hangy(Annotator):
    """Never returns on a document that mentions Quetta."""
    name = "hangy"
    span_model = Span

    def annotate(self, document, parsed):
        while "Quetta" in document.text:
            time.sleep(1)
        return []


class Quitter(Annotator):
    """Behaves like a Ctrl-C arriving while it works on a document that mentions Gwadar."""
    name = "quitter"
    span_model = Span

    def annotate(self, document, parsed):
        if "Gwadar" in document.text:
            raise KeyboardInterrupt
        return []


@hookimpl
def register_annotators(register):
    register(Crashy)
    register(Hangy)
    register(Quitter)
'''

NEWS = [
    ("n1", "The rupee closed at 281.5 against the dollar on Monday."),
    ("n2", "Heavy rain flooded 40 streets in Karachi overnight."),
    ("n3", "Gunmen attacked a bus near Quetta, killing 7 people."),
    ("n4", "Exports rose 4% to $2.4 billion in October."),
]


@pytest.fixture(scope="module")
def plugins_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("plugins")
    (folder / "faulty.py").write_text(FAULTY, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def news(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("news") / "news.jsonl"
    path.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in NEWS), encoding="utf-8")
    return path


def records(path: Path) -> dict[str, dict]:
    return {r["id"]: r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["annotate", *args], catch_exceptions=False)
    return result.exit_code, result.stderr


@pytest.fixture(scope="module")
def pool_run(
    plugins_dir: Path, news: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[int, str, Path]:
    """Crashing and hanging plugins in a two-process run with a 3 s per-document time limit."""
    out = tmp_path_factory.mktemp("out") / "out.jsonl"
    cmd = [BIN, "annotate", str(news), "-o", str(out), "--plugins-dir", str(plugins_dir)]
    cmd += ["--plugins", "crashy,hangy,numbers", "--n-process", "2", "--batch-size", "1", "--time-limit", "3"]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    return result.returncode, result.stderr, out


def test_faulty_plugins_do_not_stop_a_multiprocess_run(pool_run: tuple[int, str, Path]) -> None:
    code, stderr, out = pool_run
    assert list(records(out)) == ["n1", "n2", "n3", "n4"], stderr
    assert code == 1


def test_crashing_plugin_is_named_and_the_document_keeps_other_layers(
    pool_run: tuple[int, str, Path],
) -> None:
    code, stderr, out = pool_run
    karachi = records(out)["n2"]
    assert [(e["annotator"], e["reason"]) for e in karachi["errors"]] == [
        ("crashy", "RuntimeError: cannot handle Karachi")
    ]
    assert [s["text"] for s in karachi["spans"]["numbers"]] == ["40"]
    assert "annotator 'crashy' failed" in stderr


def test_hanging_plugin_loses_only_its_own_layer_and_is_named(pool_run: tuple[int, str, Path]) -> None:
    code, stderr, out = pool_run
    quetta = records(out)["n3"]
    assert "error" not in quetta, quetta  # the document is kept, with every other layer
    assert [s["text"] for s in quetta["spans"]["numbers"]] == ["7"]
    assert "hangy" not in quetta["spans"]
    [error] = quetta["errors"]
    assert error["annotator"] == "hangy" and error["stage"] == "annotate"
    assert "exceeded the per-document time limit of 3 s" in error["reason"]
    assert "hangy" in stderr


def test_a_time_limit_given_to_a_single_process_run_stops_a_hanging_plugin(
    plugins_dir: Path, news: Path, tmp_path: Path
) -> None:
    """``--n-process 1 --time-limit 3``: the one process is watched too, so the run ends."""
    out = tmp_path / "out.jsonl"
    cmd = [BIN, "annotate", str(news), "-o", str(out), "--plugins-dir", str(plugins_dir)]
    cmd += ["--plugins", "hangy,numbers", "--n-process", "1", "--time-limit", "3"]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stderr
    done = records(out)
    assert list(done) == ["n1", "n2", "n3", "n4"]
    quetta = done["n3"]
    assert [s["text"] for s in quetta["spans"]["numbers"]] == ["7"]
    assert [(e["annotator"], e["stage"]) for e in quetta["errors"]] == [("hangy", "annotate")]
    assert "exceeded the per-document time limit of 3 s" in quetta["errors"][0]["reason"]
    assert all(not done[i]["errors"] for i in ("n1", "n2", "n4"))


def test_on_error_skip_leaves_document_out_and_sends_it_to_errors_file(
    plugins_dir: Path, news: Path, tmp_path: Path
) -> None:
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    args = ["--plugins-dir", str(plugins_dir), "--plugins", "crashy,numbers", "--on-error", "skip"]
    code, stderr = invoke(str(news), "-o", str(out), "--errors", str(errors), *args)
    assert (code, list(records(out)), list(records(errors))) == (1, ["n1", "n3", "n4"], ["n2"])
    assert records(errors)["n2"]["error"]["annotator"] == "crashy"
    assert "0 failed, 1 skipped" in stderr


def test_errors_file_takes_error_records_out_of_the_output(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "Prices rose 3%."}\n{"id": "b", "text": 5}\n', encoding="utf-8")
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    code, _ = invoke(str(src), "-o", str(out), "--errors", str(errors), "--plugins", "numbers")
    assert (code, list(records(out)), list(records(errors))) == (1, ["a"], ["b"])


def test_strict_stops_at_first_error_and_keeps_previous_output(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "Prices rose 3%."}\n{"id": "b", "text": 5}\n{"text": "x"}\n')
    out = tmp_path / "out.jsonl"
    out.write_text("previous\n")
    code, stderr = invoke(str(src), "-o", str(out), "--strict", "--plugins", "numbers")
    assert code == 1
    assert "--strict: stopped at the first error" in stderr and f"{src}:2:" in stderr
    assert out.read_text() == "previous\n"


def test_on_error_raise_stops_with_exit_code_1_naming_annotator(
    plugins_dir: Path, news: Path, tmp_path: Path
) -> None:
    args = ["--plugins-dir", str(plugins_dir), "--plugins", "crashy", "--on-error", "raise"]
    code, stderr = invoke(str(news), "-o", str(tmp_path / "out.jsonl"), *args)
    assert code == 1
    assert "annotator 'crashy' failed on document 'n2'" in stderr


def test_interrupt_inside_an_annotator_exits_130_and_keeps_partial(plugins_dir: Path, tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "Prices rose."}\n{"id": "b", "text": "Gwadar port reopened."}\n')
    out = tmp_path / "out.jsonl"
    args = ["--plugins-dir", str(plugins_dir), "--plugins", "quitter", "--batch-size", "1"]
    code, stderr = invoke(str(src), "-o", str(out), *args)
    assert code == INTERRUPTED
    assert not out.exists()
    assert list(records(out.with_name("out.jsonl.partial"))) == ["a"]
    assert "Run the same command with --resume to continue." in stderr
