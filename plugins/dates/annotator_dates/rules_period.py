"""Rules for named parts of a year: "the third quarter", "third-quarter profit", "Q3 2012".

Business news names quarters by ordinal and rarely gives the year. With no year the quarter is
the latest one of that number that has begun by the anchor date (a story of October 1989 means
1989's third quarter, and in February 1990 its "fourth quarter" is 1989's), unless the verb points
to the future ("expects a loss in the fourth quarter"), when it is this year's. A bare "the
quarter" or "the latest quarter" is the one a results story reports: the last completed before the
anchor (the current one in a future context: "expects the quarter to be weak"); "the quarter ended
July 31" is the calendar quarter holding most of it (``Q2``: May to July). "fiscal" is kept
inside the span but does not shift the value: the fiscal calendar is the company's, not known here.

Fiscal years are named by their year as TimeBank does ("fiscal 1989" is ``1989``; TIDES' ``FY1989``
is not TimeML), "fiscal 1990's first quarter" by the quarter. "the year ended June 30" (and "the
fiscal year ending ...") is a year-long DURATION, as TimeBank annotates results periods; "the full
year", "the current fiscal year" are the anchor's year, "the latest/last/previous fiscal year" the one
before. "year-end" is the last day of the anchor's year, or of the year before after "since"; "by
year end" (spaced) is the year with mod END.
"June last year", "January this year" are that month of the year named; "the 1988 third quarter" and
"the first half of 1990" ("the first two quarters of 1990") are TimeML's ``1988-Q3`` and ``1990-H1``.
"""

from __future__ import annotations

import datetime as dt
import re

from annotator_dates import triggers
from annotator_dates.calendar import point_value
from annotator_dates.fragments import MONTH
from annotator_dates.lexicon import MONTHS
from annotator_dates.timex import Context, Rule, Timex, group_span

ORDINAL_QUARTER = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)"
QUARTER = (
    r"(?:(?i:the)\s+)?(?:(?i:fiscal)\s+)?(?P<ord>(?i:first|second|third|fourth|1st|2nd|3rd|4th))"
    r"(?:\s+|-)(?i:quarter)"
)
# A quarter followed by a measure is a fraction of it ("the first quarter mile", "quarter of an hour").
MEASURE = r"(?!(?:[\s-]+(?i:of\s+an?\s+)?(?i:miles?|hours?|century|centuries|inch(?:es)?|pounds?|finals?)\b))"


def quarter_year(anchor: dt.date, quarter: int, future: bool) -> int:
    """The year of the quarter meant: the latest begun by the anchor, or this year's when future."""
    begins = dt.date(anchor.year, 3 * quarter - 2, 1)
    return anchor.year - 1 if begins > anchor and not future else anchor.year


def _quarter(m: re.Match[str], ctx: Context) -> Timex | None:
    start, end = group_span(m)
    quarter = ORDINAL_QUARTER[m["ord"].lower()]
    if m["year"]:
        return Timex(start, end, "DATE", f"{m['year']}-Q{quarter}", "quarter", "quarter", 0.9)
    if ctx.date is None:
        return Timex(start, end, "DATE", f"XXXX-Q{quarter}", "quarter", "quarter", 0.6)
    future = ctx.direction_at(start, end) == "future"
    year = quarter_year(ctx.date, quarter, future)
    return Timex(start, end, "DATE", f"{year}-Q{quarter}", "quarter", "quarter", 0.85)


# A results story has named the quarter it reports before: "the quarter ended Sept. 30", "third-quarter
# net". There "expected to earn 35 cents for the quarter" is that quarter, whatever the tense.
RESULTS = re.compile(r"(?i)\b(?:(?:first|second|third|fourth)[-\s]+quarter|quarter\s+ended)\b")


def _reports(text: str, start: int) -> bool:
    """Whether a results story has named its quarter before ``start``."""
    return RESULTS.search(text, 0, start) is not None


# "the quarter ended July 31": a quarter closed on a day names the calendar quarter holding most of it.
CLOSED_ON = re.compile(rf"^\s+(?:that\s+)?(?:ended|ending)\s+{MONTH}\s+(?P<day>3[01]|[12]\d|0?[1-9])\b")


def _closed_quarter(after: str, anchor: dt.date) -> str | None:
    """The calendar quarter of "the quarter ended <day>": the one holding its middle month."""
    m = CLOSED_ON.match(after)
    if m is None:
        return None
    month, day = MONTHS[m["month"].rstrip(".").lower()], int(m["day"])
    year = anchor.year if (month, day) <= (anchor.month, anchor.day) else anchor.year - 1
    try:
        closing = dt.date(year, month, day)
    except ValueError:
        return None
    return point_value(closing - dt.timedelta(days=45), "quarter")


def _reported_quarter(m: re.Match[str], ctx: Context) -> Timex | None:
    start, end = group_span(m)
    if ctx.date is None:
        return Timex(start, end, "DATE", "XXXX-QX", "quarter", "quarter", 0.5)
    closed = _closed_quarter(ctx.after(end, 40), ctx.date)
    if closed is not None:
        return Timex(start, end, "DATE", closed, "quarter", "quarter", 0.75)
    future = ctx.direction_at(start, end) == "future" and not _reports(ctx.text, start)
    day = ctx.date if future else dt.date(ctx.date.year, 3 * ((ctx.date.month - 1) // 3) + 1, 1)
    day = day if future else day - dt.timedelta(days=1)
    return Timex(start, end, "DATE", point_value(day, "quarter"), "quarter", "quarter", 0.7)


HALF = {"first": 1, "second": 2, "last": 2, "latter": 2, "final": 2}
YEAR_CUE_STEP = {"last": -1, "this": 0, "next": 1}


def _month_of_year(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "June last year", "January this year", "April next year"."""
    start, end = group_span(m)
    if ctx.date is None:
        return None
    year = ctx.date.year + YEAR_CUE_STEP[m["cue"].lower()]
    return Timex(
        start, end, "DATE", f"{year}-{MONTHS[m['month'].rstrip('.').lower()]:02d}", "month", "month", 0.9
    )


def _year_quarter(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "the 1988 third quarter", "1990 first-quarter"."""
    start, end = group_span(m)
    value = f"{m['year']}-Q{ORDINAL_QUARTER[m['ord'].lower()]}"
    return Timex(start, end, "DATE", value, "quarter", "fiscal", 0.9)


def _half(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "the first half of 1990", "the last half of the year", "the first two quarters of 1990"."""
    start, end = group_span(m)
    half = HALF[m["which"].lower()] if m["which"] else 1
    if m["year"]:
        year: int | None = int(m["year"])
    elif ctx.date is not None:
        year = ctx.date.year + YEAR_CUE_STEP.get((m["cue"] or "this").lower(), 0)
    else:
        year = None
    return Timex(
        start, end, "DATE", f"{year or 'XXXX'}-H{half}", "quarter", "fiscal" if m["year"] else "half", 0.85
    )


def _fiscal_year(m: re.Match[str], ctx: Context) -> Timex | None:
    start, end = group_span(m)
    if m["ord"]:
        value = f"{m['year']}-Q{ORDINAL_QUARTER[m['ord'].lower()]}"
        return Timex(start, end, "DATE", value, "quarter", "fiscal", 0.9)
    return Timex(start, end, "DATE", m["year"], "year", "fiscal", 0.9)


def _named_year(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "the year ended Sept. 30" (a year-long results period), "the full year", "the latest fiscal year"."""
    start, end = group_span(m)
    if m["ended"] is not None:
        return Timex(start, end, "DURATION", "P1Y", "year", "duration", 0.8)
    which = (m["which"] or "").lower()
    if which not in ("full", "current", "latest", "previous", "prior"):
        return None  # "the last year" is the relative rules'; a bare "the year" needs a preposition
    if ctx.date is None:
        return Timex(start, end, "DATE", "XXXX", "year", "relative-unit", 0.6)
    step = -1 if which in ("latest", "previous", "prior") else 0
    return Timex(start, end, "DATE", str(ctx.date.year + step), "year", "relative-unit", 0.8)


def _the_unit(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "for the year", "the first nine months of the year", "the week's most active session"."""
    start, end = group_span(m)
    unit = (m["unit"] or m["unit2"]).lower()
    value = point_value(ctx.date, unit) if ctx.date else ("XXXX" if unit == "year" else "XXXX-WXX")
    return Timex(start, end, "DATE", value, unit, "relative-unit", 0.7)


def _year_end(m: re.Match[str], ctx: Context) -> Timex | None:
    start, end = group_span(m)
    if ctx.date is None:
        return Timex(start, end, "DATE", "XXXX-12-31", "day", "year-end", 0.6)
    since = re.search(r"(?i)\bsince\s+$", ctx.before(start, 10))
    year = ctx.date.year - (1 if since else 0)
    if re.fullmatch(r"(?i)year\s+end", m["x"]):
        # "by year end": the end of the year, as TimeML writes "the end of 1999"
        # (the year with mod END); "year-end" and "year's end" stay the closing day (tests/test_dates_dates7).
        return Timex(start, end, "DATE", str(year), "year", "year-end", 0.75, "END")
    return Timex(start, end, "DATE", f"{year}-12-31", "day", "year-end", 0.75)


RULES: tuple[Rule, ...] = (
    Rule(
        "month",
        re.compile(rf"\b(?P<x>{MONTH}\s+(?P<cue>(?i:last|this|next))\s+(?i:year))(?![\w-]|['’]s)"),
        _month_of_year,
        triggers.UNIT_WORD_3,
    ),
    Rule(
        "fiscal",
        re.compile(
            rf"\b(?P<x>(?:(?i:the)\s+)?{YEAR}\s+(?:(?i:fiscal)\s+)?(?P<ord>(?i:first|second|third|fourth))"
            r"(?:\s+|-)(?i:quarter))(?![\w-])"
        ),
        _year_quarter,
        triggers.QUARTER,
    ),
    Rule(
        "half",
        re.compile(
            r"\b(?P<x>(?:(?i:the)\s+)?(?:(?P<which>(?i:first|second|last|latter|final))\s+(?i:half)"
            r"|(?i:first\s+two\s+quarters))\s+(?i:of)\s+(?:(?P<year>(?:19|20)\d\d)"
            r"|(?:(?i:the)|(?P<cue>(?i:this|last|next)))\s+(?i:year)))(?![\w-])"
        ),
        _half,
        triggers.HALF_OF,
    ),
    Rule(
        "fiscal",
        re.compile(
            rf"\b(?P<x>(?i:fiscal)\s+(?:(?i:year)\s+)?{YEAR}(?:['’]s\s+(?P<ord>(?i:first|second|third|fourth))"
            r"(?:\s+|-)(?i:quarter))?)(?![\w-])"
        ),
        _fiscal_year,
        triggers.FISCAL,
    ),
    Rule(
        "relative-unit",
        re.compile(
            r"\b(?P<x>(?i:the)\s+(?:(?P<which>(?i:fiscal|full|latest|last|current|previous|prior))\s+)?"
            r"(?:(?i:fiscal)\s+)?(?i:year))(?![\w-])(?P<ended>(?=\s+(?:that\s+)?(?:ended|ending|ends)\b))?"
        ),
        _named_year,
        triggers.YEAR_WORD,
    ),
    Rule(
        "relative-unit",
        re.compile(
            r"\b(?:(?i:for|of|throughout|during)\s+(?P<x>(?i:the)\s+(?:(?i:fiscal)\s+)?(?P<unit>(?i:year|week))"
            r"(?![\w-])(?!\s+(?i:ended|ending|ends|before|after|ago|earlier|later|that|in|when|of)\b))"
            r"|(?P<y>(?i:the)\s+(?P<unit2>(?i:week|year))(?=['’]s\s)))"
        ),
        _the_unit,
        triggers.UNIT_WORD_3,
    ),
    Rule(
        "year-end",
        re.compile(r"\b(?P<x>(?i:year)(?:-|\s+|['’]s\s+)(?i:end))\b(?!-)"),  # "year-end", "by year's end"
        _year_end,
        triggers.YEAR_END,
    ),
    Rule(
        "quarter",
        re.compile(rf"\b(?P<x>{QUARTER}{MEASURE}(?:\s+(?i:of)\s+{YEAR})?)(?![\w-])"),
        _quarter,
        triggers.QUARTER,
    ),
    Rule(
        "quarter",
        re.compile(
            rf"\b(?P<x>(?i:the)\s+(?:(?i:latest|most\s+recent|just-ended|fiscal)\s+)?(?i:quarter)){MEASURE}(?![\w-])"
        ),
        _reported_quarter,
        triggers.QUARTER,
    ),
)
