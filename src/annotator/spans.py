"""The base span every layer subclasses, and the marker for fields that point at other spans.

Offsets are Python ``str`` indices (Unicode code points), end exclusive. JavaScript-based tools
count UTF-16 code units instead; the exporters convert, the document never does.
"""

from __future__ import annotations

import functools
import typing
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

SPAN_REF_KEY = "x-span-ref"

OFFSET_NOTE = "Python str index (Unicode code points), end exclusive; JavaScript tools count UTF-16 units."


class TextAnchor(BaseModel):
    """A stretch of the document held inside a span (a quote's cue, a stance's cue word).

    Subclass it for such nested fields; the host checks its offsets and text exactly like a span's.
    """

    model_config = ConfigDict(extra="forbid")

    start: int = Field(ge=0, description=f"Start offset: {OFFSET_NOTE}")
    end: int = Field(ge=1, description=f"End offset: {OFFSET_NOTE}")
    text: str = Field(description="Exactly document.text[start:end].")


class Span(BaseModel):
    """A typed stretch of the document text; each layer's spans subclass this."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="Unique within the document; other spans refer to a span by this id.")
    start: int = Field(ge=0, description=f"Start offset: {OFFSET_NOTE}")
    end: int = Field(ge=1, description=f"End offset: {OFFSET_NOTE}")
    text: str = Field(description="Exactly document.text[start:end].")
    label: str = Field(min_length=1, description="The span's type within its layer, e.g. PERSON.")
    confidence: float | None = Field(default=None, ge=0.0, le=1.0, description="How sure the annotator is.")
    rule: str | None = Field(default=None, description="Which rule or strategy produced the span.")


class ForeignSpan(Span):
    """A span from a layer whose plugin is not installed: every field is kept as it was read."""

    model_config = ConfigDict(extra="allow")


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
