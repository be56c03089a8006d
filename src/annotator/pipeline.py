"""The reusable annotation pipeline: one spaCy parse per document, annotators in dependency order.

Used by the CLI, the Python API and the parallel engines alike. Every span an annotator returns
is checked before it enters the document; an annotator that raises, returns bad spans or changes
the text or another layer (see :mod:`annotator.guard`) loses its layer for that document only, and
the error names it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from annotator.annotators import Annotator
from annotator.document import AnnotatorRun, Document, DocumentError, PipelineInfo, check_new_layer
from annotator.errors import AnnotatorError, ConfigError, SpanError
from annotator.guard import DocumentGuard, guarded
from annotator.ordering import order_annotators
from annotator.parsing import DEFAULT_MODEL, load_pipeline, pipeline_label
from annotator.records import InputDocument
from annotator.registry import Registry, build_registry

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

OnError = Literal["raise", "record", "skip"]
DEFAULT_BATCH_SIZE = 32  # measured fastest for news-sized documents; see docs/performance.md
CHUNK_CHARS = 100_000  # longer texts are parsed in chunks of at most this size; see docs/reliability.md
BREAKS = ("\n\n", "\n", ". ", " ")  # preferred chunk ends: paragraph, line, sentence-ish, word


class Pipeline:
    """Selected annotators plus the shared spaCy pipeline, ready to annotate many documents."""

    def __init__(
        self,
        plugins: Sequence[str] | None = None,
        model: str = DEFAULT_MODEL,
        options: Mapping[str, Mapping[str, Any]] | None = None,
        registry: Registry | None = None,
        batch_size: int = DEFAULT_BATCH_SIZE,
        on_error: OnError = "record",
        config_dir: Path | None = None,
    ) -> None:
        self.registry = registry if registry is not None else build_registry()
        available = {name: reg.obj for name, reg in self.registry.annotators.items()}
        names = list(plugins) if plugins else sorted(available)
        self.order = order_annotators(names, available)
        self.annotators = _instantiate(self.order, available, options or {}, config_dir)
        self.model = model
        self.batch_size = batch_size
        self.on_error = on_error
        self.nlp: Language = load_pipeline(model, frozenset(n for a in self.annotators for n in a.needs))
        self.chunk_chars = min(CHUNK_CHARS, self.nlp.max_length)
        for ann in self.annotators:
            ann.setup(self.nlp)
        self.runs = self._provenance()

    def _provenance(self) -> list[AnnotatorRun]:
        name, version = pipeline_label(self.nlp)
        info = PipelineInfo(name=name, version=version, components=list(self.nlp.pipe_names))
        return [
            AnnotatorRun(
                name=a.name,
                plugin=self.registry.annotators[a.name].plugin,
                version=a.version,
                options=a.options.model_dump(mode="json"),
                spacy=info,
            )
            for a in self.annotators
        ]

    def __call__(self, text: str, doc_id: str = "doc-0", meta: Mapping[str, Any] | None = None) -> Document:
        """Annotate one text."""
        return next(self.annotate([InputDocument(id=doc_id, text=text, meta=dict(meta or {}))]))

    def annotate(self, inputs: Iterable[InputDocument]) -> Iterator[Document]:
        """Annotate a stream of documents in input order, a batch at a time (memory stays bounded)."""
        it = iter(inputs)
        while batch := list(islice(it, self.batch_size)):
            yield from self.annotate_batch(batch)

    def annotate_batch(
        self, batch: Sequence[InputDocument], skips: Sequence[Mapping[str, str]] | None = None
    ) -> list[Document]:
        """Parse a batch with spaCy once, then run every annotator on each document.

        ``skips`` (one mapping per document, annotator name -> reason) leaves annotators out of a
        document, each noted as its error: the engines use it to annotate a document again
        without the annotator that hung on it."""
        parsed = self._parse([d.text for d in batch])
        per_doc = skips if skips is not None else [{}] * len(batch)
        return [
            self.annotate_parsed(inp, doc, skip)
            for inp, doc, skip in zip(batch, parsed, per_doc, strict=True)
        ]

    def _parse(self, texts: list[str]) -> list[Doc]:
        """Parse with one ``nlp.pipe`` call; texts over ``chunk_chars`` go through :meth:`_parse_long`."""
        short = [t for t in texts if len(t) <= self.chunk_chars]
        parsed = iter(list(self.nlp.pipe(short, batch_size=self.batch_size)))
        return [next(parsed) if len(t) <= self.chunk_chars else self._parse_long(t) for t in texts]

    def _parse_long(self, text: str) -> Doc:
        """Parse paragraph-aligned chunks and join them into one Doc whose text is exactly ``text``.

        spaCy refuses texts over ``nlp.max_length`` and the parser's working memory grows with the
        text, so each chunk is parsed alone; the joined Doc keeps every character, so offsets need
        no mapping and the annotators see one parse, as for any other document.
        """
        from spacy.tokens import Doc

        chunks = [text[a:b] for a, b in chunk_bounds(text, self.chunk_chars)]
        return Doc.from_docs(list(self.nlp.pipe(chunks, batch_size=1)), ensure_whitespace=False)

    def annotate_parsed(
        self, inp: InputDocument, parsed: Doc, skip: Mapping[str, str] | None = None
    ) -> Document:
        """Run the annotators, in order, over one parsed document (leaving out those in ``skip``)."""
        document = Document(
            id=inp.id,
            text=inp.text,
            meta=dict(inp.meta),
            source=inp.source,
            normalized=list(inp.normalized),
            annotated_by=[run.model_copy() for run in self.runs],
        )
        guard = DocumentGuard(document)
        for ann in self.annotators:
            if skip and ann.name in skip:
                document.errors.append(
                    DocumentError(stage="annotate", reason=skip[ann.name], annotator=ann.name)
                )
                continue
            self._run_one(ann, document, parsed, guard)
        return document

    def _run_one(self, ann: Annotator, document: Document, parsed: Doc, guard: DocumentGuard) -> None:
        try:
            spans = guarded(guard, document, ann.name, lambda: list(ann.annotate(document, parsed)))
            check_layer(ann, document, spans)
        except Exception as exc:  # noqa: BLE001 - one annotator must not sink the document
            if self.on_error == "raise":
                raise AnnotatorError(
                    f"annotator {ann.name!r} failed on document {document.id!r}: {exc}"
                ) from exc
            stage = "validate" if isinstance(exc, SpanError) else "annotate"
            reason = f"{type(exc).__name__}: {exc}" if not isinstance(exc, AnnotatorError) else str(exc)
            document.errors.append(DocumentError(stage=stage, reason=reason, annotator=ann.name))
            return
        document.spans[ann.name] = spans
        guard.commit_layer(document, ann.name)
        self._summarize(ann, document, guard)

    def _summarize(self, ann: Annotator, document: Document, guard: DocumentGuard) -> None:
        try:
            if type(ann).summarize is Annotator.summarize:
                return  # the default returns None and reads nothing: no need to check it
            summary = guarded(guard, document, ann.name, lambda: ann.summarize(document))
            if (
                summary is not None
                and ann.summary_model is not None
                and not isinstance(summary, ann.summary_model)
            ):
                raise SpanError(f"summary is {type(summary).__name__}, not {ann.summary_model.__name__}")
        except Exception as exc:  # noqa: BLE001 - the layer stays; only the summary is lost
            if self.on_error == "raise":
                raise AnnotatorError(
                    f"annotator {ann.name!r} summary failed on {document.id!r}: {exc}"
                ) from exc
            document.errors.append(
                DocumentError(stage="summarize", reason=f"{type(exc).__name__}: {exc}", annotator=ann.name)
            )
            return
        if summary is not None:
            document.summaries[ann.name] = summary
            guard.commit_summary(document, ann.name)


def check_layer(ann: Annotator, document: Document, spans: list[Any]) -> None:
    """Raise SpanError unless every span is of the annotator's model and fits the document."""
    for span in spans:
        if not isinstance(span, ann.span_model):
            raise SpanError(
                f"annotator {ann.name!r} returned {type(span).__name__}, not its span model "
                f"{ann.span_model.__name__}"
            )
    known = {span.id for layer in document.spans.values() for span in layer}
    check_new_layer(document.text, ann.name, spans, known)


def chunk_bounds(text: str, size: int) -> list[tuple[int, int]]:
    """``(start, end)`` pairs that cover ``text`` exactly, each at most ``size`` long, ending at a break.

    A chunk ends after the last paragraph break that fits, else the last line break, sentence end
    or space; only a text with none of them is cut at ``size``.
    """
    bounds, start = [], 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = next((window.rfind(b) + len(b) for b in BREAKS if window.rfind(b) > 0), size)
        bounds.append((start, start + cut))
        start += cut
    bounds.append((start, len(text)))
    return bounds


def _instantiate(
    order: Sequence[str],
    available: Mapping[str, type[Annotator]],
    options: Mapping[str, Mapping[str, Any]],
    config_dir: Path | None,
) -> list[Annotator]:
    unknown = sorted(set(options) - set(available))
    if unknown:
        raise ConfigError(f"Options given for unknown annotator(s) {', '.join(unknown)}.")
    context = {"config_dir": config_dir or Path.cwd()}
    built = []
    for name in order:
        try:
            built.append(available[name].from_config(dict(options.get(name, {})), context))
        except ValueError as exc:
            raise ConfigError(f"Invalid options for annotator {name!r}: {_first_error(exc)}") from exc
    return built


def _first_error(exc: ValueError) -> str:
    errors = getattr(exc, "errors", None)
    if callable(errors):
        first = errors()[0]
        loc = ".".join(str(p) for p in first.get("loc", ()))
        return f"{loc}: {first.get('msg')}" if loc else str(first.get("msg"))
    return str(exc)
