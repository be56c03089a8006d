"""House rules that keep the host honest: it never imports a plugin, and importing it is cheap."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "annotator"


def test_host_never_imports_a_plugin_package() -> None:
    pattern = re.compile(r"^\s*(from|import)\s+annotator_\w+", re.MULTILINE)
    sources = [p for p in SRC.rglob("*") if p.suffix in (".py", ".tmpl")]  # templates become code too
    offenders = [str(p) for p in sources if pattern.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_importing_annotator_and_its_cli_loads_no_plugin_or_model() -> None:
    code = (
        "import sys, annotator, annotator.cli; "
        "print(sorted(m for m in sys.modules if m.startswith(('annotator_', 'spacy', 'en_core'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
