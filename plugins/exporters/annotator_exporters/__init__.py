"""The built-in ``exporters`` plugin: labeling-tool formats for annotated JSONL.

Each format is one module and one :class:`annotator.exporting.Exporter`, registered through the
``register_exporters`` hook exactly as a third-party format would be; the formats people correct
in a tool also have an ``*_import`` module with the inverse :class:`annotator.importing.Importer`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from annotator import hookimpl
from annotator_exporters.brat import BratExporter
from annotator_exporters.doccano import DoccanoExporter
from annotator_exporters.inception import InceptionExporter
from annotator_exporters.labelstudio import LabelStudioExporter
from annotator_exporters.labelstudio_import import LabelStudioImporter
from annotator_exporters.prodigy import ProdigyExporter
from annotator_exporters.spacy_docbin import SpacyExporter

EXPORTERS = (
    BratExporter,
    DoccanoExporter,
    InceptionExporter,
    LabelStudioExporter,
    ProdigyExporter,
    SpacyExporter,
)

IMPORTERS = (LabelStudioImporter,)

__all__ = ["EXPORTERS", "IMPORTERS", *(cls.__name__ for cls in (*EXPORTERS, *IMPORTERS))]


@hookimpl
def register_exporters(register: Callable[[Any], None]) -> None:
    """Register one instance of each built-in exporter."""
    for cls in EXPORTERS:
        register(cls())


@hookimpl
def register_importers(register: Callable[[Any], None]) -> None:
    """Register one instance of each built-in importer (the inverse of an exporter)."""
    for cls in IMPORTERS:
        register(cls())
