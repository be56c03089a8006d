"""``annotator-layers.json``: the way back from a brat export to layers, labels, span ids and documents.

brat types are flat and limited to ``[A-Za-z0-9_-]`` (``brat_name``), ``T`` ids are numbered per
file and file names are sanitised ids, so an export cannot say by itself which layer a type
belongs to, which span a ``T1`` was, or which document a file holds. The exporter writes this
file next to ``annotation.conf`` (brat ignores it) and ``annotator import --from brat`` reads it:

``types``: brat type -> ``[layer, label]``, for every type annotation.conf declares;
``relations`` and ``attributes``: brat name -> field name; ``documents``: file stem ->
``{"id", "meta", "spans": {T id: [span id, layer, label, type]}}``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.errors import InputError

MAP_NAME = "annotator-layers.json"
MAP_VERSION = 1


@dataclass
class BratMap:
    """What one brat export flattened, recorded while it is written."""

    types: dict[str, list[str]] = field(default_factory=dict)
    relations: dict[str, str] = field(default_factory=dict)
    attributes: dict[str, str] = field(default_factory=dict)
    documents: dict[str, dict[str, Any]] = field(default_factory=dict)

    def document(self, stem: str, doc_id: str, meta: dict[str, Any]) -> None:
        """Record which document the files ``stem.txt``/``stem.ann`` hold."""
        self.documents[stem] = {"id": doc_id, "meta": meta, "spans": {}}

    def declare(self, type_name: str, layer: str, label: str) -> None:
        """Record that ``type_name`` is ``label`` of ``layer``, whether or not a span uses it."""
        self.types.setdefault(type_name, [layer, label])

    def span(self, stem: str, tid: str, span: tuple[str, str, str], type_name: str) -> None:
        """Record that ``tid`` of ``stem`` is the span ``(id, layer, label)`` written as ``type_name``."""
        span_id, layer, label = span
        self.types.setdefault(type_name, [layer, label])
        self.documents[stem]["spans"][tid] = [span_id, layer, label, type_name]

    def to_json(self) -> str:
        """The file's content."""
        data = {"annotator_brat_map": MAP_VERSION, **self.__dict__}
        return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"

    @classmethod
    def load(cls, path: Path) -> BratMap:
        """The map in ``path``; an empty map when there is none (a collection made elsewhere)."""
        if not path.exists():
            return cls()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except ValueError as exc:
            raise InputError(f"not JSON: {exc}", str(path)) from exc
        if not isinstance(data, dict) or data.get("annotator_brat_map") != MAP_VERSION:
            raise InputError(f"not an annotator brat map of version {MAP_VERSION}", str(path))
        keys = ("types", "relations", "attributes", "documents")
        return cls(**{k: data.get(k) or {} for k in keys})
