"""A self-contained HTML page showing documents with their span layers (``annotator view``)."""

from __future__ import annotations

from annotator.viewer.render import render_page

__all__ = ["render_page"]
