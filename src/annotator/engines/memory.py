"""Keep what a run loads once (the spaCy model, plugin lexicons) out of the garbage collector's way."""

from __future__ import annotations

import gc


def freeze_loaded() -> None:
    """Move every object alive now into the collector's permanent generation.

    The model and the plugins' data live for the whole run, yet each full collection used to
    traverse all of them again: about 1.2 ms per news article with every built-in plugin (see
    docs/performance.md). Objects created later, per document, are collected as usual.
    """
    gc.collect()
    gc.freeze()
