"""Small annotators used by the host tests to probe ordering, parsing and fault handling."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from annotator import Annotator, Document, Span


class Recorder(Annotator):
    """Records the spaCy Doc objects it was given; emits one span over the first word."""

    name = "recorder"
    span_model = Span
    seen: ClassVar[list[Any]] = []

    def annotate(self, document: Document, parsed: Any) -> Iterable[Span]:
        self.seen.append(parsed)
        end = len(document.text.split()[0]) if document.text.strip() else 0
        return (
            [Span(id=self.span_id(0), start=0, end=end, text=document.text[:end], label="FIRST")]
            if end
            else []
        )


class SecondRecorder(Recorder):
    """Another reader of the same parse."""

    name = "second"

    def annotate(self, document: Document, parsed: Any) -> Iterable[Span]:
        self.seen.append(parsed)
        return []


class Crasher(Annotator):
    """Raises on every document."""

    name = "crasher"

    def annotate(self, document: Document, parsed: Any) -> Iterable[Span]:
        raise ZeroDivisionError("boom")


class BadOffsets(Annotator):
    """Returns a span whose text does not match its offsets."""

    name = "badoffsets"

    def annotate(self, document: Document, parsed: Any) -> Iterable[Span]:
        return [Span(id="badoffsets-0", start=0, end=3, text="???", label="X")]


class WrongType(Annotator):
    """Returns plain dicts instead of spans."""

    name = "wrongtype"

    def annotate(self, document: Document, parsed: Any) -> Iterable[Any]:
        return [{"start": 0, "end": 1}]


def make(name: str, requires: tuple[str, ...] = (), needs: tuple[str, ...] = ()) -> type[Annotator]:
    """A do-nothing annotator class with the given declarations."""
    return type(name.title(), (SecondRecorder,), {"name": name, "requires": requires, "needs": needs})


class _Vandal(Annotator):
    """Base of annotators that write where they may only read; each runs after ``recorder``."""

    requires = ("recorder",)

    def annotate(self, document: Document, parsed: Any) -> Iterable[Span]:
        self.vandalise(document)
        return []

    def vandalise(self, document: Document) -> None:
        raise NotImplementedError


class Retexter(_Vandal):
    """Reassigns the document text (offsets of every layer then point at the wrong characters)."""

    name = "retexter"

    def vandalise(self, document: Document) -> None:
        document.text = "Breaking: " + document.text


class Clearer(_Vandal):
    """Empties another annotator's layer in place."""

    name = "clearer"

    def vandalise(self, document: Document) -> None:
        document.spans["recorder"].clear()


class Dropper(_Vandal):
    """Deletes another annotator's layer."""

    name = "dropper"

    def vandalise(self, document: Document) -> None:
        del document.spans["recorder"]


class Relabeler(_Vandal):
    """Changes a span of another annotator's layer."""

    name = "relabeler"

    def vandalise(self, document: Document) -> None:
        document.spans["recorder"][0].label = "FORGED"


class Squatter(_Vandal):
    """Adds a layer under a name that is not its own."""

    name = "squatter"

    def vandalise(self, document: Document) -> None:
        document.spans["recorder2"] = []


class Redater(_Vandal):
    """Rewrites the document's publication date in place (every later layer would read it)."""

    name = "redater"

    def vandalise(self, document: Document) -> None:
        document.meta["published"] = "1999-01-01"


class Demetaer(_Vandal):
    """Replaces the document's meta with an empty one."""

    name = "demetaer"

    def vandalise(self, document: Document) -> None:
        document.meta = {}


VANDALS = (Retexter, Clearer, Dropper, Relabeler, Squatter, Redater, Demetaer)
