"""The reference time of day, when a document gives one, for expressions finer than a day.

The anchor (:mod:`annotator_dates.anchor`) is a date: news is dated, not timed. Conversational text
("in 20 minutes", "now", "at 3" said at 4:30 in the morning) needs the clock time too. A document
gives it in ``meta["reference_time"]`` (an ISO datetime, as the suite converters and
``annotator annotate`` pass it) or in a ``meta["published"]`` that carries a time. Without one these
expressions keep their date-only readings, so news output does not change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from annotator_dates.timex import Context


@dataclass
class TimedContext(Context):
    """A :class:`Context` that also knows the reference time of day (None when the document has none)."""

    reference: dt.datetime | None = None
    periods: str = "rolling"  # how "the last 2 weeks" is placed: rolling or calendar (rules_count)


def reference_time(meta: Mapping[str, Any], anchor: dt.date | None) -> dt.datetime | None:
    """The reference datetime on the anchor's day, from ``reference_time`` or a timed ``published``."""
    for key in ("reference_time", "published"):
        raw = meta.get(key)
        if isinstance(raw, dt.datetime):
            found = raw
        elif isinstance(raw, str) and "T" in raw:
            try:
                found = dt.datetime.fromisoformat(raw)
            except ValueError:
                continue
        else:
            continue
        found = found.replace(tzinfo=None)
        if anchor is None or found.date() == anchor:
            return found
    return None


def reference_of(ctx: Context) -> dt.datetime | None:
    """The reference datetime of a context, None for a plain one or a document without a time."""
    return ctx.reference if isinstance(ctx, TimedContext) else None
