"""brat: read a folder of ``.txt`` + ``.ann`` pairs back into documents, the inverse of :mod:`.brat`.

``T`` lines are spans (fragments the exporter split at line breaks join back into one span),
``R`` lines relations (``Arg1`` is the span holding the reference field, the type its name), ``A``
(and the older ``M``) lines attributes, ``#`` AnnotatorNotes lines ``key=value; ...`` attributes
with their escapes undone. ``annotator-layers.json`` next to the files gives each type its layer
and label, each ``T`` id of an exported span its span id, each file its document id and meta.
A type it does not map (one a person added, or a collection made elsewhere) is kept in the
``default_layer`` (``unknown`` unless set) and reported, as are lines this importer does not read
(events, normalizations, equivalences) and note text that is not ``key=value``. Offsets are code
points, as brat's server counts; an ``.ann`` without its ``.txt`` is an error.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from annotator.errors import InputError
from annotator.importing import ImportedDocument, ImportedRelation, ImportedSpan, Importer, ImporterOptions
from annotator_exporters.brat_map import MAP_NAME, BratMap
from annotator_exporters.brat_notes import BREAKS, parse_note

ID = re.compile(r"^([A-Za-z]+|#[A-Za-z]*)([0-9]+)$")
OFFSETS = re.compile(r"^\d+ \d+(;\d+ \d+)*$")


class BratImportOptions(ImporterOptions):
    """Options of the brat importer."""

    default_layer: str = "unknown"


class BratImporter(Importer):
    """A brat collection folder (or one ``.ann`` file) with its ``.txt`` files."""

    name = "brat"
    description = "brat standoff folder: .txt/.ann pairs (T, R, A, AnnotatorNotes), code-point offsets."
    Options = BratImportOptions

    def read(self, path: Path, options: ImporterOptions) -> Iterator[ImportedDocument]:
        """One document per ``.ann`` (a ``.txt`` alone is a document nobody annotated)."""
        assert isinstance(options, BratImportOptions)
        folder = path if path.is_dir() else path.parent
        bmap = BratMap.load(folder / MAP_NAME)
        for stem in stems(path):
            yield read_pair(folder, stem, bmap, options.default_layer)


def stems(path: Path) -> list[str]:
    """File stems of the documents in ``path``."""
    if not path.is_dir():
        return [path.name[: -len(path.suffix)] if path.suffix in {".ann", ".txt"} else path.name]
    return sorted({p.stem for p in path.iterdir() if p.suffix in {".ann", ".txt"} and p.is_file()})


def read_pair(folder: Path, stem: str, bmap: BratMap, default_layer: str) -> ImportedDocument:
    """The document of ``stem.txt`` with the annotations of ``stem.ann``."""
    txt, ann = folder / f"{stem}.txt", folder / f"{stem}.ann"
    if not txt.is_file():
        raise InputError(f"no {txt.name} next to it (brat needs the text of every .ann)", str(ann))
    try:
        text = txt.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 at byte {exc.start}", str(txt)) from exc
    known = bmap.documents.get(stem) or {}
    meta = known["meta"] if isinstance(known.get("meta"), dict) else {}
    doc = ImportedDocument(id=str(known.get("id") or stem), text=text, meta=dict(meta), file=str(ann))
    if ann.is_file():
        AnnReader(doc, bmap, known.get("spans") or {}, default_layer).read(ann)
    return doc


def fragments(ident: str, offsets: str, size: int) -> list[tuple[int, int]]:
    """The fragments of a ``T`` line, checked as brat does: inside the text, in order, not overlapping."""
    if not OFFSETS.match(offsets):
        raise InputError(f"{ident}: offsets {offsets!r} are not 'START END[;START END...]'")
    frags = [(int(a), int(b)) for a, b in (f.split(" ") for f in offsets.split(";"))]
    for (start, end), nxt in zip(frags, [*frags[1:], None], strict=True):
        if not 0 <= start <= end <= size or (nxt is not None and nxt[0] < end):
            where = f"{ident}: fragment {start}-{end}"
            raise InputError(f"{where} out of range or overlapping (the text has {size} characters)")
    return frags


@dataclass
class AnnReader:
    """Reads one ``.ann`` into ``doc``: textbounds first, then what refers to them."""

    doc: ImportedDocument
    bmap: BratMap
    exported: dict[str, list[str]]
    default_layer: str
    spans: dict[str, ImportedSpan] = field(default_factory=dict)
    unplaced: set[str] = field(default_factory=set)
    skipped: Counter[str] = field(default_factory=Counter)
    number: int = 0  # the line being read, for warnings

    def read(self, ann: Path) -> None:
        """Parse every line; an error names the file and line."""
        lines = list(enumerate(ann.read_text(encoding="utf-8-sig").splitlines(), start=1))
        for first_pass in (True, False):
            for number, line in lines:
                if not line.strip():
                    continue
                try:
                    self.number = number
                    self.line(line, first_pass)
                except InputError as exc:
                    raise InputError(exc.reason, str(ann), number) from exc
        self.doc.spans = list(self.spans.values())
        self.report()

    def line(self, line: str, first_pass: bool) -> None:
        """One annotation line: ``T`` on the first pass, the rest on the second."""
        ident, tab, rest = line.partition("\t")
        match = ID.match(ident)
        if tab and ident == "*":  # an equivalence: brat gives it no number
            if not first_pass:
                self.skipped["*"] += 1
            return
        if not tab or match is None:
            raise InputError(f"not a brat annotation line (ID, TAB, data): {line[:60]!r}")
        kind = match.group(1)
        if (kind == "T") != first_pass:
            return
        handler = {"T": self.textbound, "R": self.relation, "A": self.attribute, "M": self.attribute}
        if kind in handler:
            handler[kind](ident, rest)
        elif kind == "#":
            self.note(rest)
        else:
            self.skipped[kind] += 1

    def textbound(self, ident: str, rest: str) -> None:
        """A ``T`` line: type, fragments, and the covered text, which must match the ``.txt``."""
        if ident in self.spans:
            raise InputError(f"duplicate id {ident}")
        data, tab, covered = rest.partition("\t")
        type_name, _, offsets = data.partition(" ")
        frags = fragments(ident, offsets, len(self.doc.text))
        joined = " ".join(self.doc.text[a:b] for a, b in frags)
        if tab and covered != joined:
            raise InputError(f"{ident}: text {covered!r} differs from the .txt at {offsets} ({joined!r})")
        self.gap_warning(ident, frags)
        self.spans[ident] = self.placed(ident, type_name, frags[0][0], frags[-1][1])

    def placed(self, ident: str, type_name: str, start: int, end: int) -> ImportedSpan:
        """The span with its layer, label and id: from the export's record, else from the type."""
        record = self.exported.get(ident)
        pair = self.bmap.types.get(type_name)
        if record and record[3] == type_name:
            return ImportedSpan(record[1], record[0], start, end, record[2])
        if pair is None:
            self.unplaced.add(type_name)
            pair = [self.default_layer, type_name]
        kept = record is not None and record[1] == pair[0]  # relabelled within its layer
        span_id = record[0] if kept and record else self.fresh_id(ident)
        return ImportedSpan(pair[0], span_id, start, end, pair[1])

    def fresh_id(self, ident: str) -> str:
        """``brat-T7`` for a span a person added, unique among the exported span ids."""
        taken = {r[0] for r in self.exported.values()} | {s.id for s in self.spans.values()}
        candidate, n = f"brat-{ident}", 1
        while candidate in taken:
            n += 1
            candidate = f"brat-{ident}-{n}"
        return candidate

    def gap_warning(self, ident: str, frags: list[tuple[int, int]]) -> None:
        """A discontinuous span becomes one span; say so when its gaps hold more than line breaks."""
        gaps = (self.doc.text[a[1] : b[0]] for a, b in zip(frags, frags[1:], strict=False))
        if any(ch not in BREAKS for gap in gaps for ch in gap):
            self.doc.warnings.append(
                f"line {self.number}: {ident} is discontinuous; imported as one span covering its gaps"
            )

    def target(self, ident: str, kind: str) -> ImportedSpan | None:
        """The span ``ident`` names; ``None`` (reported) for an event or another non-span annotation."""
        if ident in self.spans:
            return self.spans[ident]
        if ident.startswith("T") or not ID.match(ident):
            raise InputError(f"{ident!r} names no textbound (T) annotation of this file")
        self.skipped[f"{kind} (on {ident})"] += 1
        return None

    def relation(self, ident: str, rest: str) -> None:
        """An ``R`` line: ``TYPE Arg1:T2 Arg2:T1``, from the referring span to the one it names."""
        type_name, *args = rest.split(" ")
        roles = dict(a.split(":", 1) for a in args if ":" in a)
        if len(args) != 2 or set(roles) != {"Arg1", "Arg2"}:
            raise InputError(f"{ident}: a relation needs 'TYPE Arg1:ID Arg2:ID', got {rest!r}")
        source, target = self.target(roles["Arg1"], "R"), self.target(roles["Arg2"], "R")
        if source is not None and target is not None:
            label = self.bmap.relations.get(type_name, type_name)
            self.doc.relations.append(ImportedRelation(label, source.id, target.id))

    def attribute(self, ident: str, rest: str) -> None:
        """An ``A`` line: ``NAME T1`` (a binary flag) or ``NAME T1 VALUE``."""
        name, _, tail = rest.partition(" ")
        target_id, _, value = tail.partition(" ")
        key = self.bmap.attributes.get(name, name)
        span = self.target(target_id, "A")
        if span is not None:
            span.attributes[key] = json.dumps(value) if value else True

    def note(self, rest: str) -> None:
        """A ``#`` AnnotatorNotes line: ``key=value`` items are attributes; other text is reported."""
        data, _, text = rest.partition("\t")
        _, _, target_id = data.partition(" ")
        found, free = parse_note(text)
        span = self.target(target_id.strip(), "#")
        if span is None:
            return
        span.attributes.update(found)
        if free:
            self.doc.warnings.append(
                f"line {self.number}: note on {target_id.strip()} kept out (not key=value): {free[0][:60]!r}"
            )

    def report(self) -> None:
        """Warnings for types mapped to no layer and for lines not imported."""
        if self.unplaced:
            names = ", ".join(map(repr, sorted(self.unplaced)))
            self.doc.warnings.append(
                f"types {names} are in no layer of {MAP_NAME}; kept in layer {self.default_layer!r}"
            )
        for kind, count in sorted(self.skipped.items()):
            self.doc.warnings.append(
                f"{count} {kind} line(s) not imported (only T, R, A, M and # on spans are)"
            )
