"""Plugin authoring, proven by installing: the scaffold and the example plugin go into a fresh venv.

The fresh virtual environment gets this project installed (built from the working tree, without
network) and reaches the heavy dependencies (spaCy, the model) through a .pth file pointing at the
test environment's site-packages, so the test runs offline in seconds.
"""

from __future__ import annotations

import json
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED_WITH_HANDLE = ROOT / "seeds" / "004_f64a9df86cb63e72.txt"
pytestmark = pytest.mark.slow


def sh(*args: str | Path, cwd: Path | None = None) -> str:
    done = subprocess.run([str(a) for a in args], capture_output=True, text=True, cwd=cwd, timeout=600)
    assert done.returncode == 0, f"{args} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def fresh_python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new venv with this project installed into it."""
    env = tmp_path_factory.mktemp("fresh") / "venv"
    venv.EnvBuilder(with_pip=False).create(env)
    python = env / "bin" / "python"
    site = Path(sh(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])").strip())
    (site / "_test_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    pip_install(python, ROOT)
    return python


def pip_install(python: Path, package: Path) -> None:
    sh(
        sys.executable,
        "-m",
        "pip",
        "--python",
        python,
        "install",
        "-q",
        "--no-deps",
        "--no-build-isolation",
        package,
    )


def plugin_names(python: Path) -> list[str]:
    listing = json.loads(sh(python, "-m", "annotator", "plugins", "--json"))
    return [p["name"] for p in listing if p["loaded"]]


def annotate_seed(python: Path, plugin: str) -> dict:
    return json.loads(sh(python, "-m", "annotator", "annotate", SEED_WITH_HANDLE, "--plugins", plugin, "-q"))


def test_scaffolded_plugin_installs_lists_annotates_and_passes_its_test(
    fresh_python: Path, tmp_path: Path
) -> None:
    sh(fresh_python, "-m", "annotator", "new-plugin", "ceasefire", tmp_path)
    package = tmp_path / "annotator-ceasefire"
    pip_install(fresh_python, package)
    assert "ceasefire" in plugin_names(fresh_python)
    record = annotate_seed(fresh_python, "ceasefire")
    assert [s["term"] for s in record["spans"]["ceasefire"]] and all(
        s["text"].lower() == s["term"].lower() for s in record["spans"]["ceasefire"]
    )
    assert "2 passed" in sh(
        fresh_python, "-m", "pytest", "-q", "-p", "no:cacheprovider", package / "tests", cwd=package
    )


def test_example_handles_plugin_installs_lists_annotates_and_passes_its_test(fresh_python: Path) -> None:
    example = ROOT / "examples" / "annotator-handles"
    pip_install(fresh_python, example)
    assert "handles" in plugin_names(fresh_python)
    spans = annotate_seed(fresh_python, "handles")["spans"]
    handle = next(s for s in spans["handles"] if s["text"] == "@KhawajaMAsif")
    owner = next(s for s in spans["entities"] if s["id"] == handle["owner"])
    assert owner["label"] == "PERSON" and "Asif" in owner["text"]
    out = sh(fresh_python, "-m", "pytest", "-q", "-p", "no:cacheprovider", example / "tests", cwd=example)
    assert " passed" in out and "failed" not in out


def test_new_plugin_refuses_existing_folder(fresh_python: Path, tmp_path: Path) -> None:
    (tmp_path / "annotator-dup").mkdir()
    done = subprocess.run(
        [fresh_python, "-m", "annotator", "new-plugin", "dup", tmp_path], capture_output=True, text=True
    )
    assert done.returncode == 2 and "already exists" in done.stderr
