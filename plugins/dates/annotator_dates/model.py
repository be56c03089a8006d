"""The date span type: one TIMEX3 expression with its resolved value and the anchor it used."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from annotator import Span

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
AnchorKind = Literal["published", "inferred", "given", "none", "story"]
Granularity = Literal[
    "century",
    "decade",
    "year",
    "quarter",
    "month",
    "week",
    "day",
    "part-of-day",
    "hour",
    "minute",
    "reference",
]


class DateSpan(Span):
    """A temporal expression; ``label`` repeats ``timex_type`` so labeling tools can colour by it."""

    label: TimexType = Field(description="The TIMEX3 type again: DATE, TIME, DURATION or SET.")
    timex_type: TimexType = Field(description="TIMEX3 type: DATE, TIME, DURATION or SET.")
    value: str = Field(
        description="TIMEX3 value, e.g. 2025-10-29, 2025-W44, P4D, PT18H, XXXX-WXX-5, PAST_REF; "
        "unresolved parts are X (XXXX-10-19) when no anchor was available."
    )
    mod: str | None = Field(
        default=None,
        description="TIMEX3 mod: START, MID, END, APPROX, BEFORE, AFTER, MORE_THAN, LESS_THAN, ...",
    )
    granularity: Granularity = Field(description="The finest unit the text itself gives; never invented.")
    begin_value: str | None = Field(default=None, description="First point of a range ('from Monday ...').")
    end_value: str | None = Field(default=None, description="Last point of a range ('... to Thursday').")
    anchor: AnchorKind = Field(
        description="Reference date the value used: published (meta), inferred (dateline), "
        "given (reference_date), story (the time the text last named: 'a year earlier'), "
        "or none (absolute expressions, or no anchor available)."
    )
    anchor_date: str | None = Field(
        default=None, description="The ISO reference date used, when there was one."
    )
