"""The interval helpers answer exactly what a scan of every interval would."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotator.intervals import IntervalGrid, IntervalIndex

intervals = st.lists(
    st.tuples(st.integers(0, 80), st.integers(1, 30)).map(lambda p: (p[0], p[0] + p[1])), max_size=15
)
queries = st.lists(
    st.tuples(st.integers(0, 100), st.integers(1, 20)).map(lambda p: (p[0], p[0] + p[1])), max_size=15
)


@given(intervals, queries)
def test_interval_index_matches_a_scan(spans: list[tuple[int, int]], asks: list[tuple[int, int]]) -> None:
    index = IntervalIndex(spans[: len(spans) // 2])
    for start, end in spans[len(spans) // 2 :]:
        index.add(start, end)
    for start, end in asks:
        assert index.overlaps(start, end) == any(s < end and start < e for s, e in spans)
        assert index.contains(start, end) == any(s <= start and end <= e for s, e in spans)
        assert index.covers(start) == any(s <= start < e for s, e in spans)


@given(intervals, queries, st.data())
def test_interval_grid_lists_exactly_the_overlapping_items(
    spans: list[tuple[int, int]], asks: list[tuple[int, int]], data: st.DataObject
) -> None:
    grid: IntervalGrid[int] = IntervalGrid()
    for i, (start, end) in enumerate(spans):
        grid.add(start, end, i)
    removed = set(data.draw(st.sets(st.integers(0, max(len(spans) - 1, 0)))) if spans else set())
    for i in removed:
        grid.remove(*spans[i], i)
    for start, end in asks:
        expected = {i for i, (s, e) in enumerate(spans) if i not in removed and s < end and start < e}
        assert set(grid.overlapping(start, end)) == expected
