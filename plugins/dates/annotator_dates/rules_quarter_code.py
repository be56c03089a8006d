"""Quarters and halves written as codes with their year: "2017 q1", "Q3 2019", "2019-H2", "q1 of 2017".

Reports and spreadsheets write a quarter as Q1-Q4 and a half as H1/H2 next to the year, in either
order. The value is TIMEX3's ``2017-Q1`` / ``2019-H2``. A code without a year ("q1 and q2") is
left alone: "Q1" alone is as often a product or a question number.
"""

from __future__ import annotations

import re

from annotator_dates.prefilter import Trigger
from annotator_dates.timex import Context, Rule, Timex

YEAR4 = r"(?P<year>1[5-9]\d\d|20\d\d)"
CODE = r"(?P<code>(?i:q[1-4]|h[12]))"
# Found with str.find on the codes themselves (a leading look-behind would make re try every position).
CODE_TRIGGER = Trigger(re.compile(r"[qh][1-4](?![a-z0-9])"), 3, starts=("q1", "q2", "q3", "q4", "h1", "h2"))


def _code(m: re.Match[str], ctx: Context) -> Timex | None:
    code = m["code"].upper()
    grain = "quarter" if code[0] == "Q" else "half"
    value = f"{m['year']}-{code}"
    return Timex(
        m.start(), m.end(), "DATE", value, "quarter" if grain == "quarter" else "month", "numeric-date", 0.85
    )


RULES: tuple[Rule, ...] = (
    Rule("numeric-date", re.compile(rf"(?<![\w-]){YEAR4}(?:\s+|-){CODE}(?![\w-])"), _code, CODE_TRIGGER),
    Rule(
        "numeric-date",
        re.compile(rf"(?<![\w-]){CODE}(?:\s+|-|\s+(?i:of)\s+(?:(?i:the\s+year\s+))?){YEAR4}(?![\w-])"),
        _code,
        CODE_TRIGGER,
    ),
)
