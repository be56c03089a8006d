"""The house rules a reviewer would otherwise check by hand: ruff lint and format, mypy on all code.

Why a test: the README's one test command is what CI runs, so a style or typing slip in any
module (a helper's plugin, a hurried fix) fails the same run as a broken behaviour instead of
surfacing in review. The tools are pinned in the ``test`` extra so a new release cannot move the bar.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True)


@pytest.mark.parametrize("command", [("ruff", "check", "."), ("ruff", "format", "--check", ".")])
def test_ruff_is_clean(command: tuple[str, ...]) -> None:
    result = _run(*command)
    assert result.returncode == 0, result.stdout + result.stderr


def test_host_type_checks() -> None:
    """``src/annotator`` (the host every plugin relies on) has no mypy errors."""
    result = _run("mypy", "src")
    assert result.returncode == 0, result.stdout + result.stderr


def test_plugins_type_check() -> None:
    """The built-in plugins type-check too: they are the examples third-party authors copy, and a
    ``None`` slipping into a string method (as once in ``rules_duration``) is a crash on real text."""
    result = _run("mypy", "plugins")
    assert result.returncode == 0, result.stdout + result.stderr
