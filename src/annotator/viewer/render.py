"""Render documents as one self-contained HTML page: escaped text, highlighted layers, a hover panel.

The text is cut at every span boundary; each piece is wrapped in one element per layer covering
it (outer layers underline lower), so overlapping and nested spans of any layer stay visible.
Every piece of document text goes through :func:`html.escape`; span details travel as JSON in a
``<script type="application/json">`` block with ``<``, ``>`` and ``&`` escaped, and the script
builds the panel with ``textContent`` only. A ``<script>`` inside a document is therefore text.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from html import escape
from importlib.resources import files
from typing import Any

from annotator.document import Document
from annotator.exporting import attributes, document_metadata, labels_by_layer, layer_spans, relations
from annotator.spans import Span

PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2")


def render_page(documents: Sequence[Document], title: str = "annotator view") -> str:
    """The whole page for ``documents``."""
    layers = list(labels_by_layer(documents))
    index = {layer: i for i, layer in enumerate(layers)}
    body = "\n".join(render_document(n, doc, index) for n, doc in enumerate(documents))
    data = {"layers": layers, "docs": [span_data(doc) for doc in documents]}
    return "\n".join(
        [
            "<!doctype html>",
            '<html lang="en"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{escape(title)}</title>",
            f"<style>{_asset('viewer.css')}\n{layer_css(len(layers))}</style></head>",
            f"<body><header><h1>{escape(title)}: {len(documents)} documents</h1>",
            f'<div id="layers">{layer_toggles(layers, documents)}</div></header>',
            f'<main>{body}</main><aside id="info">Hover a highlighted span.</aside>',
            f'<script type="application/json" id="viewer-data">{script_json(data)}</script>',
            f"<script>{_asset('viewer.js')}</script>",
            "</body></html>",
        ]
    )


def _asset(name: str) -> str:
    return files("annotator.viewer").joinpath(name).read_text(encoding="utf-8")


def layer_css(count: int) -> str:
    """One colour and underline depth per layer, and the rule that hides it when toggled off."""
    rules = []
    for i in range(count):
        color = PALETTE[i % len(PALETTE)]
        rules.append(
            f".l{i}{{border-bottom-color:{color};background:{color}1f;padding-bottom:{1 + 3 * i}px}}"
        )
        rules.append(f".hide-l{i} .l{i}{{border-bottom-color:transparent;background:none}}")
    return "\n".join(rules)


def layer_toggles(layers: list[str], documents: Sequence[Document]) -> str:
    """A checkbox per layer, with its colour and span count."""
    counts = {layer: sum(len(d.layer(layer)) for d in documents) for layer in layers}
    return "".join(
        f'<label><input type="checkbox" value="l{i}" checked> '
        f'<span class="swatch" style="background:{PALETTE[i % len(PALETTE)]}"></span> '
        f"{escape(layer)} ({counts[layer]})</label>"
        for i, layer in enumerate(layers)
    )


def render_document(number: int, document: Document, index: dict[str, int]) -> str:
    """One ``<article>``: the id, the metadata and the highlighted text."""
    return (
        f'<article data-doc="{number}"><h2>{escape(document.id)}</h2>'
        f'{metadata_list(document)}<div class="text">{highlighted(document, index)}</div></article>'
    )


def metadata_list(document: Document) -> str:
    """Document metadata, summaries and provenance as a definition list."""
    items = document_metadata(document)
    items.pop("doc_id", None)
    if document.errors:
        items["errors"] = [f"{e.annotator or e.stage}: {e.reason}" for e in document.errors]
    rows = "".join(f"<dt>{escape(key)}</dt><dd>{escape(_plain(value))}</dd>" for key, value in items.items())
    return f'<dl class="meta">{rows}</dl>'


def _plain(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def highlighted(document: Document, index: dict[str, int]) -> str:
    """The escaped text, each piece wrapped in one element per layer that covers it."""
    text, items = document.text, layer_spans(document)
    local = {item.span.id: n for n, item in enumerate(items)}
    cuts = sorted({0, len(text), *(i.span.start for i in items), *(i.span.end for i in items)})
    out: list[str] = []
    pending, active = list(reversed(items)), []
    for a, b in zip(cuts, cuts[1:], strict=False):
        while pending and pending[-1].span.start <= a:
            active.append(pending.pop())
        active = [i for i in active if i.span.end > a]
        out.append(_piece(escape(text[a:b]), active, index, local))
    return "".join(out)


def _piece(escaped: str, active: list[Any], index: dict[str, int], local: dict[str, int]) -> str:
    by_layer: dict[int, list[str]] = {}
    for item in active:
        by_layer.setdefault(index[item.layer], []).append(str(local[item.span.id]))
    opened = "".join(
        f'<span class="s l{k}" data-ids="{" ".join(ids)}">'
        for k, ids in sorted(by_layer.items(), reverse=True)
    )
    return f"{opened}{escaped}{'</span>' * len(by_layer)}"


def span_data(document: Document) -> dict[str, Any]:
    """What the hover panel shows, per span, indexed like the ``data-ids`` in the page."""
    items = layer_spans(document)
    local = {item.span.id: n for n, item in enumerate(items)}
    entries = [_span_entry(i.layer, i.span) for i in items]
    for rel in relations(document):
        entries[local[rel.source.span.id]]["refs"].append([rel.label, local[rel.target.span.id]])
    return {"spans": entries}


def _span_entry(layer: str, span: Span) -> dict[str, Any]:
    attrs = attributes(span)
    if span.confidence is not None:
        attrs["confidence"] = span.confidence
    return {"layer": layer, "label": span.label, "text": span.text, "attrs": attrs, "refs": []}


def script_json(data: Any) -> str:
    """JSON that cannot end its ``<script>`` element or open markup: ``<``, ``>``, ``&`` are escaped."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
