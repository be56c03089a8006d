"""The Duckling Corpus.hs converter, on a fixture written here in Duckling's layout."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks" / "external"))

from annotator_dates.intervals import same_time  # noqa: E402
from duckling_convert import convert_file  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "dates" / "duckling_tiny_corpus.hs"


def _gold() -> dict[str, object]:
    converted = convert_file(FIXTURE, "tiny")
    return {d.text: d.layer("dates")[0] for d in converted.documents}


def test_duckling_convert_reads_only_all_examples_and_counts_skips() -> None:
    converted = convert_file(FIXTURE, "tiny")
    assert len(converted.documents) == 7
    assert dict(converted.skipped) == {"datetime": 1}
    assert all(d.meta["reference_time"] == "2013-02-12T04:30:00" for d in converted.documents)


def test_duckling_convert_span_is_the_trimmed_phrase() -> None:
    span = _gold()[" the 4th of March "]
    assert (span.start, span.end, span.text, span.value) == (1, 17, "the 4th of March", "2013-03-04")


def test_duckling_convert_interval_keeps_the_exclusive_end() -> None:
    summer = _gold()["july to september"]
    assert (summer.label, summer.value) == ("DATE", "2013-07/2013-10")
    assert same_time(summer.values, "2013-Q3")
    assert same_time(summer.values, "2013-07/2013-09")


def test_duckling_convert_clock_interval_keeps_end_instant_and_brackets_in_strings() -> None:
    evening = _gold()["this evening [local]"]
    assert (evening.label, evening.value) == ("TIME", "2013-02-12T18/2013-02-13T00")
    assert same_time(evening.values, "2013-02-12TEV")


def test_duckling_convert_open_interval_and_durations() -> None:
    gold = _gold()
    after = gold["after 9am on Thursday"]
    assert (after.value, after.mod) == ("2013-02-14T09", "AFTER")
    assert gold["two quarters"].values == ["P2Q", "P6M"]
    assert gold["three quarters of an hour"].value == "PT45M"
