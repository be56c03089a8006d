"""What each layer can produce (labels, relation labels, attributes), for tools that need it declared.

A labeling tool with a project schema (Label Studio's labeling config) must list every label before
the first document arrives: a project created from one export has to accept the next batch. So the
schema comes from the span models of the installed layers (:func:`annotator.spans.label_set`), and
the documents only add what no model declares: labels of open (free-form) layers and layers whose
plugin is not installed. With the same installed plugins and only declared labels in the data, the
result is the same for any subset of documents.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from annotator.document import Document
from annotator.exporting import BASE_FIELDS, attribute_lines, layer_label_set
from annotator.spans import Span, ref_field_names


@dataclass(frozen=True)
class LayerSchema:
    """One layer's declared labels (plus any seen), its relation labels and whether it has attributes.

    ``labels`` is empty only for a free-form layer that declares none and has no span in the data:
    tools that refuse an empty label list (Label Studio) leave such a layer out.
    """

    name: str
    labels: tuple[str, ...]
    relations: tuple[str, ...]
    has_attributes: bool


def layer_schemas(documents: Iterable[Document], models: Mapping[str, type[Span]]) -> dict[str, LayerSchema]:
    """Every installed layer (``models``) and every layer in ``documents``, in name order."""
    docs = list(documents)
    names = sorted(set(models) | {layer for doc in docs for layer in doc.spans})
    return {name: _schema(name, models.get(name), docs) for name in names}


def relation_labels_of(schemas: Mapping[str, LayerSchema]) -> list[str]:
    """Every relation label any layer declares, sorted (a tool's relation list is global)."""
    return sorted({label for schema in schemas.values() for label in schema.relations})


def _schema(name: str, model: type[Span] | None, documents: list[Document]) -> LayerSchema:
    spans = [span for doc in documents for span in doc.layer(name)]
    span_types = {type(span) for span in spans} | ({model} if model is not None else set())
    relations = {field for t in span_types for field in ref_field_names(t)}
    has_attributes = any(_own_fields(t) for t in span_types) or any(attribute_lines(s) for s in spans)
    return LayerSchema(name, layer_label_set(spans, model), tuple(sorted(relations)), has_attributes)


def _own_fields(model: type[Span]) -> set[str]:
    """The model's attribute fields: neither the base span's nor reference fields."""
    return set(model.model_fields) - BASE_FIELDS - set(ref_field_names(model))
