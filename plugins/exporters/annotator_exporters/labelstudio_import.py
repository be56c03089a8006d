"""Label Studio: read a JSON export (tasks with ``annotations``, else ``predictions``) back into documents.

The inverse of :mod:`annotator_exporters.labelstudio`: a ``labels`` result is a region whose
control name is the layer; a ``textarea`` result of the control ``<layer>_attributes`` with the
same region id holds its ``key=value`` attribute lines; a ``relation`` result links two region ids
and its label is the reference field (``speaker``, ``holder``, ``target``). The person's work is
the task's last annotation that was not cancelled; a task nobody annotated falls back to its last
prediction, so an export of untouched pre-annotations still reads. Offsets are code points.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.errors import InputError
from annotator.importing import (
    ImportedDocument,
    ImportedRelation,
    ImportedSpan,
    Importer,
    ImporterOptions,
    json_array_items,
    parse_attribute_lines,
)
from annotator_exporters.labelstudio import TEXT_TAG

ATTRS_SUFFIX = "_attributes"


class LabelStudioImporter(Importer):
    """Label Studio's JSON export (a list of tasks), as the server writes it or as we exported it."""

    name = "label-studio"
    description = "Label Studio JSON export: annotations (else predictions), relations, region attributes."

    def read(self, path: Path, options: ImporterOptions) -> Iterator[ImportedDocument]:
        """One document per task."""
        for line, task in json_array_items(path):
            try:
                document = task_document(task, line)
            except InputError as exc:
                raise InputError(exc.reason, str(path), line) from exc
            document.file = str(path)
            yield document


def task_document(task: Any, line: int) -> ImportedDocument:
    """The document of one task, from its chosen result list."""
    if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
        raise InputError("a task must be an object with a 'data' object")
    data = task["data"]
    text = data.get(TEXT_TAG)
    if not isinstance(text, str):
        raise InputError(f"task has no data.{TEXT_TAG} string")
    doc_id = str(data.get("doc_id") or task.get("id") or f"task-{line}")
    meta = data.get("meta") if isinstance(data.get("meta"), dict) else {}
    doc = ImportedDocument(id=doc_id, text=text, meta=dict(meta), line=line)
    read_results(doc, chosen_results(task))
    return doc


def chosen_results(task: dict[str, Any]) -> list[dict[str, Any]]:
    """The last annotation not cancelled, else the last prediction, else nothing."""
    done = [a for a in task.get("annotations") or [] if isinstance(a, dict) and not a.get("was_cancelled")]
    runs = done or [p for p in task.get("predictions") or [] if isinstance(p, dict)]
    if not runs:
        return []
    result = runs[-1].get("result")
    if not isinstance(result, list):
        raise InputError("an annotation's 'result' must be a list")
    return [r for r in result if isinstance(r, dict)]


def read_results(doc: ImportedDocument, results: list[dict[str, Any]]) -> None:
    """Regions first, then their attributes and the relations between them."""
    regions: dict[str, ImportedSpan] = {}
    for item in results:
        if item.get("type") == "labels":
            span = region(item)
            regions[span.id] = span
    for item in results:
        if item.get("type") == "textarea" and str(item.get("from_name", "")).endswith(ATTRS_SUFFIX):
            target = regions.get(str(item.get("id")))
            if target is None:
                raise InputError(f"attributes for unknown region {item.get('id')!r}")
            target.attributes.update(parse_attribute_lines(_lines(item)))
        elif item.get("type") == "relation":
            doc.relations.append(relation(item))
    doc.spans = list(regions.values())


def region(item: dict[str, Any]) -> ImportedSpan:
    """A ``labels`` result as a span of the layer its control names; its score is the confidence."""
    value = item.get("value") or {}
    labels = value.get("labels") or []
    start, end = value.get("start"), value.get("end")
    if not labels or not isinstance(start, int) or not isinstance(end, int):
        raise InputError(f"region {item.get('id')!r} needs integer start/end and a label")
    span = ImportedSpan(str(item["from_name"]), str(item.get("id")), start, end, str(labels[0]))
    if isinstance(item.get("score"), (int, float)):
        span.attributes["confidence"] = item["score"]
    return span


def relation(item: dict[str, Any]) -> ImportedRelation:
    """A relation result; ``direction: left`` points from ``to_id`` to ``from_id``."""
    labels = item.get("labels") or []
    if not labels:
        raise InputError(f"relation {item.get('from_id')!r} -> {item.get('to_id')!r} has no label")
    source, target = str(item.get("from_id")), str(item.get("to_id"))
    if item.get("direction") == "left":
        source, target = target, source
    return ImportedRelation(str(labels[0]), source, target)


def _lines(item: dict[str, Any]) -> list[str]:
    text = (item.get("value") or {}).get("text") or []
    return [text] if isinstance(text, str) else [str(t) for t in text]
