"""Invariants of the stance layer over the hand-written gold sentences (hypothesis)."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.testing import run_annotator

GOLD = Path(__file__).resolve().parents[1] / "benchmarks" / "gold" / "stance_sentences.jsonl"
RECORDS = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
SENTENCES = [r["text"] for r in RECORDS]
CLEAR = [r["text"] for r in RECORDS if r["kind"] in ("clear", "two-holders") and r["triples"]]


@settings(max_examples=15, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=3))
def test_stance_spans_hold_their_cue_and_a_bounded_score(texts: list[str]) -> None:
    doc = run_annotator("stance", " ".join(texts))
    entities = {e.id for e in doc.layer("entities")}
    for span in doc.layer("stance"):
        assert span.start <= span.cue.start < span.cue.end <= span.end
        assert doc.text[span.cue.start : span.cue.end] == span.cue.text
        assert 0.0 <= span.score <= 1.0
        assert {span.holder, span.target} <= entities and span.holder != span.target


@settings(max_examples=12, deadline=None, derandomize=True)
@given(st.sampled_from(CLEAR))
def test_stance_hedge_word_weakens_without_flipping_or_dropping(text: str) -> None:
    plain = run_annotator("stance", text).layer("stance")
    first = plain[0]
    hedged_text = f"{text[: first.cue.start]}reportedly {text[first.cue.start :]}"
    # Match on the (shifted) cue and the target: the NER may name the holder differently.
    shift = len("reportedly ")
    after = run_annotator("stance", hedged_text).layer("stance")
    same = next(
        (s for s in after if s.cue.start == first.cue.start + shift and s.target == first.target), None
    )
    assert same is not None, hedged_text
    assert (same.polarity, same.hedged) == (first.polarity, True)
    assert same.score < first.score
