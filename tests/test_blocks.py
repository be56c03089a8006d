"""The blocks layer: headings, captions, bylines, datelines and site furniture, never prose."""

from __future__ import annotations

import pytest
from conftest import seed
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.testing import assert_valid, run_annotator, spans_of

PROSE = (
    "Pakistan's Defence Minister Khawaja Asif issued a stark warning on Wednesday after talks in "
    "Istanbul failed to produce a breakthrough."
)


def only_block(line: str) -> tuple[str, str]:
    """(label, text) of the one block found when ``line`` sits between two paragraphs of prose."""
    doc = run_annotator("blocks", f"{PROSE}\n{line}\n{PROSE}")
    blocks = spans_of(doc, "blocks")
    assert len(blocks) == 1, [(b.label, b.text) for b in blocks]
    return blocks[0].label, blocks[0].text


@pytest.mark.parametrize(
    "line",
    [
        "Today : Nov 11, 2025",
        "World News",
        "Read more: Afghanistan-Pakistan negotiations to begin in Doha: Exclusive",
        "-",
        "Also read: Qatar and Türkiye push for another round of talks",
    ],
)
def test_blocks_marks_site_furniture(line: str) -> None:
    assert only_block(line) == ("FURNITURE", line)


@pytest.mark.parametrize(
    "line",
    [
        "Clashes and Ceasefire Breakdown",
        "Pakistan Blames Kabul for Inaction Against Militants",
        "What is the context?",
        "Cross-border violence escalates",
        "Why It Matters",
    ],
)
def test_blocks_marks_headings(line: str) -> None:
    assert only_block(line) == ("HEADING", line)


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("30 October 2025", "DATELINE"),
        ("With information from Reuters.", "BYLINE"),
        ("By Ayesha Siddiqa and Mark Landler", "BYLINE"),
        ("— Khawaja M. Asif (@KhawajaMAsif) October 29, 2025", "BYLINE"),
        (
            "Pakistani Defence Minister Khawaja Asif, right, and Afghan Defence Minister Mullah Muhammad "
            "Yaqoob sign a ceasefire agreement in Doha, Qatar, Oct. 19, 2025 (AP)",
            "CAPTION",
        ),
        ("Photo: Taliban fighters near Spin Boldak in Kandahar Province", "CAPTION"),
    ],
)
def test_blocks_marks_datelines_bylines_and_captions(line: str, label: str) -> None:
    assert only_block(line) == (label, line)


def test_blocks_marks_image_credit_after_prose() -> None:
    text = "Islamabad accuses Kabul of harboring militants behind attacks. Image: Modern Diplomacy.\n" + PROSE
    blocks = spans_of(run_annotator("blocks", text), "blocks")
    assert [(b.label, b.text) for b in blocks] == [("CAPTION", "Image: Modern Diplomacy.")]


def test_blocks_marks_agency_prefix_as_dateline() -> None:
    text = "(The Post News) – Peace negotiations between Pakistan and Afghanistan collapsed early Wednesday."
    blocks = spans_of(run_annotator("blocks", text), "blocks")
    assert [(b.label, b.text) for b in blocks] == [("DATELINE", "(The Post News)")]


@pytest.mark.parametrize(
    "paragraph",
    [
        PROSE,
        "“The Afghan side kept changing their position,” said one senior Pakistani official.",
        "Even following the Doha truce, weekend battles killed five Pakistani soldiers, the army said.",
        "He warned that if Taliban leader Haibatullah Akhunzada were to call for a jihad, thousands "
        "of young Afghans could take up arms.",
        "Le ministre a déclaré : « Nous ne céderons pas »",
        "«Nous ne céderons pas», a déclaré le ministre à la presse.",
    ],
)
def test_blocks_leaves_prose_alone(paragraph: str) -> None:
    assert spans_of(run_annotator("blocks", f"{paragraph}\n{paragraph}"), "blocks") == []


def test_blocks_finds_the_seed_furniture(seed_texts: dict[str, str]) -> None:
    _, text = seed(seed_texts, "002")
    doc = run_annotator("blocks", text)
    assert [(b.label, b.text) for b in spans_of(doc, "blocks")][:3] == [
        ("FURNITURE", "Today : Nov 11, 2025"),
        ("FURNITURE", "World News"),
        ("DATELINE", "30 October 2025"),
    ]
    assert_valid(doc)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.sampled_from([PROSE, "World News", "Why It Matters", "", "  - ", "Image: AP"]), max_size=8)
)
def test_blocks_spans_stay_within_one_line(lines: list[str]) -> None:
    doc = run_annotator("blocks", "\n".join(lines))
    for block in spans_of(doc, "blocks"):
        assert "\n" not in block.text and block.text == block.text.strip()
        assert doc.text.count("\n", 0, block.start) + 1 == block.line


@pytest.mark.parametrize(
    "line",
    [
        "Leeds United 2 Aston Villa 1",
        "Real Sociedad 15 9 4 2 31 14 31",
        "Somerset 312 and 145-6 ( J. Hart 71 )",
        "Oxford beat Harvard by two lengths",
        "The match was played in heavy rain",
    ],
)
def test_blocks_table_rows_and_short_prose_lines_are_not_headings(line: str) -> None:
    doc = run_annotator("blocks", f"{PROSE}\n{line}\n{PROSE}")
    assert [b.text for b in spans_of(doc, "blocks") if b.label == "HEADING"] == []


@pytest.mark.parametrize(
    "line",
    ["LONDON 2024-05-02", "ISLAMABAD, Oct 29", "GATWICK, England 2024-05-02", "YONKERS, New York May 3"],
)
def test_blocks_place_and_date_line_is_a_dateline(line: str) -> None:
    assert only_block(line) == ("DATELINE", line)


@pytest.mark.parametrize("line", ["Home | India", "News › World › Asia", "Sport / Football"])
def test_blocks_breadcrumb_is_furniture(line: str) -> None:
    assert only_block(line) == ("FURNITURE", line)


@pytest.mark.parametrize(
    "line", ["RUGBY - WARRIORS EDGE SHARKS IN SEASON OPENER", "Sudan Talks Stall in Jeddah"]
)
def test_blocks_headlines_stay_headings(line: str) -> None:
    assert only_block(line) == ("HEADING", line)
