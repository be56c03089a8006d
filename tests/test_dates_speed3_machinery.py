"""The faster matching machinery (speed3) finds exactly what the rule-by-rule scan and ``re`` find.

Three parts changed: rules are tried from a plan grouped by trigger (``rule_plan``), a pattern's
match may be refused on its first two characters (``pair_leads``), and the text's tokens, word starts
and digits come from one array pass (``char_classes``). Each is checked against what it replaces.
"""

from __future__ import annotations

import re

import pytest
from annotator_dates.annotator import RULES
from annotator_dates.char_classes import DIGIT, SPACE, WORD, CharClasses
from annotator_dates.pair_leads import pair_lead
from annotator_dates.prefilter import Scan
from annotator_dates.rule_plan import plan, plan_matches
from annotator_dates.timex import Rule
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_dates_prefilter import TEXTS

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NEWS = [
    "The ministry said on Tuesday that talks would resume next week, two years after they collapsed.",
    "Shares fell 3% in early trading at 9:30 a.m. on Oct. 14, 2024, before recovering by mid-afternoon.",
    "In a 2012 e-mail, the senator wrote that the 1990s had been the decade of the bond market.",
    "Net income rose in the third quarter from $5 million a year earlier, the company said Thursday.",
    "The ceasefire, agreed on 20.11.2025 in Doha, lasted until Saturday night; 18 hours later it broke.",
    "Polls open at 7 a.m. and close at eight tonight; results are due within 48 hours, officials said.",
    "İstanbul's mayor said the ferry strike of 3–5 March cost the city ¥2bn — far more than last year’s.",
    "Ramadan begins around March 1 this year, and Eid al-Fitr falls on the 31st, clerics said.",
]


def _matches(found: list[re.Match[str]]) -> list[tuple[tuple[int, int], str]]:
    return [(m.span(), m.group()) for m in found]


@pytest.mark.parametrize("text", NEWS)
def test_plan_matches_equal_scan_matches_rule_by_rule(text: str) -> None:
    planned = plan_matches(Scan(text), RULES)
    for rule, found in zip(RULES, planned, strict=True):
        assert _matches(found) == _matches(Scan(text).matches(rule.pattern, rule.trigger)), rule.name


@SETTINGS
@given(TEXTS)
def test_plan_matches_equal_scan_matches_on_lexicon_text(text: str) -> None:
    for rule, found in zip(RULES, plan_matches(Scan(text), RULES), strict=True):
        assert _matches(found) == _matches(Scan(text).matches(rule.pattern, rule.trigger)), rule.name


def test_plan_groups_every_rule_once_by_trigger() -> None:
    made = plan(RULES)
    indexes = [m.index for _, reaches in made.triggered for _, members in reaches for m in members]
    indexes += [index for index, _ in made.untriggered]
    assert sorted(indexes) == list(range(len(RULES)))
    assert len(made.triggered) < sum(1 for rule in RULES if rule.trigger is not None)


@pytest.mark.parametrize("rule", RULES, ids=[f"{i:03d}-{r.name}" for i, r in enumerate(RULES)])
def test_pair_lead_never_refuses_a_rule_match_on_news(rule: Rule) -> None:
    allowed = pair_lead(rule.pattern)
    if allowed is None:
        return
    for text in NEWS:
        for m in rule.pattern.finditer(text):
            pair = text[m.start() : m.start() + 2]
            assert not pair.isascii() or pair in allowed, (rule.name, m.group())


@pytest.mark.parametrize(
    ("source", "refused", "allowed"),
    [
        (r"(?:the|two)\s+weeks", ["to", "ta", "we"], ["th", "tw"]),
        (r"\d{4}-\d\d", ["1a", "a1", "-1"], ["19", "20"]),
        (r"(?i:mid)-?(?:march|may)", ["mo", "ma"], ["mi", "MI", "Mi"]),
        (r"a(?=b)c?", [], ["a", "ab", "ax"]),  # an assert is skipped: what it refuses is let through
        (r"x{3,}", ["xy"], ["xx"]),
    ],
)
def test_pair_lead_refuses_only_impossible_beginnings(
    source: str, refused: list[str], allowed: list[str]
) -> None:
    pairs = pair_lead(re.compile(source))
    assert pairs is not None
    assert [p for p in refused if p in pairs] == []
    assert [p for p in allowed if p not in pairs] == []


def test_pair_lead_gives_up_on_a_back_reference() -> None:
    assert pair_lead(re.compile(r"(a)\1")) is None


@pytest.mark.parametrize(
    "text", [*NEWS, "", " ", "x", "  two  spaces\t\nand tabs\u00a0nbsp\u2003em", "٣ أيام 12"]
)
def test_char_classes_equal_re(text: str) -> None:
    classes = CharClasses(text)
    tokens = [m.span() for m in re.finditer(r"\S+", text)]
    assert classes.runs(SPACE, value=False) == ([a for a, _ in tokens], [b for _, b in tokens])
    assert classes.runs(WORD)[0] == [m.start() for m in re.finditer(r"\b\w", text)]
    assert classes.positions(DIGIT) == [m.start() for m in re.finditer(r"\d", text)]


@SETTINGS
@given(st.text(max_size=80))
def test_char_classes_equal_re_on_any_text(text: str) -> None:
    classes = CharClasses(text)
    assert classes.runs(WORD)[0] == [m.start() for m in re.finditer(r"\b\w", text)]
    assert classes.positions(DIGIT) == [m.start() for m in re.finditer(r"\d", text)]
    assert classes.runs(SPACE, value=False)[0] == [m.start() for m in re.finditer(r"\S+", text)]


@pytest.mark.parametrize("text", NEWS)
def test_scan_digits_are_those_of_the_folded_text_too(text: str) -> None:
    scan = Scan(text)
    folded = scan.folded if scan.folded is not None else ""  # "İ" lowers to two characters: no fold
    for literals, target in ((scan._literals[True], folded), (scan._literals[False], text)):
        assert literals.digits == [m.start() for m in re.finditer(r"\d", target)]
