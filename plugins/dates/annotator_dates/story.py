"""The story's own reference time: anaphoric expressions read off the time the text last named.

TimeML anchors "a year earlier", "that day", "the following year" or "the year-ago quarter" on
the reference time of the story, not on the document date: in "net rose in the third quarter from
$5 million a year earlier" the year earlier is the third quarter of the year before (1988-Q3 in a
story of 1989), and in "Farkas was promoted on May 22, 1995, and the following year he ..." it is
1996. Rules mark such expressions with a :class:`~annotator_dates.timex.StoryLink` and a fallback
value read off the anchor; :func:`follow_story` walks the expressions in text order, keeps the last
absolute or anchored point the text named (the reference), and re-reads each marked expression off
it when it is near enough (``REACH`` characters, and within ``MAX_PARAGRAPHS`` paragraph breaks).
A re-read expression records ``anchor_kind = "story"`` and the reference value it used.

A sentence that opens on another year ("In 2012, ...", "In a 2012 e-mail, ...") moves the story
there for the rest of the sentence: a month, a day of a month or a weekday it names without a year
is in that year ("In a 2012 e-mail, the minister said on Monday ..." is ``2012-WXX-1``, the week
unknown), not in the document's (:func:`in_framed_year`).

An expression that needs a quarter ("that quarter", "the year-ago period") reads off the last quarter
named within reach when a day came between ("the second quarter ended Oct. 31 ... that quarter").

A bare time of day ("at 10 p.m.", "in the morning") goes on the day the story named just before it
(:mod:`annotator_dates.story_times`).

"a year ago" (anchored on the document date by its own rule) is re-read only once the story has
named a quarter (however far back: a results story is about its quarter), as business news uses it
for the same quarter of the year before.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from annotator_dates.calendar import point_value, shift
from annotator_dates.clock_asides import on_aside_days
from annotator_dates.previous_day import before_story_days
from annotator_dates.story_times import on_story_days
from annotator_dates.timex import StoryLink, Timex

REACH = 600
MAX_PARAGRAPHS = 2
PERIOD = re.compile(r"^(?P<year>\d{4})(?:-(?:Q(?P<q>[1-4])|(?P<month>\d\d)(?:-(?P<day>\d\d))?))?$")
# Rules whose values are points the story can refer back to.
NOT_REFERENCES = frozenset({"story", "ago", "reference", "set"})
FINENESS = {"year": 0, "quarter": 1, "month": 2, "week": 3, "day": 4}
AGO = re.compile(r"(?i)^(?:a|one)\s+year\s+ago$")


def follow_story(text: str, timexes: list[Timex]) -> list[Timex]:
    """Re-read each anaphoric expression off the reference time before it (see the module docstring)."""
    out: list[Timex] = []
    reference: Timex | None = None
    quarter: Timex | None = None  # the last quarter named: a results story's topic, however far back
    for t in timexes:
        near = reference if reference is not None and _near(text, reference, t) else None
        link = t.story or _year_ago_link(text, t, quarter)
        near = quarter if link is not None and t.story is None else near
        if link is not None and link.needs == "quarter" and not _is_quarter(near):
            near = quarter if quarter is not None and _near(text, quarter, t) else near
        if link is not None and near is not None:
            t = _resolved(t, link, near)
            # "the following year" moves the story on; "a year earlier" only looks back.
            reference = t if link.moves and t.anchor_kind == "story" else reference
        elif is_reference(t):
            reference = t
            quarter = t if _grain(t.value) == "quarter" else quarter
        out.append(t)
    framed = in_framed_year(text, before_story_days(text, out))
    return on_aside_days(text, on_story_days(text, framed))


# A sentence opening on a year: "In 2012,", "In a 2012 e-mail,", "During March 2012".
FRAME_BEFORE = re.compile(
    r"(?:^|[.!?]['\"”’]?\s+|\n\s*)(?i:in|during|by|until|through)\s+(?:(?i:a|an|the|its|his|her|their)\s+)?$"
)
SENTENCE_END = re.compile(r"[.!?]['\"”’]?\s+(?=[A-Z\"“])|\n")
YEAR_RULES = frozenset({"year", "month-year", "full-date"})
FOLLOWERS = frozenset({"weekday", "month", "month-day"})


def in_framed_year(text: str, timexes: list[Timex]) -> list[Timex]:
    """Months, days and weekdays without a year in a sentence that opens on another year: that year's."""
    frame: tuple[int, Timex] | None = None  # (year, the expression that set it)
    out: list[Timex] = []
    for t in timexes:
        if frame is not None and SENTENCE_END.search(text, frame[1].end, t.start):
            frame = None
        if t.rule in YEAR_RULES and FRAME_BEFORE.search(text[max(0, t.start - 40) : t.start]):
            frame = (int(t.value[:4]), t)
        elif (
            frame is not None
            and t.rule in FOLLOWERS
            and t.timex_type == "DATE"
            and t.value[:4] != str(frame[0])
        ):
            t = _in_year(t, frame)
        out.append(t)
    return out


def _in_year(t: Timex, frame: tuple[int, Timex]) -> Timex:
    year, setter = frame
    if t.rule == "weekday":
        value = f"{year}-WXX-{dt.date.fromisoformat(t.value).isoweekday()}"
    else:
        value = f"{year}{t.value[4:]}"
    return dataclasses.replace(t, value=value, anchor_kind="story", anchor_value=str(year))


def _is_quarter(t: Timex | None) -> bool:
    return t is not None and _grain(t.value) == "quarter"


def is_reference(t: Timex) -> bool:
    """A point the story can refer back to: a resolved DATE of a year, quarter, month or day."""
    return t.timex_type == "DATE" and t.rule not in NOT_REFERENCES and PERIOD.match(t.value) is not None


def _near(text: str, reference: Timex, t: Timex) -> bool:
    between = text[reference.end : t.start]
    return len(between) <= REACH and between.count("\n\n") < MAX_PARAGRAPHS


def _year_ago_link(text: str, t: Timex, near: Timex | None) -> StoryLink | None:
    """ "a year ago" after the quarter a story reports: that quarter a year before."""
    if t.rule != "ago" or near is None or not AGO.match(text[t.start : t.end]):
        return None
    return StoryLink(-1, "year", needs="quarter") if _grain(near.value) == "quarter" else None


def _resolved(t: Timex, link: StoryLink, reference: Timex) -> Timex:
    grain = _grain(reference.value)
    if link.needs is not None and grain != link.needs:
        return t
    day = period_start(reference.value)
    if day is None or grain is None:
        return t
    if link.grain is not None and FINENESS[link.grain] > FINENESS[grain]:
        return t  # "the year-ago quarter" after "1989": the year does not say which quarter
    moved = shift(day, link.unit, link.step) if link.step else day
    if link.year is not None:
        moved = shift(moved, "year", link.year - moved.year)  # relativedelta: Feb. 29 becomes Feb. 28
    named = link.grain or grain
    value = point_value(moved, named)
    return dataclasses.replace(
        t, value=value, granularity=named, anchor_kind="story", anchor_value=reference.value
    )


def _grain(value: str) -> str | None:
    m = PERIOD.match(value)
    if m is None:
        return None
    if m["q"]:
        return "quarter"
    if m["day"]:
        return "day"
    return "month" if m["month"] else "year"


def period_start(value: str) -> dt.date | None:
    """The first day of the period a TIMEX3 value names ("1989-Q3" -> 1989-07-01), if it is one."""
    m = PERIOD.match(value)
    if m is None:
        return None
    month = 3 * int(m["q"]) - 2 if m["q"] else int(m["month"] or 1)
    try:
        return dt.date(int(m["year"]), month, int(m["day"] or 1))
    except ValueError:
        return None


def story_anchor(t: Timex) -> dict[str, str]:
    """The span fields recording a story anchor: kind "story" and the reference period's first day."""
    if t.anchor_kind != "story" or t.anchor_value is None:
        return {}
    first = period_start(t.anchor_value)
    return {"anchor": "story", "anchor_date": first.isoformat()} if first else {}
