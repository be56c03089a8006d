"""The dates annotator: TIMEX3 dates, times, durations and sets, resolved against the document date."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Iterator
from typing import Literal

from pydantic import Field
from spacy.language import Language
from spacy.tokens import Doc

from annotator import Annotator, AnnotatorOptions, Document
from annotator.evaluation import SpanScorer
from annotator_dates import (
    clock_ahead,
    clock_zones,
    rules_calendar,
    rules_clock,
    rules_clock_forms,
    rules_compound,
    rules_conversational,
    rules_count,
    rules_day_of_month,
    rules_daypart,
    rules_duration,
    rules_fraction,
    rules_frequency,
    rules_holiday,
    rules_hour_minutes,
    rules_numeric,
    rules_offset,
    rules_ordinal,
    rules_period,
    rules_position,
    rules_possessive,
    rules_quarter_code,
    rules_range,
    rules_relative,
    rules_season,
    rules_spelled,
    rules_story,
    rules_units,
    rules_week,
    rules_weekday_day,
)
from annotator_dates.anchor import Anchor, choose_anchor
from annotator_dates.calendar import Direction
from annotator_dates.compose import compose
from annotator_dates.leads import lead
from annotator_dates.model import DateSpan
from annotator_dates.open_ends import with_open_ends
from annotator_dates.prefilter import Scan
from annotator_dates.reference import TimedContext, reference_time
from annotator_dates.reporting_period import follow_report
from annotator_dates.scoring import dates_scorer
from annotator_dates.select import choose, join_clock_times, join_ranges, order_range_points
from annotator_dates.story import follow_story, story_anchor
from annotator_dates.stretches import with_stretches
from annotator_dates.tense import direction
from annotator_dates.timex import Context, Rule, Timex, in_iso_units
from annotator_dates.titles import drop_titles

# Rules whose value does not depend on the anchor (absolute dates, durations, sets).
ABSOLUTE_RULES = frozenset(
    {"full-date", "month-year", "year", "year-range", "decade", "century", "iso-date", "numeric-date"}
    | {"duration", "vague-duration", "the-past-unit", "set", "reference", "holiday-fixed"}
    | {"fiscal"}
)
RULES: tuple[Rule, ...] = (
    rules_calendar.RULES
    + rules_period.RULES
    + rules_relative.RULES
    + rules_duration.RULES
    + rules_clock.RULES
    + rules_numeric.RULES
    + rules_range.RULES
    + rules_compound.RULES
    + rules_holiday.RULES
    + rules_season.RULES
    + rules_story.RULES
    + rules_possessive.RULES
    + rules_spelled.RULES
    + rules_count.RULES
    + rules_week.RULES
    + rules_daypart.RULES
    + rules_quarter_code.RULES
    + rules_clock_forms.RULES
    + rules_weekday_day.RULES
    + rules_offset.RULES
    + rules_position.RULES
    + rules_ordinal.RULES
    + clock_ahead.RULES
    + rules_units.RULES
    + rules_fraction.RULES
    + rules_hour_minutes.RULES
    + rules_frequency.RULES
    + rules_day_of_month.RULES
    + rules_conversational.RULES
)


class DatesOptions(AnnotatorOptions):
    """Options of the dates annotator."""

    types: list[str] = ["DATE", "TIME", "DURATION", "SET"]
    min_confidence: float = 0.0
    direction: Direction = Field(
        default="past",
        description="Which way a month or weekday points when no verb decides: past (news) or future.",
    )
    ranges: Literal["span", "points"] = Field(
        default="span",
        description="'from 1991 to 1997': one range span with both ends (span), or each end its own DATE "
        "(points, as TimeML annotates it).",
    )
    periods: Literal["auto", "rolling", "calendar"] = Field(
        default="auto",
        description="'the last 2 weeks': the 14 days before today (rolling, as Recognizers-Text and TimeBank "
        "place it) or the two whole calendar weeks before this one (calendar, as Duckling does); auto is "
        "calendar with direction future (scheduling text), rolling otherwise.",
    )
    numeric_order: Literal["auto", "dmy", "mdy"] = Field(
        default="auto",
        description="Day or month first in 10/11/2024: dmy, mdy, or auto (the document's own unambiguous "
        "numeric dates decide; with no evidence a date that reads both ways is left out).",
    )


class DatesAnnotator(Annotator):
    """TIMEX3 expressions; relative ones resolved against published > dateline > reference_date."""

    name = "dates"
    version = "0.1.0"
    span_model = DateSpan
    needs = ("tagger", "parser")
    Options = DatesOptions

    def setup(self, nlp: Language) -> None:
        """Read every rule's lead once per run (~0.06 s), not while the first documents are annotated."""
        for rule in RULES:
            lead(rule.pattern)

    @classmethod
    def scorer(cls) -> SpanScorer:
        """TempEval-3's type and value on relaxed matches, mod, and the same-time value (scoring.py)."""
        return dates_scorer()

    def annotate(self, document: Document, parsed: Doc) -> Iterable[DateSpan]:
        """Find every expression, resolve it, and emit one span each in text order."""
        anchor = choose_anchor(document.text, document.meta)
        keep = set(self.options.types)  # type: ignore[attr-defined]
        floor = self.options.min_confidence  # type: ignore[attr-defined]
        towards = self.options.direction  # type: ignore[attr-defined]
        order = self.options.numeric_order  # type: ignore[attr-defined]
        ranges = self.options.ranges  # type: ignore[attr-defined]
        reference = reference_time(document.meta, anchor.date)
        periods = self.options.periods  # type: ignore[attr-defined]
        periods = ("calendar" if towards == "future" else "rolling") if periods == "auto" else periods
        zone = clock_zones.reference_zone(document.meta)
        timexes = find_timexes(
            document.text, parsed, anchor, towards, order, ranges, reference, periods, zone
        )
        kept = [t for t in timexes if t.timex_type in keep and t.confidence >= floor]
        anchor_date = anchor.date.isoformat() if anchor.date else None
        return [self._span(i, t, document.text, anchor.kind, anchor_date) for i, t in enumerate(kept)]

    def _span(self, index: int, t: Timex, text: str, kind: str, anchor_date: str | None) -> DateSpan:
        """One span, validated by its model: ``model_construct`` is slower in pydantic 2 (docs/dates.md)."""
        if t.anchor_kind and (story := story_anchor(t)):
            kind, anchor_date = story["anchor"], story["anchor_date"]  # read off the story's own time
        elif not _uses_anchor(t):
            kind, anchor_date = "none", None
        return DateSpan(
            id=self.span_id(index),
            start=t.start,
            end=t.end,
            text=text[t.start : t.end],
            label=t.timex_type,  # type: ignore[arg-type]
            confidence=t.confidence,
            rule=t.rule,
            timex_type=t.timex_type,  # type: ignore[arg-type]
            value=t.value,
            mod=t.mod,
            granularity=t.granularity,  # type: ignore[arg-type]
            begin_value=t.begin_value,
            end_value=t.end_value,
            anchor=kind,  # type: ignore[arg-type]
            anchor_date=anchor_date,
        )


def _uses_anchor(t: Timex) -> bool:
    """Whether the value depended on the anchor (absolute dates and durations do not)."""
    return t.rule not in ABSOLUTE_RULES


def find_timexes(
    text: str,
    parsed: Doc,
    anchor: Anchor,
    default: Direction = "past",
    order: str = "auto",
    ranges: str = "span",
    reference: dt.datetime | None = None,
    periods: str = "rolling",
    zone: dt.tzinfo | None = None,
) -> list[Timex]:
    """All expressions in ``text``: every rule's matches, de-overlapped, then joined."""
    numeric = rules_numeric.order_evidence(text) if order == "auto" else order
    ctx = TimedContext(
        text, anchor, _direction_cache(parsed, default), _tagger(parsed), numeric, reference, periods
    )
    candidates = [t for t in _matches(text, ctx) if t.end > t.start]
    chosen = choose(candidates)
    timed = clock_ahead.ahead(text, join_clock_times(text, chosen), ctx)
    joined = join_ranges(text, timed) if ranges == "span" else order_range_points(text, timed)
    composed = clock_zones.in_reference_zone(text, with_stretches(compose(text, ctx, joined)), zone)
    told = follow_story(text, drop_titles(text, with_open_ends(text, composed, ctx)))
    return in_iso_units(follow_report(text, told, anchor.date.year if anchor.date else None))


def _matches(text: str, ctx: Context) -> Iterator[Timex]:
    scan = Scan(text)
    for rule in RULES:
        for m in scan.matches(rule.pattern, rule.trigger):
            found = rule.handler(m, ctx)
            if found is not None:
                yield found


def _direction_cache(parsed: Doc, default: Direction) -> functools._lru_cache_wrapper[Direction]:
    @functools.cache
    def at(start: int, end: int) -> Direction:
        return direction(parsed, start, end, default)

    return at


def _tagger(parsed: Doc):  # type: ignore[no-untyped-def]
    def tag_at(index: int) -> str:
        span = parsed.char_span(index, index + 1, alignment_mode="expand")
        return span[0].tag_ if span is not None and len(span) else ""

    return tag_at
