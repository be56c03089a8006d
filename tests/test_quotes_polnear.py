"""The PolNeAR converter on a fixture written for this project, and the quotes scorer on it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks" / "external"))

from polnear_gold import convert_split, kind_of  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "polnear"


def test_polnear_split_pieces_become_direct_quotes_with_the_source():
    (doc,) = convert_split(FIXTURE, "dev")
    quotes = doc["spans"]["quotes"]
    assert [(q["kind"], q["text"], q["speaker_text"]) for q in quotes] == [
        ("indirect", "the bridge would reopen in May", "The mayor of Riverton"),
        ("direct", "We are nearly done", "Ms. Lark"),
        ("direct", "The last beams go in next week.", "Ms. Lark"),
    ]


@pytest.mark.parametrize(
    ("piece", "kind"),
    [
        ("“We will win,”", "direct"),
        ("that the plan was “dead on arrival”", "mixed"),
        ("that the plan had failed", "indirect"),
        ("''We will win,''", "direct"),
        ("that the plan was ''dead on arrival''", "mixed"),
    ],
)
def test_polnear_kind_of_reads_double_marks(piece, kind):
    assert kind_of(piece) == kind


def test_polnear_test_split_is_refused():
    with pytest.raises(ValueError, match="reserved"):
        convert_split(FIXTURE, "test")
