"""Hostile input to the command line (issue 20): clear one-line errors, no tracebacks, no lost records.

Each case runs the real ``annotator`` command in a subprocess, because the bugs were in how
``main()`` turns exceptions into exit codes and in how records are read and written.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from plugin_sources import VANDAL, write_plugin


def annotator(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "annotator", *args], capture_output=True, text=True, cwd=cwd, timeout=120
    )


def annotate(records: bytes, tmp_path: Path) -> tuple[subprocess.CompletedProcess[str], list[dict]]:
    source = tmp_path / "feed.jsonl"
    source.write_bytes(records)
    out = tmp_path / "out.jsonl"
    result = annotator("annotate", str(source), "--plugins", "blocks", "-o", str(out), cwd=tmp_path)
    assert "Traceback" not in result.stderr, result.stderr
    return result, [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


GOOD = b'{"id": "later", "text": "The council met on Monday."}\n'


def annotated_good(tmp_path: Path) -> Path:
    """An annotated file of the one good record, for the commands that read annotator output."""
    result, _ = annotate(GOOD, tmp_path)
    assert result.returncode == 0, result.stderr
    return tmp_path / "out.jsonl"


def test_lone_surrogates_in_id_or_meta_become_error_records_and_later_records_survive(
    tmp_path: Path,
) -> None:
    records = (
        b'{"id": "bad-\\ud800", "text": "Ann spoke."}\n'
        b'{"id": "m", "text": "Ann spoke.", "meta": {"source": "x\\udc00y"}}\n' + GOOD
    )
    result, out = annotate(records, tmp_path)
    assert result.returncode == 1
    assert [("error" in r) for r in out] == [True, True, False]
    assert "surrogate" in out[0]["error"]["reason"] and "surrogate" in out[1]["error"]["reason"]
    assert out[2]["id"] == "later"


@pytest.mark.parametrize("depth", [300, 1500])
def test_deeply_nested_meta_is_an_error_record_not_an_abort(depth: int, tmp_path: Path) -> None:
    meta = '{"a": ' * depth + "1" + "}" * depth
    records = f'{{"id": "deep", "text": "Ann spoke.", "meta": {meta}}}\n'.encode() + GOOD
    result, out = annotate(records, tmp_path)
    assert result.returncode == 1
    assert "nested deeper" in out[0]["error"]["reason"]
    assert out[1]["id"] == "later" and "error" not in out[1]


def test_a_utf8_bom_at_the_start_of_a_jsonl_file_is_ignored(tmp_path: Path) -> None:
    result, out = annotate(b"\xef\xbb\xbf" + GOOD, tmp_path)
    assert result.returncode == 0, result.stderr
    assert out[0]["id"] == "later" and out[0]["text"] == "The council met on Monday."


@pytest.mark.parametrize(
    "args",
    [
        ["annotate", "--nosuch"],
        ["annotate", "--n-process", "0", "x.txt"],
        ["view"],
        ["validate", "nosuch.jsonl"],
    ],
)
def test_usage_errors_exit_2_with_one_error_line(args: list[str], tmp_path: Path) -> None:
    result = annotator(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len([line for line in result.stderr.splitlines() if line.startswith("Error:")]) == 1


@pytest.mark.parametrize("flag", ["-o", "--errors"])
def test_a_folder_as_output_file_is_refused_before_work_with_exit_3(flag: str, tmp_path: Path) -> None:
    source = tmp_path / "feed.jsonl"
    source.write_bytes(GOOD)
    (tmp_path / "taken").mkdir()
    result = annotator("annotate", str(source), "--plugins", "blocks", flag, "taken", cwd=tmp_path)
    assert result.returncode == 3, result.stderr
    assert "Traceback" not in result.stderr
    assert [line for line in result.stderr.splitlines() if line.startswith("Error:")] == [
        "Error: taken is a folder; give a file name"
    ]
    assert not (tmp_path / "taken.partial").exists()


def test_export_into_a_path_that_is_a_file_exits_3_with_one_line(tmp_path: Path) -> None:
    annotated = annotated_good(tmp_path)
    (tmp_path / "blocker").write_text("not a folder\n", encoding="utf-8")
    result = annotator("export", str(annotated), "--to", "brat", "-o", "blocker/brat", cwd=tmp_path)
    assert result.returncode == 3, result.stderr
    assert "Traceback" not in result.stderr
    assert len([line for line in result.stderr.splitlines() if line.startswith("Error:")]) == 1


def test_view_page_gets_the_umask_mode_like_other_outputs(tmp_path: Path) -> None:
    annotated = annotated_good(tmp_path)
    result = annotator("view", str(annotated), "-o", "page.html", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "page.html").stat().st_mode & 0o777 == annotated.stat().st_mode & 0o777


@pytest.mark.parametrize(
    ("config", "args"),
    [
        (b"[annotate]\nbatch_size = 1000000000000000000000\n", []),
        (b"[annotate]\nn_process = 1000000000000000000000\n", []),
        (b"[annotate]\ntime_limit = inf\n", []),
        (b"[annotate]\ntime_limit = nan\n", []),
        (b'[annotate]\nmodel = "caf\xe9"\n', []),  # Latin-1, not UTF-8
        (b"", ["--batch-size", "1000000000000000000000"]),
        (b"", ["--n-process", "1000000000000000000000"]),
        (b"", ["--time-limit", "nan"]),
    ],
)
def test_out_of_bounds_or_undecodable_config_exits_2_with_one_error_line(
    config: bytes, args: list[str], tmp_path: Path
) -> None:
    source = tmp_path / "feed.jsonl"
    source.write_bytes(GOOD)
    (tmp_path / "run.toml").write_bytes(config)
    result = annotator(
        "annotate", str(source), "--plugins", "blocks", "--config", "run.toml", *args,
        "-o", "out.jsonl", cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert len([line for line in result.stderr.splitlines() if line.startswith("Error:")]) == 1
    assert not (tmp_path / "out.jsonl").exists()


def test_a_plugin_writing_where_it_may_only_read_loses_its_layer_and_the_record_stays_valid(
    tmp_path: Path,
) -> None:
    write_plugin(tmp_path / "plugins", "vandal", VANDAL)
    source = tmp_path / "feed.jsonl"
    source.write_bytes(b'{"id": "n1", "text": "Exports rose 4% to $2.4 billion in October."}\n')
    result = annotator(
        "annotate", str(source), "--plugins-dir", "plugins", "--plugins", "numbers,vandal",
        "-o", "out.jsonl", cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    [record] = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert record["text"] == "Exports rose 4% to $2.4 billion in October."
    assert [s["text"] for s in record["spans"]["numbers"]] == ["4%", "$2.4 billion"]
    assert "vandal" not in record["spans"]
    assert [e["annotator"] for e in record["errors"]] == ["vandal"]
    checked = annotator("validate", "out.jsonl", "--plugins-dir", "plugins", cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr
