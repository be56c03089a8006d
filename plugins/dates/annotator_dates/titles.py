"""Relative expressions that are names of shows and films: ABC's "This Week", CBS's "60 Minutes".

A time word capitalised in the middle of a sentence ("said on ABC News' "This Week"", "VOA Today",
"High Noon") names a programme, a film or a paper, not a time: news writes "this week", "today" and
"noon" in lower case. Only words that are not capitalised anyway count (weekdays and months are), so
"last Friday" and "next May" stay; holidays ("Election Day") are other rules and are not touched.
The expression must follow a word (or a word and an opening quote) on its line, and the line must
not be a title-case headline ("Stocks Fall This Week"), where every word is capitalised.

A month or weekday abbreviation written without its period and followed by a capitalised word that
is no date word is a first name or a company ("Jan Kavan", "Sun Microsystems"), not "January".
"""

from __future__ import annotations

import re

from annotator_dates.lexicon import MONTHS, WEEKDAYS
from annotator_dates.timex import Timex

# Rules whose expressions are common words that a title can take over.
TITLE_PRONE = frozenset({"relative-unit", "day-word", "clock", "duration", "day-part", "reference"})
WORD = re.compile(r"[A-Za-z]+")
# What stands before a title inside a sentence: a word, perhaps a possessive, perhaps an opening quote.
AFTER_A_WORD = re.compile(r"[A-Za-z0-9'’][\s\"“‘'`]*$")
HEADLINE_SHARE = 0.85  # a line with this share of its longer words capitalised is a headline


# "Jan Kavan", "Sun Microsystems": a bare abbreviation, then a capitalised word.
NAME_AFTER = re.compile(r"\s+([A-Z][a-z]+)")
ABBREVIATION = re.compile(r"^[A-Z][a-z]{2}$")


def drop_titles(text: str, timexes: list[Timex]) -> list[Timex]:
    """The timexes without the names of shows, films, papers, people and firms (module docstring)."""
    return [t for t in timexes if not _is_title(text, t) and not _is_name(text, t)]


def _is_name(text: str, t: Timex) -> bool:
    surface = text[t.start : t.end]
    if not ABBREVIATION.match(surface) or surface.lower() == "may":
        return False
    after = NAME_AFTER.match(text, t.end)
    return after is not None and not _date_word(after.group(1))


def _date_word(word: str) -> bool:
    lower = word.lower()
    return lower in MONTHS or lower in WEEKDAYS or lower in ("the", "at", "in", "on", "and", "or")


def _is_title(text: str, t: Timex) -> bool:
    if t.rule not in TITLE_PRONE or not _capitalised_time_word(text[t.start : t.end]):
        return False
    line_start = text.rfind("\n", 0, t.start) + 1
    before = text[line_start : t.start]
    return bool(AFTER_A_WORD.search(before)) and not _headline(text, line_start)


def _capitalised_time_word(surface: str) -> bool:
    """Every word capitalised, and one of them a word that is not capitalised anyway ("This Week")."""
    words = WORD.findall(surface)
    if not words or any(not w[0].isupper() for w in words):
        return False
    # Title case, not capitals: "3 AM", "by EOM" and "GMT" are written so anywhere.
    return any(w.istitle() and w.lower() not in MONTHS and w.lower() not in WEEKDAYS for w in words)


def _headline(text: str, line_start: int) -> bool:
    end = text.find("\n", line_start)
    words = [w for w in WORD.findall(text[line_start : end if end >= 0 else len(text)]) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) >= HEADLINE_SHARE * len(words)
