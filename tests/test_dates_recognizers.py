"""The Recognizers-Text DateTime spec converter, on a fixture written here in the spec's format."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks" / "external"))

from annotator_dates.intervals import same_time  # noqa: E402
from recognizers_convert import convert_file  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "dates" / "recognizers_tiny.json"


def test_recognizers_convert_skips_cases_without_a_reference_time() -> None:
    docs = convert_file(FIXTURE)
    assert [d.meta["reference_time"] for d in docs] == ["2021-04-28T10:15:00", "2021-04-28T00:00:00"]
    assert docs[0].meta["published"] == "2021-04-28"


def test_recognizers_convert_slices_original_case_with_inclusive_end() -> None:
    spans = convert_file(FIXTURE)[0].layer("dates")
    assert [s.text for s in spans] == ["Tuesday at 9am", "from May 3 to May 5"]
    assert [(s.label, s.source_type) for s in spans] == [("TIME", "datetime"), ("DATE", "daterange")]


def test_recognizers_convert_keeps_every_reading_and_drops_time_zones() -> None:
    first, second = convert_file(FIXTURE)
    tuesday = first.layer("dates")[0]
    assert tuesday.values == ["2021-04-27T09:00", "2021-05-04T09:00"]
    assert [(s.label, s.value) for s in second.layer("dates")] == [("DURATION", "PT2H")]


def test_recognizers_convert_range_keeps_the_suite_end() -> None:
    works = convert_file(FIXTURE)[0].layer("dates")[1]
    assert works.values == ["2021-05-03/2021-05-05"]
    assert same_time(works.values, "2021-05-03/2021-05-05")
    assert not same_time(works.values, "2021-05-03/2021-05-07")
