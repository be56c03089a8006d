"""The numbers annotator on the seeds and on news-like sentences: values, units, qualifiers, counted."""

from __future__ import annotations

import pytest
from conftest import seed

from annotator.testing import assert_valid, find_span, run_annotator, span_texts, spans_of


def numbers(text: str) -> list:
    return spans_of(run_annotator("numbers", text), "numbers")


@pytest.mark.parametrize(("prefix", "surface"), [("000", "2,600-km"), ("001", "2,600-kilometer")])
def test_numbers_seed_frontier_is_2600_km(seed_texts: dict[str, str], prefix: str, surface: str) -> None:
    span = find_span(numbers(seed(seed_texts, prefix)[1]), surface)
    assert (span.kind, span.value, span.unit) == ("quantity", 2600, "km")
    assert (span.si_value, span.si_unit) == (2.6e6, "m")


def test_numbers_seed_mile_border_converts_to_metres(seed_texts: dict[str, str]) -> None:
    span = find_span(numbers(seed(seed_texts, "002")[1]), "1,600-mile")
    assert (span.value, span.unit, span.si_unit) == (1600, "mi", "m")
    assert span.si_value == pytest.approx(2.575e6, rel=1e-3)


def test_numbers_seed_more_than_600_attacks(seed_texts: dict[str, str]) -> None:
    span = find_span(numbers(seed(seed_texts, "001")[1]), "more than 600")
    assert (span.value, span.qualifier, span.counted) == (600, ">", "attacks")


def test_numbers_seed_five_pakistani_soldiers(seed_texts: dict[str, str]) -> None:
    span = find_span(numbers(seed(seed_texts, "001")[1]), "five")
    assert (span.value, span.counted) == (5, "Pakistani soldiers")


def test_numbers_seed_dozens_is_vague_with_bounds(seed_texts: dict[str, str]) -> None:
    span = find_span(numbers(seed(seed_texts, "000")[1]), "dozens")
    assert span.approx and (span.low, span.high) == (24, 99)


def test_numbers_seed_spans_are_valid(seed_texts: dict[str, str]) -> None:
    for text in seed_texts.values():
        assert_valid(run_annotator("numbers", text))


@pytest.mark.parametrize(
    ("sentence", "surface", "value"),
    [
        ("Officials said 12,450 people had registered to vote.", "12,450", 12450),
        ("The lake fell by 0.75 per cent in a week.", "0.75 per cent", 0.75),
        ("The ministry recorded 3,201,000 arrivals.", "3,201,000", 3201000),
        ("Five people were hurt.", "Five", 5),
        ("Police detained twenty-five men overnight.", "twenty-five", 25),
        ("The storm destroyed two hundred homes.", "two hundred", 200),
        ("The census counted 1.2 million residents.", "1.2 million", 1200000),
        ("The utility owes 2.5bn rupees to suppliers.", "2.5bn rupees", 2500000000),
        ("Officials listed three hundred and forty names.", "three hundred and forty", 340),
    ],
)
def test_numbers_value_is_read_from_digits_and_words(sentence: str, surface: str, value: float) -> None:
    assert find_span(numbers(sentence), surface).value == value


def test_numbers_plus_suffix_is_at_least() -> None:
    span = find_span(numbers("Rebels have staged 600-plus raids this year."), "600-plus")
    assert (span.value, span.qualifier, span.counted) == (600, ">=", "raids")


@pytest.mark.parametrize(
    ("sentence", "surface", "value"),
    [
        ("Nearly half of the wells have run dry.", "Nearly half", 0.5),
        ("A third of the budget goes to defence.", "A third", 1 / 3),
        ("Three-quarters of the voters backed him.", "Three-quarters", 0.75),
        ("Prices rose twice as fast as wages.", "twice", 2),
        ("Opium output grew fourfold.", "fourfold", 4),
    ],
)
def test_numbers_fractions_and_multipliers(sentence: str, surface: str, value: float) -> None:
    span = find_span(numbers(sentence), surface)
    assert (span.kind, span.label) == ("fraction", "FRACTION")
    assert span.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("sentence", "surface", "value"),
    [
        ("It was the second blast in the city this month.", "second", 2),
        ("The 10th round of talks opened in Doha.", "10th", 10),
        ("The twenty-first convoy left at dawn.", "twenty-first", 21),
        ("Talks will be held for a third time.", "third", 3),
    ],
)
def test_numbers_ordinals(sentence: str, surface: str, value: int) -> None:
    span = find_span(numbers(sentence), surface)
    assert (span.kind, span.value) == ("ordinal", value)


@pytest.mark.parametrize(
    ("sentence", "surface", "unit", "si_value", "si_unit"),
    [
        ("Troops patrol a 900-km stretch of the border.", "900-km", "km", 9e5, "m"),
        ("Pilgrims walk a 30-mile route to the shrine.", "30-mile", "mi", 48280.32, "m"),
        ("Negotiators held a 12-hour meeting.", "12-hour", "h", 43200, "s"),
        (
            "Floods submerged 250 square kilometres of crops.",
            "250 square kilometres",
            "km ** 2",
            2.5e8,
            "m ** 2",
        ),
        ("The truck carried 18 tonnes of rice.", "18 tonnes", "t", 18000, "kg"),
        ("The shell landed 300 metres from the school.", "300 metres", "m", 300, "m"),
    ],
)
def test_numbers_units_convert_to_si(
    sentence: str, surface: str, unit: str, si_value: float, si_unit: str
) -> None:
    span = find_span(numbers(sentence), surface)
    assert (span.kind, span.unit, span.si_unit) == ("quantity", unit, si_unit)
    assert span.si_value == pytest.approx(si_value)


@pytest.mark.parametrize(
    ("sentence", "surface", "value", "currency"),
    [
        ("The bank lent $1.1bn to the government.", "$1.1bn", 1.1e9, "USD"),
        ("Donors pledged €40 million in aid.", "€40 million", 4e7, "EUR"),
        ("London gave £3m to the appeal.", "£3m", 3e6, "GBP"),
        ("Pakistan's budget sets aside PKR 200 billion for health.", "PKR 200 billion", 2e11, "PKR"),
        ("The fine was 20,000 Afghanis.", "20,000 Afghanis", 20000, "AFN"),
    ],
)
def test_numbers_money_has_iso_currency(sentence: str, surface: str, value: float, currency: str) -> None:
    span = find_span(numbers(sentence), surface)
    assert (span.kind, span.currency) == ("money", currency)
    assert span.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("sentence", "surface", "value"),
    [("Turnout was 41 percent.", "41 percent", 41), ("Growth slowed to 2.4%.", "2.4%", 2.4)],
)
def test_numbers_percent_value_is_the_number_written(sentence: str, surface: str, value: float) -> None:
    span = find_span(numbers(sentence), surface)
    assert (span.kind, span.value) == ("percent", value)


@pytest.mark.parametrize(
    ("sentence", "surface", "low", "high"),
    [
        ("Between 20 and 30 shops were looted.", "Between 20 and 30", 20, 30),
        ("Witnesses saw 8-12 gunmen.", "8-12", 8, 12),
        ("Four or five rockets hit the base.", "Four or five", 4, 5),
        ("Organisers expect 2 to 3 million pilgrims.", "2 to 3 million", 2_000_000, 3_000_000),
    ],
)
def test_numbers_ranges_have_low_and_high(sentence: str, surface: str, low: int, high: int) -> None:
    span = find_span(numbers(sentence), surface)
    assert (span.low, span.high, span.value) == (low, high, low)


@pytest.mark.parametrize(
    ("sentence", "surface", "low"),
    [
        ("Dozens of shops were torched.", "Dozens", 24),
        ("Hundreds of students protested.", "Hundreds", 200),
        ("Scores of people were detained.", "Scores", 40),
        ("Only a handful of reporters were allowed in.", "a handful", 2),
        ("Several villages were flooded.", "Several", 3),
        ("Tens of thousands of people marched.", "Tens of thousands", 20000),
    ],
)
def test_numbers_vague_amounts_are_approximate_ranges(sentence: str, surface: str, low: int) -> None:
    span = find_span(numbers(sentence), surface)
    assert span.approx and span.low == low and span.high > low


@pytest.mark.parametrize(
    ("sentence", "surface", "qualifier", "approx"),
    [
        ("More than 90 people died.", "More than 90", ">", False),
        ("Over 400 homes were damaged.", "Over 400", ">", False),
        ("At least 17 miners were trapped.", "At least 17", ">=", False),
        ("Fewer than 30 lawmakers voted.", "Fewer than 30", "<", False),
        ("The hall holds up to 500 guests.", "up to 500", "<=", False),
        ("Almost 80 shops closed.", "Almost 80", "~", True),
        ("Nearly 300 families fled.", "Nearly 300", "~", True),
        ("About 60 trucks crossed.", "About 60", "~", True),
        ("Some 700 troops arrived.", "Some 700", "~", True),
        ("Roughly 45 villages lost power.", "Roughly 45", "~", True),
    ],
)
def test_numbers_qualifier_words_are_inside_the_span(
    sentence: str, surface: str, qualifier: str, approx: bool
) -> None:
    span = find_span(numbers(sentence), surface)
    assert (span.qualifier, span.approx) == (qualifier, approx)


@pytest.mark.parametrize(
    ("sentence", "surface", "counted"),
    [
        ("Gunmen killed 25 TTP militants and two police officers.", "25", "TTP militants"),
        ("Gunmen killed 25 TTP militants and two police officers.", "two", "police officers"),
        ("Three of the hostages were freed.", "Three", "hostages"),
        ("Dozens of soldiers, civilians and militants died.", "Dozens", "soldiers, civilians and militants"),
        ("Half of the aid trucks were turned back.", "Half", "aid trucks"),
    ],
)
def test_numbers_counted_noun_phrase_from_the_parse(sentence: str, surface: str, counted: str) -> None:
    span = find_span(numbers(sentence), surface)
    assert span.counted == counted
    assert sentence[span.counted_start : span.counted_end] == counted


def test_numbers_counted_has_token_span() -> None:
    doc = run_annotator("numbers", "Rescuers found seven injured miners.")
    span = find_span(doc.layer("numbers"), "seven")
    assert span.counted_tokens == [3, 5]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Taliban returned to power in 2021.",
        "The truce was signed on Oct. 19, 2025.",
        "The talks ended on 29 October.",
        "The meeting started at 10:30 and ended at 2.15pm.",
        "The ceasefire held for four days.",
        "Negotiations lasted nearly 18 hours.",
        "Violence has risen since the 1990s.",
    ],
)
def test_numbers_dates_times_and_durations_are_left_to_dates(sentence: str) -> None:
    assert span_texts(run_annotator("numbers", sentence), "numbers") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The crowd was a mix of students and workers.",
        "One of the suspects escaped.",
        "He wrote on X that talks had failed.",
        "A soldier was wounded in the clash.",
        "The minister first raised the issue in March.",
    ],
)
def test_numbers_no_false_positives_on_ordinary_words(sentence: str) -> None:
    assert span_texts(run_annotator("numbers", sentence), "numbers") == []


@pytest.mark.parametrize(
    ("sentence", "surface", "value"),
    [("One policeman was killed.", "One", 1), ("A dozen shops burned.", "A dozen", 12)],
)
def test_numbers_sentence_initial_one_or_a_only_when_counting(
    sentence: str, surface: str, value: int
) -> None:
    assert find_span(numbers(sentence), surface).value == value


def test_numbers_count_next_to_a_date_is_kept() -> None:
    texts = span_texts(
        run_annotator("numbers", "On October 19, five soldiers died on the 2,600-km border."), "numbers"
    )
    assert texts == ["five", "2,600-km"]


def test_numbers_label_is_the_kind_in_upper_case(seed_texts: dict[str, str]) -> None:
    for span in numbers(seed(seed_texts, "003")[1]):
        assert span.label == span.kind.upper()
