"""Hook specifications: every hook a plugin may implement, in one place.

Hooks only *register* objects, once, when the registry is built. Per-document work is a method
of the registered object, called by the host in dependency order; it is never a pluggy hook, so a
failure names the annotator and the document and never stops the other plugins.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pluggy

PROJECT = "annotator"

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def register_annotators(register: Callable[[type[Any]], None]) -> None:
    """Register annotator classes by calling ``register(MyAnnotator)`` once per class.

    Called once when the registry is built. ``MyAnnotator`` subclasses
    :class:`annotator.Annotator`; its ``name`` must be unique across all installed plugins
    (a clash is refused and names both plugins). Return nothing.
    """


@hookspec
def register_exporters(register: Callable[[Any], None]) -> None:
    """Register exporters (objects with ``name`` and ``export``) by calling ``register(exporter)``.

    Called once when the registry is built, by ``annotator export``. Return nothing.
    """


@hookspec
def register_importers(register: Callable[[Any], None]) -> None:
    """Register importers (objects with ``name`` and ``read``) by calling ``register(importer)``.

    Called once when the registry is built, by ``annotator import``. An importer is the inverse of
    an exporter: it reads a labeling tool's export back into documents. Return nothing.
    """
