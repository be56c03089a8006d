"""The Python entry point for notebooks and services: annotate texts without the CLI."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, overload

from annotator.parsing import DEFAULT_MODEL
from annotator.records import InputDocument

if TYPE_CHECKING:
    from annotator.document import Document
    from annotator.pipeline import Pipeline


@overload
def annotate(  # type: ignore[overload-overlap]  # a str is also an Iterable[str]; the str case wins
    text_or_texts: str, plugins: Iterable[str] | None = ..., model: str = ..., options: Any = ...
) -> Document: ...
@overload
def annotate(
    text_or_texts: Iterable[str], plugins: Iterable[str] | None = ..., model: str = ..., options: Any = ...
) -> list[Document]: ...
def annotate(
    text_or_texts: str | Iterable[str],
    plugins: Iterable[str] | None = None,
    model: str = DEFAULT_MODEL,
    options: Mapping[str, Mapping[str, Any]] | None = None,
) -> Document | list[Document]:
    """Annotate one text (returns a Document) or several (returns a list, in order).

    The pipeline is cached per (plugins, model) when no options are given, so calling this in a
    loop parses with one loaded model; for full control build an :class:`annotator.Pipeline`.
    """
    names = tuple(plugins) if plugins is not None else None
    pipe = _cached(names, model) if options is None else _build(names, model, options)
    if isinstance(text_or_texts, str):
        return pipe(text_or_texts)
    inputs = (InputDocument(id=f"doc-{i}", text=t) for i, t in enumerate(text_or_texts))
    return list(pipe.annotate(inputs))


@functools.lru_cache(maxsize=4)
def _cached(plugins: tuple[str, ...] | None, model: str) -> Pipeline:
    return _build(plugins, model, None)


def _build(
    plugins: tuple[str, ...] | None, model: str, options: Mapping[str, Mapping[str, Any]] | None
) -> Pipeline:
    from annotator.pipeline import Pipeline

    return Pipeline(plugins=plugins, model=model, options=options)
