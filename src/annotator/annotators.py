"""The class every annotator subclasses: what it declares, and the one method the host calls."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, ClassVar

from pydantic import AfterValidator, BaseModel, ConfigDict, ValidationInfo

from annotator.spans import Span

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from annotator.document import Document
    from annotator.evaluation import LayerScorer


def _resolve_config_path(value: Path, info: ValidationInfo) -> Path:
    """Resolve against the config file's folder (validation context ``config_dir``); must exist."""
    base = (info.context or {}).get("config_dir")
    path = value if value.is_absolute() or base is None else Path(base) / value
    if not path.exists():
        raise ValueError(f"{path} does not exist")
    return path


ConfigPath = Annotated[Path, AfterValidator(_resolve_config_path)]
"""An option holding a file or folder path: relative paths resolve against the config file's folder,
so a config and its gazetteers or lexicons can move together; a missing path is an option error."""


class AnnotatorOptions(BaseModel):
    """Base of every annotator's options: unknown keys are an error, not a silent no-op."""

    model_config = ConfigDict(extra="forbid")


class Annotator(ABC):
    """One layer of spans over a document.

    Subclasses declare, as class attributes, ``name`` (also the layer name), ``version``,
    ``span_model`` (a :class:`~annotator.Span` subclass), ``requires`` (layers of other annotators
    they read, which run first), ``needs`` (spaCy components such as ``"ner"`` or ``"parser"``;
    the host enables only what the selected annotators need) and ``Options``. The host creates
    one instance per run with validated options, calls :meth:`setup` once with the loaded
    pipeline, then :meth:`annotate` once per document, and checks every returned span before it
    enters the document. An annotator with a document-level result (e.g. aggregated stance per
    pair of actors) also declares ``summary_model`` and implements :meth:`summarize`.
    """

    name: ClassVar[str]
    version: ClassVar[str] = "0.0.0"
    span_model: ClassVar[type[Span]] = Span
    requires: ClassVar[tuple[str, ...]] = ()
    needs: ClassVar[tuple[str, ...]] = ()
    Options: ClassVar[type[AnnotatorOptions]] = AnnotatorOptions
    summary_model: ClassVar[type[BaseModel] | None] = None
    scored_attributes: ClassVar[tuple[str, ...]] = ()

    def __init__(self, options: AnnotatorOptions | None = None) -> None:
        self.options = options if options is not None else self.Options()

    @classmethod
    def from_config(cls, raw: dict[str, Any] | None, context: dict[str, Any] | None = None) -> Annotator:
        """Validate raw options (from a config file or the API) and build the annotator."""
        options = cls.Options.model_validate(raw or {}, context=context or {})
        return cls(options)

    def setup(self, nlp: Language) -> None:  # noqa: B027 - optional hook, empty on purpose
        """Prepare anything that needs the loaded pipeline (matchers, vocab); called once per run."""

    @abstractmethod
    def annotate(self, document: Document, parsed: Doc) -> Iterable[Span]:
        """Return this layer's spans for one document.

        ``document`` already holds the layers named in ``requires``; ``parsed`` is the shared
        spaCy parse of ``document.text``. Give each span an id unique in the document, e.g.
        with :meth:`span_id`.
        """

    def summarize(self, document: Document) -> BaseModel | None:
        """Optionally return a document-level summary of this layer (an instance of ``summary_model``).

        Called after :meth:`annotate` succeeded, with the layer already in ``document``; the result
        is stored in ``document.summaries[name]``.
        """
        return None

    @classmethod
    def scorer(cls) -> LayerScorer:
        """How ``annotator evaluate`` scores this layer against gold.

        The default scores spans and labels, and on matched spans the fields named in
        ``scored_attributes``. Override it to return a :class:`~annotator.evaluation.SpanScorer`
        subclass with layer-specific figures (clusters, speakers, triples); a new scorer is asked
        for every evaluation, so it may keep counts.
        """
        from annotator.evaluation import Attribute, SpanScorer

        return SpanScorer(tuple(Attribute(name) for name in cls.scored_attributes))

    def span_id(self, index: int) -> str:
        """A document-unique span id for this layer: ``"<name>-<index>"``."""
        return f"{self.name}-{index}"
