"""The entities annotator: the model's names, made whole and consistent across the document."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from annotator import Annotator, Document
from annotator.intervals import IntervalIndex
from annotator_entities import caps, contexts, tables
from annotator_entities.acronyms import find_definitions
from annotator_entities.clusters import Cluster, cluster
from annotator_entities.consistency import propagate, relabel_demonyms, vote
from annotator_entities.datelines import dateline_places
from annotator_entities.evidence import Lexicon, lexicon, weigh_heading
from annotator_entities.gazetteer import Gazetteer, read_patterns
from annotator_entities.mentions import Mention, merge, model_mentions
from annotator_entities.model import EntitySpan
from annotator_entities.options import EntitiesOptions


class EntitiesAnnotator(Annotator):
    """Named entity mentions (OntoNotes name labels) with a per-document entity id and canonical name."""

    name = "entities"
    version = "0.2.0"
    span_model = EntitySpan
    requires = ("blocks",)
    needs = ("ner",)
    Options = EntitiesOptions

    def __init__(self, options: Any = None) -> None:
        super().__init__(options)
        self.gazetteer: Gazetteer | None = None
        self.lexicon: Lexicon | None = None

    @property
    def opts(self) -> EntitiesOptions:
        """The validated options, typed."""
        return self.options  # type: ignore[return-value]

    def setup(self, nlp: Language) -> None:
        """Build the gazetteer's matcher once (it runs on the shared parse) and read the dictionary."""
        self.lexicon = lexicon()
        if self.opts.gazetteer is not None:
            self.gazetteer = Gazetteer(nlp, read_patterns(self.opts.gazetteer), self.opts.gazetteer_attr)

    def annotate(self, document: Document, parsed: Doc) -> Iterable[EntitySpan]:
        """Collect mentions, cluster them, settle one label per entity, and emit one span each."""
        skipped, weighed = self._strict_regions(document)
        mentions = self._mentions(document.text, parsed, skipped, weighed)
        datelines = [(b.start, b.end) for b in document.layer("blocks") if b.label == "DATELINE"]
        places = dateline_places(document.text, datelines) if datelines else []
        if places:
            mentions = merge(places, mentions)
        definitions = find_definitions(document.text, mentions)
        mentions = merge([d.long_form for d in definitions], mentions)
        mentions = caps.weigh(document.text, tables.split_rows(document.text, mentions))
        relabel_demonyms(mentions)
        contexts.mark(document.text, mentions)
        acronyms = {d.acronym: d.long_form.text for d in definitions}
        clusters = cluster(mentions, acronyms, self.opts.fuzzy)
        propagate(document.text, clusters, acronyms, skipped + weighed)
        _mark_acronyms(clusters, acronyms)
        return self._spans(clusters)

    def _strict_regions(self, document: Document) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """Title-case lines of ``skip_blocks`` and of ``weigh_blocks``: there capitals do not mark names.

        An all-capitals line says nothing by its capitals either way, so its mentions are kept and
        weighed in the vote by the model alone (see ``caps``).
        """
        skip, weigh = set(self.opts.skip_blocks), set(self.opts.weigh_blocks)
        skipped: list[tuple[int, int]] = []
        weighed: list[tuple[int, int]] = []
        for b in document.layer("blocks"):
            if (b.label in skip or b.label in weigh) and not b.text.isupper() and title_case(b.text):
                (skipped if b.label in skip else weighed).append((b.start, b.end))
        return skipped, weighed

    def _mentions(
        self, text: str, parsed: Doc, skipped: list[tuple[int, int]], weighed: list[tuple[int, int]]
    ) -> list[Mention]:
        """Model mentions less furniture and heading words with evidence against them, plus the gazetteer."""
        skip, weigh = IntervalIndex(skipped), IntervalIndex(weighed)
        found = []
        for m in model_mentions(parsed, set(self.opts.labels), text):
            if skipped and skip.contains(m.start, m.end):
                continue
            kept = weigh_heading(m, text, self.lexicon) if weighed and weigh.contains(m.start, m.end) else m
            if kept is not None:
                found.append(kept)
        if self.gazetteer is None:
            return found
        matches = [m for m in self.gazetteer.match(parsed) if m.label in self.opts.labels]
        return merge(matches, found)

    def _spans(self, clusters: list[Cluster]) -> list[EntitySpan]:
        """One span per mention in text order, each built once with its final id."""
        rows: list[tuple[Mention, _Entity]] = []
        for number, c in enumerate(sorted(clusters, key=lambda c: c.mentions[0].start), start=1):
            entity = _Entity(c, f"E{number}")
            rows.extend((m, entity) for m in c.mentions)
        rows.sort(key=lambda row: (row[0].start, row[0].end))
        return [entity.span(m, self.span_id(i)) for i, (m, entity) in enumerate(rows)]


def _mark_acronyms(clusters: list[Cluster], acronyms: dict[str, str]) -> None:
    """Occurrences of a defined acronym are in their entity because of the definition: rule ``acronym``."""
    for c in clusters:
        for m in c.mentions:
            if m.text in acronyms and m.rule in ("model", "document"):
                m.rule = "acronym"


def title_case(text: str) -> bool:
    """Most words of four letters or more are capitalised ("Pakistan Blames Kabul for Inaction")."""
    words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", text) if len(w) >= 4]
    return not words or sum(w[0].isupper() for w in words) >= 0.6 * len(words)


class _Entity:
    """What every span of one entity shares: its id, voted label and share, canonical name and aliases.

    Its first span is validated in full; the others are copies of it (``model_copy``, several
    times cheaper than validating again) that differ only in fields checked elsewhere: the
    offsets and text, which the host checks on every span against the document, the id, which
    it checks for uniqueness, and the rule, one of this plugin's own names. A gazetteer mention,
    whose confidence differs from the entity's share, is always validated in full.
    """

    def __init__(self, c: Cluster, entity_id: str) -> None:
        self.entity_id = entity_id
        self.label, self.share = vote(c)
        self.canonical, self.kb_id = c.canonical, c.kb_id  # once: each walks the mentions
        self.aliases = sorted({m.text for m in c.mentions} - {self.canonical})
        self.first: EntitySpan | None = None  # the validated span the others copy

    def span(self, m: Mention, span_id: str) -> EntitySpan:
        """The span of one mention of the entity."""
        confidence = 1.0 if m.rule == "gazetteer" else self.share
        rule = "vote" if m.rule == "model" and m.label != self.label else m.rule
        if self.first is not None and confidence == self.share:
            update = {"id": span_id, "start": m.start, "end": m.end, "text": m.text, "rule": rule}
            update["aliases"] = list(self.aliases)  # each span owns its list, as validation gives
            return self.first.model_copy(update=update)
        span = EntitySpan(
            id=span_id,
            start=m.start,
            end=m.end,
            text=m.text,
            label=self.label,
            entity_id=self.entity_id,
            canonical=self.canonical,
            kb_id=self.kb_id,
            aliases=self.aliases,
            confidence=confidence,
            rule=rule,
        )
        if self.first is None and confidence == self.share:
            self.first = span
        return span
