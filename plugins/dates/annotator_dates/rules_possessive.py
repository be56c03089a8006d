"""A weekday in the possessive: "Friday's trading", "Thursday's ruling", "last Friday's announcement".

News names the day of an event this way as often as with "on". The weekday rule leaves a name
followed by an apostrophe alone (a brand such as "TGI Friday's" looks the same), so this rule takes
the possessive only before a lower-case word, and not after a capitalised word that is no cue.
Without "next" or a word that looks ahead, the day is the one just past (TimeBank and AQUAINT
annotate every such day in the past or on the story's day).
"""

from __future__ import annotations

import re

from annotator_dates import triggers
from annotator_dates.calendar import Direction, weekday_date
from annotator_dates.fragments import WEEKDAY_NAME
from annotator_dates.lexicon import weekday_number
from annotator_dates.timex import Context, Rule, Timex, group_span

CUE_DIRECTION: dict[str, Direction] = {"last": "past", "next": "future", "this": "present"}
AHEAD_BEFORE = re.compile(r"(?i)\b(?:ahead\s+of|until|till|awaiting|await)\s+$")
NAME_BEFORE = re.compile(r"(?<![.!?\"“'‘(]\s)\b[A-Z][\w&.-]*\s+$")


def _possessive(m: re.Match[str], ctx: Context) -> Timex | None:
    start, end = group_span(m)
    if not m["cue"] and start > 0 and _after_name(ctx, start):
        return None  # "TGI Friday's": part of a name
    number = weekday_number(m["weekday"])
    if ctx.date is None:
        return Timex(start, end, "DATE", f"XXXX-WXX-{number + 1}", "day", "weekday", 0.6)
    cue = m["cue"].lower() if m["cue"] else None
    tense = CUE_DIRECTION.get(cue or "") or _possessive_tense(ctx.before(start, 12))
    day = weekday_date(ctx.date, number, tense, cue if cue in ("last", "next") else None)
    return Timex(start, end, "DATE", day.isoformat(), "day", "weekday", 0.8)


def _after_name(ctx: Context, start: int) -> bool:
    """Whether a capitalised word that may be a name stands just before ``start``.

    A paragraph's or the text's first word is capitalised as a sentence's first word is ("In
    Sunday's debate"), unless it is in capitals throughout ("TGI Friday's").
    """
    before = ctx.before(start, 20)
    found = NAME_BEFORE.search(before)
    if found is None:
        return False
    word_start = start - len(before) + found.start()
    opens = word_start == 0 or ctx.text[word_start - 1] == "\n"
    return not (opens and found.group().strip()[1:].islower())


def _possessive_tense(before: str) -> Direction:
    """A possessive day names an event already reported, whatever the tense of the clause ("they will
    look for ways around Wednesday's ruling", "the move follows Tuesday's declaration"): the past,
    unless the words before look ahead ("ahead of Sunday's vote")."""
    return "future" if AHEAD_BEFORE.search(before) else "past"


RULES: tuple[Rule, ...] = (
    Rule(
        "weekday",
        re.compile(
            rf"\b(?P<x>(?:(?P<cue>(?i:last|next|this))\s+)?(?P<weekday>{WEEKDAY_NAME}))(?=['’]s\s+[a-z])"
        ),
        _possessive,
        triggers.POSSESSIVE_DAY,
    ),
)
