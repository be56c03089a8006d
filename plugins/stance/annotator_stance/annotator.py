"""The stance annotator: who is for or against whom, with the sentence that shows it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from annotator import Annotator, Document
from annotator.evaluation import LayerScorer
from annotator_stance.lexicon import Lexicon, combine, packaged, read_user
from annotator_stance.model import StanceCue, StanceSpan, StanceSummary
from annotator_stance.options import StanceOptions
from annotator_stance.rules import PRONOUN_FACTOR, Finding, WordLists, find
from annotator_stance.summary import summarize_pairs


class StanceAnnotator(Annotator):
    """Stance spans (holder, target, polarity, cue) from a cue lexicon over the dependency parse."""

    name = "stance"
    version = "0.1.0"
    span_model = StanceSpan
    summary_model = StanceSummary
    requires = ("entities", "quotes")
    needs = ("parser", "lemmatizer")
    Options = StanceOptions

    def __init__(self, options: StanceOptions | None = None) -> None:
        super().__init__(options)
        self.opts: StanceOptions = self.options  # type: ignore[assignment]
        self.lexicon = load_lexicon(self.opts)
        self.words = WordLists.of(self.lexicon)
        self.interest = {t.casefold() for t in self.opts.targets}
        self.nli: Any = None

    @classmethod
    def scorer(cls) -> LayerScorer:
        """Score stance as (holder, target, polarity) triples; see :mod:`annotator_stance.scoring`."""
        from annotator_stance.scoring import StanceScorer

        return StanceScorer()

    def setup(self, nlp: Language) -> None:
        """Load the optional NLI backend once per run (the options already checked it is installed)."""
        if self.opts.backend == "nli" and self.opts.nli_model is not None:
            from annotator_stance.nli import NliScorer

            self.nli = NliScorer(self.opts.nli_model)

    def annotate(self, document: Document, parsed: Doc) -> Iterable[StanceSpan]:
        """One span per (holder, target) of each cue, filtered by polarity, score and targets of interest."""
        spans = [s for f in find(document, parsed, self.words) for s in self._spans(document, parsed, f)]
        if self.nli is not None:
            spans = [self.nli.rescore(span, self.lexicon.hedge_factor) for span in spans]
        # Only a filter on targets of interest reads the mention texts.
        mentions = {e.id: e.text for e in document.layer("entities")} if self.interest and spans else {}
        kept = [s for s in spans if self._keep(s, mentions.get(s.target or "", ""))]
        for i, span in enumerate(kept):
            span.id = self.span_id(i)
        return kept

    def summarize(self, document: Document) -> StanceSummary:
        """The per-pair aggregate of this document's stance spans."""
        spans = [s for s in document.layer(self.name) if isinstance(s, StanceSpan)]
        entities = {e.id: e for e in document.layer("entities")}
        return StanceSummary(lexicon_version=self.lexicon.version, pairs=summarize_pairs(spans, entities))

    def _spans(self, document: Document, parsed: Doc, f: Finding) -> Iterator[StanceSpan]:
        start, end = evidence_bounds(document.text, f.token)
        for holder, target in _pairs(f):
            if holder.entity_id != target.entity_id:
                yield self._span(document, f, holder, target, (start, end))

    def _span(
        self, document: Document, f: Finding, holder: Any, target: Any, ev: tuple[int, int]
    ) -> StanceSpan:
        polarity = "neutral" if f.negated else f.cue.polarity
        score = f.cue.weight * (0.5 if f.negated else 1.0) * (self.lexicon.hedge_factor if f.hedged else 1.0)
        score *= PRONOUN_FACTOR if f.holder.rule == "pronoun" else 1.0
        tok = f.token
        return StanceSpan(
            id="",
            start=ev[0],
            end=ev[1],
            text=document.text[ev[0] : ev[1]],
            label="STANCE",
            holder=holder.id,
            holder_canonical=holder.canonical,
            target=target.id,
            target_canonical=target.canonical,
            polarity=polarity,
            cue=StanceCue(start=tok.idx, end=tok.idx + len(tok), text=tok.text, lemma=f.cue.display),
            score=round(score, 4),
            negated=f.negated,
            hedged=f.hedged,
            quote=f.holder.quote,
            confidence=round(score, 4),
            rule=f"{f.holder.rule}:{f.cue.display}",
        )

    def _keep(self, span: StanceSpan, target_text: str) -> bool:
        if span.polarity == "neutral" and not self.opts.keep_neutral:
            return False
        if span.score < self.opts.min_score:
            return False
        names = {span.target_canonical.casefold(), target_text.casefold()}
        return not self.interest or bool(names & self.interest)


def evidence_bounds(text: str, token: Token) -> tuple[int, int]:
    """The cue's sentence, cut at line breaks: a headline and the sentence under it are separate evidence."""
    sent = token.sent
    start = max(sent.start_char, text.rfind("\n", 0, token.idx) + 1)
    newline = text.find("\n", token.idx, sent.end_char)
    end = newline if newline != -1 else sent.end_char
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


def _pairs(f: Finding) -> list[tuple[Any, Any]]:
    """Holder-target pairs; "A and B accused each other" pairs every holder with the others."""
    if f.reciprocal:
        return [(h, t) for h in f.holder.entities for t in f.holder.entities]
    return [(h, t) for h in f.holder.entities for t in f.targets]


def load_lexicon(options: StanceOptions) -> Lexicon:
    """The packaged lexicon, extended or replaced by the user's file."""
    base = packaged()
    if options.lexicon is None:
        return base
    return combine(base, read_user(options.lexicon), options.lexicon_mode)
