"""Where the XMI files of an INCEpTION export are, and loading each one strictly with its type system.

INCEpTION's "UIMA CAS XMI" export is a zip (or, unpacked, a folder) holding ``TypeSystem.xml`` and
one ``.xmi`` per document; ``annotator export --to inception`` writes the same layout. In a tree
of folders each XMI takes the type system of its own folder or the nearest one above it, so a
layout with one subfolder per document reads too. Loading is strict (``lenient=False``): a type the type
system lacks is an error naming it, never an annotation dropped on the way in.
"""

from __future__ import annotations

import io
import warnings
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePath, PurePosixPath
from typing import TypeVar

from cassis import Cas, TypeSystem, load_cas_from_xmi, load_typesystem
from cassis.typesystem import TypeNotFoundError
from lxml import etree

from annotator.errors import InputError

TYPESYSTEM_NAMES = ("TypeSystem.xml", "typesystem.xml")
P = TypeVar("P", bound=PurePath)


@dataclass(frozen=True)
class XmiSource:
    """One XMI document: the name to report it by, its bytes and its type system's name and bytes."""

    name: str
    xmi: bytes
    typesystem_name: str | None
    typesystem: bytes | None


def xmi_sources(path: Path, typesystem: Path | None = None) -> Iterator[XmiSource]:
    """Every ``.xmi`` in ``path`` (a file, a folder or a zip), in name order, with its type system."""
    if path.is_dir():
        found = _folder_sources(path, typesystem)
    elif zipfile.is_zipfile(path):
        found = _zip_sources(path, typesystem)
    elif path.suffix.lower() == ".xmi":
        found = _folder_sources(path.parent, typesystem, only=path)
    else:
        raise InputError("not an .xmi file, a folder of them or a zip of INCEpTION's XMI export", str(path))
    empty = True
    for source in found:
        empty = False
        yield source
    if empty:
        raise InputError("no .xmi file found", str(path))


def _folder_sources(root: Path, typesystem: Path | None, only: Path | None = None) -> Iterator[XmiSource]:
    files = [only] if only is not None else sorted(p for p in root.rglob("*") if p.suffix.lower() == ".xmi")
    for file in files:
        near = _nearest(file.parent, root, lambda d, n: (d / n).is_file())
        ts = typesystem or (near[0] / near[1] if near else None)
        ts_bytes = ts.read_bytes() if ts is not None else None
        yield XmiSource(str(file), file.read_bytes(), str(ts) if ts else None, ts_bytes)


def _zip_sources(path: Path, typesystem: Path | None) -> Iterator[XmiSource]:
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        for member in sorted(n for n in names if n.lower().endswith(".xmi")):
            name = f"{path}!{member}"
            if typesystem is not None:
                yield XmiSource(name, archive.read(member), str(typesystem), typesystem.read_bytes())
                continue
            folder = PurePosixPath(member).parent
            near = _nearest(folder, PurePosixPath("."), lambda d, n: _member(d, n) in names)
            ts = _member(*near) if near else None
            ts_bytes = archive.read(ts) if ts is not None else None
            yield XmiSource(name, archive.read(member), f"{path}!{ts}" if ts else None, ts_bytes)


def _member(folder: PurePosixPath, name: str) -> str:
    return name if str(folder) in ("", ".") else f"{folder}/{name}"


def _nearest(folder: P, root: P, exists: Callable[[P, str], bool]) -> tuple[P, str] | None:
    """(folder, name) of the type system in ``folder`` or the nearest folder above it, up to ``root``."""
    while True:
        for name in TYPESYSTEM_NAMES:
            if exists(folder, name):
                return folder, name
        if folder == root or folder == folder.parent:
            return None
        folder = folder.parent


class TypeSystems:
    """Type systems parsed once per file, since every XMI of an export shares one."""

    def __init__(self) -> None:
        self.loaded: dict[str, TypeSystem] = {}

    def __call__(self, source: XmiSource) -> TypeSystem:
        """The parsed type system of ``source``, or an error saying where it was looked for."""
        if source.typesystem is None or source.typesystem_name is None:
            raise InputError(
                "no TypeSystem.xml next to it or in a folder above (INCEpTION's XMI export ships one; "
                "import the whole folder or zip, or pass --option typesystem=PATH)",
                source.name,
            )
        if source.typesystem_name not in self.loaded:
            try:
                self.loaded[source.typesystem_name] = load_typesystem(io.BytesIO(source.typesystem))
            except (etree.XMLSyntaxError, ValueError, KeyError) as exc:
                line = getattr(exc, "lineno", None)
                raise InputError(f"not a UIMA type system: {exc}", source.typesystem_name, line) from exc
        return self.loaded[source.typesystem_name]


def load_cas(source: XmiSource, typesystems: TypeSystems) -> Cas:
    """The CAS of ``source``, loaded strictly; any failure is one line naming the file."""
    typesystem = typesystems(source)
    try:
        with warnings.catch_warnings():
            # cassis warns and keeps an offset it cannot map; the importer reports it as an error.
            warnings.simplefilter("ignore", UserWarning)
            return load_cas_from_xmi(io.BytesIO(source.xmi), typesystem=typesystem, lenient=False)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"not XML: {exc.msg}", source.name, exc.lineno) from exc
    except TypeNotFoundError as exc:
        reason = f"{exc} in {source.typesystem_name} (use the type system exported with this file)"
        raise InputError(reason, source.name) from exc
    except (ValueError, KeyError, AttributeError, TypeError) as exc:
        raise InputError(f"not a UIMA CAS XMI: {exc}", source.name) from exc
