"""The dates annotator on real news sentences: extraction, types, values, mods and anchors."""

from __future__ import annotations

import pytest
from conftest import seed

from annotator.testing import assert_valid, find_span, run_annotator, span_texts, spans_of

OCT29 = {"published": "2025-10-29"}  # a Wednesday
MAR15 = {"published": "2024-03-15"}  # a Friday


def dates(text: str, meta: dict | None = None) -> list:
    """The dates spans of ``text``."""
    return spans_of(run_annotator("dates", text, meta=OCT29 if meta is None else meta), "dates")


def value_of(text: str, surface: str, meta: dict | None = None) -> str:
    """The value of the span ``surface`` in ``text``."""
    return find_span(dates(text, meta), surface).value


@pytest.mark.parametrize(
    ("seed_id", "surface", "value"),
    [
        ("000", "Wednesday", "2025-10-29"),
        ("000", "October 19", "2025-10-19"),
        ("000", "2021", "2021"),
        ("004", "Thursday", "2025-10-30"),
        ("004", "Oct. 19, 2025", "2025-10-19"),
        ("001", "four acrimonious days", "P4D"),
        ("001", "nearly 18 hours", "PT18H"),
    ],
)
def test_dates_seed_acceptance_values(seed_texts, seed_meta, seed_id, surface, value) -> None:
    sid, text = seed(seed_texts, seed_id)
    doc = run_annotator("dates", text, meta={"published": seed_meta[sid]["published"]})
    assert find_span(spans_of(doc, "dates"), surface).value == value


def test_dates_nearly_is_approximate(seed_texts, seed_meta) -> None:
    sid, text = seed(seed_texts, "001")
    doc = run_annotator("dates", text, meta={"published": seed_meta[sid]["published"]})
    assert find_span(spans_of(doc, "dates"), "nearly 18 hours").mod == "APPROX"


def test_dates_seed_002_resolves_from_its_header_without_published(seed_texts) -> None:
    _, text = seed(seed_texts, "002")
    doc = run_annotator("dates", text, meta={})
    span = find_span(spans_of(doc, "dates"), "this week")
    assert (span.value, span.anchor, span.anchor_date) == ("2025-W44", "inferred", "2025-10-30")


def test_dates_seed_layers_are_valid(seed_texts, seed_meta) -> None:
    for sid, text in seed_texts.items():
        assert_valid(run_annotator("dates", text, meta={"published": seed_meta[sid]["published"]}))


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Talks collapsed on Wednesday after four days.", "Wednesday", "2025-10-29"),
        ("The ministers met on Monday in Doha.", "Monday", "2025-10-27"),
        ("Talks will resume on Friday, officials said.", "Friday", "2025-10-31"),
        ("Officials said the convoy would leave on Saturday.", "Saturday", "2025-11-01"),
        ("The summit opens on Monday in Brussels.", "Monday", "2025-11-03"),
        ("Rain is expected on Thursday.", "Thursday", "2025-10-30"),
        ("The election will be held next Sunday.", "next Sunday", "2025-11-02"),
        ("The rebels seized the town last Tuesday.", "last Tuesday", "2025-10-28"),
    ],
)
def test_dates_weekday_direction_follows_tense_and_cues(text, surface, value) -> None:
    assert value_of(text, surface) == value


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The ceasefire took effect on Oct. 19.", "Oct. 19", "2025-10-19"),
        ("The ruling came on Nov. 3.", "Nov. 3", "2024-11-03"),
        ("The hearing is scheduled for Nov. 3.", "Nov. 3", "2025-11-03"),
        ("The peace deal was signed in Doha on 29 October.", "29 October", "2025-10-29"),
        ("The deal was signed on October 29, 2025.", "October 29, 2025", "2025-10-29"),
        ("She was born on 4 July 1990 in Lagos.", "4 July 1990", "1990-07-04"),
        ("Ministers met on Wednesday, October 22, to talk.", "Wednesday, October 22", "2025-10-22"),
        ("The ban was lifted on 2024-03-01.", "2024-03-01", "2024-03-01"),
        ("The report, dated 13/02/2024, was leaked.", "13/02/2024", "2024-02-13"),
    ],
)
def test_dates_day_and_month_resolve_to_the_nearest_sensible_year(text, surface, value) -> None:
    assert value_of(text, surface) == value


def test_dates_ambiguous_numeric_date_is_left_alone() -> None:
    assert span_texts(run_annotator("dates", "The memo dated 10/11/2024 leaked.", meta=OCT29), "dates") == []


@pytest.mark.parametrize(
    ("text", "surface", "value", "grain"),
    [
        ("Prices rose 3 percent in March.", "March", "2025-03", "month"),
        ("The minister said elections would be held in March.", "March", "2026-03", "month"),
        ("The factory closed last March.", "last March", "2025-03", "month"),
        ("The Taliban returned to power in August 2021.", "August 2021", "2021-08", "month"),
        ("The Taliban seized power in 2021.", "2021", "2021", "year"),
        ("The company was founded in the 1990s.", "the 1990s", "199", "decade"),
        ("Cities grew rapidly in the 19th century.", "the 19th century", "18", "century"),
    ],
)
def test_dates_granularity_is_never_finer_than_the_text(text, surface, value, grain) -> None:
    span = find_span(dates(text), surface)
    assert (span.value, span.granularity) == (value, grain)


@pytest.mark.parametrize(
    ("text", "surface", "value", "mod"),
    [
        ("Earlier this month, Pakistan launched airstrikes.", "Earlier this month", "2025-10", "START"),
        ("Images from mid-October showed fighters.", "mid-October", "2025-10", "MID"),
        ("Inflation peaked in late 2024.", "late 2024", "2024", "END"),
        ("Sales fell sharply early last year.", "early last year", "2024", "START"),
        ("The minister will travel there later this month.", "later this month", "2025-10", "END"),
        ("Attacks have surged since the start of the year.", "the start of the year", "2025", "START"),
        ("Rebels have held the town for more than 18 hours.", "more than 18 hours", "PT18H", "MORE_THAN"),
        ("The trial could take up to six weeks.", "up to six weeks", "P6W", "EQUAL_OR_LESS"),
    ],
)
def test_dates_modifiers_become_mods(text, surface, value, mod) -> None:
    span = find_span(dates(text), surface)
    assert (span.value, span.mod) == (value, mod)


@pytest.mark.parametrize(
    ("text", "surface", "value", "kind"),
    [
        ("This year could be worse than the past year.", "This year", "2025", "DATE"),
        ("This year could be worse than the past year.", "the past year", "P1Y", "DURATION"),
        ("It was the deadliest year in a decade.", "a decade", "P10Y", "DURATION"),
        ("The breakdown came after weeks of fighting.", "weeks", "PXW", "DURATION"),
        ("The strike ended after 36 hours.", "36 hours", "PT36H", "DURATION"),
        ("Despite marathon 18-hour sessions, they failed.", "18-hour", "PT18H", "DURATION"),
        ("The museum reopens after a year-long renovation.", "year-long", "P1Y", "DURATION"),
        ("Turnout this week was lower than last week.", "last week", "2025-W43", "DATE"),
        ("The parliament will vote next month.", "next month", "2025-11", "DATE"),
        ("Two years ago, the city was under siege.", "Two years ago", "2023", "DATE"),
        ("Yesterday's vote was postponed.", "Yesterday", "2025-10-28", "DATE"),
    ],
)
def test_dates_relative_periods_and_durations(text, surface, value, kind) -> None:
    span = find_span(dates(text), surface)
    assert (span.value, span.timex_type) == (value, kind)


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Despite the truce, weekend firefights killed five soldiers.", "weekend", "2025-W43-WE"),
        ("The weekend brought heavy rain to the north.", "The weekend", "2025-W43-WE"),
        ("Officials will review the case over the weekend.", "the weekend", "2025-W44-WE"),
    ],
)
def test_dates_weekend_is_before_or_after_by_tense(text, surface, value) -> None:
    assert value_of(text, surface) == value


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The talks were stuck late on Monday night.", "late on Monday night", "2025-10-27TNI"),
        ("Trading resumed this morning after a halt.", "this morning", "2025-10-29TMO"),
        ("The quake struck at 3:15 a.m. local time on Tuesday.", "3:15 a.m. local time on Tuesday",
         "2025-10-28T03:15"),
        ("Voting closes at 8 p.m. on Sunday.", "8 p.m. on Sunday", "2025-11-02T20:00"),
        ("Fireworks are banned tonight in the capital.", "tonight", "2025-10-29TNI"),
    ],
)  # fmt: skip
def test_dates_times_and_parts_of_days(text, surface, value) -> None:
    span = find_span(dates(text), surface)
    assert (span.value, span.timex_type) == (value, "TIME")


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The team trains every Friday.", "every Friday", "XXXX-WXX-5"),
        ("The committee meets twice a month.", "twice a month", "P1M"),
        ("Flights to the capital leave daily.", "daily", "P1D"),
        ("The census is conducted every ten years.", "every ten years", "P10Y"),
        ("Markets close early on Fridays.", "Fridays", "XXXX-WXX-5"),
    ],
)
def test_dates_sets(text, surface, value) -> None:
    span = find_span(dates(text), surface)
    assert (span.value, span.timex_type) == (value, "SET")


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The minister recently visited Kabul.", "recently", "PAST_REF"),
        ("For now, diplomacy remains the only hope.", "now", "PRESENT_REF"),
        ("A decision is expected soon.", "soon", "FUTURE_REF"),
    ],
)
def test_dates_vague_references(text, surface, value) -> None:
    assert value_of(text, surface) == value


@pytest.mark.parametrize(
    ("text", "surface", "begin", "end", "value"),
    [
        ("The festival ran from Monday to Thursday.", "from Monday to Thursday", "2025-10-27", "2025-10-30",
         "P4D"),
        ("Between 2021 and 2024, inflation doubled.", "Between 2021 and 2024", "2021", "2024", "P4Y"),
        ("The operation lasted from Oct. 1 to Oct. 9.", "from Oct. 1 to Oct. 9", "2025-10-01", "2025-10-09",
         "P9D"),
    ],
)  # fmt: skip
def test_dates_ranges_carry_begin_and_end(text, surface, begin, end, value) -> None:
    span = find_span(dates(text), surface)
    assert (span.begin_value, span.end_value, span.value) == (begin, end, value)


@pytest.mark.parametrize(
    "text",
    [
        "The minister may resign if the talks fail.",
        "Thousands will march on parliament, organisers said.",
        "It was the second attack on the convoy.",
        "Parliament rejected the bill for a second time.",
        "Wednesday Addams fans lined up outside the cinema.",
        "The two countries share a 2,600-km frontier.",
        "The blast killed five soldiers and 25 militants.",
        "About 2000 people attended the rally.",
        "\u201cDo you have a car?\u201d the officer asked.",
        "Theresa May visited the plant.",
        "The future of the Pakistan Taliban remains unclear.",
    ],
)
def test_dates_no_false_positives_on_ordinary_words_numbers_and_names(text) -> None:
    assert span_texts(run_annotator("dates", text, meta=OCT29), "dates") == []


def test_dates_published_anchor_is_recorded() -> None:
    span = find_span(dates("Talks collapsed on Wednesday."), "Wednesday")
    assert (span.anchor, span.anchor_date) == ("published", "2025-10-29")


def test_dates_reference_date_is_used_when_nothing_else_is_known() -> None:
    span = find_span(dates("The border reopened on Friday.", {"reference_date": "2024-06-10"}), "Friday")
    assert (span.value, span.anchor) == ("2024-06-07", "given")


def test_dates_published_wins_over_reference_date() -> None:
    meta = {"published": "2024-03-15", "reference_date": "2024-06-10"}
    span = find_span(dates("The border reopened on Friday.", meta), "Friday")
    assert (span.value, span.anchor) == ("2024-03-15", "published")


def test_dates_dateline_wins_over_reference_date() -> None:
    text = "Posted 12 May 2024\nThe minister resigned on Friday."
    span = find_span(dates(text, {"reference_date": "2020-01-01"}), "Friday")
    assert (span.value, span.anchor) == ("2024-05-10", "inferred")


@pytest.mark.parametrize(
    ("surface", "value"), [("Tuesday", "XXXX-WXX-2"), ("last year", "XXXX"), ("Oct. 19", "XXXX-10-19")]
)
def test_dates_without_anchor_relative_values_stay_unresolved(surface, value) -> None:
    text = "The council met on Tuesday, on Oct. 19 and last year."
    span = find_span(dates(text, {}), surface)
    assert (span.value, span.anchor, span.anchor_date) == (value, "none", None)


def test_dates_absolute_dates_resolve_without_anchor() -> None:
    assert value_of("The deal was signed on October 29, 2025.", "October 29, 2025", {}) == "2025-10-29"


def test_dates_label_is_the_timex_type() -> None:
    spans = dates("Talks lasted four days and ended on Wednesday.")
    assert [(s.label, s.timex_type) for s in spans] == [("DURATION", "DURATION"), ("DATE", "DATE")]


def test_dates_every_span_has_confidence_and_rule() -> None:
    spans = dates("Earlier this month, talks lasted nearly 18 hours on Oct. 19.")
    assert spans and all(0 < s.confidence <= 1 and s.rule for s in spans)
