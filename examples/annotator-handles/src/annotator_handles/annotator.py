"""Find @handles and #hashtags; link a handle to the entity named just before it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from pydantic import Field

from annotator import Annotator, AnnotatorOptions, Document, Span, span_ref

# Not after a word character, so e-mail addresses and "C#" stay out; X handles are at most 15 long.
HANDLE = re.compile(r"(?<![\w@/.])@[A-Za-z0-9_]{1,15}\b(?!@)")
HASHTAG = re.compile(r"(?<![\w&#/])#(?=\w*[^\W\d_])\w{2,}")
OWNER_GAP = re.compile(r"\s*\(\s*$")


class HandleSpan(Span):
    """A handle or hashtag; ``owner`` is the entity span of the person or body it belongs to."""

    kind: Literal["handle", "hashtag"]
    normalized: str = Field(description="Lower case, without the @ or #: how platforms compare them.")
    owner: str | None = span_ref(
        "Entities span named right before the handle, as in 'Name (@handle)'.", default=None
    )


class HandlesOptions(AnnotatorOptions):
    """Which kinds to mark."""

    hashtags: bool = True
    link_owners: bool = True


class HandlesAnnotator(Annotator):
    """Handles and hashtags; needs no spaCy component, reads the entities layer for owners."""

    name = "handles"
    version = "0.1.0"
    span_model = HandleSpan
    requires = ("entities",)
    Options = HandlesOptions

    def annotate(self, document: Document, parsed: object) -> Iterable[HandleSpan]:
        """One span per handle (and hashtag, unless turned off), in document order."""
        options = self.options
        assert isinstance(options, HandlesOptions)
        found = [(m, "handle") for m in HANDLE.finditer(document.text)]
        if options.hashtags:
            found += [(m, "hashtag") for m in HASHTAG.finditer(document.text)]
        found.sort(key=lambda pair: pair[0].start())
        for i, (match, kind) in enumerate(found):
            owner = _owner(document, match.start()) if kind == "handle" and options.link_owners else None
            yield HandleSpan(
                id=self.span_id(i),
                start=match.start(),
                end=match.end(),
                text=match.group(),
                label=kind.upper(),
                kind=kind,  # type: ignore[arg-type]
                normalized=match.group()[1:].lower(),
                owner=owner,
                rule=f"{kind}-pattern",
            )


def _owner(document: Document, start: int) -> str | None:
    """The entity span that ends right before ``(`` + the handle, if any."""
    gap = OWNER_GAP.search(document.text, 0, start)
    if gap is None:
        return None
    for span in document.layer("entities"):
        if span.end == gap.start() and span.label in {"PERSON", "ORG"}:
            return span.id
    return None
