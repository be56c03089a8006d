"""The shared per-document scan finds exactly what plain ``re`` finds, for old and new triggers alike.

tests/test_dates_prefilter.py checks every rule's matches against ``finditer``; these check the parts
the shared scan is built from (the leads read from each pattern, the letter-run index, the digit
path, the token walk) on their own, and that a rule declared the old way, even one made after a
document was scanned, still matches as ``finditer`` does.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from annotator_dates.annotator import RULES
from annotator_dates.leads import lead
from annotator_dates.literals import Literals
from annotator_dates.prefilter import Scan, Trigger
from annotator_dates.timex import Rule
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_dates_prefilter import TEXTS

GOLD = Path(__file__).resolve().parents[1] / "benchmarks" / "gold" / "dates.jsonl"
TRIGGERS = list({id(r.trigger.pattern): r.trigger for r in RULES if r.trigger is not None}.values())
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _gold_texts() -> list[str]:
    return [json.loads(line)["text"] for line in GOLD.read_text(encoding="utf-8").splitlines() if line]


def _refused(pattern: re.Pattern[str], text: str) -> list[int]:
    """Offsets where ``pattern`` matches but its lead would not let it be tried."""
    first, not_after, _ = lead(pattern)
    return [
        at
        for at in range(len(text))
        if pattern.match(text, at) is not None
        and ((text[at] not in first and text[at].isascii()) or (at and text[at - 1] in not_after))
    ]


def _old_reach_back(text: str, start: int, reach: int) -> int:
    """The walk back over tokens as the prefilter did it before, on the reversed text."""
    walked = re.compile(rf"\S*(?:\s+\S+){{0,{reach}}}").match(text[::-1], len(text) - start)
    return len(text) - walked.end() if walked is not None else start


@pytest.mark.parametrize("rule", RULES, ids=[f"{i:02d}-{r.name}" for i, r in enumerate(RULES)])
def test_lead_never_refuses_a_rule_match_on_gold_texts(rule: Rule) -> None:
    for text in _gold_texts():
        assert _refused(rule.pattern, text) == []


@SETTINGS
@given(TEXTS)
def test_lead_never_refuses_a_trigger_or_rule_match_on_lexicon_text(text: str) -> None:
    folded = Scan(text).folded
    for trigger in TRIGGERS:
        assert _refused(trigger.pattern, folded if trigger.folded and folded else text) == []
    for rule in RULES[::5]:  # every rule is checked on the gold texts; a fifth here keeps it quick
        assert _refused(rule.pattern, text) == []


@pytest.mark.parametrize(
    ("source", "first"),
    [
        (r"\b(?i:may)\s+\d", "Mm"),
        (r"(?<![a-z])(?:jan|feb)", "fj"),
        (r"(?:\d+\s+)?weeks", "0123456789w"),
        (r"(?:the\s+)?(?:[Ll]ast|next)", "Llnt"),
    ],
)
def test_lead_reads_first_characters_from_the_pattern(source: str, first: str) -> None:
    assert lead(re.compile(source)).first == frozenset(first)


@pytest.mark.parametrize("source", [r"(?:a|)b?", r".x", r"x*", r"(?:x|y?)?"])
def test_lead_lets_everything_through_when_unsure(source: str) -> None:
    found = lead(re.compile(source)).first
    assert found >= {"a", "b", "x", "1", " "}


@SETTINGS
@given(TEXTS)
def test_hit_table_gives_every_start_str_find_gives_that_the_lead_allows(text: str) -> None:
    scan = Scan(text)
    if scan.folded is None:
        return
    folded, starts = scan.folded, scan.table[0]
    first_literals = Literals(folded)
    for trigger in TRIGGERS:
        slot = trigger.__dict__.get("_slot")
        if slot is None:
            continue
        words = [w for w in trigger.starts if w not in trigger.__dict__["_others"]]
        found = {at - trigger.back for w in words for at in first_literals.offsets(w) if at >= trigger.back}
        first, not_after, _ = lead(trigger.pattern)
        allowed = {
            at
            for at in found
            if (folded[at] in first or not folded[at].isascii()) and not (at and folded[at - 1] in not_after)
        }
        table = {at for at in starts.get(slot, []) if at >= 0}
        assert allowed <= table <= found, trigger.pattern.pattern


@SETTINGS
@given(TEXTS, st.integers(0, 12))
def test_reach_back_equals_the_walk_over_the_reversed_text(text: str, reach: int) -> None:
    scan = Scan(text)
    for start in range(len(text) + 1):
        assert scan.reach_back(start, reach) == _old_reach_back(text, start, reach), start


def _same(rule: Rule, texts: list[str]) -> None:
    for text in texts:
        found = [(m.span(), m.groupdict()) for m in Scan(text).matches(rule.pattern, rule.trigger)]
        assert found == [(m.span(), m.groupdict()) for m in rule.pattern.finditer(text)], text


OLD_WAY_TEXTS = [
    "We met a fortnight later, then 3 fortnights on; FORTNIGHTLY talks, fortnight-long waits.",
    "Codes 123x and 45x, 6789x at 10:30, and x99x; the Kelvin sign \u212a, ſ and ı fold.",
    "In Quintember the quintember fair opens, two Quintembers after the last one.",
]


def test_rule_declared_the_old_way_matches_as_finditer() -> None:
    """A rule with a Trigger written as other helpers write them: folded words, reach, no scan code."""
    trigger = Trigger(re.compile(r"(?<![a-z])(?:fortnight|quintember)"), 3, True, ("fortnight", "quintember"))
    rule = Rule(
        "test",
        re.compile(r"\b(?i:(?:a|two|\d+)\s+)?(?i:fortnight|quintember)s?\b"),
        lambda m, c: None,
        trigger,
    )
    _same(rule, OLD_WAY_TEXTS)


def test_trigger_made_after_a_document_was_indexed_still_finds_its_word() -> None:
    """A word first known after a text's index was built is found with ``str.find`` for that text."""
    scan = Scan(OLD_WAY_TEXTS[2])
    scan.hits(TRIGGERS[0])  # builds the document's letter-run index
    late = Trigger(re.compile(r"quintembers"), 2, True, ("quintembers", "quintember"))
    rule = Rule("late", re.compile(r"\b(?i:two\s+)?(?i:quintembers)\b"), lambda m, c: None, late)
    found = [m.span() for m in scan.matches(rule.pattern, rule.trigger)]
    assert found == [m.span() for m in rule.pattern.finditer(scan.text)] != []


@pytest.mark.parametrize("reach", [None, 0, 2])
def test_trigger_led_by_a_digit_without_starts_matches_as_finditer(reach: int | None) -> None:
    """With no ``starts``, a trigger whose hits begin with a digit is tried at the digits alone."""
    trigger = Trigger(re.compile(r"\d{2,}x"), reach, False)
    rule = Rule("digits", re.compile(r"\b(?:codes?\s+)?\d+x\b"), lambda m, c: None, trigger)
    _same(rule, OLD_WAY_TEXTS + ["٢٣x and 4٥x", "x", ""])
