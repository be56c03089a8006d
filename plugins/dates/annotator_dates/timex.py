"""The intermediate result of a rule, and the context rules resolve against."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from annotator_dates.anchor import Anchor
from annotator_dates.calendar import Direction
from annotator_dates.prefilter import Trigger


@dataclass(frozen=True)
class StoryLink:
    """How an anaphoric expression reads off the story's reference time (:mod:`annotator_dates.story`).

    The value is the reference period moved by ``step`` ``unit``s and named at ``grain`` ("a year
    earlier" after "the third quarter": step -1, unit year, grain None = the reference's own grain).
    ``needs`` is the grain the reference must have ("quarter" for "the year-ago period"), or None for any.
    """

    step: int
    unit: str
    grain: str | None = None
    needs: str | None = None
    year: int | None = None  # "the 1988 period": the reference's quarter, named in this year
    moves: bool = False  # "the following year" becomes the story's time; "a year earlier" only looks back


@dataclass
class Timex:
    """One recognised expression before it becomes a span."""

    start: int
    end: int
    timex_type: str
    value: str
    granularity: str
    rule: str
    confidence: float = 0.8
    mod: str | None = None
    begin_value: str | None = None
    end_value: str | None = None
    story: StoryLink | None = None  # set by anaphoric rules; resolved by story.follow_story
    anchor_kind: str | None = None  # "story" once the value was read off the story's own time
    anchor_value: str | None = None  # the reference value it was read off


@dataclass
class Context:
    """What a rule may consult: the text, the anchor, and the parse through two small callbacks."""

    text: str
    anchor: Anchor
    direction_at: Callable[[int, int], Direction]
    tag_at: Callable[[int], str] = field(default=lambda _i: "")
    numeric_order: str | None = None  # "dmy", "mdy", or None when neither is known (rules_numeric)

    @property
    def date(self) -> dt.date | None:
        """The anchor date, or None when the document has no anchor."""
        return self.anchor.date

    def before(self, index: int, width: int = 30) -> str:
        """The text just before ``index`` (for cue checks such as "in May")."""
        return self.text[max(0, index - width) : index]

    def after(self, index: int, width: int = 30) -> str:
        """The text just after ``index``."""
        return self.text[index : index + width]


Handler = Callable[[re.Match[str], Context], Timex | None]


@dataclass(frozen=True)
class Rule:
    """A named pattern, the handler that turns its matches into timexes, and where it can match."""

    name: str
    pattern: re.Pattern[str]
    handler: Handler
    trigger: Trigger | None = None


def group_span(m: re.Match[str], name: str = "x") -> tuple[int, int]:
    """Offsets of the expression group ``name`` when the pattern has it, else of the whole match."""
    if name in m.re.groupindex and m.start(name) >= 0:
        return m.start(name), m.end(name)
    return m.start(), m.end()


# ISO 8601 durations know no decade or century: TimeML (TimeBank) writes "a decade" as P10Y.
LONG_UNITS = re.compile(r"^P(?P<count>\d+(?:\.\d+)?|X)(?P<unit>DE|CE)$")
LONG_UNIT_YEARS = {"DE": 10, "CE": 100}


def iso_years(value: str) -> str:
    """A decade or century duration in years, as ISO 8601 and TimeML write it ("P1DE" -> "P10Y")."""
    m = LONG_UNITS.match(value)
    if m is None:
        return value
    if m["count"] == "X":
        return "PXY"
    years = float(m["count"]) * LONG_UNIT_YEARS[m["unit"]]
    return f"P{int(years) if years == int(years) else years}Y"


def in_iso_units(timexes: list[Timex]) -> list[Timex]:
    """Every duration value in ISO 8601 units (see :func:`iso_years`); other values unchanged."""
    for t in timexes:
        if t.timex_type in ("DURATION", "SET") and t.value.endswith(("DE", "CE")):
            t.value = iso_years(t.value)
    return timexes
