"""brat standoff: ``.txt`` + ``.ann`` per document, and ``annotation.conf`` / ``tools.conf`` for the set.

Spans become ``T`` lines (split into fragments at line breaks and tabs, which would break the
``.ann`` line), span_ref fields ``R`` lines, boolean and enumerated (``Literal``) attributes ``A``
lines, and every other attribute value a ``#`` AnnotatorNotes line, because brat only accepts
attribute values its config enumerates. Offsets are code points, as brat's Python server counts.
"""

from __future__ import annotations

import typing
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from annotator import Document, Span
from annotator.exporting import (
    Exporter,
    ExporterOptions,
    ExportError,
    LabelNames,
    LayerSpan,
    attributes,
    layer_spans,
    output_path,
    relations,
    unique_stems,
    value_text,
)
from annotator_exporters.brat_conf import ConfBuilder, brat_name

# Characters where Python's line splitting (which brat's reader uses) ends a line, plus tab.
BREAKS = frozenset("\n\r\t\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


class BratExporter(Exporter):
    """brat standoff files in the folder ``OUT``."""

    name = "brat"
    description = "brat standoff (.txt/.ann per document) with generated annotation.conf and tools.conf."

    def export(self, documents: Sequence[Document], out: Path, options: ExporterOptions) -> list[Path]:
        """Write every document's pair of files, then the two configs."""
        out.mkdir(parents=True, exist_ok=True)
        names, conf = LabelNames(documents), ConfBuilder()
        written: list[Path] = []
        for doc, stem in zip(documents, unique_stems(documents), strict=True):
            txt, ann = output_path(out, stem, ".txt"), output_path(out, stem, ".ann")
            txt.write_text(doc.text, encoding="utf-8", newline="")
            ann.write_text("".join(line + "\n" for line in ann_lines(doc, names, conf)), encoding="utf-8")
            written += [txt, ann]
        (out / "annotation.conf").write_text(conf.annotation_conf(), encoding="utf-8")
        (out / "tools.conf").write_text(conf.tools_conf(), encoding="utf-8")
        return [*written, out / "annotation.conf", out / "tools.conf"]


def ann_lines(document: Document, names: LabelNames, conf: ConfBuilder) -> list[str]:
    """The ``.ann`` lines of one document, recording the types used in ``conf``."""
    tids: dict[str, str] = {}
    lines: list[str] = []
    attrs: list[str] = []
    notes: list[str] = []
    for item in layer_spans(document):
        tid = tids[item.span.id] = f"T{len(tids) + 1}"
        type_name = brat_name(names(item.layer, item.span.label))
        conf.entity(type_name)
        lines.append(textbound(tid, type_name, document.text, item.span))
        flags, free = split_attributes(item)
        for key, value in flags:
            attrs.append(f"A{len(attrs) + 1}\t{conf.attribute(key, type_name, value)} {tid}{_value(value)}")
        if free:
            notes.append(f"#{len(notes) + 1}\tAnnotatorNotes {tid}\t{one_line('; '.join(free))}")
    for n, rel in enumerate(relations(document), start=1):
        kind = conf.relation(rel.label, _type(rel.source, names), _type(rel.target, names))
        lines.append(f"R{n}\t{kind} Arg1:{tids[rel.source.span.id]} Arg2:{tids[rel.target.span.id]}")
    return lines + attrs + notes


def one_line(text: str) -> str:
    """``text`` with every line separator and tab replaced by a space.

    Why: brat splits ``.ann`` files with ``str.splitlines()``, so a newline, U+2028 or any other
    separator in a free-text value would end the note and let the rest forge a ``T`` or ``R`` line."""
    return "".join(" " if ch in BREAKS else ch for ch in text)


def _type(item: LayerSpan, names: LabelNames) -> str:
    return brat_name(names(item.layer, item.span.label))


def _value(value: Any) -> str:
    return "" if value is True else f" {value}"


def textbound(tid: str, type_name: str, text: str, span: Span) -> str:
    """A ``T`` line; fragments skip line breaks and tabs, and the text joins them with one space."""
    frags = fragments(text, span.start, span.end)
    offsets = ";".join(f"{a} {b}" for a, b in frags)
    return f"{tid}\t{type_name} {offsets}\t{' '.join(text[a:b] for a, b in frags)}"


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Maximal runs of ``text[start:end]`` without a break character (at least one run)."""
    runs: list[tuple[int, int]] = []
    run_start = None
    for i in range(start, end):
        if text[i] in BREAKS:
            if run_start is not None:
                runs.append((run_start, i))
            run_start = None
        elif run_start is None:
            run_start = i
    if run_start is not None:
        runs.append((run_start, end))
    if not runs:
        raise ExportError(
            f"span {text[start:end]!r} at {start}-{end} holds only line breaks; brat cannot show it"
        )
    return runs


def split_attributes(item: LayerSpan) -> tuple[list[tuple[str, Any]], list[str]]:
    """(enumerable attributes for ``A`` lines, ``key=value`` notes for the rest)."""
    flags: list[tuple[str, Any]] = []
    notes: list[str] = []
    fields = type(item.span).model_fields
    for key, value in attributes(item.span).items():
        info = fields.get(key)
        if info is not None and _enumerable(info.annotation, value):
            if value is not False:
                flags.append((key, value))
        else:
            notes.append(f"{key}={value_text(value)}")
    if item.span.confidence is not None:
        notes.append(f"confidence={item.span.confidence:g}")
    return flags, notes


def _enumerable(annotation: Any, value: Any) -> bool:
    """Booleans, and strings of a ``Literal`` type without spaces, can be declared in the config."""
    if isinstance(value, bool):
        return True
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    literal = typing.get_origin(annotation) is typing.Literal or any(
        typing.get_origin(a) is typing.Literal for a in args
    )
    return literal and isinstance(value, str) and brat_name(value) == value
