"""User gazetteers: spaCy ``SpanRuler`` patterns from a JSONL file, matched on the shared parse.

Each line is an ``EntityRuler``/``SpanRuler`` pattern with two optional extras::

    {"label": "ORG", "pattern": "Tehrik-i-Taliban Pakistan", "id": "Q1368944", "canonical": "TTP"}
    {"label": "ORG", "pattern": [{"LOWER": "ttp"}], "id": "Q1368944"}

``id`` becomes the span's ``kb_id`` (patterns with one id are one entity) and ``canonical`` its
canonical name. The ruler is built once in ``setup`` and never added to the shared pipeline, so
token patterns can use only what the shared parse sets (ORTH, LOWER, TEXT, SHAPE, IS_* ...).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from spacy.language import Language
from spacy.pipeline import SpanRuler
from spacy.tokens import Doc

from annotator.errors import ConfigError
from annotator_entities.mentions import Mention


class GazetteerPattern(BaseModel):
    """One gazetteer line."""

    model_config = ConfigDict(extra="forbid")

    label: str = Field(min_length=1)
    pattern: str | list[dict[str, Any]]
    id: str | None = None
    canonical: str | None = None


def read_patterns(path: Path) -> list[GazetteerPattern]:
    """Parse and validate the JSONL file; a bad line is reported with its number."""
    patterns = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            patterns.append(GazetteerPattern.model_validate(json.loads(line)))
        except (ValueError, ValidationError) as exc:
            raise ConfigError(f"gazetteer {path}, line {number}: {exc}") from exc
    return patterns


class Gazetteer:
    """A standalone SpanRuler over the configured patterns, and what each match id stands for."""

    def __init__(self, nlp: Language, patterns: list[GazetteerPattern], attr: str) -> None:
        self.entries: dict[str, GazetteerPattern] = {}
        self.ruler = SpanRuler(nlp, name="entities_gazetteer", spans_key=None, phrase_matcher_attr=attr)
        rows = []
        for p in patterns:
            key = _key(p)
            self.entries.setdefault(key, p)
            rows.append({"label": p.label, "pattern": p.pattern, "id": key})
        self.ruler.add_patterns(rows)

    def match(self, parsed: Doc) -> list[Mention]:
        """Longest non-overlapping matches in text order."""
        found: list[Mention] = []
        for span in sorted(self.ruler.match(parsed), key=lambda s: (s.start, -len(s))):
            if found and span.start_char < found[-1].end:
                continue
            entry = self.entries[span.id_]
            found.append(
                Mention(
                    span.start_char,
                    span.end_char,
                    span.text,
                    span.label_,
                    rule="gazetteer",
                    kb_id=entry.id,
                    canonical=entry.canonical,
                )
            )
        return found


def _key(p: GazetteerPattern) -> str:
    """Patterns sharing a label and an id (or a canonical name) are one entity."""
    name = p.id or p.canonical or (p.pattern if isinstance(p.pattern, str) else json.dumps(p.pattern))
    return f"{p.label}|{name}"
