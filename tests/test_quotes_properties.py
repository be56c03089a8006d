"""Invariants of quote spans on generated text: inside the document, within their paragraph."""

from __future__ import annotations

from annotator_quotes.marks import find_regions
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.testing import run_annotator, spans_of

SENTENCES = [
    "“We will not back down,” Defence Minister Khawaja Asif said.",
    "Analysts say the truce is fragile.",
    "The talks “failed to bring any functional solution.",
    "Nobody knew where to run,” said Fatima Noor.",
    "‘It was a strategic pause,’ the general told reporters.",
    '"Our patience has limits," he wrote on X.',
    "The so-called “peace dividend never arrived.",
    "“The first part ends here.",
    "A Pakistani security official said the border would stay closed.",
    "He added: «We are not afraid.»",
    "Stray ” marks and ' apostrophes ’ appear here.",
]
paragraph = st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=3).map(" ".join)
document = st.lists(paragraph, min_size=1, max_size=5).map("\n".join)


def _breaks_allowed(text: str, start: int, end: int) -> bool:
    """A span may cross more paragraph breaks than one only if every continued paragraph opens with a mark.

    Blank lines (empty or spaces only) are not paragraphs, as in ``marks.paragraphs``.
    """
    continued = [line for line in text[start:end].split("\n")[1:] if line.strip()]
    return len(continued) <= 1 or all(line[:1] in '“"«' for line in continued)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document)
def test_quotes_spans_stay_inside_document_and_paragraphs(text: str) -> None:
    for span in spans_of(run_annotator("quotes", text), "quotes"):
        assert 0 <= span.start < span.end <= len(text)
        assert _breaks_allowed(text, span.start, span.end)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab \n“”\"'‘’«»,.", max_size=80))
def test_quotes_regions_of_arbitrary_marks_stay_in_paragraph_unless_continued(text: str) -> None:
    for region in find_regions(text):
        assert 0 <= region.start < region.end <= len(text)
        assert _breaks_allowed(text, region.start, region.end)
        assert (region.paragraphs > 1) == ("\n" in text[region.start : region.end])
