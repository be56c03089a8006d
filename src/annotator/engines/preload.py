"""Imported once by the forkserver, never by the toolkit: spaCy and the plugin modules, pre-imported.

Every worker (and every replacement after a crash) is forked from the forkserver, so importing
these here once saves each worker several seconds of imports. Only entry-point plugin modules are
imported (no model is loaded, nothing is registered in this process's state).
"""

from annotator.parsing import single_threaded_blas

single_threaded_blas()

import spacy  # noqa: E402,F401 - the point of this module

from annotator.registry import build_registry  # noqa: E402

build_registry()
