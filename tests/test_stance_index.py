"""The stance entity index finds quotes by bisection exactly as a scan of the quotes layer would."""

from __future__ import annotations

from annotator_stance.actors import EntityIndex
from hypothesis import given
from hypothesis import strategies as st

from annotator import Document, Span, span_ref

TEXT = "x" * 120


class QuoteLike(Span):
    """Just the fields the index reads."""

    speaker: str | None = span_ref("Speaker.", default=None)


def scan(document: Document, offset: int) -> Span | None:
    """The obvious definition: first quote in layer order holding the offset, with a speaker."""
    for quote in document.layer("quotes"):
        if quote.start <= offset < quote.end and quote.speaker:  # type: ignore[attr-defined]
            return quote
    return None


quotes = st.lists(st.tuples(st.integers(0, 110), st.integers(1, 60), st.booleans()), max_size=12)


@given(quotes)
def test_stance_index_quote_at_equals_a_scan_of_the_layer(specs: list[tuple[int, int, bool]]) -> None:
    speaker = Span(id="e0", start=0, end=1, text="x", label="PERSON")
    layer = [
        QuoteLike(
            id=f"q{i}",
            start=s,
            end=min(s + n, 120),
            text=TEXT[s : min(s + n, 120)],
            label="QUOTE",
            speaker="e0" if has else None,
        )
        for i, (s, n, has) in enumerate(specs)
    ]
    document = Document(id="d", text=TEXT, spans={"entities": [speaker], "quotes": layer})
    index = EntityIndex(document)
    for offset in range(121):
        assert index.quote_at(offset) is scan(document, offset)
