"""The prefilter's tokens, word starts and digits from one array pass (speed3) are exactly ``re``'s.

``char_classes`` replaces three ``re`` passes per document (``\\S+`` tokens, ``\\b\\w`` word
starts, ``\\d`` digits, the last once for the text and once for its folded copy);
tests/test_dates_prefilter.py checks every rule's matches against ``finditer`` on top of them.
"""

from __future__ import annotations

import re

import pytest
from annotator_dates.char_classes import DIGIT, SPACE, WORD, CharClasses
from annotator_dates.prefilter import Scan
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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
