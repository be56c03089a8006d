"""The public-suite converters of the numbers layer, on hand-written files in the suites' formats."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.append(str(ROOT / "benchmarks" / "external"))

import duckling_corpus  # noqa: E402
import quantulum3_suite  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "suites"


def test_duckling_corpus_reads_examples_escapes_and_si_values() -> None:
    docs = duckling_corpus.convert({"Distance": (FIXTURES / "Corpus.hs").read_text(encoding="utf-8")})
    texts = [d["text"] for d in docs]
    assert texts == ["4 kilometres", "four km", "6 to 9 metres", "£7"]
    first, ranged = docs[0]["spans"]["numbers"][0], docs[2]["spans"]["numbers"][0]
    assert (first["si_value"], first["si_unit"], first["end"]) == (4000.0, "m", 12)
    assert (ranged["value"], ranged["low"], ranged["high"]) == (6.0, 6.0, 9.0)


def test_quantulum3_suite_places_surfaces_and_reads_units() -> None:
    raw = (FIXTURES / "quantities.json").read_text(encoding="utf-8")
    spans = quantulum3_suite.convert(raw, {"pound sterling": "GBP"})[0]["spans"]["numbers"]
    assert [s["text"] for s in spans] == ["12 tonnes", "£300", "2 or 3 days"]
    assert (spans[0]["si_value"], spans[0]["si_unit"]) == (12000.0, "kg")
    assert (spans[1]["kind"], spans[1]["currency"]) == ("money", "GBP")
    assert (spans[2]["value"], spans[2]["high"]) == (2.0, 3.0)
