"""One-to-one matching: exact offsets first, then the largest overlap, whatever the input order."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given
from hypothesis import strategies as st

from annotator.evaluation import match


@dataclass(frozen=True, order=True)
class S:
    start: int
    end: int


def test_match_takes_the_exact_prediction_before_an_overlapping_one() -> None:
    gold = [S(0, 12), S(13, 20)]
    pred = [S(5, 16), S(0, 12)]
    pairs = match(gold, pred)
    assert [(p.gold, p.pred, p.exact) for p in pairs] == [(0, 1, True), (1, 0, False)]


def test_match_pairs_the_largest_overlap() -> None:
    # "Defence Minister Khawaja Asif": the prediction covering the name wins over the title.
    gold = [S(17, 29)]
    pred = [S(0, 16), S(8, 29)]
    assert [(p.gold, p.pred) for p in match(gold, pred)] == [(0, 1)]


def test_match_never_pairs_one_prediction_twice() -> None:
    gold = [S(0, 5), S(6, 10)]
    pred = [S(0, 10)]
    pairs = match(gold, pred)
    assert len(pairs) == 1 and pairs[0].gold == 0  # 5 characters overlap against 4


def test_match_breaks_a_full_tie_by_offsets_not_by_list_order() -> None:
    # Same overlap (1) and same length difference (1): hypothesis found the pick followed list order.
    gold = [S(10, 12)]
    for pred in ([S(11, 14), S(11, 12)], [S(11, 12), S(11, 14)]):
        assert [pred[p.pred] for p in match(gold, pred)] == [S(11, 12)]


def test_match_ignores_touching_spans() -> None:
    assert match([S(0, 5)], [S(5, 9)]) == []


spans = st.lists(
    st.tuples(st.integers(0, 40), st.integers(1, 12)).map(lambda t: S(t[0], t[0] + t[1])), max_size=12
)


@given(spans, spans, st.randoms())
def test_match_is_one_to_one_maximal_and_independent_of_order(gold: list[S], pred: list[S], rnd) -> None:
    pairs = match(gold, pred)
    assert len({p.gold for p in pairs}) == len(pairs) == len({p.pred for p in pairs})
    for p in pairs:
        g, q = gold[p.gold], pred[p.pred]
        assert g.start < q.end and q.start < g.end
        assert p.exact == ((g.start, g.end) == (q.start, q.end))
    free_gold = [g for i, g in enumerate(gold) if i not in {p.gold for p in pairs}]
    free_pred = [q for i, q in enumerate(pred) if i not in {p.pred for p in pairs}]
    assert not any(g.start < q.end and q.start < g.end for g in free_gold for q in free_pred)
    # Every offset pair both sides share is an exact match, however the lists are ordered.
    shared = sum(min(gold.count(s), pred.count(s)) for s in set(gold))
    assert sum(p.exact for p in pairs) == shared
    shuffled = list(pred)
    rnd.shuffle(shuffled)
    again = match(gold, shuffled)
    assert sorted((gold[p.gold], shuffled[p.pred]) for p in again) == sorted(
        (gold[p.gold], pred[p.pred]) for p in pairs
    )
