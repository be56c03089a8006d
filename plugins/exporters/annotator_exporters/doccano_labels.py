"""doccano's label-type files: the span and relation types a project should have before the data.

doccano's Labels page imports a JSON array of label types ("Actions > Import Labels"; the
``span-types/upload`` and ``relation-types/upload`` endpoints), each ``{"text", "prefix_key",
"suffix_key", "background_color", "text_color"}``; ``text`` is the label name (unique in the
project, at most 100 characters), the colours are ``#rrggbb``, and the shortcut keys may be left
out. Uploading these first means an annotator can choose every label a layer can carry, also one
the exported examples happen not to contain (a dataset import creates only the labels it meets).
The colour is derived from the name, so the same label has the same colour in every export.
"""

from __future__ import annotations

import colorsys
import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from annotator.exporting import ExportError

MAX_NAME = 100  # doccano's Label.text is a CharField(max_length=100): longer names fail its upload
SPAN_TYPES = ".span-types.json"
RELATION_TYPES = ".relation-types.json"


def label_types(names: Iterable[str]) -> list[dict[str, Any]]:
    """One doccano label type per name, in the given order, with a colour stable for the name."""
    return [{"text": name, "background_color": colour(name), "text_color": "#ffffff"} for name in names]


def colour(name: str) -> str:
    """A ``#rrggbb`` background from a hash of ``name``, dark enough for the white label text."""
    hue = int(hashlib.sha1(name.encode("utf-8", "surrogatepass")).hexdigest()[:4], 16) / 0xFFFF
    red, green, blue = colorsys.hls_to_rgb(hue, 0.4, 0.65)
    return "#" + "".join(f"{round(c * 255):02x}" for c in (red, green, blue))


def check_names(names: Iterable[str]) -> None:
    """Refuse a label name doccano cannot store, before anything is written (it would fail the upload)."""
    for name in names:
        if len(name) > MAX_NAME:
            raise ExportError(
                f"doccano label names are at most {MAX_NAME} characters; {name[:40]!r}... has {len(name)}:"
                " shorten the label (or the layer name, for labels two layers share)"
            )


def write_label_types(stem: Path, spans: list[str], relations: list[str]) -> list[Path]:
    """``STEM.span-types.json``, and ``STEM.relation-types.json`` when there are relation labels."""
    written = [_write(stem.with_name(stem.name + SPAN_TYPES), spans)]
    if relations:
        written.append(_write(stem.with_name(stem.name + RELATION_TYPES), relations))
    return written


def _write(path: Path, names: list[str]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(label_types(names), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path
