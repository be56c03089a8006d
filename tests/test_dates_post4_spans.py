"""The anchor fields of a span, now settled before the span is built (post4), not by a model copy.

Before post4 each span was validated with the document's anchor and then copied with the story's
anchor when a rule read the value off the story's own time; now ``DatesAnnotator._span`` gets the
anchor's kind and ISO date once per document and picks the story's, the document's or none before
the one validation. Sentences written for these tests in the style of wire copy.
"""

from __future__ import annotations

import pytest
from annotator_dates.annotator import DatesAnnotator
from annotator_dates.model import DateSpan
from annotator_dates.timex import Timex
from pydantic import ValidationError

from annotator.testing import find_span, run_annotator, spans_of

OCT89 = {"published": "1989-10-25"}
TEXT = "The company was founded in 1987. A year later it went public, and on Tuesday it said profits fell."


@pytest.mark.parametrize(
    ("surface", "anchor", "anchor_date"),
    [
        ("1987", "none", None),  # absolute: no anchor used
        ("A year later", "story", "1987-01-01"),  # read off the story's last year
        ("Tuesday", "published", "1989-10-25"),  # read off the document's date
    ],
)
def test_dates_post4_span_anchor_fields(surface: str, anchor: str, anchor_date: str | None) -> None:
    span = find_span(spans_of(run_annotator("dates", TEXT, meta=OCT89), "dates"), surface)
    assert isinstance(span, DateSpan)
    assert (span.anchor, span.anchor_date) == (anchor, anchor_date)


def test_dates_post4_span_with_a_bad_field_is_still_refused() -> None:
    """Spans are still validated by their model: a granularity no model allows fails loudly."""
    layer = DatesAnnotator(DatesAnnotator.Options())
    bad = Timex(0, 7, "DATE", "1989-10", "fortnight", "month")
    with pytest.raises(ValidationError, match="granularity"):
        layer._span(0, bad, "October", "published", "1989-10-25")
