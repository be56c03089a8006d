"""``annotator info`` reports what a run would use here: versions, model, ops, batch size, processes."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from annotator.cli import app
from annotator.engines import default_n_process
from annotator.parsing import OPS_ENV
from annotator.pipeline import DEFAULT_BATCH_SIZE


def _info(monkeypatch: pytest.MonkeyPatch, ops: str) -> str:
    monkeypatch.setenv(OPS_ENV, ops)
    result = CliRunner().invoke(app, ["info"])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("ops", ["numpy", "blis"])
def test_info_reports_the_configured_ops(monkeypatch: pytest.MonkeyPatch, ops: str) -> None:
    assert re.search(rf"^ops:\s+{ops} \(setting {ops};", _info(monkeypatch, ops), re.MULTILINE)


def test_info_reports_model_batch_size_and_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    output = _info(monkeypatch, "auto")
    assert re.search(r"^model:\s+en_core_web_sm -> en_core_web_sm\S* 3\.8\.0", output, re.MULTILINE)
    assert re.search(rf"^batch size:\s+{DEFAULT_BATCH_SIZE} ", output, re.MULTILINE)
    assert re.search(rf"^processes:\s+{default_n_process()} ", output, re.MULTILINE)
    assert re.search(r"^spacy:\s+3\.8\.", output, re.MULTILINE)
