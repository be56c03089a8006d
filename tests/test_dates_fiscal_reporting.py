"""The period a results report is about (reporting_period.py), on earnings sentences written here."""

from __future__ import annotations

import pytest

from annotator.testing import find_span, run_annotator, spans_of

OCTOBER = {"published": "1989-10-25"}


def spans(text: str) -> list:
    """Every dates span of ``text``, published in late October 1989 (results season)."""
    return spans_of(run_annotator("dates", text, meta=OCTOBER), "dates")


def last_span(text: str, surface: str):  # type: ignore[no-untyped-def]
    """The last span whose text is ``surface`` (a results story repeats its comparisons)."""
    found = [s for s in spans(text) if s.text == surface]
    return found[-1] if found else find_span(spans(text), surface)


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        (
            "Harlan Foods Inc. said net income rose 12% to $4.1 million in the fiscal first quarter. "
            "Sales for the quarter ended Sept. 30 climbed 8% to $96 million.",
            "the quarter",
            "1989-Q1",
        ),
        (
            "Corvex Systems posted a loss of $2.3 million for its fiscal second quarter. Revenue in "
            "the quarter fell 4%. The latest period included a charge of $1.1 million for plant closings.",
            "The latest period",
            "1989-Q2",
        ),
        (
            "Corvex Systems posted a loss of $2.3 million for its fiscal second quarter. Revenue in "
            "the quarter fell 4%. In the 1988 period, the company earned $800,000.",
            "the 1988 period",
            "1988-Q2",
        ),
    ],
)
def test_reporting_period_fiscal_quarter_keeps_its_label(text: str, surface: str, value: str) -> None:
    span = last_span(text, surface)
    assert (span.value, span.anchor) == (value, "story")


@pytest.mark.parametrize(
    "text",
    [
        # a day closing the quarter is no reference of its own
        "Midland Paper said third-quarter net fell 9%. Sales for the quarter ended Sept. 30 were "
        "$212 million, against $198 million a year earlier.",
        # a quarter named in passing is not the one the story reports
        "Midland Paper said third-quarter net rose 14% to $31 million. After a weak second quarter, "
        "the company raised prices on coated stock. Net was $27 million a year earlier.",
        # a year the story named before the report's quarter does not decide
        "Net income this year has run slightly above the 1987 level. In this year's third quarter, "
        "net was $10.4 million, compared with $9.9 million a year earlier.",
    ],
)
def test_reporting_period_comparison_reads_off_the_reported_quarter(text: str) -> None:
    span = last_span(text, "a year earlier")
    assert (span.value, span.anchor) == ("1988-Q3", "story")


def test_reporting_period_comparison_reaches_back_to_the_reported_quarter() -> None:
    filler = (
        "The company blamed weak demand for heavy trucks, higher steel prices and a strike at its "
        "Ohio plant that lasted much of the summer and cut output by a fifth. "
    )
    text = f"Tollman Axle Co. said it expects a third-quarter loss of $4 million.\n\n{filler * 5}\n\n" + (
        "A year earlier, the company earned $2.2 million."
    )
    assert last_span(text, "A year earlier").value == "1988-Q3"


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        (
            "Ellery Insurance said third-quarter net rose 8%. For the nine months, it earned $88 million, "
            "compared with $71 million a year earlier.",
            "a year earlier",
            "1988",
        ),
        (
            "In the first nine months, net was $306 million, compared with $195 million in the 1988 period.",
            "the 1988 period",
            "1988",
        ),
        (
            "For the nine months, Ellery Insurance had a loss of $3 million, compared with year-earlier "
            "net income of $12 million.",
            "year-earlier",
            "1988",
        ),
    ],
)
def test_reporting_period_stretch_compares_with_the_earlier_year(text: str, surface: str, value: str) -> None:
    assert last_span(text, surface).value == value


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        (
            "For the nine months, Ellery Insurance earned $88 million. In the year-earlier period, "
            "it earned $71 million.",
            "the year-earlier period",
        ),
        (
            "Net for the nine months rose 40%. Net for the year-earlier nine months included a gain "
            "on the sale of a unit.",
            "the year-earlier nine months",
        ),
    ],
)
def test_reporting_period_year_earlier_stretch_is_as_long(text: str, surface: str) -> None:
    span = last_span(text, surface)
    assert (span.label, span.value) == ("DURATION", "P9M")


@pytest.mark.parametrize(
    "text",
    [
        "In the latest quarter, the bank's card unit earned $8 million, compared with a loss of "
        "$2 million last year.",
        "Sales in the third quarter were $1.2 billion, up 11% from last year's $1.08 billion.",
    ],
)
def test_reporting_period_last_year_comparison_is_the_same_quarter(text: str) -> None:
    assert last_span(text, "last year").value == "1988-Q3"


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Dale, who joined the board in the third quarter, retired last year as chairman.",
        "For the year ended Aug. 31, net fell to C$2.7 million from C$9.7 million last year.",
    ],
)
def test_reporting_period_last_year_stays_a_year(text: str) -> None:
    assert last_span(text, "last year").value == "1988"


@pytest.mark.parametrize(
    ("text", "surface", "value", "mod"),
    [
        ("The lender plans to cut 900 jobs by year end.", "year end", "1989", "END"),
    ],
)
def test_reporting_period_year_end_without_hyphen_is_the_year(
    text: str, surface: str, value: str, mod: str
) -> None:
    span = last_span(text, surface)
    assert (span.value, span.mod) == (value, mod)


def test_reporting_period_quarter_closed_on_a_day_holds_most_of_it() -> None:
    text = "In the quarter ended July 31, Ardent Video had 5.2 million shares outstanding."
    assert last_span(text, "the quarter").value == "1989-Q2"


def test_reporting_period_this_quarters_results_are_the_reported_quarter() -> None:
    text = (
        "Bexley Books reported a net loss of $6 million for the third quarter. This quarter's loss "
        "includes a charge for closing its London office."
    )
    assert last_span(text, "This quarter").value == "1989-Q3"
