"""Convert PolNeAR attributions (brat standoff: Source, Cue, Content) to our quotes gold documents.

Each Content piece (a discontinuous Content gives one piece per fragment, because a split quote
"A," he said. "B." is two quoted regions in our layer) becomes one gold quote: ``direct`` when the
piece opens and closes with double quote marks (the span then excludes the marks, as ours do),
``mixed`` when it holds a double-quoted stretch, else ``indirect``. Two apostrophes (``''``) or two
backticks count as one double mark: the New York Times articles print their quotes that way.
The attribution's Source text is the gold ``speaker_text``; an attribution without a Source has
no speaker. When an article was annotated by several annotators, the first annotation file in
name order is used.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

OPENERS = '“"„«'
CLOSERS = '”"»'
DOUBLE = re.compile(r"[“”\"„«»]|''|``")
PAIRS = ("''", "``")


def read_ann(text: str) -> tuple[dict[str, tuple[str, list[tuple[int, int]]]], list[dict[str, str]]]:
    """Text-bound annotations (id -> label, fragments) and events (role -> annotation id)."""
    bound: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events: list[dict[str, str]] = []
    for line in text.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, where = parts[1].partition(" ")
            frags = [tuple(int(x) for x in f.split()) for f in where.split(";")]
            bound[parts[0]] = (label, [(a, b) for a, b in frags])
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(arg.split(":", 1) for arg in parts[1].split()))
    return bound, events


def kind_of(piece: str) -> str:
    """direct, mixed or indirect, by the double quote marks of a Content piece."""
    stripped = piece.replace("''", '"').replace("``", '"').strip()
    if len(stripped) > 1 and stripped[0] in OPENERS and stripped.rstrip(".,;:!?")[-1:] in CLOSERS:
        inner = stripped[1:].rstrip(".,;:!?")[:-1]
        if not DOUBLE.search(inner):
            return "direct"
    return "mixed" if DOUBLE.search(stripped) else "indirect"


def _inner(text: str, start: int, end: int) -> tuple[int, int]:
    """A direct piece's range without spaces, its marks and punctuation outside the closer."""
    while start < end and (
        text[start].isspace() or text[start] in OPENERS or text[start : start + 2] in PAIRS
    ):
        start += 2 if text[start : start + 2] in PAIRS else 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:!?"):
        end -= 1
    if end - 1 > start and text[end - 2 : end] == "''":
        end -= 2
    elif end > start and text[end - 1] in CLOSERS:
        end -= 1
    while end > start and text[end - 1] in " ,":
        end -= 1
    return start, end


def _source(text: str, bound: dict, event: dict[str, str]) -> str | None:
    if "Source" not in event or event["Source"] not in bound:
        return None
    frags = bound[event["Source"]][1]
    return " ".join(text[a:b] for a, b in frags).strip() or None


def convert_article(doc_id: str, text: str, ann: str) -> dict[str, Any]:
    """One article and its annotation file as a gold document dict (layer ``quotes``)."""
    bound, events = read_ann(ann)
    quotes = []
    for event in events:
        content = bound.get(event.get("Content", ""))
        if content is None or content[0] != "Content":
            continue
        speaker = _source(text, bound, event)
        for a, b in content[1]:
            kind = kind_of(text[a:b])
            start, end = _inner(text, a, b) if kind == "direct" else (a, b)
            if end <= start:
                continue
            quotes.append({"start": start, "end": end, "kind": kind, "speaker_text": speaker})
    quotes.sort(key=lambda q: (q["start"], q["end"]))
    spans = [
        {"id": f"gold-{i}", "label": "QUOTE", "text": text[q["start"] : q["end"]], **q}
        for i, q in enumerate(quotes)
    ]
    return {"id": doc_id, "text": text, "meta": {"source": "PolNeAR"}, "spans": {"quotes": spans}}


def convert_split(root: Path, split: str, limit: int | None = None) -> list[dict[str, Any]]:
    """Every article of ``root/data/<split>`` (train or dev; test is reserved) as gold documents."""
    if split not in {"train", "dev"}:
        raise ValueError(f"split {split!r}: only 'train' and 'dev' may be read (test is reserved)")
    base = root / "data" / split
    chosen: dict[str, Path] = {}
    for ann in sorted((base / "attributions").glob("*.ann")):
        chosen.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    docs = []
    for name, ann in sorted(chosen.items())[:limit]:
        txt = base / "text" / f"{name}.txt"
        if txt.exists():
            docs.append(
                convert_article(name, txt.read_text(encoding="utf-8"), ann.read_text(encoding="utf-8"))
            )
    return docs
