"""The text, the meta and the other annotators' layers are read-only to an annotator; the host checks it.

An annotator receives the live :class:`~annotator.document.Document`, because copying every layer
for every annotator would cost more than most annotators do. Instead the host saves the state of
each layer when it enters the document (references plus shallow copies of each span's fields,
taken once) and, after each annotator, walks the document comparing it with what was saved. A
difference is that annotator's error: the document is put back as it was, its own layer is
refused, and the other layers stay. Values inside span fields are compared by equality, containers
and spans by identity, so replacing a list with an equal copy counts as a change too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from annotator.document import Document
from annotator.errors import SpanError


class ReadOnlyError(SpanError):
    """An annotator changed the text, the meta, another layer or another summary, which it may only read."""


class Saved:
    """The state of one value: the object, a shallow copy of its parts, and the state of nested ones.

    Comparing a span's fields with their copy is one dict comparison in C (identity first, then
    equality); only fields holding a list, dict or model are walked further."""

    __slots__ = ("obj", "copy", "extra", "nested")

    def __init__(self, obj: Any) -> None:
        self.obj = obj
        self.extra: dict[str, Any] | None = None
        parts: Any
        if isinstance(obj, BaseModel):
            self.copy: Any = dict(obj.__dict__)
            extra = obj.__pydantic_extra__
            self.extra = dict(extra) if extra is not None else None
            parts = [*self.copy.items(), *(((EXTRA, k), v) for k, v in (self.extra or {}).items())]
        elif isinstance(obj, list):
            self.copy = list(obj)
            parts = enumerate(self.copy)
        elif isinstance(obj, dict):
            self.copy = dict(obj)
            parts = self.copy.items()
        else:
            self.copy = parts = None
        self.nested = [(k, Saved(v)) for k, v in parts or () if isinstance(v, CONTAINERS)]

    def same(self, current: Any) -> bool:
        """Whether ``current`` is still the saved object in the saved state."""
        if current is not self.obj:
            return False
        if isinstance(current, BaseModel):
            if current.__dict__ != self.copy or current.__pydantic_extra__ != self.extra:
                return False
        elif self.copy is not None and current != self.copy:
            return False
        return all(saved.same(_part(current, key)) for key, saved in self.nested)

    def restore(self) -> Any:
        """Put the saved state back into the object (recursively) and return it."""
        for _, saved in self.nested:
            saved.restore()
        if isinstance(self.obj, BaseModel):
            self.obj.__dict__.clear()
            self.obj.__dict__.update(self.copy)
            if self.extra is not None:
                self.obj.__pydantic_extra__ = dict(self.extra)
        elif isinstance(self.obj, list):
            self.obj[:] = self.copy
        elif isinstance(self.obj, dict):
            self.obj.clear()
            self.obj.update(self.copy)
        return self.obj


CONTAINERS = (BaseModel, list, dict)
EXTRA = object()
"""Marks the keys of a model's extra fields among its parts (they live outside ``__dict__``)."""


def _part(container: Any, key: Any) -> Any:
    """One part of a container whose shallow state already matched its copy."""
    if isinstance(container, BaseModel):
        if isinstance(key, tuple) and key[0] is EXTRA:
            return container.__pydantic_extra__[key[1]]  # type: ignore[index]
        return container.__dict__[key]
    return container[key]


class DocumentGuard:
    """What annotators may read but not change in one document; see the module docstring."""

    def __init__(self, document: Document) -> None:
        self.text = document.text
        self.meta = document.meta
        self.saved_meta = Saved(document.meta)
        self.spans = document.spans
        self.summaries = document.summaries
        self.layers = {name: Saved(spans) for name, spans in document.spans.items()}
        self.results = {name: Saved(value) for name, value in document.summaries.items()}

    def commit_layer(self, document: Document, name: str) -> None:
        """Save a layer the host has just added (its annotator passed every check)."""
        self.layers[name] = Saved(document.spans[name])

    def commit_summary(self, document: Document, name: str) -> None:
        """Save a summary the host has just added."""
        self.results[name] = Saved(document.summaries[name])

    def changes(self, document: Document) -> list[str]:
        """What differs from the saved state, in words; empty when nothing does."""
        found = [] if document.text is self.text or document.text == self.text else ["reassigned the text"]
        if document.meta is not self.meta:
            found.append("replaced the meta")
        elif not self.saved_meta.same(document.meta):
            found.append("changed the meta")
        found += _dict_changes("layer", document.spans, self.spans, self.layers)
        found += _dict_changes("summary", document.summaries, self.summaries, self.results)
        return found

    def check(self, document: Document, annotator: str) -> None:
        """Raise ReadOnlyError naming ``annotator`` and what it changed, after putting it back."""
        found = self.repair(document)
        if found:
            raise ReadOnlyError(
                f"annotator {annotator!r} changed what it may only read ({'; '.join(found)}); "
                "the document was restored and its own layer refused"
            )

    def repair(self, document: Document) -> list[str]:
        """Restore the saved state if anything changed; return what had changed."""
        found = self.changes(document)
        if found:
            document.text = self.text
            document.meta = self.saved_meta.restore()
            document.spans = _restored(self.spans, self.layers)
            document.summaries = _restored(self.summaries, self.results)
        return found


def _dict_changes(
    kind: str, current: dict[str, Any], original: dict[str, Any], saved: dict[str, Saved]
) -> list[str]:
    found = [] if current is original else [f"replaced the {kind} table"]
    found += [f"removed {kind} {name!r}" for name in saved if name not in current]
    found += [f"added {kind} {name!r}" for name in current if name not in saved]
    found += [
        f"changed {kind} {name!r}"
        for name, s in saved.items()
        if name in current and not s.same(current[name])
    ]
    return found


def _restored(table: dict[str, Any], saved: dict[str, Saved]) -> dict[str, Any]:
    table.clear()
    table.update({name: s.restore() for name, s in saved.items()})
    return table


def guarded(guard: DocumentGuard, document: Document, annotator: str, call: Callable[[], Any]) -> Any:
    """Run ``call`` (an annotator method), then check it changed nothing it may only read.

    If ``call`` raises, the document is repaired too and the annotator's own exception goes on."""
    try:
        result = call()
    except BaseException:
        guard.repair(document)
        raise
    guard.check(document, annotator)
    return result
