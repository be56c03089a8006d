"""The TimeML converter and the same-time comparison, on a fixture and values written here."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks" / "external"))

from annotator_dates.intervals import same_time  # noqa: E402
from timeml_convert import convert_file  # noqa: E402


def test_timeml_convert_spans_slice_the_plain_text() -> None:
    doc = convert_file(ROOT / "tests" / "fixtures" / "dates" / "tiny.tml")
    spans = doc.layer("dates")
    assert [s.text for s in spans] == ["last Monday", "about three hours"]
    assert all(doc.text[s.start : s.end] == s.text for s in spans)


def test_timeml_convert_keeps_type_value_mod_and_dct() -> None:
    doc = convert_file(ROOT / "tests" / "fixtures" / "dates" / "tiny.tml")
    last = doc.layer("dates")[1]
    assert (last.label, last.value, last.mod) == ("DURATION", "PT3H", "APPROX")
    assert doc.meta["published"] == "2024-03-15"
    assert "&" in doc.text and "<" not in doc.text


@pytest.mark.parametrize(
    ("gold", "pred", "same"),
    [
        ("199", "1990/1999", True),
        ("2013-02-12T16", "2013-02-12T16:00", True),
        (["2016-10-02", "2017-10-02"], "2017-10-02", True),
        ("2013-Q1", "2013-01/2013-03", True),
        ("2013-05", "2013-05-01", False),
        ("P4Y", ("P4Y", "2021/2024"), True),
        ("PT90S", "PT1M30S", True),
        ("P1D", "PT24H", True),
        ("P3M", "P3D", False),
        ("1990-01-01/2000-01-01", "199", True),
        ("2013-02-12T09:30/2013-02-12T11:01", "2013-02-12T09:30/2013-02-12T11:00", True),
        ("2021-05-03/2021-05-05", "2021-05-03/2021-05-07", False),
        ("2021-05-03/2021-05-05", "2021-05-04/2021-05-05", False),
    ],
)
def test_same_time_compares_the_stretch_named(gold: object, pred: object, same: bool) -> None:
    assert same_time(gold, pred) is same
