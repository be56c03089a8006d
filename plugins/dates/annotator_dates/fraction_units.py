"""A fractional count of a unit written as whole units plus the next smaller unit: PT5H30M, P2Y6M.

TimeML writes "5 1/2 hours" PT5H30M, "2 1/2 years" P2Y6M and "a minute and a half" PT1M30S, not
PT5.5H: a duration value names whole units where it can. The smaller unit is used only where the
split is exact (an hour is 60 minutes, a year 12 months, a day 24 hours, a week 7 days); a month
has no fixed number of days, so "1.5 months" stays P1.5M, as does any share that does not come out
whole ("1.3 hours" is 78 minutes, so PT1H18M; "1.1 weeks" is 7.7 days, so P1.1W).
"""

from __future__ import annotations

# Letter (and whether it is a clock unit) -> how many of the next smaller unit, its letter, and
# whether that one is a clock unit.
SMALLER: dict[tuple[str, bool], tuple[int, str, bool]] = {
    ("H", True): (60, "M", True),
    ("M", True): (60, "S", True),
    ("Y", False): (12, "M", False),
    ("D", False): (24, "H", True),
    ("W", False): (7, "D", False),
}


def split_value(count: float, letter: str, is_time: bool) -> str | None:
    """``P2Y6M`` for 2.5 years, ``PT30M`` for half an hour; None when no exact split exists."""
    if count == int(count) or (letter, is_time) not in SMALLER:
        return None
    size, small, small_time = SMALLER[(letter, is_time)]
    whole = int(count)
    rest = round((count - whole) * size, 6)
    if rest != int(rest):
        return None
    big = f"{whole}{letter}" if whole else ""
    part = f"{int(rest)}{small}"
    if is_time:
        return f"PT{big}{part}"
    return f"P{big}T{part}" if small_time else f"P{big}{part}"
