"""INCEpTION: each XMI loads strictly against the shipped TypeSystem.xml, with every span's text intact."""

from __future__ import annotations

from pathlib import Path

import pytest
from annotator_exporters.inception import InceptionExporter
from cassis import Cas, load_cas_from_xmi, load_typesystem
from test_export_golden import golden_document, seed_documents

from annotator import Document

CUSTOM = "webanno.custom."


def load(documents: list[Document], tmp_path: Path) -> list[Cas]:
    exporter = InceptionExporter()
    out = tmp_path / "inception"
    exporter.export(documents, out, exporter.options())
    with (out / "TypeSystem.xml").open("rb") as stream:
        typesystem = load_typesystem(stream)
    cases = []
    for path in sorted(out.glob("*.xmi")):
        with path.open("rb") as stream:
            cases.append(load_cas_from_xmi(stream, typesystem=typesystem, lenient=False))
    return cases


def custom_spans(cas: Cas) -> list[object]:
    return [
        a
        for t in cas.typesystem.get_types()
        if t.name.startswith(CUSTOM) and not t.name.endswith("Relation")
        for a in cas.select(t.name)
    ]


@pytest.mark.parametrize("source", ["golden", "seeds"])
def test_inception_every_span_covers_its_original_text(source: str, tmp_path: Path) -> None:
    documents = [golden_document()] if source == "golden" else seed_documents()
    for doc, cas in zip(documents, load(documents, tmp_path), strict=True):
        assert cas.sofa_string == doc.text
        want = {s.id: s.text for spans in doc.spans.values() for s in spans}
        got = {a.spanId: a.get_covered_text() for a in custom_spans(cas)}
        assert got == want


def test_inception_xmi_stores_utf16_offsets(tmp_path: Path) -> None:
    exporter = InceptionExporter()
    exporter.export([golden_document()], tmp_path, exporter.options())
    xmi = (tmp_path / "golden_1.xmi").read_text(encoding="utf-8")
    assert 'begin="28" end="40"' in xmi  # "1 March 2024" is 24-36 in code points


def test_inception_relations_resolve_governor_and_dependent(tmp_path: Path) -> None:
    cas = load([golden_document()], tmp_path)[0]
    links = cas.select(CUSTOM + "QuotesSpeakerRelation")
    assert [(r.Governor.get_covered_text(), r.Dependent.get_covered_text()) for r in links] == [
        ("“hi”", "Ann")
    ]
    assert (links[0].begin, links[0].end) == (links[0].Dependent.begin, links[0].Dependent.end)


def test_inception_attributes_become_typed_features(tmp_path: Path) -> None:
    cas = load([golden_document()], tmp_path)[0]
    number = cas.select(CUSTOM + "Numbers")[0]
    quote = cas.select(CUSTOM + "Quotes")[0]
    assert number.value == 1.0 and quote.direct is True and quote.confidence == 0.9


def test_inception_document_has_tokens_and_sentences(tmp_path: Path) -> None:
    cas = load([golden_document()], tmp_path)[0]
    sentences = [
        s.get_covered_text()
        for s in cas.select("de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Sentence")
    ]
    assert sentences == ["👨🏻‍🚒 Ann said “hi” 😊 on 1 March 2024.", "Bye"]


def test_inception_refuses_text_xml_cannot_carry(tmp_path: Path) -> None:
    from annotator.exporting import ExportError

    doc = Document(id="ctrl", text="Ann\x01said")
    with pytest.raises(ExportError, match="'ctrl'"):
        InceptionExporter().export([doc], tmp_path, InceptionExporter().options())
