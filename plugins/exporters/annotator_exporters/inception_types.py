"""The UIMA type system for an INCEpTION export: DKPro Core plus one custom layer per span layer.

Each span layer becomes ``webanno.custom.<Layer>`` with ``label``, ``spanId``, ``confidence`` and one
feature per attribute, typed from the values present (Boolean, Integer, Double, else String with
JSON for lists). Each span_ref field becomes a relation layer ``webanno.custom.<Layer><Field>Relation``
with ``Governor`` (the referring span) and ``Dependent`` (the referred one).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from cassis import TypeSystem, load_dkpro_core_typesystem

from annotator import Document
from annotator.exporting import attributes, layer_spans, relations

PREFIX = "webanno.custom."
ANNOTATION = "uima.tcas.Annotation"
STRING, INTEGER, DOUBLE, BOOLEAN = (
    "uima.cas.String",
    "uima.cas.Integer",
    "uima.cas.Double",
    "uima.cas.Boolean",
)
RESERVED = {"begin", "end", "sofa", "label", "spanId", "confidence", "Governor", "Dependent"}


def camel(name: str) -> str:
    """``quote_speakers`` -> ``QuoteSpeakers`` (a valid UIMA short type name)."""
    parts = [p for p in re.split(r"[^A-Za-z0-9]+", name) if p]
    joined = "".join(p[:1].upper() + p[1:] for p in parts) or "Layer"
    return joined if joined[0].isalpha() else f"L{joined}"


def feature_name(key: str) -> str:
    """An attribute key as a UIMA feature name that clashes with no built-in feature."""
    name = re.sub(r"[^A-Za-z0-9_]", "_", key)
    name = name if name and name[0].isalpha() else f"f_{name}"
    return f"attr_{name}" if name in RESERVED else name


def range_of(values: Sequence[Any]) -> str:
    """The UIMA range type that holds every value seen."""
    if values and all(isinstance(v, bool) for v in values):
        return BOOLEAN
    if values and all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return INTEGER
    if values and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
        return DOUBLE
    return STRING


@dataclass
class ExportTypes:
    """The type system plus, per layer, its type name and feature ranges; per relation, its type name."""

    typesystem: TypeSystem
    layers: dict[str, str] = field(default_factory=dict)
    features: dict[str, dict[str, str]] = field(default_factory=dict)
    relations: dict[tuple[str, str], str] = field(default_factory=dict)


def build_types(documents: Sequence[Document]) -> ExportTypes:
    """Create the custom span and relation layers the documents need."""
    found = ExportTypes(load_dkpro_core_typesystem())
    values = _attribute_values(documents)
    for layer in sorted({layer for doc in documents for layer in doc.spans}):
        _add_layer(found, layer, values.get(layer, {}))
    targets: dict[tuple[str, str], set[str]] = {}
    for doc in documents:
        for rel in relations(doc):
            targets.setdefault((rel.source.layer, rel.label), set()).add(rel.target.layer)
    for (layer, label), target_layers in sorted(targets.items()):
        dependent = found.layers[next(iter(target_layers))] if len(target_layers) == 1 else ANNOTATION
        found.relations[(layer, label)] = _add_relation(found, layer, label, dependent)
    return found


def _attribute_values(documents: Sequence[Document]) -> dict[str, dict[str, list[Any]]]:
    values: dict[str, dict[str, list[Any]]] = {}
    for doc in documents:
        for item in layer_spans(doc):
            for key, value in attributes(item.span).items():
                values.setdefault(item.layer, {}).setdefault(key, []).append(value)
    return values


def _add_layer(found: ExportTypes, layer: str, values: dict[str, list[Any]]) -> None:
    ts = found.typesystem
    name = PREFIX + camel(layer)
    span_type = ts.create_type(name, ANNOTATION, description=f"Spans of the annotator layer '{layer}'.")
    ts.create_feature(span_type, "label", STRING)
    ts.create_feature(span_type, "spanId", STRING)
    ts.create_feature(span_type, "confidence", DOUBLE)
    ranges = {key: range_of(vals) for key, vals in sorted(values.items())}
    for key, rng in ranges.items():
        ts.create_feature(span_type, feature_name(key), rng)
    found.layers[layer] = name
    found.features[layer] = ranges


def _add_relation(found: ExportTypes, layer: str, label: str, dependent: str) -> str:
    ts = found.typesystem
    name = f"{PREFIX}{camel(layer)}{camel(label)}Relation"
    rel_type = ts.create_type(name, ANNOTATION, description=f"'{label}' links of layer '{layer}'.")
    ts.create_feature(rel_type, "Governor", found.layers[layer])
    ts.create_feature(rel_type, "Dependent", dependent)
    return name
