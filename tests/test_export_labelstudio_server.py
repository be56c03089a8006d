"""A real Label Studio, prediction validation on, takes two exported batches into one project (slow).

The project is created from batch 1's labeling config; batch 2 has labels and relations batch 1
lacks and a layer with no span. Both imports must be accepted, and every region read back from the
server must slice the task text to its own text. A task with a label the config does not declare
must be refused, which shows the server really checks (it accepts anything without the flag).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from labelstudio_batches import exported_batch
from serve_labelstudio import running_label_studio

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def ls(tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    """An API client of a Label Studio started for this module (stopped by its PID afterwards)."""
    data_dir = tmp_path_factory.mktemp("label-studio")
    with running_label_studio(data_dir) as studio, studio.api() as client:
        yield client


def _project(ls: httpx.Client, title: str, config: str) -> int:
    created = ls.post("/api/projects", json={"title": title, "label_config": config})
    assert created.status_code == 201, created.text
    return int(created.json()["id"])


def _stored(ls: httpx.Client, pid: int) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """(task, its predictions) of every task in the project, as the server returns them."""
    tasks = ls.get("/api/tasks", params={"project": pid, "page_size": 100}).json()["tasks"]
    return [(t, ls.get("/api/predictions", params={"task": t["id"]}).json()) for t in tasks]


def _regions(result: list[dict[str, Any]]) -> list[tuple[str, int, int, str, tuple[str, ...]]]:
    found = [(r["from_name"], r["value"]) for r in result if r["type"] == "labels"]
    return sorted((name, v["start"], v["end"], v["text"], tuple(v["labels"])) for name, v in found)


def test_labelstudio_server_takes_two_batches_into_one_project(ls: httpx.Client) -> None:
    (tasks_1, config_1), (tasks_2, _) = exported_batch(1), exported_batch(2)
    pid = _project(ls, "two batches", config_1)
    for tasks in (tasks_1, tasks_2):
        imported = ls.post(f"/api/projects/{pid}/import", json=tasks)
        assert imported.status_code == 201, imported.text
    stored = _stored(ls, pid)
    assert len(stored) == len(tasks_1) + len(tasks_2)
    sent = {t["data"]["doc_id"]: _regions(t["predictions"][0]["result"]) for t in tasks_1 + tasks_2}
    for task, [prediction] in stored:
        text, regions = task["data"]["text"], _regions(prediction["result"])
        assert regions == sent[task["data"]["doc_id"]]
        assert all(text[start:end] == region_text for _, start, end, region_text, _ in regions)


def test_labelstudio_server_refuses_a_label_the_config_lacks(ls: httpx.Client) -> None:
    tasks, config = exported_batch(1)
    pid = _project(ls, "undeclared label", config)
    task = {**tasks[0], "predictions": [dict(tasks[0]["predictions"][0])]}
    result = [r for r in task["predictions"][0]["result"] if r["type"] == "labels"][:1]
    result[0] = {**result[0], "value": {**result[0]["value"], "labels": ["NOT_A_DECLARED_LABEL"]}}
    task["predictions"][0]["result"] = result
    refused = ls.post(f"/api/projects/{pid}/import", json=[task])
    assert refused.status_code == 400, refused.text
    assert "NOT_A_DECLARED_LABEL" in refused.text
