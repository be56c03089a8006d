"""How ``annotator evaluate`` scores the dates layer: TempEval-3 attributes plus a same-time figure.

TempEval-3 scores ``type`` and ``value`` (string equality) on relaxed (overlap) matches, and its
attribute F1 is accuracy on those matches times the relaxed F1; :class:`SpanScorer` computes
exactly that. ``same time`` adds a looser reading of the value for gold that is not TIMEX3
(Duckling's instants and intervals, Recognizers-Text's ranges): right when both name the same
stretch of the calendar (:func:`annotator_dates.intervals.same_time`), and when the gold lists
several accepted values (``values``: an unanchored "Oct 2" read as this year or the next), any of
them counts, and a range counts by its value (a duration) or by ``BEGIN/END``.
"""

from __future__ import annotations

from typing import Any

from annotator import Document, Span
from annotator.evaluation import Attribute, SpanScorer
from annotator_dates.intervals import same_time


def timex_type(span: Span, _document: Document) -> Any:
    """The TIMEX3 type: ``timex_type`` when the span has it, else its label."""
    return getattr(span, "timex_type", None) or span.label


def time_named(span: Span, _document: Document) -> Any:
    """Every reading of a span's value: the listed ``values``, the value, the range ``BEGIN/END``."""
    found = [str(v) for v in getattr(span, "values", None) or []]
    value = getattr(span, "value", None)
    begin, end = getattr(span, "begin_value", None), getattr(span, "end_value", None)
    found += [str(value)] if value else []
    found += [f"{begin}/{end}"] if begin and end else []
    return tuple(found) or None


def dates_scorer() -> SpanScorer:
    """type and value as TempEval-3 defines them, mod, and the same-time reading of the value."""
    return SpanScorer(
        (
            Attribute("type", read=timex_type),
            Attribute("value"),
            Attribute("mod"),
            Attribute("same time", read=time_named, same=same_time),
        )
    )
