"""``annotator serve`` as a live process on loopback: /annotate, Label Studio, INCEpTION, bad requests."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

pytest.importorskip("fastapi")

from annotator_exporters.labelstudio import labeling_config  # noqa: E402
from serve_server import Server, running_server  # noqa: E402

from annotator.document import Document  # noqa: E402

DKPRO_NE = "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity"


@pytest.fixture(scope="module")
def corrections(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("serve") / "corrections.jsonl"


@pytest.fixture(scope="module")
def server(corrections: Path) -> Iterator[Server]:
    with running_server(["--corrections", str(corrections), "--max-body", "300000"]) as live:
        yield live


def post(server: Server, path: str, body: object) -> httpx.Response:
    return httpx.post(server.url + path, json=body, timeout=120)


def test_serve_annotate_matches_text_offsets(server: Server, seed_texts: dict[str, str]) -> None:
    sid, text = next(iter(seed_texts.items()))
    record = post(server, "/annotate", {"id": sid, "text": text}).json()
    assert record["id"] == sid and record["text"] == text
    spans = [s for layer in record["spans"].values() for s in layer]
    assert spans and all(text[s["start"] : s["end"]] == s["text"] for s in spans)
    assert {"entities", "quotes", "dates"} <= set(record["spans"])


def test_serve_batch_keeps_order(server: Server, seed_texts: dict[str, str]) -> None:
    docs = [{"id": sid, "text": text} for sid, text in seed_texts.items()]
    records = post(server, "/annotate/batch", {"documents": docs}).json()["records"]
    assert [r["id"] for r in records] == [d["id"] for d in docs]


def _tasks(seed_texts: dict[str, str]) -> list[dict]:
    return [{"id": n, "data": {"text": t, "doc_id": sid}} for n, (sid, t) in enumerate(seed_texts.items(), 1)]


def _config_without(server: Server, seed_texts: dict[str, str], label: str) -> str:
    docs = [Document.from_dict(r, {}) for r in _records(server, seed_texts)]
    config = labeling_config(docs)
    assert f'<Label value="{label}"/>' in config
    return config.replace(f'<Label value="{label}"/>', "")


def _records(server: Server, seed_texts: dict[str, str]) -> list[dict]:
    docs = [{"id": sid, "text": text} for sid, text in seed_texts.items()]
    return post(server, "/annotate/batch", {"documents": docs}).json()["records"]


def test_serve_predict_fits_labeling_config(server: Server, seed_texts: dict[str, str]) -> None:
    config = _config_without(server, seed_texts, "GPE")
    body = post(server, "/predict", {"tasks": _tasks(seed_texts), "label_config": config}).json()
    assert len(body["results"]) == len(seed_texts)
    texts = list(seed_texts.values())
    labels = set()
    for prediction, text in zip(body["results"], texts, strict=True):
        regions = [r for r in prediction["result"] if r["type"] == "labels"]
        assert all(text[r["value"]["start"] : r["value"]["end"]] == r["value"]["text"] for r in regions)
        labels |= {r["value"]["labels"][0] for r in regions}
    assert "GPE" not in labels and "PERSON" in labels
    assert body["meta"]["dropped_labels"]["entities:GPE"] > 0
    assert any(r["type"] == "relation" for p in body["results"] for r in p["result"])


def test_serve_webhook_stores_correction(
    server: Server, seed_texts: dict[str, str], corrections: Path
) -> None:
    sid, text = next(iter(seed_texts.items()))
    start = text.index(" ") + 1
    end = text.index(" ", start)
    region = {
        "id": "r1",
        "from_name": "entities",
        "to_name": "text",
        "type": "labels",
        "value": {"start": start, "end": end, "text": text[start:end], "labels": ["ORG"]},
    }
    event = {
        "action": "ANNOTATION_CREATED",
        "task": {"id": 7, "data": {"text": text, "doc_id": sid}},
        "annotation": {"id": 3, "result": [region]},
    }
    assert post(server, "/webhook", event).json() == {"stored": 1}
    stored = json.loads(corrections.read_text(encoding="utf-8").splitlines()[-1])
    assert stored["id"] == sid and stored["spans"]["entities"][0]["text"] == text[start:end]


def _inception_request(text: str) -> dict:
    from cassis import Cas, load_dkpro_core_typesystem

    typesystem = load_dkpro_core_typesystem()
    ne = typesystem.get_type(DKPRO_NE)
    typesystem.create_feature(ne, "inception_internal_predicted", "uima.cas.Boolean")
    typesystem.create_feature(ne, "value_score", "uima.cas.Double")
    cas = Cas(typesystem=typesystem)
    cas.sofa_string = text
    return {
        "metadata": {
            "layer": DKPRO_NE,
            "feature": "value",
            "projectId": 1,
            "anchoringMode": "tokens",
            "crossSentence": False,
        },
        "document": {"xmi": cas.to_xmi(), "documentId": 4, "userId": "admin"},
        "typeSystem": typesystem.to_xml(),
    }


def test_serve_inception_fills_layer(server: Server, seed_texts: dict[str, str]) -> None:
    from cassis import load_cas_from_xmi, load_typesystem

    text = "Angela Merkel met Emmanuel Macron in Paris on Tuesday, the French government said."
    request = _inception_request(text)
    response = post(server, "/inception/predict", request)
    assert response.status_code == 200, response.text
    cas = load_cas_from_xmi(
        response.json()["document"], load_typesystem(request["typeSystem"]), lenient=False
    )
    found = {(a.get_covered_text(), a.value) for a in cas.select(DKPRO_NE)}
    assert ("Angela Merkel", "PERSON") in found and ("Paris", "GPE") in found
    assert all(a.inception_internal_predicted for a in cas.select(DKPRO_NE))


@pytest.mark.parametrize(
    ("body", "status", "says"),
    [
        (b'{"id": "x", "text": ', 400, "malformed JSON"),
        (b'{"id": "x"}', 422, "text"),
        (b'{"id": "x", "text": "' + b"a" * 400_000 + b'"}', 413, "limit"),
    ],
)
def test_serve_bad_annotate_requests(server: Server, body: bytes, status: int, says: str) -> None:
    response = httpx.post(
        server.url + "/annotate", content=body, headers={"content-type": "application/json"}
    )
    assert response.status_code == status and says in response.json()["error"]
    assert httpx.get(server.url + "/health").json()["status"] == "UP"


def test_serve_wrong_xmi_is_422(server: Server) -> None:
    request = _inception_request("Paris is in France.")
    request["document"]["xmi"] = "<xmi:XMI>not a CAS"
    response = post(server, "/inception/predict", request)
    assert response.status_code == 422 and "CAS" in response.json()["error"]
    assert post(server, "/annotate", {"id": "after", "text": "Paris is in France."}).status_code == 200


def test_serve_metrics_count_requests(server: Server) -> None:
    before = httpx.get(server.url + "/metrics").json()
    post(server, "/annotate", {"id": "m", "text": "Berlin is big."})
    after = httpx.get(server.url + "/metrics").json()
    assert after["documents"] == before["documents"] + 1 and after["requests"] >= before["requests"] + 2
    assert after["latency_ms"]["p50"] > 0
