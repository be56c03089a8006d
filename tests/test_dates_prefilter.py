"""The dates prefilter never changes what a rule matches: it only skips places where nothing can match."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from annotator_dates.annotator import RULES
from annotator_dates.lexicon import (
    DAY_PARTS,
    MONTHS,
    NUMBER_WORDS,
    ORDINAL_CENTURIES,
    POSITION_MODS,
    QUANT_MODS,
    UNITS,
    WEEKDAYS,
)
from annotator_dates.prefilter import Scan, rule_matches
from annotator_dates.timex import Rule
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

GOLD = Path(__file__).resolve().parents[1] / "benchmarks" / "gold" / "dates.jsonl"
RULE_IDS = [f"{i:02d}-{rule.name}" for i, rule in enumerate(RULES)]

# Words of the patterns and their lexicon, plus the pieces they glue together.
EXTRA_WORDS = """
centuries century quarter weekend ago the of in on at for every each other times once twice per this last
next coming past previous current recent few several today tonight yesterday tomorrow day before after now
currently nowadays present moment soon near future recently lately that daily weekly monthly annually yearly
hourly nightly noon midday midnight long old people record a.m. p.m. am pm GMT local time strong beginning
start middle end mid Chicago known market doctor Wednesday Addams 5 12 21st 3rd 30 2025 1990 1990s '90s ’90s
10:30 9 18 2.5 04 2025-10-29 13/10/2025 1500 2021–24 ٢٠٢٥ ı ſ K İ
""".split()
WORDS = sorted(
    set(MONTHS) | {m.capitalize() for m in MONTHS} | {m.capitalize() + "." for m in MONTHS}
    | set(WEEKDAYS) | {d.capitalize() for d in WEEKDAYS} | set(DAY_PARTS) | set(NUMBER_WORDS)
    | set(ORDINAL_CENTURIES) | set(POSITION_MODS) | set(QUANT_MODS) | set(UNITS) | {u + "s" for u in UNITS}
    | set(EXTRA_WORDS)
)  # fmt: skip
GLUE = ["", " ", "  ", "\n", "\n\n", " \n ", "-", "–", ", ", ". ", "/", ":", "'", "(", '"', "\t"]


def _cased(word: str, how: int) -> str:
    return (word, word.upper(), word.capitalize(), word.lower())[how]


PIECES = st.tuples(st.sampled_from(WORDS), st.integers(0, 3), st.sampled_from(GLUE))
TEXTS = st.lists(PIECES, max_size=40).map(lambda ps: "".join(_cased(w, c) + g for w, c, g in ps))


def _found(rule: Rule, text: str, prefilter: bool) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    matches = (
        rule_matches(rule.pattern, rule.trigger, Scan(text)) if prefilter else rule.pattern.finditer(text)
    )
    return [(m.span(), m.groupdict()) for m in matches]


def _assert_same(text: str) -> None:
    for rule in RULES:
        assert _found(rule, text, True) == _found(rule, text, False), rule


def _gold_texts() -> list[str]:
    return [json.loads(line)["text"] for line in GOLD.read_text(encoding="utf-8").splitlines() if line]


@pytest.mark.parametrize("rule", RULES, ids=RULE_IDS)
def test_prefilter_rule_matches_equal_finditer_on_seeds(rule: Rule, seed_texts: dict[str, str]) -> None:
    for text in seed_texts.values():
        assert _found(rule, text, True) == _found(rule, text, False)


@pytest.mark.parametrize("rule", RULES, ids=RULE_IDS)
def test_prefilter_rule_matches_equal_finditer_on_gold_texts(rule: Rule) -> None:
    for text in _gold_texts():
        assert _found(rule, text, True) == _found(rule, text, False)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_prefilter_rule_matches_equal_finditer_on_lexicon_text(text: str) -> None:
    _assert_same(text)


@pytest.mark.parametrize(
    "text",
    [
        "It happened at the beginning of in Monday, the 21st of October, 2025, they said.",
        "Talks end   \n on  the  end  of  on  Friday ,  the 3rd \n of \n\n Jan. 2024 .",
        "no more than a couple of  long  weeks ago, and at least half an hour-long wait",
        "the past  several \n months; the foreseeable   future; at   the   moment; shortly  after 9:30 p.m.",
        "the twenty-first - - century, the 1990s and ’90s, 13/10/2025 and 2025-10-29 at 10:30",
        "thrice a week, 10 times per year, every other Tuesday morning, Sundays, WEEKLY meetings",
        "In the middle of the year, in the past few days, for days, Decades of war, mid-October.",
        "weeKend of ſeptember, early ıN Monday, İn May, the ſecond century",
        "04 tonight, 3 in  the am, shortly after 3:20 IN THE\nA.M. and 8 tomorrow  night",
    ],
)
def test_prefilter_rule_matches_equal_finditer_on_long_prefixes(text: str) -> None:
    _assert_same(text)


@pytest.mark.parametrize("rule", RULES, ids=RULE_IDS)
def test_prefilter_rule_patterns_never_match_empty(rule: Rule) -> None:
    """Zero-width matches would make finditer step differently from the prefilter's loop."""
    assert rule.pattern.match("") is None and rule.pattern.search(" , . \n") is None


def test_prefilter_scan_folds_every_case_insensitive_ascii_letter() -> None:
    """A folded trigger is sound only if each character ``(?i)`` matches to a letter folds to that letter."""
    letter = re.compile("(?i)[a-z]")
    for code in range(0x80, sys.maxunicode + 1):
        char = chr(code)
        if letter.fullmatch(char):
            folded = Scan(char).folded
            assert folded is None or (folded.isascii() and re.fullmatch(f"(?i){folded}", char)), hex(code)
