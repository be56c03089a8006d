"""A real Label Studio server uses ``annotator serve`` as its ML backend, end to end (slow)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import httpx
import pytest

pytest.importorskip("fastapi")

from annotator_exporters.labelstudio import labeling_config  # noqa: E402
from serve_labelstudio import LabelStudio, running_label_studio  # noqa: E402
from serve_server import Server, running_server  # noqa: E402

from annotator.document import Document  # noqa: E402

pytestmark = pytest.mark.slow


def _config(server: Server, seed_texts: dict[str, str]) -> str:
    docs = [{"id": sid, "text": text} for sid, text in seed_texts.items()]
    records = httpx.post(server.url + "/annotate/batch", json={"documents": docs}, timeout=120).json()
    return labeling_config([Document.from_dict(r, {}) for r in records["records"]])


def _project(ls: httpx.Client, config: str, server: Server, seed_texts: dict[str, str]) -> int:
    project = ls.post("/api/projects", json={"title": "annotator serve", "label_config": config})
    assert project.status_code == 201, project.text
    pid = int(project.json()["id"])
    backend = ls.post("/api/ml", json={"url": server.url, "project": pid, "title": "annotator"})
    assert backend.status_code == 201, backend.text
    tasks = [{"data": {"text": text, "doc_id": sid}} for sid, text in seed_texts.items()]
    imported = ls.post(f"/api/projects/{pid}/import", json=tasks)
    assert imported.status_code == 201, imported.text
    return pid


def _predictions(ls: httpx.Client, pid: int) -> dict[int, list[dict]]:
    action = ls.post(
        "/api/dm/actions",
        params={"id": "retrieve_tasks_predictions", "project": pid},
        json={"selectedItems": {"all": True, "excluded": []}},
    )
    assert action.status_code == 200, action.text
    tasks = ls.get("/api/tasks", params={"project": pid, "page_size": 100}).json()["tasks"]
    return {t["id"]: ls.get("/api/predictions", params={"task": t["id"]}).json() for t in tasks}


def _wait_for_line(path: Path, timeout: float = 60.0) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and path.read_text(encoding="utf-8").strip():
            return json.loads(path.read_text(encoding="utf-8").splitlines()[-1])
        time.sleep(0.5)
    pytest.fail(f"the webhook stored nothing in {path} within {timeout:g} s")


def test_serve_label_studio_end_to_end(tmp_path: Path, seed_texts: dict[str, str]) -> None:
    corrections = tmp_path / "corrections.jsonl"
    (tmp_path / "ls").mkdir()
    with running_server(["--corrections", str(corrections)]) as server:
        config = _config(server, seed_texts)
        with running_label_studio(tmp_path / "ls") as studio:
            _check_predictions_and_webhook(studio, server, config, seed_texts, corrections)


def _check_predictions_and_webhook(
    studio: LabelStudio, server: Server, config: str, seed_texts: dict[str, str], corrections: Path
) -> None:
    with studio.api() as ls:
        pid = _project(ls, config, server, seed_texts)
        predictions = _predictions(ls, pid)
        assert len(predictions) == len(seed_texts)
        assert all(len(p) == 1 for p in predictions.values()), {k: len(v) for k, v in predictions.items()}
        texts = {
            t["id"]: t["data"]["text"] for t in ls.get("/api/tasks", params={"project": pid}).json()["tasks"]
        }
        for task_id, [prediction] in predictions.items():
            regions = [r for r in prediction["result"] if r["type"] == "labels"]
            assert regions
            text = texts[task_id]
            assert all(text[r["value"]["start"] : r["value"]["end"]] == r["value"]["text"] for r in regions)
        assert any(r["type"] == "relation" for [p] in predictions.values() for r in p["result"])
        task_id, [prediction] = next(iter(predictions.items()))
        kept = [r for r in prediction["result"] if r["type"] == "labels"][:3]
        created = ls.post(f"/api/tasks/{task_id}/annotations", json={"result": kept})
        assert created.status_code == 201, created.text
    stored = _wait_for_line(corrections)
    assert stored["text"] == texts[task_id]
    assert sorted(s["text"] for layer in stored["spans"].values() for s in layer) == sorted(
        r["value"]["text"] for r in kept
    )
