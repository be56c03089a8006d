"""Spans and relations of one Prodigy record, checked against its text and tokens.

The exporter writes each span's ``layer``, ``id``, ``attributes`` and ``score`` (the confidence)
next to Prodigy's own keys, and prefixes a label with ``<layer>_`` when two layers share it. A span
a person drew in Prodigy has only ``start``, ``end``, ``token_start``, ``token_end`` and ``label``:
its layer is the one other spans of the file with that label have, else the ``layer`` option, and
the guess is reported. A relation's ends are found by ``head_span``/``child_span`` (offsets and
label), else by ``head``/``child``, the token index of a span's last token.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from annotator.errors import InputError
from annotator.importing import ImportedDocument, ImportedRelation, ImportedSpan

SpanKey = tuple[int, int, str]


@dataclass
class LayerGuess:
    """The layer of each label as the spans that name their layer show it, for the spans that do not."""

    default: str
    layers: dict[str, set[str]] = field(default_factory=dict)

    @classmethod
    def from_records(cls, records: Iterable[dict[str, Any]], default: str) -> LayerGuess:
        """Learn label -> layers from every span of the file that carries a ``layer``."""
        guess = cls(default)
        for record in records:
            spans = record.get("spans")
            for item in spans if isinstance(spans, list) else []:
                if isinstance(item, dict) and isinstance(item.get("layer"), str):
                    guess.layers.setdefault(str(item.get("label")), set()).add(item["layer"])
        return guess

    def __call__(self, label: str) -> tuple[str, bool]:
        """(layer, whether it was only the default) for a span without a ``layer``."""
        owners = self.layers.get(label, set())
        if len(owners) == 1:
            return next(iter(owners)), False
        known = {layer for layers in self.layers.values() for layer in layers}
        prefix = label.split("_", 1)[0]
        if "_" in label and prefix in known:
            return prefix, False
        return self.default, True


@dataclass
class SpanKeys:
    """Span ids by (start, end, label as written) and by last token, to resolve relation ends."""

    ids: set[str] = field(default_factory=set)
    by_key: dict[SpanKey, list[str]] = field(default_factory=dict)
    by_token_end: dict[int, list[str]] = field(default_factory=dict)

    def add(self, span: ImportedSpan, item: dict[str, Any]) -> None:
        """Index one span under every key a relation may name it by."""
        self.ids.add(span.id)
        self.by_key.setdefault((span.start, span.end, str(item["label"])), []).append(span.id)
        if isinstance(item.get("token_end"), int):
            self.by_token_end.setdefault(item["token_end"], []).append(span.id)

    def find(self, span: Any, token: Any, what: str) -> tuple[str, str | None]:
        """(id, warning) of the span a relation end names; an end that names no span is an error.

        ``head_span``/``child_span`` carry the span's ``id`` in our export, since two spans of a
        layer can share offsets and label (two stance pairs over one sentence). An end a person
        drew has no id; if its offsets fit several spans the first is taken and reported.
        """
        if isinstance(span, dict):
            if span.get("id") is not None and str(span["id"]) in self.ids:
                return str(span["id"]), None
            key = (span.get("start"), span.get("end"), span.get("label"))
            ids = self.by_key.get(key, [])  # type: ignore[arg-type]
            if not ids:
                raise InputError(f"{what}_span {key[0]}-{key[1]} {key[2]!r} matches no span of the record")
        else:
            ids = self.by_token_end.get(token, []) if isinstance(token, int) else []
            if not ids:
                raise InputError(f"{what} token {token!r} is the last token of no span")
        warning = f"{what} fits {len(ids)} spans; linked to {ids[0]!r}" if len(ids) > 1 else None
        return ids[0], warning


def read_spans(record: dict[str, Any], doc: ImportedDocument, guess: LayerGuess) -> SpanKeys:
    """Fill ``doc.spans`` from the record's ``spans``; return the keys relations are resolved by."""
    items = record.get("spans") or []
    if not isinstance(items, list):
        raise InputError("'spans' must be a list")
    tokens = record.get("tokens") if isinstance(record.get("tokens"), list) else None
    keys, guessed = SpanKeys(), dict[str, int]()
    for index, item in enumerate(items):
        span, was_guessed = read_span(item, index, doc.text, tokens, guess)
        if any(s.id == span.id for s in doc.spans):
            raise InputError(f"span {index}: id {span.id!r} is used twice")
        doc.spans.append(span)
        keys.add(span, item)
        if was_guessed:
            guessed[span.label] = guessed.get(span.label, 0) + 1
    if guessed:
        labels = ", ".join(f"{label} ({n})" for label, n in sorted(guessed.items()))
        layer = guess.default
        doc.warnings.append(f"document {doc.id!r}: spans without a layer read into {layer!r}: {labels}")
    return keys


def read_span(
    item: Any, index: int, text: str, tokens: list[Any] | None, guess: LayerGuess
) -> tuple[ImportedSpan, bool]:
    """One span, its offsets checked; (span, whether its layer was only the default)."""
    if not isinstance(item, dict):
        raise InputError(f"span {index}: not an object")
    start, end, label = item.get("start"), item.get("end"), item.get("label")
    if not (isinstance(start, int) and isinstance(end, int) and isinstance(label, str) and label):
        raise InputError(f"span {index}: needs integer start and end and a label")
    where = f"span {index} ({label!r} {start}-{end})"
    if not 0 <= start < end <= len(text):
        raise InputError(f"{where}: offsets out of range (text has {len(text)} characters)")
    if isinstance(item.get("text"), str) and item["text"] != text[start:end]:
        raise InputError(f"{where}: text {item['text']!r} is not the text there ({text[start:end]!r})")
    check_tokens(item, tokens, where)
    layer, guessed = (item["layer"], False) if isinstance(item.get("layer"), str) else guess(label)
    span_id = item.get("id")
    span = ImportedSpan(
        layer,
        str(span_id) if span_id is not None and str(span_id) else f"{layer}-prodigy{index}",
        start,
        end,
        label.removeprefix(f"{layer}_") or label,
    )
    span.attributes.update(_attributes(item, where))
    return span, guessed


def check_tokens(item: dict[str, Any], tokens: list[Any] | None, where: str) -> None:
    """``token_start``/``token_end`` (inclusive) must be the tokens the offsets start and end on."""
    first, last = item.get("token_start"), item.get("token_end")
    if tokens is None or not isinstance(first, int) or not isinstance(last, int):
        return
    if not 0 <= first <= last < len(tokens):
        raise InputError(f"{where}: tokens {first}-{last} out of range ({len(tokens)} tokens)")
    starts, ends = tokens[first].get("start"), tokens[last].get("end")
    if (starts, ends) != (item["start"], item["end"]):
        raise InputError(f"{where}: tokens {first}-{last} cover {starts}-{ends}, not the span's offsets")


def _attributes(item: dict[str, Any], where: str) -> dict[str, Any]:
    found: dict[str, Any] = {}
    if isinstance(item.get("score"), (int, float)) and not isinstance(item["score"], bool):
        found["confidence"] = item["score"]
    attrs = item.get("attributes", {})
    if not isinstance(attrs, dict):
        raise InputError(f"{where}: 'attributes' must be an object")
    found.update(attrs)
    return found


def read_relations(record: dict[str, Any], keys: SpanKeys, doc: ImportedDocument) -> None:
    """Fill ``doc.relations``: each from its head (the referring span) to its child."""
    items = record.get("relations") or []
    if not isinstance(items, list):
        raise InputError("'relations' must be a list")
    for index, rel in enumerate(items):
        if not isinstance(rel, dict) or not isinstance(rel.get("label"), str):
            raise InputError(f"relation {index}: needs a label")
        what = f"relation {index} ({rel['label']!r})"
        source, warned = keys.find(rel.get("head_span"), rel.get("head"), f"{what} head")
        target, warned_too = keys.find(rel.get("child_span"), rel.get("child"), f"{what} child")
        doc.warnings.extend(f"document {doc.id!r}: {w}" for w in (warned, warned_too) if w)
        doc.relations.append(ImportedRelation(rel["label"], source, target))
