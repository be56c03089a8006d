"""INCEpTION: read UIMA CAS XMI (the export's ``.xmi`` files with their TypeSystem.xml) back into documents.

The inverse of :mod:`annotator_exporters.inception`. Each span type is a layer: the exporter's
``webanno.custom.<Layer>`` types name their layer in the type description, and any other span type
(a layer someone created in INCEpTION, DKPro's ``NamedEntity``) is read as a layer named after the
type, kept and reported. ``label`` is the label, ``spanId`` the id, ``confidence`` the confidence
and every other feature an attribute. A type with ``Governor`` and ``Dependent`` features is a
relation layer whose label is the reference field. cassis turns the XMI's UTF-16 offsets into code
points on load, exactly as it turned them into UTF-16 on export.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any

from cassis import Cas
from cassis.typesystem import FeatureStructure, Type

from annotator.errors import InputError
from annotator.importing import ImportedDocument, ImportedRelation, ImportedSpan, Importer, ImporterOptions
from annotator_exporters.inception import METADATA, SENTENCE, TOKEN
from annotator_exporters.inception_types import ANNOTATION, PREFIX, RESERVED, camel
from annotator_exporters.inception_xmi import TypeSystems, XmiSource, load_cas, xmi_sources

DOCUMENT_METADATA = "de.tudarmstadt.ukp.dkpro.core.api.metadata.type.DocumentMetaData"
NOT_SPANS = {SENTENCE, TOKEN, METADATA, DOCUMENT_METADATA, "uima.tcas.DocumentAnnotation"}
OWN_FEATURES = {"sofa", "begin", "end", "label", "spanId", "confidence"}
LAYER_DESCRIPTION = re.compile(r"Spans of the annotator layer '(.+)'\.")
RELATION_DESCRIPTION = re.compile(r"'(.+)' links of layer '(.+)'\.")


class InceptionImportOptions(ImporterOptions):
    """Options of the INCEpTION importer."""

    typesystem: Path | None = None
    """A TypeSystem.xml to load every XMI with, when the export does not carry one next to them."""


class InceptionImporter(Importer):
    """INCEpTION's UIMA CAS XMI export: an ``.xmi``, a folder or a zip, with TypeSystem.xml."""

    name = "inception"
    description = "INCEpTION UIMA CAS XMI (a .xmi, a folder or a zip with TypeSystem.xml), via dkpro-cassis."
    Options = InceptionImportOptions

    def read(self, path: Path, options: ImporterOptions) -> Iterator[ImportedDocument]:
        """One document per XMI file."""
        assert isinstance(options, InceptionImportOptions)
        typesystems = TypeSystems()
        seen: dict[str, str] = {}
        for source in xmi_sources(path, options.typesystem):
            document = cas_document(load_cas(source, typesystems), source)
            if document.id in seen:
                raise InputError(
                    f"document id {document.id!r} is also in {seen[document.id]} (import one "
                    "annotator's files at a time)",
                    source.name,
                )
            seen[document.id] = source.name
            yield document


def cas_document(cas: Cas, source: XmiSource) -> ImportedDocument:
    """The document of one CAS: id and meta from the metadata, then spans, then relations."""
    fields = _metadata_fields(cas)
    text = cas.sofa_string or ""
    doc = ImportedDocument(id=document_id(cas, fields, source), text=text, file=source.name)
    doc.meta = _document_meta(fields)
    by_xmi: dict[int, str] = {}
    foreign: dict[tuple[str, str], int] = {}
    for fs in _span_annotations(cas):
        span = read_span(fs, text, doc)
        by_xmi[fs.xmiID] = span.id
        doc.spans.append(span)
        if not layer_of(fs.type)[1]:
            foreign[(fs.type.name, span.layer)] = foreign.get((fs.type.name, span.layer), 0) + 1
    doc.warnings.extend(
        f"document {doc.id!r}: {n} annotation(s) of type {name}, which its description does not "
        f"name as an annotator layer, read as layer {layer!r} from the type name; kept"
        for (name, layer), n in sorted(foreign.items())
    )
    doc.relations = read_relations(cas, by_xmi, doc)
    return doc


def document_id(cas: Cas, fields: dict[str, str], source: XmiSource) -> str:
    """``doc_id`` as the exporter wrote it, else DKPro's document id or title, else the file name."""
    if fields.get("doc_id"):
        return fields["doc_id"]
    if cas.typesystem.contains_type(DOCUMENT_METADATA):
        for meta in cas.select(DOCUMENT_METADATA):
            found = meta.get("documentId") or meta.get("documentTitle")
            if found:
                return str(PurePosixPath(str(found)).stem if str(found).endswith(".xmi") else found)
    return PurePosixPath(source.name.replace("!", "/")).stem


def _metadata_fields(cas: Cas) -> dict[str, str]:
    if not cas.typesystem.contains_type(METADATA):
        return {}
    return {str(f.key): str(f.value) for f in cas.select(METADATA) if f.key is not None}


def _document_meta(fields: dict[str, str]) -> dict[str, Any]:
    """The document's own meta, which the exporter keeps as JSON under the key ``meta``."""
    try:
        meta = json.loads(fields.get("meta", "{}"))
    except ValueError:
        return {"meta": fields["meta"]}
    return meta if isinstance(meta, dict) else {"meta": meta}


def _span_annotations(cas: Cas) -> list[FeatureStructure]:
    ts = cas.typesystem
    return [
        fs
        for fs in cas.select_all_annotations()
        if ts.is_instance_of(fs.type.name, ANNOTATION)
        and fs.type.name not in NOT_SPANS
        and not is_relation_type(fs.type)
    ]


def is_relation_type(t: Type) -> bool:
    """Whether ``t`` is a relation layer (INCEpTION's convention: Governor and Dependent features)."""
    names = {f.name for f in t.all_features}
    return {"Governor", "Dependent"} <= names


def layer_of(t: Type) -> tuple[str, bool]:
    """(layer, whether the exporter wrote it): from the type's description, else from its name."""
    found = LAYER_DESCRIPTION.fullmatch(t.description or "")
    if found:
        return found[1], True
    return snake(t.name.rsplit(".", 1)[-1]), False


def snake(name: str) -> str:
    """``QuoteSpeakers`` -> ``quote_speakers``, the inverse of :func:`camel` for plain layer names."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()


def attribute_key(feature: str) -> str:
    """The attribute key a feature name was made from (the inverse of ``feature_name``)."""
    if feature.startswith("attr_") and feature[5:] in RESERVED:
        return feature[5:]
    if feature.startswith("f_") and not feature[2:3].isalpha():
        return feature[2:]
    return feature


def element(fs: FeatureStructure) -> str:
    """How an error names an annotation: its type and XMI id."""
    return f"{fs.type.name} xmi:id={fs.xmiID}"


def read_span(fs: FeatureStructure, text: str, doc: ImportedDocument) -> ImportedSpan:
    """One span annotation, its offsets checked against the text; a missing label is reported."""
    begin, end = fs.begin, fs.end
    if not (isinstance(begin, int) and isinstance(end, int) and 0 <= begin < end <= len(text)):
        reason = f"{element(fs)}: offsets {begin}-{end} out of range (text has {len(text)} characters)"
        raise InputError(reason, doc.file)
    layer = layer_of(fs.type)[0]
    span = ImportedSpan(layer, str(fs.get("spanId") or f"{layer}-xmi{fs.xmiID}"), begin, end, _label(fs, doc))
    span.attributes.update(_attributes(fs, doc))
    return span


def _label(fs: FeatureStructure, doc: ImportedDocument) -> str:
    for name in ("label", "value"):  # ``value`` is DKPro NamedEntity's label feature
        if _has(fs.type, name) and fs.get(name):
            return str(fs.get(name))
    short = fs.type.name.rsplit(".", 1)[-1]
    doc.warnings.append(f"{element(fs)}: no label, labelled {short!r}; kept")
    return short


def _attributes(fs: FeatureStructure, doc: ImportedDocument) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for feature in fs.type.all_features:
        value = fs.get(feature.name)
        if value is None or (feature.name in OWN_FEATURES and feature.name != "confidence"):
            continue
        if isinstance(value, FeatureStructure):
            doc.warnings.append(f"{element(fs)}: feature {feature.name!r} is not a value; not read")
            continue
        found[attribute_key(feature.name)] = value
    return found


def _has(t: Type, name: str) -> bool:
    return any(f.name == name for f in t.all_features)


def read_relations(cas: Cas, by_xmi: dict[int, str], doc: ImportedDocument) -> list[ImportedRelation]:
    """Every Governor -> Dependent link between spans read; a link to anything else is reported."""
    found: list[ImportedRelation] = []
    unread: dict[str, int] = {}
    # XMI id order is the order the links were written (text order would reorder a list of targets)
    for fs in sorted(cas.select_all_annotations(), key=lambda fs: fs.xmiID):
        if not is_relation_type(fs.type):
            continue
        gov, dep = fs.get("Governor"), fs.get("Dependent")
        source, target = (by_xmi.get(getattr(x, "xmiID", -1)) for x in (gov, dep))
        if source is None or target is None:
            unread[fs.type.name] = unread.get(fs.type.name, 0) + 1
            continue
        found.append(ImportedRelation(relation_label(fs.type, gov.type), source, target))
    doc.warnings.extend(
        f"document {doc.id!r}: {n} link(s) of type {name} not read: Governor or Dependent is not a span"
        for name, n in sorted(unread.items())
    )
    return found


def relation_label(t: Type, governor: Type) -> str:
    """The reference field of a relation type: from its description, else from its name."""
    found = RELATION_DESCRIPTION.fullmatch(t.description or "")
    if found:
        return found[1]
    short = t.name.removeprefix(PREFIX).rsplit(".", 1)[-1].removesuffix("Relation")
    layer = camel(layer_of(governor)[0])
    return snake(short.removeprefix(layer) or short)
