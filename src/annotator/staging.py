"""Exports land whole or not at all: written into a hidden sibling folder, moved into place at the end.

Why: an exporter writes file after file, so a document that cannot be written (an id with NUL in
XMI, a span brat cannot show) used to stop the export with the earlier files already in ``-o``,
which a user then imports as if it were the whole set. The driver hands the exporter a stand-in
for the output's parent folder, and only when :meth:`Exporter.export` returns does it move what
was written next to the real ``-o``. A filesystem error while moving (rare: the checks run first)
is the only way to leave part of an export behind.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from annotator.document import Document
from annotator.errors import DestinationError


def export_staged(exporter: Any, documents: Sequence[Document], out: Path, options: Any) -> list[Path]:
    """Run ``exporter.export`` into a staging folder; on success move its output to ``out``.

    The staging folder mirrors ``out.parent``, so exporters that write a sibling of ``out`` (Label
    Studio's ``NAME.config.xml``) are moved too. Returns the paths as they are after the move.
    """
    if out.name in ("", ".."):  # "-o ." or "-o ..": name the folder itself, so the stage holds it
        out = Path(os.path.abspath(out))
    created = _missing_folders(out.parent)
    out.parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".export", dir=out.parent))
    try:
        written = exporter.export(documents, stage / out.name, options)
        moves = _planned_moves(stage, out.parent)
        for source, target in moves:
            target.parent.mkdir(parents=True, exist_ok=True)
            _move(source, target)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        _remove_empty(created)
        raise
    shutil.rmtree(stage, ignore_errors=True)
    return [_moved(Path(p), stage, out.parent) for p in written]


def _planned_moves(stage: Path, parent: Path) -> list[tuple[Path, Path]]:
    """(staged, final) pairs: whole entries where nothing is in the way, else file by file.

    Raises DestinationError before anything moves when a file would replace a folder or a folder
    a file, so that such a clash cannot leave the export half-moved."""
    moves: list[tuple[Path, Path]] = []
    for entry in sorted(stage.iterdir()):
        target = parent / entry.name
        if entry.is_dir() and target.is_dir():  # a link to a folder is written through
            moves += [(f, target / f.relative_to(entry)) for f in sorted(entry.rglob("*")) if not f.is_dir()]
        else:
            moves.append((entry, target))
    for source, target in moves:
        _check_replaceable(source, target, parent)
    return moves


def _move(source: Path, target: Path) -> None:
    """Rename into place; copy when ``-o`` is a mount point on another filesystem than its parent."""
    try:
        os.replace(source, target)
    except OSError as exc:
        if exc.errno != errno.EXDEV:
            raise
        shutil.move(source, target)


def _check_replaceable(source: Path, target: Path, parent: Path) -> None:
    if target.is_dir() and not source.is_dir():
        raise DestinationError(f"{target} is a folder; the export would write a file there")
    if target.exists() and source.is_dir():
        raise DestinationError(f"{target} exists and is not a folder; the export writes a folder there")
    for folder in target.relative_to(parent).parents:
        if folder != Path(".") and (parent / folder).exists() and not (parent / folder).is_dir():
            raise DestinationError(f"{parent / folder} is a file; the export needs a folder there")


def _moved(path: Path, stage: Path, parent: Path) -> Path:
    """Where a path the exporter returned is after the move (paths outside the stage are kept)."""
    try:
        return parent / path.relative_to(stage)
    except ValueError:
        return path


def _missing_folders(folder: Path) -> list[Path]:
    """``folder`` and its ancestors that do not exist yet, deepest first."""
    missing: list[Path] = []
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    return missing


def _remove_empty(folders: list[Path]) -> None:
    """Remove the folders this export created, deepest first, if they are still empty."""
    for folder in folders:
        try:
            folder.rmdir()
        except OSError:
            return
