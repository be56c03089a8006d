"""The entities annotator: spaCy NER mentions of names, trimmed and clustered per document."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc

from annotator import Annotator, AnnotatorOptions, Document
from annotator_entities.clusters import Mention, cluster
from annotator_entities.model import NAME_LABELS, EntitySpan
from annotator_entities.trimming import trim


class EntitiesOptions(AnnotatorOptions):
    """Options of the entities annotator."""

    labels: list[str] = list(NAME_LABELS)


class EntitiesAnnotator(Annotator):
    """Named entity mentions (OntoNotes name labels) with a per-document entity id and canonical name."""

    name = "entities"
    version = "0.1.0"
    span_model = EntitySpan
    needs = ("ner",)
    Options = EntitiesOptions

    def annotate(self, document: Document, parsed: Doc) -> Iterable[EntitySpan]:
        """Trim each model mention to its name, cluster the mentions, and emit one span each."""
        labels = set(self.options.labels)  # type: ignore[attr-defined]
        mentions = [m for ent in parsed.ents if ent.label_ in labels for m in _mention(ent)]
        spans: list[EntitySpan] = []
        for group in cluster(document.text, mentions):
            for m in group.mentions:
                spans.append(
                    EntitySpan(
                        id="",
                        start=m.start,
                        end=m.end,
                        text=m.text,
                        label=group.label,
                        entity_id=group.key,
                        canonical=group.canonical,
                        rule="model",
                    )
                )
        spans.sort(key=lambda s: (s.start, s.end))
        for i, span in enumerate(spans):
            span.id = self.span_id(i)
        return spans


def _mention(ent: object) -> list[Mention]:
    trimmed = trim(ent)  # type: ignore[arg-type]
    if trimmed is None:
        return []
    return [Mention(trimmed.start_char, trimmed.end_char, trimmed.text, trimmed.label_)]
