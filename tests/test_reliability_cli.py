"""A corpus of hostile inputs runs end to end and loses nothing (issue 9, first acceptance point)."""

from __future__ import annotations

import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from annotator.cli import app

HOSTILE = Path(__file__).parent / "hostile" / "feeds"
BIN = str(Path(sys.executable).with_name("annotator"))
SKIPPED_FILES = {"photo.txt"}  # a PNG header saved as .txt: binary, skipped with a message
MESSAGE = re.compile(r"^(Error|Skipped|Warning): (?P<file>[^:]+):(?P<line>\d+): \S")
FAST = ("--plugins", "entities,numbers,dates")


def expected_records(folder: Path) -> int:
    """Records in: one per non-blank JSONL line, one per readable .txt file."""
    total = 0
    for path in folder.rglob("*"):
        if path.suffix == ".jsonl":
            total += sum(1 for line in path.read_bytes().split(b"\n") if line.strip())
        elif path.suffix == ".txt" and path.name not in SKIPPED_FILES:
            total += 1
    return total


def lines_of(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile fixtures plus a file of random bytes, copied so the run cannot touch the originals."""
    folder = tmp_path_factory.mktemp("hostile") / "feeds"
    shutil.copytree(HOSTILE, folder)
    rng = random.Random(9)
    noise = bytes(b for b in rng.randbytes(6000) if b != 0)  # no NUL: read, not skipped as binary
    (folder / "noise.jsonl").write_bytes(noise)
    return folder


@pytest.fixture(scope="module")
def hostile_run(
    corpus: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[subprocess.CompletedProcess, Path]:
    out = tmp_path_factory.mktemp("out") / "out.jsonl"
    result = subprocess.run(
        [BIN, "annotate", str(corpus), "-o", str(out), *FAST],
        capture_output=True,
        text=True,
        timeout=300,
    )
    return result, out


def test_hostile_corpus_every_record_in_comes_out(hostile_run: tuple, corpus: Path) -> None:
    result, out = hostile_run
    assert len(lines_of(out)) == expected_records(corpus), result.stderr


def test_hostile_corpus_exit_code_says_documents_failed(hostile_run: tuple) -> None:
    result, _ = hostile_run
    assert result.returncode == 1, result.stderr


def test_hostile_corpus_every_message_names_file_and_line(hostile_run: tuple, corpus: Path) -> None:
    result, _ = hostile_run
    messages = [m for m in result.stderr.splitlines() if m.startswith(("Error", "Skipped", "Warning"))]
    assert len(messages) > 20
    for message in messages:
        match = MESSAGE.match(message)
        assert match, message
        assert Path(match["file"]).is_file() and Path(match["file"]).is_relative_to(corpus), message


def test_hostile_corpus_summary_counts_add_up(hostile_run: tuple, corpus: Path) -> None:
    result, out = hostile_run
    summary = result.stderr.strip().splitlines()[-1]
    found = re.match(
        r"(\d+) read: (\d+) annotated \(\d+ with annotator errors\), (\d+) failed, (\d+) skipped", summary
    )
    assert found, summary
    read, annotated, failed, skipped = map(int, found.groups())
    records = lines_of(out)
    assert annotated == sum("text" in r for r in records)
    assert failed == sum("error" in r for r in records)
    assert (read, skipped) == (expected_records(corpus) + len(SKIPPED_FILES), len(SKIPPED_FILES))


def test_hostile_corpus_binary_file_is_skipped_with_message(hostile_run: tuple) -> None:
    result, _ = hostile_run
    assert re.search(r"^Skipped: \S+photo\.txt:1: skipped binary file", result.stderr, re.M)


@pytest.mark.parametrize(
    ("doc_id", "reason"),
    [
        ("news-2", "malformed JSON"),
        ("no-text", "record has no 'text' field"),
        ("number-text", "'text' must be a string, got int"),
        ("list-text", "'text' must be a string, got list"),
        ("news-12", "invalid UTF-8"),
        ("news-13", "expected a JSON object, got list"),
        ("bad-meta", "'meta' must be an object"),
        ("latin1", "invalid UTF-8 at byte 6"),
    ],
)
def test_hostile_corpus_bad_record_becomes_error_record(hostile_run: tuple, doc_id: str, reason: str) -> None:
    _, out = hostile_run
    errors = {r["id"]: r["error"] for r in lines_of(out) if "error" in r}
    assert errors[doc_id]["reason"].startswith(reason)
    assert errors[doc_id]["source"]["file"].endswith((".jsonl", ".txt"))


def test_hostile_corpus_duplicate_id_is_an_error_by_default(hostile_run: tuple) -> None:
    _, out = hostile_run
    ok = [r for r in lines_of(out) if r["id"] == "ok-1"]
    assert ["text" in r for r in ok] == [True, False]
    assert ok[1]["error"]["reason"].startswith("duplicate id 'ok-1'")


@pytest.mark.parametrize("doc_id", ["empty", "blank"])
def test_hostile_corpus_empty_text_is_annotated_as_empty(hostile_run: tuple, doc_id: str) -> None:
    _, out = hostile_run
    rec = next(r for r in lines_of(out) if r["id"] == doc_id)
    assert "error" not in rec and not rec["errors"]
    assert all(spans == [] for spans in rec["spans"].values())


def test_hostile_corpus_html_is_kept_as_plain_data(hostile_run: tuple) -> None:
    _, out = hostile_run
    rec = next(r for r in lines_of(out) if r["id"] == "html")
    assert rec["text"].endswith("<script>alert('x')</script><img src=x onerror=alert(1)>")


def test_hostile_corpus_control_chars_become_spaces_with_exact_offsets(hostile_run: tuple) -> None:
    _, out = hostile_run
    rec = next(r for r in lines_of(out) if r["id"] == "controls")
    assert rec["normalized"] == ["control-chars-to-space"]
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", rec["text"])
    spans = [s for layer in rec["spans"].values() for s in layer]
    assert spans and all(rec["text"][s["start"] : s["end"]] == s["text"] for s in spans)


def test_hostile_corpus_windows_text_file_is_normalized_and_recorded(hostile_run: tuple) -> None:
    _, out = hostile_run
    rec = next(r for r in lines_of(out) if r["id"] == "windows")
    assert "\r" not in rec["text"] and rec["normalized"] == ["newlines-to-lf"]
    pia = next(s for s in rec["spans"]["entities"] if s["text"] == "PIA")
    assert rec["text"][pia["start"] : pia["end"]] == "PIA"


def test_hostile_corpus_inputs_are_not_modified(hostile_run: tuple, corpus: Path) -> None:
    for original in HOSTILE.rglob("*"):
        if original.is_file():
            assert (corpus / original.relative_to(HOSTILE)).read_bytes() == original.read_bytes()


# In-process runs for the generated corpora: the model is loaded once for the whole module.

RECORD_KINDS = st.one_of(
    st.builds(lambda t: json.dumps({"text": t}), st.text(max_size=80)),
    st.builds(
        lambda t, i: json.dumps({"id": i, "text": t}), st.text(max_size=40), st.sampled_from(["a", "b", "7"])
    ),
    st.builds(lambda v: json.dumps({"text": v}), st.one_of(st.integers(), st.none(), st.booleans())),
    st.builds(lambda t: json.dumps({"body": t}), st.text(max_size=20)),
    st.builds(lambda t: json.dumps(t), st.text(max_size=20)),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\r"), max_size=30),
)


def run_in_process(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["annotate", *args], catch_exceptions=False)
    return result.exit_code, result.stderr


@settings(max_examples=6, deadline=None)
@given(lines=st.lists(RECORD_KINDS, min_size=1, max_size=12))
def test_generated_mix_every_record_in_comes_out(lines: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "in" / "mix.jsonl", Path(tmp) / "mix.out.jsonl"
        src.parent.mkdir()
        src.write_text("\n".join(lines) + "\n", encoding="utf-8")
        code, stderr = run_in_process(
            str(src), "-o", str(out), "--plugins", "numbers", "--duplicate-ids", "suffix"
        )
        records = lines_of(out)
        assert len(records) == expected_records(src.parent)
    assert code == (1 if any("error" in r for r in records) else 0)
    assert all(MESSAGE.match(m) for m in stderr.splitlines()[:-1]), stderr
