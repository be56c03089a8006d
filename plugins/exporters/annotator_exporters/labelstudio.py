"""Label Studio: a JSON array of tasks with predictions, and the labeling config XML beside it.

One ``Labels`` control per layer (so labels stay per layer and regions may overlap), a per-region
``TextArea`` per layer for the span attributes (same region id, ``key=value`` lines), and
``relation`` results for span_ref fields. Offsets are code points, as Label Studio counts them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

from annotator import Document
from annotator.exporting import (
    Exporter,
    ExporterOptions,
    LayerSpan,
    Relation,
    attribute_lines,
    document_metadata,
    labels_by_layer,
    layer_spans,
    model_version,
    relation_labels,
    relations,
)

TEXT_TAG = "text"


def attrs_control(layer: str) -> str:
    """The name of a layer's per-region attributes control."""
    return f"{layer}_attributes"


class LabelStudioExporter(Exporter):
    """Label Studio tasks (``OUT``, a .json array) and labeling config (``OUT`` with .xml suffix)."""

    name = "label-studio"
    description = "Label Studio tasks with predictions and relations, plus the labeling config XML."

    def export(self, documents: Sequence[Document], out: Path, options: ExporterOptions) -> list[Path]:
        """Write the tasks file and the config beside it."""
        out.parent.mkdir(parents=True, exist_ok=True)
        tasks = [task(doc) for doc in documents]
        out.write_text(json.dumps(tasks, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        config_path = config_path_for(out)
        config_path.write_text(labeling_config(documents), encoding="utf-8")
        return [out, config_path]

    def prediction(self, document: Document) -> dict[str, Any]:
        """One document's prediction, for ``annotator serve``: the same shape the tasks file holds."""
        return prediction(document)


def config_path_for(out: Path) -> Path:
    """``tasks.json`` -> ``tasks.config.xml``."""
    return out.with_name(out.stem + ".config.xml")


def task(document: Document) -> dict[str, Any]:
    """One task: the text and document metadata as data, one prediction holding every layer."""
    data = {TEXT_TAG: document.text, **document_metadata(document)}
    return {"data": data, "predictions": [prediction(document)]}


def prediction(document: Document) -> dict[str, Any]:
    """All regions, their attributes and relations; score is the mean span confidence."""
    items = layer_spans(document)
    result: list[dict[str, Any]] = []
    for item in items:
        result.extend(region_results(item))
    result.extend(relation_result(r) for r in relations(document))
    scores = [i.span.confidence for i in items if i.span.confidence is not None]
    pred: dict[str, Any] = {"model_version": model_version(document), "result": result}
    if scores:
        pred["score"] = sum(scores) / len(scores)
    return pred


def region_results(item: LayerSpan) -> list[dict[str, Any]]:
    """The labels result of a span, plus its attributes result under the same region id."""
    span = item.span
    value = {"start": span.start, "end": span.end, "text": span.text}
    region: dict[str, Any] = {
        "id": span.id,
        "from_name": item.layer,
        "to_name": TEXT_TAG,
        "type": "labels",
        "value": {**value, "labels": [span.label]},
    }
    if span.confidence is not None:
        region["score"] = span.confidence
    lines = attribute_lines(span)
    if not lines:
        return [region]
    attrs = {"id": span.id, "from_name": attrs_control(item.layer), "to_name": TEXT_TAG, "type": "textarea"}
    return [region, {**attrs, "value": {**value, "text": lines}}]


def relation_result(relation: Relation) -> dict[str, Any]:
    """A directed relation from the referring span to the referred one, labelled by the field."""
    return {
        "type": "relation",
        "from_id": relation.source.span.id,
        "to_id": relation.target.span.id,
        "direction": "right",
        "labels": [relation.label],
    }


def labeling_config(documents: Sequence[Document]) -> str:
    """The ``<View>`` config naming every layer's labels, attribute controls and relation labels."""
    lines = ["<View>", "  <Style>.htx-text{white-space:pre-wrap}</Style>"]
    rel_labels = relation_labels(documents)
    if rel_labels:
        rels = "".join(f"<Relation value={quoteattr(label)}/>" for label in rel_labels)
        lines.append(f"  <Relations>{rels}</Relations>")
    for layer, labels in labels_by_layer(documents).items():
        tags = "".join(f"<Label value={quoteattr(label)}/>" for label in labels)
        lines.append(f"  <Labels name={quoteattr(layer)} toName={quoteattr(TEXT_TAG)}>{tags}</Labels>")
    lines.append(f'  <Text name="{TEXT_TAG}" value="${TEXT_TAG}"/>')
    for layer in _layers_with_attributes(documents):
        name, when = quoteattr(attrs_control(layer)), quoteattr(layer)
        lines.append(f'  <TextArea name={name} toName="{TEXT_TAG}" perRegion="true" whenTagName={when}/>')
    lines.append("</View>")
    return "\n".join(lines) + "\n"


def _layers_with_attributes(documents: Sequence[Document]) -> list[str]:
    found = {i.layer for doc in documents for i in layer_spans(doc) if attribute_lines(i.span)}
    return sorted(found)
