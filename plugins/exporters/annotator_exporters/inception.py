"""INCEpTION: one UIMA CAS XMI (XML 1.0) per document, written with dkpro-cassis, plus TypeSystem.xml.

Import TypeSystem.xml under Settings -> Layers first: INCEpTION silently drops types it does not
know. Each CAS holds DKPro ``Sentence`` and ``Token`` annotations that every span boundary falls
on, the custom span and relation layers (see :mod:`annotator_exporters.inception_types`) and the
document metadata as ``MetaDataStringField`` key/value pairs. cassis writes UTF-16 offsets into
the XMI from our code-point offsets.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from cassis import Cas

from annotator import Document
from annotator.exporting import (
    Exporter,
    ExporterOptions,
    ExportError,
    LayerSpan,
    attributes,
    document_metadata,
    layer_spans,
    output_path,
    relations,
    unique_stems,
)
from annotator_exporters.inception_types import STRING, ExportTypes, build_types, feature_name
from annotator_exporters.tokens import spacy_doc

DKPRO = "de.tudarmstadt.ukp.dkpro.core.api."
SENTENCE, TOKEN = DKPRO + "segmentation.type.Sentence", DKPRO + "segmentation.type.Token"
METADATA = DKPRO + "metadata.type.MetaDataStringField"
TYPESYSTEM_FILE = "TypeSystem.xml"


class InceptionOptions(ExporterOptions):
    """Options of the INCEpTION exporter."""

    lang: str = "en"


class InceptionExporter(Exporter):
    """``OUT/<doc>.xmi`` per document and ``OUT/TypeSystem.xml``."""

    name = "inception"
    description = "INCEpTION / UIMA CAS XMI per document with a generated TypeSystem.xml (dkpro-cassis)."
    Options = InceptionOptions

    def export(self, documents: Sequence[Document], out: Path, options: ExporterOptions) -> list[Path]:
        """Write the type system, then one XMI per document."""
        assert isinstance(options, InceptionOptions)
        out.mkdir(parents=True, exist_ok=True)
        types = build_types(documents)
        ts_path = out / TYPESYSTEM_FILE
        ts_path.write_text(types.typesystem.to_xml(), encoding="utf-8")
        written = [ts_path]
        for doc, stem in zip(documents, unique_stems(documents), strict=True):
            path = output_path(out, stem, ".xmi")
            path.write_text(to_xmi(build_cas(doc, types, options.lang), doc), encoding="utf-8")
            written.append(path)
        return written


def to_xmi(cas: Cas, document: Document) -> str:
    """Serialise, naming the document when its text cannot go into XML 1.0."""
    try:
        return str(cas.to_xmi())
    except ValueError as exc:
        raise ExportError(f"document {document.id!r} cannot be written as XMI: {exc}") from exc


def build_cas(document: Document, types: ExportTypes, lang: str = "en") -> Cas:
    """The CAS of one document: segmentation, metadata, spans, then relations."""
    cas = Cas(typesystem=types.typesystem)
    cas.sofa_string = document.text
    cas.sofa_mime = "text/plain"
    _add_segmentation(cas, document, lang)
    _add_metadata(cas, document)
    annotations = {item.span.id: _add_span(cas, types, item) for item in layer_spans(document)}
    for rel in relations(document):
        rel_type = types.typesystem.get_type(types.relations[(rel.source.layer, rel.label)])
        gov, dep = annotations[rel.source.span.id], annotations[rel.target.span.id]
        cas.add(rel_type(begin=dep.begin, end=dep.end, Governor=gov, Dependent=dep))
    return cas


def _add_segmentation(cas: Cas, document: Document, lang: str) -> None:
    ts = cas.typesystem
    sentence, token = ts.get_type(SENTENCE), ts.get_type(TOKEN)
    doc = spacy_doc(document, lang)
    for sent in doc.sents:
        words = [t for t in sent if not t.is_space]
        if words:
            cas.add(sentence(begin=words[0].idx, end=words[-1].idx + len(words[-1].text)))
    for tok in doc:
        if not tok.is_space:
            cas.add(token(begin=tok.idx, end=tok.idx + len(tok.text)))


def _add_metadata(cas: Cas, document: Document) -> None:
    field = cas.typesystem.get_type(METADATA)
    for key, value in document_metadata(document).items():
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        cas.add(field(begin=0, end=0, key=key, value=text))


def _add_span(cas: Cas, types: ExportTypes, item: LayerSpan) -> Any:
    span_type = types.typesystem.get_type(types.layers[item.layer])
    values: dict[str, Any] = {"label": item.span.label, "spanId": item.span.id}
    if item.span.confidence is not None:
        values["confidence"] = item.span.confidence
    ranges = types.features[item.layer]
    for key, value in attributes(item.span).items():
        as_text = ranges[key] == STRING and not isinstance(value, str)
        values[feature_name(key)] = json.dumps(value, ensure_ascii=False) if as_text else value
    annotation = span_type(begin=item.span.start, end=item.span.end, **values)
    cas.add(annotation)
    return annotation
