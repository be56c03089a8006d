"""The numbers annotator: number expressions as data, with what they count."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from spacy.language import Language
from spacy.tokens import Doc, Token

from annotator import Annotator, AnnotatorOptions, Document
from annotator_numbers import units
from annotator_numbers.compound import join
from annotator_numbers.context import amount_tokens, counted, excluded
from annotator_numbers.model import KINDS, Kind, Number, NumberSpan
from annotator_numbers.scanner import Candidate, scan
from annotator_numbers.scoring import NumbersScorer

# A prior per rule, set by hand (digits are safer than words, vague words least); not calibrated.
CONFIDENCE = {
    "digits": 0.95,
    "digits-scale": 0.95,
    "money": 0.95,
    "percent": 0.95,
    "compound-unit": 0.95,
    "compound-measure": 0.9,
    "minor": 0.9,
    "unit": 0.9,
    "age": 0.9,
    "range": 0.9,
    "words": 0.9,
    "ordinal-digits": 0.9,
    "ordinal-words": 0.85,
    "fraction": 0.85,
    "one-in": 0.85,
    "multiplier": 0.8,
    "vague": 0.8,
}
COUNTING_KINDS = frozenset({"cardinal", "ordinal", "fraction"})


class NumbersOptions(AnnotatorOptions):
    """Options of the numbers annotator."""

    kinds: list[Kind] = list(KINDS)
    counted: bool = True


class NumbersAnnotator(Annotator):
    """Cardinals, ordinals, percentages, money, measures and fractions, with values and counted nouns."""

    name = "numbers"
    version = "0.1.0"
    span_model = NumberSpan
    needs = ("tagger", "parser")
    Options = NumbersOptions

    @classmethod
    def scorer(cls) -> NumbersScorer:
        """Amount, value, kind and unit on overlap matches, and the own-gold exact-match figures."""
        return NumbersScorer()

    def setup(self, nlp: Language) -> None:
        """Build the pint registry once, before the first document."""
        units.registry()

    def annotate(self, document: Document, parsed: Doc) -> Iterable[NumberSpan]:
        """Scan the text, drop what the parse says is not ours, and build one span per number."""
        kinds = set(self.options.kinds)  # type: ignore[attr-defined]
        text = document.text
        spans = []
        for cand in join(text, scan(text)):
            if cand.kind not in kinds or cand.temporal:
                continue  # dates, clock times and durations are the dates plugin's
            tokens = amount_tokens(cand, parsed)  # once for both questions to the parse
            if not excluded(cand, tokens, text):
                spans.append(self._span(cand, tokens, text))
        for i, span in enumerate(spans):
            span.id = self.span_id(i)
        return spans

    def _span(self, cand: Candidate, tokens: list[Token], text: str) -> NumberSpan:
        span = NumberSpan(
            id="",
            start=cand.start,
            end=cand.end,
            text=text[cand.start : cand.end],  # not parsed.text: spaCy rebuilds that string per access
            label=cand.kind.upper(),  # type: ignore[arg-type]
            kind=cand.kind,  # type: ignore[arg-type]
            value=as_number(cand.value),
            low=None if cand.low is None else as_number(cand.low),
            high=None if cand.high is None else as_number(cand.high),
            approx=cand.approx,
            qualifier=cand.qualifier,  # type: ignore[arg-type]
            unit=cand.unit,
            si_value=cand.si_value,
            si_unit=cand.si_unit,
            currency=cand.currency,
            confidence=CONFIDENCE.get(cand.rule, 0.8),
            rule=cand.rule,
        )
        if self.options.counted and cand.kind in COUNTING_KINDS:  # type: ignore[attr-defined]
            found = counted(tokens)
            if found is not None:
                span.counted, span.counted_start, span.counted_end = found.text, found.start, found.end
                span.counted_tokens = found.tokens
        return span


def as_number(value: Decimal) -> Number:
    """An exact int for whole amounts, else the nearest float."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)
