"""brat: a strict reader applying brat's own rules accepts every exported file, and nothing is lost.

The reader mirrors brat's ``annotation.py`` checks (ID syntax and uniqueness, a TAB before the text,
fragment offsets inside the text and not overlapping, the text equal to the fragments joined by one
space, two distinct ``Role:ID`` arguments) and the ``validate:all`` config checks (entity, relation
and attribute types declared, attribute values enumerated, relation argument types allowed).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from annotator_exporters.brat import BratExporter, fragments
from test_export_golden import golden_document, seed_documents

from annotator import Document

ID = re.compile(r"^([A-Za-z]+|#[A-Za-z]*)([0-9]+)(.*?)$")


class BratRejected(AssertionError):
    """A line brat would refuse (shown as an error and not displayed)."""


@dataclass
class Conf:
    entities: set[str] = field(default_factory=set)
    relations: dict[str, tuple[set[str], set[str]]] = field(default_factory=dict)
    attributes: dict[str, tuple[set[str], set[str]]] = field(default_factory=dict)


def read_conf(path: Path) -> Conf:
    conf, section = Conf(), ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("["):
            section = line.strip("[]")
            continue
        name, _, args = line.partition("\t")
        parts = dict(p.strip().split(":", 1) for p in args.split(",") if ":" in p)
        if section == "entities":
            conf.entities.add(name)
        elif section == "relations" and not name.startswith("<"):
            conf.relations[name] = (set(parts["Arg1"].split("|")), set(parts["Arg2"].split("|")))
        elif section == "attributes":
            values = set(parts["Value"].split("|")) if "Value" in parts else set()
            conf.attributes[name] = (set(parts["Arg"].split("|")), values)
    return conf


def read_ann(ann: Path, text: str, conf: Conf) -> dict[str, tuple[str, list[tuple[int, int]]]]:
    """Textbounds by id; raises BratRejected on the first line brat would not accept."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    seen: set[str] = set()
    for line in ann.read_text(encoding="utf-8").split("\n")[:-1]:
        ident, tab, rest = line.partition("\t")
        if not tab or not ID.match(ident) or ident in seen:
            raise BratRejected(f"bad or duplicate id: {line!r}")
        seen.add(ident)
        kind = ident[0]
        if kind == "T":
            spans[ident] = check_textbound(rest, text, conf)
        elif kind == "R":
            check_relation(rest, spans, conf)
        elif kind == "A":
            check_attribute(rest, spans, conf)
        elif kind == "#":
            check_note(rest, spans, seen)
        else:
            raise BratRejected(f"unexpected annotation kind: {line!r}")
    return spans


def check_textbound(rest: str, text: str, conf: Conf) -> tuple[str, list[tuple[int, int]]]:
    data, tab, covered = rest.partition("\t")
    type_name, _, offsets = data.partition(" ")
    if not tab or type_name not in conf.entities:
        raise BratRejected(f"no text or undeclared type: {rest!r}")
    frags = [tuple(map(int, f.split(" "))) for f in offsets.split(";")]
    for (start, end), nxt in zip(frags, [*frags[1:], None], strict=True):
        if not 0 <= start <= end <= len(text) or (nxt is not None and nxt[0] < end):
            raise BratRejected(f"fragment outside text or overlapping: {rest!r}")
    if covered != " ".join(text[a:b] for a, b in frags):
        raise BratRejected(f"text differs from the document: {rest!r}")
    return type_name, frags  # type: ignore[return-value]


def check_relation(rest: str, spans: dict[str, tuple[str, list[tuple[int, int]]]], conf: Conf) -> None:
    type_name, *args = rest.split(" ")
    roles = dict(a.split(":", 1) for a in args)
    if len(args) != 2 or set(roles) != {"Arg1", "Arg2"} or roles["Arg1"] == roles["Arg2"]:
        raise BratRejected(f"relation needs two distinct Role:ID args: {rest!r}")
    allowed = conf.relations.get(type_name)
    if (
        allowed is None
        or spans[roles["Arg1"]][0] not in allowed[0]
        or spans[roles["Arg2"]][0] not in allowed[1]
    ):
        raise BratRejected(f"relation type or argument types not declared: {rest!r}")


def check_attribute(rest: str, spans: dict[str, tuple[str, list[tuple[int, int]]]], conf: Conf) -> None:
    type_name, target, *value = rest.split(" ")
    owners, values = conf.attributes.get(type_name, (set(), set()))
    if target not in spans or spans[target][0] not in owners or len(value) > 1:
        raise BratRejected(f"attribute not declared for this type: {rest!r}")
    if (value and value[0] not in values) or (not value and values):
        raise BratRejected(f"attribute value not enumerated: {rest!r}")


def check_note(rest: str, spans: dict[str, tuple[str, list[tuple[int, int]]]], seen: set[str]) -> None:
    data, tab, _ = rest.partition("\t")
    kind, _, target = data.partition(" ")
    if not tab or kind != "AnnotatorNotes" or target not in seen:
        raise BratRejected(f"bad note: {rest!r}")


def export(documents: list[Document], tmp_path: Path) -> Path:
    exporter = BratExporter()
    exporter.export(documents, tmp_path / "brat", exporter.options())
    return tmp_path / "brat"


@pytest.mark.parametrize("source", ["golden", "seeds"])
def test_brat_strict_reader_accepts_every_file(source: str, tmp_path: Path) -> None:
    documents = [golden_document()] if source == "golden" else seed_documents()
    out = export(documents, tmp_path)
    conf = read_conf(out / "annotation.conf")
    for ann in sorted(out.glob("*.ann")):
        text = ann.with_suffix(".txt").read_bytes().decode("utf-8", errors="strict")
        read_ann(ann, text, conf)
    assert len(list(out.glob("*.ann"))) == len(documents)


@pytest.mark.parametrize("source", ["golden", "seeds"])
def test_brat_keeps_every_span_with_its_offsets(source: str, tmp_path: Path) -> None:
    documents = [golden_document()] if source == "golden" else seed_documents()
    out = export(documents, tmp_path)
    conf = read_conf(out / "annotation.conf")
    for doc, ann in zip(documents, sorted(out.glob("*.ann")), strict=True):
        got = sorted(frag for _, frag in read_ann(ann, doc.text, conf).values())
        want = sorted(fragments(doc.text, s.start, s.end) for spans in doc.spans.values() for s in spans)
        assert got == want


def test_brat_splits_a_span_across_a_line_break_into_fragments(tmp_path: Path) -> None:
    ann = (export([golden_document()], tmp_path) / "golden_1.ann").read_text(encoding="utf-8")
    assert "STANCE 19 37;38 41\t😊 on 1 March 2024. Bye\n" in ann


def test_brat_free_values_go_to_annotator_notes_and_literals_to_attributes(tmp_path: Path) -> None:
    out = export([golden_document()], tmp_path)
    ann = (out / "golden_1.ann").read_text(encoding="utf-8")
    assert re.search(r"^#\d+\tAnnotatorNotes T\d+\tvalue=2024-03-01\n", ann, re.M)
    assert re.search(r"^A\d+\tpolarity T\d+ oppose$", ann, re.M)
    assert "polarity\tArg:STANCE, Value:oppose|support" in (out / "annotation.conf").read_text(
        encoding="utf-8"
    )


def test_brat_strict_reader_rejects_text_that_differs_from_the_slice(tmp_path: Path) -> None:
    out = export([golden_document()], tmp_path)
    ann = out / "golden_1.ann"
    ann.write_text(ann.read_text(encoding="utf-8").replace("\tAnn\n", "\tAnne\n"), encoding="utf-8")
    with pytest.raises(BratRejected, match="differs"):
        read_ann(ann, golden_document().text, read_conf(out / "annotation.conf"))


def test_brat_labels_that_clean_to_one_type_get_distinct_types_and_a_warning(tmp_path: Path) -> None:
    text = "Ann met Bob in Paris."
    spans = [
        {"id": "s1", "start": 0, "end": 3, "text": "Ann", "label": "A B"},
        {"id": "s2", "start": 8, "end": 11, "text": "Bob", "label": "A_B"},
        {"id": "s3", "start": 15, "end": 20, "text": "Paris", "label": "A.B"},
    ]
    doc = Document.from_dict({"id": "d1", "text": text, "spans": {"people": spans}}, {})
    with pytest.warns(UserWarning, match="brat type"):
        out = export([doc], tmp_path)
    conf = read_conf(out / "annotation.conf")
    found = read_ann(out / "d1.ann", text, conf)
    by_text = {text[frags[0][0] : frags[0][1]]: type_name for type_name, frags in found.values()}
    assert len(set(by_text.values())) == 3
    assert by_text["Bob"] == "A_B"  # a label brat accepts as it is keeps its name
    again = export([doc], tmp_path / "again")  # the suffix is stable, not a counter
    assert (again / "d1.ann").read_text(encoding="utf-8") == (out / "d1.ann").read_text(encoding="utf-8")


def test_brat_attribute_two_layers_declare_gets_one_name_and_value_list_per_layer(tmp_path: Path) -> None:
    from annotator_exporters.brat_import import BratImporter

    from annotator.registry import build_registry

    documents = seed_documents()
    exporter = BratExporter()
    exporter.layer_models = build_registry().span_models()
    out = tmp_path / "brat"
    exporter.export(documents, out, exporter.options())
    conf = read_conf(out / "annotation.conf")
    quote_owners, quote_values = conf.attributes["quotes_kind"]
    number_owners, number_values = conf.attributes["numbers_kind"]
    assert "kind" not in conf.attributes
    assert quote_owners == {"QUOTE"} and {"direct", "indirect", "scare"} <= quote_values
    assert "CARDINAL" in number_owners and "QUOTE" not in number_owners
    assert {"cardinal", "money"} <= number_values and not number_values & quote_values
    importer = BratImporter()
    back = {d.id: d for d in importer.read(out, importer.options({}))}
    for doc in documents:
        for layer in ("quotes", "numbers"):
            kinds = sorted((s.id, s.kind) for s in doc.spans.get(layer, []))  # type: ignore[attr-defined]
            spans = [s for s in back[doc.id].spans if s.layer == layer]
            read = sorted((s.id, json.loads(s.attributes["kind"])) for s in spans)  # typed later
            assert read == kinds and kinds
