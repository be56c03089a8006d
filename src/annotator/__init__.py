"""annotator: a plugin-based NLP annotation toolkit.

Importing this package loads no plugin and no spaCy model; those are built lazily when a
:class:`Pipeline` is created or :func:`annotate` is first called.
"""

from __future__ import annotations

from annotator.annotators import Annotator, AnnotatorOptions, ConfigPath
from annotator.api import annotate
from annotator.document import Document, DocumentError, SourceRef
from annotator.errors import AnnotatorError
from annotator.hookspecs import hookimpl
from annotator.records import InputDocument
from annotator.spans import Span, TextAnchor, span_ref

__version__ = "0.1.0"

__all__ = [
    "Annotator",
    "AnnotatorError",
    "AnnotatorOptions",
    "ConfigPath",
    "Document",
    "DocumentError",
    "InputDocument",
    "Pipeline",
    "SourceRef",
    "Span",
    "TextAnchor",
    "__version__",
    "annotate",
    "hookimpl",
    "span_ref",
]


def __getattr__(name: str) -> object:
    # Pipeline pulls in spaCy-facing modules; resolve it lazily to keep `import annotator` light.
    if name == "Pipeline":
        from annotator.pipeline import Pipeline

        return Pipeline
    raise AttributeError(f"module 'annotator' has no attribute {name!r}")
