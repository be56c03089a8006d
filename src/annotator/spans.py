"""The base span every layer subclasses, and the marker for fields that point at other spans.

Offsets are Python ``str`` indices (Unicode code points), end exclusive. JavaScript-based tools
count UTF-16 code units instead; the exporters convert, the document never does.
"""

from __future__ import annotations

import enum
import functools
import types
import typing
from dataclasses import dataclass
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field

SPAN_REF_KEY = "x-span-ref"

OFFSET_NOTE = "Python str index (Unicode code points), end exclusive; JavaScript tools count UTF-16 units."


class TextAnchor(BaseModel):
    """A stretch of the document held inside a span (a quote's cue, a stance's cue word).

    Subclass it for such nested fields; the host checks its offsets and text exactly like a span's.
    """

    model_config = ConfigDict(extra="forbid")

    start: int = Field(ge=0, strict=True, description=f"Start offset: {OFFSET_NOTE}")
    end: int = Field(ge=1, strict=True, description=f"End offset: {OFFSET_NOTE}")
    text: str = Field(description="Exactly document.text[start:end].")


class Span(BaseModel):
    """A typed stretch of the document text; each layer's spans subclass this."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="Unique within the document; other spans refer to a span by this id.")
    start: int = Field(ge=0, strict=True, description=f"Start offset: {OFFSET_NOTE}")
    end: int = Field(ge=1, strict=True, description=f"End offset: {OFFSET_NOTE}")
    text: str = Field(description="Exactly document.text[start:end].")
    label: str = Field(min_length=1, description="The span's type within its layer, e.g. PERSON.")
    confidence: float | None = Field(default=None, ge=0.0, le=1.0, description="How sure the annotator is.")
    rule: str | None = Field(default=None, description="Which rule or strategy produced the span.")

    known_labels: ClassVar[tuple[str, ...]] = ()
    """Labels a layer with a free-form ``label: str`` produces by default (see :func:`label_set`).

    A layer whose labels form a closed set types ``label`` as a ``Literal`` (or an ``Enum``)
    instead, so the host also rejects any other label; declare ``known_labels`` only when options
    or user data can add labels (a gazetteer's own types), which the model cannot list."""


class ForeignSpan(Span):
    """A span from a layer whose plugin is not installed: every field is kept as it was read."""

    model_config = ConfigDict(extra="allow")


@dataclass(frozen=True)
class LabelSet:
    """The labels a span model declares; ``closed`` when its type admits no other label."""

    labels: tuple[str, ...]
    closed: bool


@functools.cache
def label_set(model: type[BaseModel]) -> LabelSet:
    """Every label ``model`` can carry, read from its declaration, never from data.

    Why: labeling tools need the whole label set before the first document (Label Studio refuses
    a prediction whose label its project config lacks). A ``label`` typed ``Literal[...]`` or an
    ``Enum`` (or a union of them) is a closed set; otherwise the set is open and holds the model's
    ``known_labels`` (empty by default: then only the labels seen in the data are known).
    """
    info = model.model_fields.get("label")
    closed = _literal_values(info.annotation) if info is not None else None
    if closed is not None:
        return LabelSet(closed, closed=True)
    return LabelSet(tuple(getattr(model, "known_labels", ())), closed=False)


def _literal_values(annotation: Any) -> tuple[str, ...] | None:
    """The values a Literal, Enum or union of them admits (``None`` left out); None if any is open."""
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return tuple(str(member.value) for member in annotation)
    origin = typing.get_origin(annotation)
    if origin is typing.Literal:
        return tuple(str(arg) for arg in typing.get_args(annotation))
    if origin is typing.Union or origin is types.UnionType:
        parts = [_literal_values(arg) for arg in typing.get_args(annotation) if arg is not type(None)]
        if parts and all(part is not None for part in parts):
            return tuple(dict.fromkeys(v for part in parts for v in part or ()))
    return None


def span_ref(description: str, **kwargs: Any) -> Any:
    """Declare a field holding the id (or list of ids) of other spans; the host checks they resolve.

    Use it as ``speaker: str | None = span_ref("Entity span of the speaker.", default=None)``.
    """
    return Field(description=description, json_schema_extra={SPAN_REF_KEY: True}, **kwargs)


@functools.cache
def ref_field_names(model: type[BaseModel]) -> tuple[str, ...]:
    """Names of the fields of ``model`` declared with :func:`span_ref` (cached: asked once per span)."""
    return tuple(
        name
        for name, info in model.model_fields.items()
        if isinstance(info.json_schema_extra, dict) and info.json_schema_extra.get(SPAN_REF_KEY)
    )


def referenced_ids(span: Span) -> list[str]:
    """Every span id this span refers to, through its declared reference fields."""
    ids: list[str] = []
    for name in ref_field_names(type(span)):
        value = getattr(span, name)
        if isinstance(value, str):
            ids.append(value)
        elif isinstance(value, (list, tuple)):
            ids.extend(v for v in value if isinstance(v, str))
    return ids


@functools.cache
def anchor_field_names(model: type[BaseModel]) -> tuple[str, ...]:
    """Names of the fields of ``model`` that hold a :class:`TextAnchor` (alone, optional or in a list)."""
    return tuple(name for name, info in model.model_fields.items() if _mentions_anchor(info.annotation))


def _mentions_anchor(annotation: Any) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, TextAnchor):
        return True
    return any(_mentions_anchor(arg) for arg in typing.get_args(annotation))


def anchors_of(span: Span) -> list[TextAnchor]:
    """Every text anchor a span holds in its declared anchor fields."""
    found: list[TextAnchor] = []
    for name in anchor_field_names(type(span)):
        value = getattr(span, name)
        items = value if isinstance(value, (list, tuple)) else [value]
        found.extend(item for item in items if isinstance(item, TextAnchor))
    return found
