"""Label Studio's side: the project's labeling config, predictions fitted to it, corrections read back.

Predictions start as the ``label-studio`` exporter writes them (one ``Labels`` control per layer,
named after the layer, a per-region ``TextArea`` named ``<layer>_attributes``, relations named by
the reference field). The project's config then decides what goes out: a region whose layer has no
``Labels`` control, or whose label is not in that control's label set, is left out and counted, so
Label Studio never receives a region it cannot show. Control and object names come from the
config, so a project whose ``<Text name="body" value="$article">`` differs from ours still works.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from annotator.errors import InputError

ATTRIBUTES_SUFFIX = "_attributes"


@dataclass
class Control:
    """A ``Labels`` control: its name, the object it labels, and its label set."""

    name: str
    to_name: str
    labels: frozenset[str]


@dataclass
class LabelingConfig:
    """What a project's labeling config allows, read from its XML."""

    controls: dict[str, Control] = field(default_factory=dict)
    text_fields: dict[str, str] = field(default_factory=dict)
    """Object name -> task data key (``<Text name="text" value="$text"/>`` gives text -> text)."""
    textareas: frozenset[str] = frozenset()
    relation_labels: frozenset[str] | None = None
    """None when the config has no ``<Relations>`` tag (relations then go out unlabelled)."""

    def data_key(self) -> str:
        """The task data key holding the text: that of the first ``Text`` object."""
        return next(iter(self.text_fields.values()), "text")

    def control_for(self, layer: str) -> Control | None:
        """The control named after the layer; with a single ``Labels`` control, that one."""
        if layer in self.controls:
            return self.controls[layer]
        if len(self.controls) == 1:
            return next(iter(self.controls.values()))
        return None


def parse_config(xml: str) -> LabelingConfig:
    """Read controls, text objects, per-region text areas and relation labels from a config."""
    try:
        root = ET.fromstring(xml)
    except ET.ParseError as exc:
        raise InputError(f"the labeling config is not valid XML: {exc}") from exc
    config = LabelingConfig()
    for node in root.iter():
        if node.tag == "Labels" and node.get("name"):
            labels = frozenset(c.get("value", "") for c in node if c.tag == "Label")
            config.controls[node.get("name", "")] = Control(
                node.get("name", ""), node.get("toName", ""), labels
            )
        elif node.tag in ("Text", "HyperText") and node.get("name"):
            config.text_fields[node.get("name", "")] = node.get("value", "$text").lstrip("$")
    config.textareas = frozenset(n.get("name", "") for n in root.iter("TextArea") if n.get("name"))
    relations = list(root.iter("Relations"))
    if relations:
        config.relation_labels = frozenset(r.get("value", "") for tag in relations for r in tag)
    return config


def fit_prediction(
    prediction: dict[str, Any], config: LabelingConfig, dropped: Counter[str]
) -> dict[str, Any]:
    """The exporter's prediction with only what the config can show; ``dropped`` counts the rest."""
    kept: list[dict[str, Any]] = []
    kept_ids: set[str] = set()
    items = prediction["result"]
    for item in items:
        if item["type"] == "labels":
            region = _fit_region(item, config, dropped)
            if region is not None:
                kept.append(region)
                kept_ids.add(region["id"])
    for item in items:
        if item["type"] == "textarea" and item["id"] in kept_ids:
            kept.extend(_fit_textarea(item, config))
        elif item["type"] == "relation":
            kept.extend(_fit_relation(item, config, kept_ids, dropped))
    return {**prediction, "result": kept}


def _fit_region(item: dict[str, Any], config: LabelingConfig, dropped: Counter[str]) -> dict[str, Any] | None:
    layer, label = item["from_name"], item["value"]["labels"][0]
    control = config.control_for(layer)
    if control is None or label not in control.labels:
        dropped[f"{layer}:{label}"] += 1
        return None
    return {**item, "from_name": control.name, "to_name": control.to_name}


def _fit_textarea(item: dict[str, Any], config: LabelingConfig) -> list[dict[str, Any]]:
    if item["from_name"] not in config.textareas:
        return []
    return [item]


def _fit_relation(
    item: dict[str, Any], config: LabelingConfig, kept_ids: set[str], dropped: Counter[str]
) -> list[dict[str, Any]]:
    if item["from_id"] not in kept_ids or item["to_id"] not in kept_ids:
        return []
    if config.relation_labels is None:
        return [{**item, "labels": []}]
    labels = [label for label in item["labels"] if label in config.relation_labels]
    if not labels:
        dropped[f"relation:{item['labels'][0]}"] += 1
        return []
    return [{**item, "labels": labels}]


def corrected_document(
    task: dict[str, Any], annotation: dict[str, Any], config: LabelingConfig
) -> dict[str, Any]:
    """A corrected Label Studio annotation as our document JSON (layers named after the controls).

    Regions become spans of the layer their control is named after, per-region ``key=value`` text
    becomes span attributes, and a relation labelled with a reference field sets that field on its
    source span, so ``annotator evaluate`` can score pre-annotations against the correction.
    """
    data = task.get("data") or {}
    text = data.get(config.data_key())
    if not isinstance(text, str):
        raise InputError(f"task {task.get('id')!r} has no text under data.{config.data_key()}")
    spans: dict[str, list[dict[str, Any]]] = {}
    by_id: dict[str, dict[str, Any]] = {}
    results = annotation.get("result") or []
    for item in results:
        if item.get("type") == "labels":
            span = _span(item, text)
            spans.setdefault(str(item.get("from_name")), []).append(span)
            by_id[span["id"]] = span
    for item in results:
        _add_extras(item, by_id)
    meta = {"label_studio": {"task": task.get("id"), "annotation": annotation.get("id")}}
    if isinstance(data.get("meta"), dict):
        meta = {**data["meta"], **meta}
    doc_id = str(data.get("doc_id") or f"task-{task.get('id')}")
    return {"id": doc_id, "text": text, "meta": meta, "spans": spans}


def _span(item: dict[str, Any], text: str) -> dict[str, Any]:
    value = item.get("value") or {}
    start, end = int(value["start"]), int(value["end"])
    labels = value.get("labels") or [""]
    return {
        "id": str(item.get("id")),
        "start": start,
        "end": end,
        "text": text[start:end],
        "label": labels[0],
    }


def _add_extras(item: dict[str, Any], by_id: dict[str, dict[str, Any]]) -> None:
    """Attributes from a per-region text area; a relation as the reference field on its source."""
    if item.get("type") == "textarea" and str(item.get("id")) in by_id:
        lines = (item.get("value") or {}).get("text") or []
        by_id[str(item["id"])].update(_attribute(line) for line in lines if "=" in line)
    elif item.get("type") == "relation" and str(item.get("from_id")) in by_id:
        for label in item.get("labels") or ["relation"]:
            by_id[str(item["from_id"])].setdefault(label, str(item.get("to_id")))


def _attribute(line: str) -> tuple[str, Any]:
    key, _, raw = line.partition("=")
    try:
        return key, json.loads(raw)
    except ValueError:
        return key, raw
