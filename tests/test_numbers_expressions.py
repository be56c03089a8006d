"""Whole number expressions in news-like sentences (written for these tests): one span, one value.

Compound measures, spelled decimals, scientific notation, long word numbers, fractions and mixed
numbers, articles before units, multipliers, currencies before and after the amount, units with
abbreviations and per-units, temperatures, and the cases that must stay apart or stay unread.
"""

from __future__ import annotations

import pytest

from annotator.testing import find_span, run_annotator, spans_of


def numbers(text: str) -> list:
    return spans_of(run_annotator("numbers", text), "numbers")


def only(text: str, surface: str):  # noqa: ANN201 - a NumberSpan
    """The one span whose text is ``surface``; fails when the expression was split or widened."""
    spans = numbers(text)
    assert [s.text for s in spans if surface in s.text or s.text in surface] == [surface], spans
    return find_span(spans, surface)


@pytest.mark.parametrize(
    ("text", "surface", "si"),
    [
        ("The basketball player stands 7 feet and 10 inches tall.", "7 feet and 10 inches", 2.3876),
        ("Rescuers dug through 2 metres, 30 centimetres of mud.", "2 metres, 30 centimetres", 2.3),
        ("The runway was extended by 1 km and 200 m last year.", "1 km and 200 m", 1200.0),
    ],
)
def test_numbers_compound_measure_is_one_sum_in_si(text: str, surface: str, si: float) -> None:
    span = only(text, surface)
    assert span.kind == "quantity" and span.si_unit == "m"
    assert span.si_value == pytest.approx(si)


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Inflation slowed to 1 point 1 in the quarter.", "1 point 1", 1.1),
        ("The agency said two point two million people voted.", "two point two million", 2_200_000),
        ("The concentration was 2.48e-5 in the samples.", "2.48e-5", 2.48e-5),
        ("Its mass is 2.48×10^-5 of the total.", "2.48×10^-5", 2.48e-5),
        ("Officials counted three hundred and forty-two thousand ballots.",
         "three hundred and forty-two thousand", 342_000),
        ("The fund grew by two and a half million last year.", "two and a half million", 2_500_000),
        ("The pipe is 2 1/2 inches wide.", "2 1/2 inches", 2.5),
        ("Turnout fell to minus 3 points in the poll's index.", "minus 3", -3),
        ("The town had 100K residents before the war.", "100K", 100_000),
        ("The bakery sold 3 dozens of loaves.", "3 dozens", 36),
        ("The dam will cost three crore twelve lakh rupees.",
         "three crore twelve lakh rupees", 31_200_000),
    ],
)  # fmt: skip
def test_numbers_whole_expression_has_one_value(text: str, surface: str, value: float) -> None:
    span = only(text, surface)
    assert span.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "surface", "si"),
    [
        ("Each family received a gallon of clean water.", "a gallon", 0.003785411784),
        ("Doctors gave him half a litre of saline.", "half a litre", 0.0005),
        ("Add 3/4 cup of flour to the mix.", "3/4 cup", 0.000177441177375),
    ],
)
def test_numbers_article_or_fraction_before_unit_is_a_quantity(text: str, surface: str, si: float) -> None:
    span = only(text, surface)
    assert span.kind == "quantity" and span.si_value == pytest.approx(si)


@pytest.mark.parametrize(
    "text",
    [
        "A man walked a dog past a shop in the morning.",
        "A bus plunged into a ravine near the pass.",  # pint reads "bus" as bushels
    ],
)
def test_numbers_article_before_ordinary_noun_is_no_number(text: str) -> None:
    assert numbers(text) == []


@pytest.mark.parametrize(
    ("text", "surface", "value", "currency"),
    [
        ("Tickets cost 10$ at the door.", "10$", 10, "USD"),
        ("A coffee in Rome now costs 20€.", "20€", 20, "EUR"),
        ("The miner raised C$ 16.4 million in new shares.", "C$ 16.4 million", 16_400_000, "CAD"),
        ("Pakistan's budget sets aside PKR 2bn for flood relief.", "PKR 2bn", 2e9, "PKR"),
        ("Sydney's council spent A$5 million on the bridge.", "A$5 million", 5e6, "AUD"),
        ("Kabul's markets were paying 500 afghanis for a sack of rice.", "500 afghanis", 500, "AFN"),
        ("He was fined 42 Kuwaiti dinars.", "42 Kuwaiti dinars", 42, "KWD"),
        ("In Lahore, a kilo of sugar sold for Rs 150, traders in Pakistan said.", "Rs 150", 150, "PKR"),
        ("The ticket was $20 and 43 cents.", "$20 and 43 cents", 20.43, "USD"),
    ],
)
def test_numbers_currency_before_or_after_with_iso_code(
    text: str, surface: str, value: float, currency: str
) -> None:
    span = only(text, surface)
    assert span.kind == "money" and span.currency == currency
    assert span.value == pytest.approx(value)


def test_numbers_dinars_without_a_country_are_money_of_no_stated_currency() -> None:
    span = only("The shopkeeper asked for 10 dinars.", "10 dinars")
    assert span.kind == "money" and span.currency is None


@pytest.mark.parametrize(
    ("text", "surface", "si", "si_unit"),
    [
        ("Bring 2l of water for the hike.", "2l", 0.002, "m ** 3"),
        ("Winds reached 40 km/h along the coast.", "40 km/h", 11.1111111111, "m / s"),
        ("The storm moved at 3 mph overnight.", "3 mph", 1.34112, "m / s"),
        ("The flat measures 500 sq ft.", "500 sq ft", 46.4515, "m ** 2"),
        ("Temperatures hit 45C in Jacobabad.", "45C", 318.15, "K"),
        ("It was 70 degrees F in New York.", "70 degrees F", 294.261111111, "K"),
        ("Overnight it fell to 5 degrees below zero.", "5 degrees below zero", None, None),
    ],
)
def test_numbers_unit_abbreviations_and_temperatures_in_si(
    text: str, surface: str, si: float | None, si_unit: str | None
) -> None:
    span = only(text, surface)
    assert span.kind == "quantity" and span.si_unit == si_unit
    assert span.si_value == (pytest.approx(si, rel=1e-6) if si is not None else None)


def test_numbers_below_zero_is_negative() -> None:
    assert only("Overnight it fell to 5 degrees below zero.", "5 degrees below zero").value == -5


def test_numbers_listed_number_takes_the_following_unit() -> None:
    spans = numbers("Patients were given 45 and 50 mg of the drug.")
    assert [(s.text, s.unit) for s in spans] == [("45", "mg"), ("50 mg", "mg")]


@pytest.mark.parametrize(
    "text",
    [
        "The attacks of 9/11 changed the city.",  # a date, not nine elevenths
        "The shop is open 24/7.",
        "Talks resume at 2.15pm on Monday.",  # a clock time: the dates layer's
        "The polls open at 7 am and close at 10.30 am.",  # "am" after a clock reading is a time
        "Voters came out in 2024 in record numbers.",
    ],
)
def test_numbers_dates_and_clock_times_stay_unread(text: str) -> None:
    assert numbers(text) == []


@pytest.mark.parametrize(
    ("text", "surface", "unit", "si"),
    [
        ("The coating is 3.125 am thick, physicists said.", "3.125 am", "am", 3.125e-18),
        ("The wavelength shifted by 4.567 pm in the test.", "4.567 pm", "pm", 4.567e-12),
    ],
)
def test_numbers_am_and_pm_after_no_clock_reading_are_lengths(
    text: str, surface: str, unit: str, si: float
) -> None:
    span = only(text, surface)
    assert (span.kind, span.unit, span.si_unit) == ("quantity", unit, "m")
    assert span.si_value == pytest.approx(si)


def test_numbers_ordinal_alone_is_a_number_but_adverb_is_not() -> None:
    assert [s.value for s in numbers("Twenty-fifth.")] == [25]
    assert numbers("He came first.") == []


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("A woman aged 87 was rescued from the rubble.", "87"),
        ("The 87-year-old former minister died on Sunday.", "87-year-old"),
        ("Police said the victim, 87 yo, lived alone.", "87 yo"),
        ("The 87-year-old's family asked for privacy.", "87-year-old"),
    ],
)
def test_numbers_age_is_its_own_kind_in_years(text: str, surface: str) -> None:
    span = only(text, surface)
    assert (span.kind, span.label, span.value, span.unit, span.rule) == ("age", "AGE", 87, "a", "age")
    assert span.si_unit == "s" and span.si_value == pytest.approx(87 * 365.25 * 86400)


def test_numbers_article_age_is_an_age_and_other_numbers_are_not() -> None:
    spans = numbers("A 5-year-old was among the 12 injured on the 120-metre bridge.")
    child = find_span(spans, "5-year-old")
    assert (child.kind, child.value) == ("age", 5)
    assert find_span(spans, "12").kind == "cardinal"
    assert find_span(spans, "120-metre").kind == "quantity"


@pytest.mark.parametrize(
    ("text", "surface", "low", "high"),
    [
        ("Children aged 5 to 7 will be vaccinated first.", "5 to 7", 5, 7),
        ("The 5- to 7-year-olds will be vaccinated first.", "5- to 7-year-olds", 5, 7),
        ("The victims were aged between 18 and 25, police said.", "between 18 and 25", 18, 25),
    ],
)
def test_numbers_age_range_is_one_age(text: str, surface: str, low: int, high: int) -> None:
    span = only(text, surface)
    assert (span.kind, span.value, span.low, span.high, span.unit) == ("age", low, low, high, "a")


@pytest.mark.parametrize(
    ("text", "surface", "value", "qualifier"),
    [
        ("The former mayor died aged about 90 at his home.", "about 90", 90, "~"),
        ("Residents aged 65 and over will get the jab first.", "65 and over", 65, ">="),
    ],
)
def test_numbers_age_with_a_qualifier(text: str, surface: str, value: int, qualifier: str) -> None:
    span = only(text, surface)
    assert (span.kind, span.value, span.qualifier, span.unit) == ("age", value, qualifier, "a")


def test_numbers_and_under_is_a_bound_but_not_before_another_number() -> None:
    spans = numbers("Children 12 and under ride free; fares rose for 5 and over 20 routes.")
    assert (find_span(spans, "12 and under").qualifier, find_span(spans, "12 and under").value) == ("<=", 12)
    assert [s.text for s in spans if s.text.startswith("5")] == ["5"]
    assert find_span(spans, "over 20").qualifier == ">"


def test_numbers_ages_listed_share_the_kind() -> None:
    spans = numbers("Two men, 25 and 31 years old, were arrested.")
    assert [(s.text, s.kind, s.value) for s in spans if s.kind == "age"] == [
        ("25", "age", 25),
        ("31 years old", "age", 31),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Two shots were fired near a barn outside the village.",
        "The club joined a league of its own after a chain of defeats.",
    ],
)
def test_numbers_nouns_that_pint_knows_as_units_are_not_measures(text: str) -> None:
    assert all(s.kind != "quantity" for s in numbers(text))
