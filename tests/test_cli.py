"""The ``annotator`` command end to end, as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from plugin_sources import HASHTAGS, write_plugin

from annotator import Document
from annotator.registry import build_registry

BIN = str(Path(sys.executable).with_name("annotator"))


def run(*args: str, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([BIN, *args], input=stdin, capture_output=True, text=True, cwd=cwd, timeout=600)


@pytest.fixture(scope="session")
def seeds_output(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    """The README's main job: every installed plugin over seeds/."""
    out = tmp_path_factory.mktemp("cli") / "seeds.jsonl"
    result = run("annotate", str(seeds_dir), "-o", str(out))
    assert result.returncode == 0, result.stderr
    return out


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_cli_annotates_every_seed_with_its_metadata(seeds_output: Path, seed_meta: dict) -> None:
    recs = records(seeds_output)
    assert [r["id"] for r in recs] == sorted(seed_meta)
    for rec in recs:
        assert rec["meta"]["published"] == seed_meta[rec["id"]]["published"]
        assert rec["spans"]["entities"]


def test_cli_output_has_khawaja_asif_as_person(seeds_output: Path) -> None:
    rec = next(r for r in records(seeds_output) if r["id"].startswith("000"))
    asif = [s for s in rec["spans"]["entities"] if s["text"] == "Khawaja Asif"]
    assert asif and all(s["label"] == "PERSON" for s in asif)


def test_cli_output_links_later_asif_to_khawaja_asif(seeds_output: Path) -> None:
    rec = next(r for r in records(seeds_output) if r["id"].startswith("001"))
    spans = rec["spans"]["entities"]
    full = next(s for s in spans if s["text"] == "Khawaja Asif")
    short = next(s for s in spans if s["text"] == "Asif")
    assert short["start"] > full["start"]
    assert (short["entity_id"], short["canonical"]) == (full["entity_id"], "Khawaja Asif")


def test_cli_round_trip_is_byte_stable_on_seeds(seeds_output: Path) -> None:
    registry = build_registry()
    for line in seeds_output.read_text(encoding="utf-8").splitlines():
        doc = Document.from_json(line, registry.span_models(), registry.summary_models())
        assert doc.to_json() == line


def test_cli_validate_accepts_seeds_output(seeds_output: Path) -> None:
    result = run("validate", str(seeds_output))
    assert result.returncode == 0, result.stderr
    assert "5 documents, 0 error records, 0 problems" in result.stdout


def test_cli_validate_names_line_of_tampered_record(seeds_output: Path, tmp_path: Path) -> None:
    lines = seeds_output.read_text(encoding="utf-8").splitlines()
    rec = json.loads(lines[2])
    rec["spans"]["entities"][0]["end"] += 1
    lines[2] = json.dumps(rec, ensure_ascii=False)
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("validate", str(bad))
    assert result.returncode == 1
    assert f"{bad}:3: " in result.stderr and "differs from the document slice" in result.stderr


def test_cli_plugins_lists_entities_from_entry_point() -> None:
    result = run("plugins", "--json")
    entities = next(p for p in json.loads(result.stdout) if p["name"] == "entities")
    assert entities["source"].startswith("entry point annotator:entities")
    assert entities["annotators"][0]["span_type"] == "EntitySpan"


def test_cli_plugins_dir_adds_span_type_that_validates(tmp_path: Path) -> None:
    plugins = write_plugin(tmp_path / "plugins", "handles", HASHTAGS)
    text = "Khawaja M. Asif wrote on X (@KhawajaMAsif) under #PakAfghanTalks."
    out = tmp_path / "out.jsonl"
    result = run(
        "annotate",
        "-",
        "--plugins",
        "handles,entities",
        "--plugins-dir",
        str(plugins),
        "-o",
        str(out),
        stdin=text,
    )
    assert result.returncode == 0, result.stderr
    spans = records(out)[0]["spans"]["handles"]
    assert [(s["text"], s["kind"]) for s in spans] == [
        ("@KhawajaMAsif", "handle"),
        ("#PakAfghanTalks", "hashtag"),
    ]
    assert run("validate", str(out), "--plugins-dir", str(plugins)).returncode == 0
    assert run("validate", str(out)).returncode == 0  # without the plugin, its layer is kept as foreign


def test_cli_reads_jsonl_from_stdin_in_order() -> None:
    lines = [
        json.dumps({"id": f"n{i}", "text": t})
        for i, t in enumerate(["Kabul denied it.", "Doha hosted talks."])
    ]
    result = run("annotate", "-", "--plugins", "entities", stdin="\n".join(lines))
    assert [json.loads(x)["id"] for x in result.stdout.splitlines()] == ["n0", "n1"]


def test_cli_unknown_annotator_is_one_clear_line() -> None:
    result = run("annotate", "-", "--plugins", "date", stdin="x")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines()[-1].startswith("Error: Unknown annotator 'date'. Available: ")


def test_cli_config_file_sets_plugins_and_options(tmp_path: Path) -> None:
    config = tmp_path / "run.toml"
    config.write_text('[annotate]\nplugins = ["entities"]\n\n[options.entities]\nlabels = ["GPE"]\n')
    result = run("annotate", "-", "--config", str(config), stdin="Pakistan’s Khawaja Asif flew to Istanbul.")
    rec = json.loads(result.stdout)
    assert list(rec["spans"]) == ["blocks", "entities"]  # entities requires blocks, which is added
    assert {s["label"] for s in rec["spans"]["entities"]} == {"GPE"}


def test_cli_config_file_with_unknown_key_names_it(tmp_path: Path) -> None:
    config = tmp_path / "run.toml"
    config.write_text("[annotate]\nplugin = ['entities']\n")
    result = run("annotate", "-", "--config", str(config), stdin="x")
    assert result.returncode == 2
    assert f"{config}" in result.stderr and "annotate.plugin" in result.stderr


def test_cli_version() -> None:
    assert run("--version").stdout.startswith("annotator 0.")


def test_cli_config_file_sets_engine_settings(tmp_path: Path) -> None:
    config = tmp_path / "run.toml"
    config.write_text('[annotate]\nplugins = ["entities"]\nengine = "spark"\n')
    result = run("annotate", "-", "--config", str(config), stdin="x")
    assert result.returncode == 2
    assert "annotate.engine" in result.stderr and "'local' or 'dask'" in result.stderr


def test_cli_engine_flag_overrides_config(tmp_path: Path) -> None:
    config = tmp_path / "run.toml"
    # The config's engine would fail (nothing listens on port 1): only the flag can make this run pass.
    config.write_text(
        '[annotate]\nplugins = ["entities"]\nengine = "dask"\nscheduler = "tcp://127.0.0.1:1"\n'
    )
    result = run("annotate", "-", "--config", str(config), "--engine", "local", stdin="Kabul denied it.")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["spans"]["entities"][0]["text"] == "Kabul"
