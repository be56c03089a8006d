"""TimeML ``.tml`` files (TimeBank, AQUAINT, TempEval-3) to our gold documents with a ``dates`` layer.

The text is the ``<TEXT>`` element with every tag removed and entities decoded; each non-empty
``TIMEX3`` in it becomes a span (label and ``timex_type`` = its type, its value and mod). The
document creation time (``<DCT><TIMEX3 ...>``) becomes ``meta["published"]``, the anchor the dates
layer resolves against, as TempEval-3 systems are given it.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from annotator import Document
from annotator.spans import ForeignSpan


def convert_file(path: Path) -> Document:
    """One ``.tml`` file as a document."""
    return convert_text(path.read_text(encoding="utf-8"), path.stem)


def convert_text(xml: str, doc_id: str) -> Document:
    """One TimeML document (its XML text) as a document; the id is given (the file name)."""
    root = ET.fromstring(xml)
    body = root.find("TEXT")
    parts: list[str] = []
    spans: list[ForeignSpan] = []
    if body is not None:
        _walk(body, parts, spans, inside=False)
    text = "".join(parts)
    return Document(id=doc_id, text=text, meta=_meta(root), spans={"dates": spans})


def _walk(node: ET.Element, parts: list[str], spans: list[ForeignSpan], inside: bool) -> None:
    """Append the node's text in order; a TIMEX3 records its offsets once its text is out."""
    start = sum(map(len, parts))
    parts.append(node.text or "")
    for child in node:
        _walk(child, parts, spans, inside or node.tag == "TIMEX3")
        parts.append(child.tail or "")
    if node.tag == "TIMEX3" and not inside:
        end = start + len(_inner(node))
        if end > start:
            spans.append(_span(node, len(spans), start, end, "".join(parts)[start:end]))


def _inner(node: ET.Element) -> str:
    return "".join(node.itertext())


def _span(node: ET.Element, index: int, start: int, end: int, text: str) -> ForeignSpan:
    kind = node.get("type", "DATE")
    extra: dict[str, Any] = {"mod": node.get("mod")} if node.get("mod") else {}
    return ForeignSpan(
        id=f"dates-{index}", start=start, end=end, text=text, label=kind, timex_type=kind,
        value=node.get("value"), tid=node.get("tid"), **extra,
    )  # fmt: skip


def _meta(root: ET.Element) -> dict[str, Any]:
    dct = root.find("DCT/TIMEX3")
    value = dct.get("value") if dct is not None else None
    return {"published": value[:10]} if value else {}


CORPORA = ("TimeBank", "AQUAINT")


def tml_files(suite: Path) -> list[Path]:
    """The ``.tml`` files of TBAQ-cleaned's TimeBank and AQUAINT (or of ``suite`` itself), sorted.

    TBAQ-cleaned also holds a ``testpipeline`` folder with a copy of one TimeBank file; it is left out.
    """
    folders = [suite / c for c in CORPORA if (suite / c).is_dir()] or [suite]
    return sorted(p for folder in folders for p in folder.rglob("*.tml"))


def split(files: list[Path], name: str) -> list[Path]:
    """``all``; or ``dev`` (every fifth file, held out while rules were fixed) and ``train`` (the rest)."""
    if name == "all":
        return files
    dev = [f for i, f in enumerate(files) if i % 5 == 4]
    return dev if name == "dev" else [f for f in files if f not in dev]
