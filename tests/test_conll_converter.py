"""The CoNLL-2003 converter on a tiny file written for this test (IOB1 and IOB2 tags, two documents)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks" / "external"))

from conll import convert  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "conll2003" / "tiny.txt"


def records() -> list[dict]:
    return convert(FIXTURE.read_text(encoding="utf-8").splitlines(), "tiny")


def test_documents_split_on_docstart_with_one_line_per_sentence() -> None:
    docs = records()
    assert [d["id"] for d in docs] == ["tiny-001", "tiny-002"]
    assert (
        docs[0]["text"] == "ISLAMABAD Khawaja Asif warned the Taliban .\nTalks in Istanbul Istanbul failed ."
    )


def test_mentions_keep_offsets_and_types_in_both_tag_schemes() -> None:
    first, second = records()
    got = [(s["text"], s["label"]) for s in first["spans"]["entities"]]
    # IOB1: I- continues a mention; B- starts a new one right after a mention of the same type.
    assert got == [
        ("ISLAMABAD", "LOC"),
        ("Khawaja Asif", "PER"),
        ("Taliban", "ORG"),
        ("Istanbul", "LOC"),
        ("Istanbul", "LOC"),
    ]
    for doc in (first, second):
        for span in doc["spans"]["entities"]:
            assert doc["text"][span["start"] : span["end"]] == span["text"]
    assert [(s["text"], s["label"]) for s in second["spans"]["entities"]] == [
        ("Pakistani", "MISC"),
        ("Zabihullah Mujahid", "PER"),
    ]
