"""Parts of a day said on their own: "in the morning", "late afternoon", "early in the morning".

With no day named they are the anchor day's (``2025-10-29TMO``; ``XXXX-XX-XXTMO`` without an
anchor), as "this morning" is; a day written just before takes them ("Tuesday in the morning"),
and so does "today pm"/"tomorrow am". TimeBank leaves the preposition out of the span ("in <the
morning>"), and so do these rules. "the morning paper", "the evening news" (a noun follows) and
"the night of the attack", "the night the plane crashed" are no times.
"""

from __future__ import annotations

import dataclasses
import re

from annotator_dates import triggers
from annotator_dates.lexicon import DAY_PARTS
from annotator_dates.timex import Context, Rule, Timex, group_span

PARTS = {**DAY_PARTS, "night-time": "NI", "nighttime": "NI"}
POSITION = {"early": "START", "late": "END", "later": "END"}
PART_WORD = r"(?P<part>(?i:morning|afternoon|evening|night-time|nighttime|night))"
DAY_THEN_PART = re.compile(r"^\s+(?i:in)\s+$")
# "the night of the attack", "the night the plane crashed", "the morning when ...": a described day.
CLAUSE_WORDS = frozenset({"of", "the", "that", "when", "before", "after"})
# A day after the part of it ("mid-afternoon yesterday", "late morning Tuesday"): no noun modified.
DAY_AFTER = re.compile(r"(?i)(?:yesterday|today|tomorrow|(?:mon|tues|wednes|thurs|fri|satur|sun)day)$")
PART_THEN_DAY = re.compile(r"^\s+$")
AM_PM_AFTER = re.compile(r"\s+(?P<ap>(?i:am|pm))\b(?!\.\w)")


def _part(m: re.Match[str], ctx: Context) -> Timex | None:
    start, end = group_span(m)
    follower = re.match(r"\s+(\w+)", ctx.after(end, 20))
    if (
        follower
        and not DAY_AFTER.match(follower.group(1))
        and (follower.group(1).lower() == "of" or ctx.tag_at(end + follower.start(1)).startswith("NN"))
    ):
        return None
    code = PARTS[m["part"].lower()]
    day = ctx.date.isoformat() if ctx.date else "XXXX-XX-XX"
    mod = "MID" if m["mid"] else POSITION.get((m["pos"] or "").lower())
    return Timex(start, end, "TIME", f"{day}T{code}", "part-of-day", "day-part", 0.75, mod)


def join_day_parts(text: str, timexes: list[Timex]) -> list[Timex]:
    """ "Tuesday in the morning", "today pm": the part of the day on the day named."""
    out: list[Timex] = []
    for t in timexes:
        prev = out[-1] if out else None
        if (
            prev is not None
            and t.rule == "day-part"
            and _plain_day(prev)
            and DAY_THEN_PART.match(text[prev.end : t.start])
        ):
            code = t.value.partition("T")[2]
            out[-1] = Timex(
                prev.start, t.end, "TIME", f"{prev.value}T{code}", "part-of-day", "day-part", 0.8, t.mod
            )
            continue
        if prev is not None and prev.rule == "day-part" and _plain_day(t) and _part_then_day(text, prev, t):
            out[-1] = _on_day(prev, t, prev.start, t.end)
            continue
        out.append(_am_pm(text, t) or t)
    return out


def _part_then_day(text: str, part: Timex, day: Timex) -> bool:
    """ "mid-afternoon yesterday", "late morning Tuesday": the part first, the day just after it."""
    return PART_THEN_DAY.match(text[part.end : day.start]) is not None and not part.value.startswith("X")


def _on_day(part: Timex, day: Timex, start: int, end: int) -> Timex:
    code = part.value.partition("T")[2]
    return Timex(start, end, "TIME", f"{day.value}T{code}", "part-of-day", "day-part", 0.8, part.mod)


def _plain_day(t: Timex) -> bool:
    return t.timex_type == "DATE" and t.granularity == "day" and not t.mod


def _am_pm(text: str, t: Timex) -> Timex | None:
    """ "today pm", "tomorrow am": a day word and a.m./p.m. alone, the morning or the afternoon."""
    if t.rule != "day-word" or not _plain_day(t):
        return None
    m = AM_PM_AFTER.match(text, t.end)
    if m is None:
        return None
    code = "MO" if m["ap"].lower() == "am" else "AF"
    return dataclasses.replace(
        t, end=m.end(), timex_type="TIME", value=f"{t.value}T{code}", granularity="part-of-day"
    )


PREPOSITIONS = ("in", "at", "during", "by", "until", "till", "through", "throughout", "from", "over")
# After a preposition (lookbehinds need a fixed width, so one per word).
PREPOSITION = "|".join(rf"(?<=\b(?i:{word})\s)" for word in PREPOSITIONS)
RULES: tuple[Rule, ...] = (
    Rule(
        "day-part",
        re.compile(
            rf"(?:{PREPOSITION}|\b(?=(?i:early|late|later)\s|(?i:mid)-))(?P<x>(?:(?P<pos>(?i:early|late|later))\s+"
            rf"(?:(?i:in)\s+)?|(?P<mid>(?i:mid)-))?(?:(?i:the)\s+)?{PART_WORD})\b(?!-)"
        ),
        _part,
        dataclasses.replace(triggers.DAY_PART, reach=4),
    ),
)
