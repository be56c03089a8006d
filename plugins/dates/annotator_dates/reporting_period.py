"""The period a results report is about, and the comparisons that look back from it.

An earnings story names the period it reports ("third-quarter net rose", "the fiscal first
quarter", "for the nine months", "the year ended Aug. 31") and then compares with the same period
of the year before: "compared with $5 million a year earlier", "year-earlier net", "the 1988
period", "from $3 million last year". TimeML values each comparison as that earlier period, so
:func:`follow_report`, a pass after :func:`~annotator_dates.story.follow_story`, keeps the period
the report is about and re-reads those expressions off it:

- a quarter stays a quarter: "a year earlier" after "the third quarter" is ``1988-Q3`` even when a
  quarter named in passing ("after a flat second quarter", "losses through the third quarter of
  1990") or a day closing the period ("the quarter ended Sept. 30") came between;
- a fiscal quarter keeps the fiscal year's own label, as TimeML annotates it: after "the fiscal
  first quarter", "the quarter" and "the latest period" are ``1989-Q1`` (not the calendar quarter
  the publication date implies) and "the 1988 period" is ``1988-Q1``;
- a stretch of months ("the nine months", "the first six months") has no TIMEX3 date: a point
  looking back from it ("a year earlier", "year-earlier net", "the 1988 period") is the earlier
  year, and "the year-earlier period" or "the year-ago nine months" is a stretch as long again
  (``P9M``);
- "this quarter's loss" right after the quarter reported is that quarter, not the current one;
- a year-long period ("the year ended Aug. 31", "fiscal 1989", "the full year") compares with the
  year before.

"last year" is a comparison only after a comparing word ("from $3 million last year", "compared
with a loss last year", "from last year's $1.55 billion") or before results ("last year's
results"); elsewhere it stays the calendar year. A comparison is re-read only when the report's
period is the latest point the story named: after "in 1988 ... a year earlier" the year named
wins. Re-read values record the anchor ``story`` with the report's period as reference.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass

from annotator_dates.story import is_reference
from annotator_dates.timex import Timex

ORDINAL = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
QUARTER_VALUE = re.compile(r"^(?P<year>\d{4})-(?P<part>Q[1-4]|H[12])$")
ORDINAL_QUARTER = re.compile(rf"(?i)\b{ORDINAL}[\s-]+quarter\b|\bquarter\s+ended\b|\bhalf\b")
# "after a flat second quarter", "losses through the third quarter of 1990": a bound, not the report.
PASSING = re.compile(
    r"(?i)\b(?:after|before|through|until|till|by|since|into|beyond)\s+(?:(?:the|a|an)\s+)?(?:[a-z]+\s+)?$"
)
# "the quarter ended Sept. 30": the day closes the period the report is about.
CLOSING = re.compile(r"(?i)\b(?:ended|ending|ends|closed)\s+$")
# "for the nine months" (the duration's span may leave "the" out), "the first six months".
STRETCH = re.compile(r"(?i)^(?:the\s+)?(?:first\s+|latest\s+|same\s+)?(?P<n>nine|six|9|6)\s+months$")
THE_BEFORE = re.compile(r"(?i)\bthe\s+$")
YEAR_LONG = re.compile(r"(?i)\byear\s+(?:ended|ending)\b|\bfull\s+year\b|\bfiscal\s+(?:year\s+)?\d{4}\b")
SAME_QUARTER = re.compile(
    r"(?i)^(?:the\s+(?:latest\s+|most\s+recent\s+|just-ended\s+|fiscal\s+)?quarter"
    r"|the\s+(?:latest|most\s+recent)\s+period|that\s+quarter)$"
)
THIS_QUARTER = re.compile(r"(?i)^this\s+quarter$")
A_YEAR_BACK = re.compile(r"(?i)^(?:a|one)\s+year\s+(?:ago|earlier)$")
LAST_YEAR = re.compile(r"(?i)^last\s+year$")
COMPARING = re.compile(r"(?i)\b(?:from|compared\s+(?:with|to)|than|versus|vs\.|against)\b[^.;:!?]*$")
RESULTS_AFTER = re.compile(
    r"(?i)^['’]s\s+(?:\$|C\$|#|results?|net|earnings|profits?|loss|sales|revenues?|quarter|period)"
)
STRETCH_NOUN = re.compile(r"(?i)(?:period|months)$")


@dataclass(frozen=True)
class Report:
    """The period the report is about: a quarter or half (``1989-Q3``), a stretch, or a year."""

    kind: str  # "quarter", "stretch" or "year"
    value: str  # "1989-Q3", "P9M", "1989"
    year: int | None  # the year the period falls in, when known
    start: int  # where the text named it
    fiscal: bool = False


def follow_report(text: str, timexes: Iterable[Timex], anchor_year: int | None) -> list[Timex]:
    """Re-read each comparison off the period the report is about (see the module docstring)."""
    out: list[Timex] = []
    report: Report | None = None
    latest = -1  # where the text last named a point a comparison could read off instead
    for t in timexes:
        named = _report_named(text, t, report)
        if named is not None:
            report, latest = named, t.start
        elif report is not None and latest <= report.start and _comparison(text, t):
            t = _reread(text, t, report, anchor_year)
        elif report is not None and _same_as_report(text, t, report):
            t = _as_report(t, report.value, report)
        elif is_reference(t) and not _bound(text, t):
            latest = t.start
        out.append(t)
    return out


def _report_named(text: str, t: Timex, report: Report | None) -> Report | None:
    """The report period ``t`` names, if it names one."""
    surface = text[t.start : t.end]
    if t.timex_type == "DURATION":
        stretch = STRETCH.match(surface)
        if stretch is not None and (surface[:4].lower() == "the " or THE_BEFORE.search(text[: t.start][-5:])):
            return Report("stretch", f"P{_months(stretch['n'])}M", _year_of(report), t.start, _fiscal(report))
        return Report("year", "P1Y", None, t.start) if YEAR_LONG.search(surface) else None
    if t.timex_type != "DATE" or _bound(text, t):
        return None
    m = QUARTER_VALUE.match(t.value)
    if m is not None and t.story is None:
        if ORDINAL_QUARTER.search(surface):
            return Report("quarter", t.value, int(m["year"]), t.start, "fiscal" in surface.lower())
        if SAME_QUARTER.match(surface) and t.rule == "quarter" and not (report and report.fiscal):
            return Report("quarter", t.value, int(m["year"]), t.start)
    if re.fullmatch(r"\d{4}", t.value) and YEAR_LONG.search(surface):
        return Report("year", t.value, int(t.value), t.start)
    return None


def _same_as_report(text: str, t: Timex, report: Report) -> bool:
    """ "the quarter" after a fiscal quarter; "this quarter's loss" after the quarter reported."""
    surface = text[t.start : t.end]
    if report.fiscal and SAME_QUARTER.match(surface):
        return True
    this = report.kind == "quarter" and THIS_QUARTER.match(surface) is not None
    return this and RESULTS_AFTER.match(text[t.end : t.end + 20]) is not None


def _months(n: str) -> int:
    return {"nine": 9, "six": 6}.get(n.lower()) or int(n)


def _year_of(report: Report | None) -> int | None:
    return report.year if report is not None else None


def _fiscal(report: Report | None) -> bool:
    return report is not None and report.fiscal


def _bound(text: str, t: Timex) -> bool:
    """A quarter named in passing, or the day that closes the report's period."""
    before = text[max(0, t.start - 40) : t.start]
    return bool(PASSING.search(before)) or bool(t.granularity == "day" and CLOSING.search(before))


def _comparison(text: str, t: Timex) -> bool:
    """Whether ``t`` compares with the same period of the year before ("a year earlier", ...)."""
    if t.timex_type != "DATE":
        return False
    surface = text[t.start : t.end]
    if t.rule == "ago":
        return A_YEAR_BACK.match(surface) is not None
    if t.rule == "relative-unit" and LAST_YEAR.match(surface):
        return _comparing_last_year(text, t)
    link = t.story
    if t.rule != "story" or link is None:
        return False
    return (link.step == -1 and link.unit == "year") or (link.step == 0 and link.year is not None)


def _comparing_last_year(text: str, t: Timex) -> bool:
    """ "from $3 million last year", "from last year's $1.55 billion", "last year's results"."""
    after = text[t.end : t.end + 20]
    sentence = re.split(r"[.;!?]\s", text[max(0, t.start - 90) : t.start])[-1]
    return bool(COMPARING.search(sentence)) or bool(RESULTS_AFTER.match(after))


def _reread(text: str, t: Timex, report: Report, anchor_year: int | None) -> Timex:
    """The comparison's value off the report's period."""
    named = t.story.year if t.story is not None else None
    surface = text[t.start : t.end]
    if report.kind == "quarter":
        return _quarter_back(t, report, named)
    if "quarter" in surface.lower():
        return t  # "the year-ago quarter" names its own grain
    base = report.year if report.year is not None else anchor_year
    if base is None:
        return t
    if report.kind == "stretch" and named is None and STRETCH_NOUN.search(surface) and t.story is not None:
        return dataclasses.replace(
            t,
            timex_type="DURATION",
            value=report.value,
            granularity="month",
            anchor_kind=None,
            anchor_value=None,
        )
    year = str(named if named is not None else base - 1)
    return dataclasses.replace(t, value=year, granularity="year", anchor_kind="story", anchor_value=str(base))


def _quarter_back(t: Timex, report: Report, named: int | None) -> Timex:
    m = QUARTER_VALUE.match(report.value)
    assert m is not None  # a quarter report always has a quarter value
    year = named if named is not None else int(m["year"]) - 1
    return _as_report(t, f"{year}-{m['part']}", report)


def _as_report(t: Timex, value: str, report: Report) -> Timex:
    return dataclasses.replace(
        t, value=value, granularity="quarter", anchor_kind="story", anchor_value=report.value
    )
