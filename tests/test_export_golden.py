"""The golden export document, the shared exporting helpers, and every exporter over real seed output.

The golden document is the reference string of docs/../labeling-tools.md §1 (a ZWJ emoji sequence
with a skin tone, an emoji outside the BMP, curly quotes, a CRLF), normalized to ``\\n`` as input
is, with hand-placed spans in six layers: nested and crossing overlaps, a span across the line
break, attributes of several types, and span_ref links (quote -> speaker, stance -> holder/targets).
The other test_export_* modules import it from here.
"""

from __future__ import annotations

import functools
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Literal

import pytest
from pydantic import BaseModel, Field

from annotator import Document, Span, span_ref
from annotator.errors import InputError
from annotator.exporting import (
    LabelNames,
    Utf16Offsets,
    attributes,
    labels_by_layer,
    read_documents,
    relations,
    utf16_offset,
)
from annotator.inputs import normalize_text
from annotator.registry import build_registry

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = "👨🏻‍🚒 Ann said “hi” 😊 on 1 March 2024.\r\nBye"
GOLDEN_TEXT, GOLDEN_NORMALIZED = normalize_text(REFERENCE)
FORMATS = ("brat", "doccano", "inception", "label-studio", "prodigy", "spacy")


class GoldEntity(Span):
    canonical: str = Field(description="Fullest name.")
    kb_id: str | None = None


class GoldQuote(Span):
    speaker: str | None = span_ref("The speaker's entity span.", default=None)
    direct: bool = True


class GoldDate(Span):
    value: str = Field(description="TIMEX3 value.")
    kind: Literal["DATE", "TIME"] = "DATE"


class GoldNumber(Span):
    value: float
    unit: str | None = None


class GoldStance(Span):
    holder: str | None = span_ref("Who holds the stance.", default=None)
    targets: list[str] = span_ref("What the stance is about.", default_factory=list)
    polarity: Literal["support", "oppose"]


class GoldSummary(BaseModel):
    pairs: list[list[str]]


def _span(model: type[Span], span_id: str, start: int, end: int, label: str, **extra: object) -> Span:
    return model(id=span_id, start=start, end=end, text=GOLDEN_TEXT[start:end], label=label, **extra)


def golden_document() -> Document:
    """The golden document; offsets placed by hand on the normalized reference string."""
    spans = {
        "entities": [
            _span(GoldEntity, "ent-ann", 5, 8, "PERSON", canonical="Ann", kb_id="Q-ann", confidence=0.8)
        ],
        "symbols": [
            _span(GoldEntity, "sym-firefighter", 0, 4, "EMOJI", canonical="firefighter"),
            _span(GoldEntity, "sym-smile", 19, 20, "EMOJI", canonical="smiling face"),
        ],
        "quotes": [_span(GoldQuote, "quote-hi", 14, 18, "QUOTE", speaker="ent-ann", confidence=0.9)],
        "dates": [_span(GoldDate, "date-1", 24, 36, "DATE", value="2024-03-01")],
        "numbers": [_span(GoldNumber, "num-1", 24, 25, "CARDINAL", value=1.0)],
        "stance": [
            _span(
                GoldStance,
                "stance-1",
                14,
                20,
                "STANCE",
                holder="ent-ann",
                targets=["sym-smile"],
                polarity="support",
            ),
            _span(GoldStance, "stance-2", 19, 41, "STANCE", targets=["date-1", "num-1"], polarity="oppose"),
        ],
    }
    return Document(
        id="golden/1",
        text=GOLDEN_TEXT,
        meta={"published": "2024-03-02", "source": "test"},
        spans=spans,  # type: ignore[arg-type]
        summaries={"stance": GoldSummary(pairs=[["Ann", "😊", "support"]])},
        normalized=GOLDEN_NORMALIZED,
    )


def golden_spans() -> list[tuple[str, Span]]:
    """(layer, span) of every golden span."""
    return [(layer, s) for layer, spans in golden_document().spans.items() for s in spans]


@functools.lru_cache(maxsize=1)
def seed_output() -> Path:
    """``annotator annotate seeds/`` with whatever plugins are installed, run once per test process."""
    out = Path(tempfile.mkdtemp(prefix="export-seeds-")) / "seeds.jsonl"
    cli = Path(sys.executable).parent / "annotator"
    cmd = [str(cli), "annotate", str(ROOT / "seeds"), "-o", str(out), "-q"]
    subprocess.run(cmd, check=False, stdin=subprocess.DEVNULL, timeout=240)
    assert out.is_file() and out.stat().st_size > 0, "annotate wrote nothing for the seeds"
    return out


def seed_documents() -> list[Document]:
    """The annotated seed documents, typed with the installed plugins' models."""
    return list(read_documents(seed_output(), build_registry()))


def test_golden_document_offsets_slice_to_the_hand_written_texts() -> None:
    texts = {s.id: s.text for _, s in golden_spans()}
    assert (texts["sym-firefighter"], texts["quote-hi"], texts["date-1"]) == (
        "👨🏻‍🚒",
        "“hi”",
        "1 March 2024",
    )
    assert texts["stance-2"] == "😊 on 1 March 2024.\nBye"


@pytest.mark.parametrize(
    ("start", "end", "units"),
    [(5, 8, (8, 11)), (14, 18, (17, 21)), (24, 36, (28, 40)), (39, 42, (43, 46))],
)
def test_utf16_offset_matches_reference_table(start: int, end: int, units: tuple[int, int]) -> None:
    assert (utf16_offset(REFERENCE, start), utf16_offset(REFERENCE, end)) == units
    assert (Utf16Offsets(REFERENCE)(start), Utf16Offsets(REFERENCE)(end)) == units


def test_relations_follow_span_ref_fields_in_every_layer() -> None:
    found = {(r.label, r.source.span.id, r.target.span.id) for r in relations(golden_document())}
    assert found == {
        ("speaker", "quote-hi", "ent-ann"),
        ("holder", "stance-1", "ent-ann"),
        ("targets", "stance-1", "sym-smile"),
        ("targets", "stance-2", "date-1"),
        ("targets", "stance-2", "num-1"),
    }


def test_attributes_keep_model_fields_but_not_base_or_reference_fields() -> None:
    doc = golden_document()
    assert attributes(doc.layer("quotes")[0]) == {"direct": True}
    assert attributes(doc.layer("stance")[0]) == {"polarity": "support"}
    assert attributes(doc.layer("entities")[0]) == {"canonical": "Ann", "kb_id": "Q-ann"}


def test_labels_by_layer_lists_each_layer_labels() -> None:
    labels = labels_by_layer([golden_document()])
    assert labels["symbols"] == ["EMOJI"] and labels["entities"] == ["PERSON"] and len(labels) == 6


def test_label_names_qualify_labels_shared_by_two_layers() -> None:
    doc = golden_document()
    doc.spans["people"] = [_span(GoldEntity, "p-ann", 5, 8, "PERSON", canonical="Ann")]
    names = LabelNames([doc])
    assert (names("people", "PERSON"), names("dates", "DATE")) == ("people_PERSON", "DATE")


def test_registry_registers_the_six_builtin_exporters() -> None:
    registry = build_registry()
    assert {n for n, r in registry.exporters.items() if r.plugin == "exporters"} == set(FORMATS)


def test_read_documents_skips_error_records_and_types_layers(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    error = {"schema_version": "1.0", "id": "x", "error": {"stage": "read", "reason": "bad"}}
    path.write_text(golden_document().to_json() + "\n" + json.dumps(error) + "\n", encoding="utf-8")
    docs = list(read_documents(path))
    assert [d.id for d in docs] == ["golden/1"] and docs[0].layer("quotes")[0].text == "“hi”"


def test_read_documents_names_the_line_of_a_bad_record(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(golden_document().to_json() + '\n{"id": "x", "text": 3}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"in.jsonl:2"):
        list(read_documents(path))


@pytest.mark.parametrize("fmt", FORMATS)
def test_exporter_writes_the_real_seed_output(fmt: str, tmp_path: Path) -> None:
    exporter = build_registry().exporters[fmt].obj
    documents = seed_documents()
    written = exporter.export(documents, tmp_path / "out", exporter.options())
    assert sum(len(s) for d in documents for s in d.spans.values()) > 0
    assert written and all(p.is_file() and p.stat().st_size > 0 for p in written)


@pytest.mark.parametrize("fmt", FORMATS)
def test_exporter_writes_the_golden_document(fmt: str, tmp_path: Path) -> None:
    exporter = build_registry().exporters[fmt].obj
    written = exporter.export([golden_document()], tmp_path / "out", exporter.options())
    assert written and all(p.is_file() and p.stat().st_size > 0 for p in written)
