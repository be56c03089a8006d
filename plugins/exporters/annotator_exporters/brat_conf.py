"""The brat configuration for an export.

``[entities]`` lists every label of every exported layer (declared by its span model, or seen),
so an annotator can add a label the batch happens not to contain. ``[relations]`` and
``[attributes]`` list the relation and attribute types the ``.ann`` files use, on every label of
the layers they were used on (a span model's field is on all its labels), and an enumerated
attribute lists every value its ``Literal`` declares that brat can hold, not only those used.
An attribute name two exported layers' models both declare (numbers' and quotes' ``kind``) is
written ``LAYER_KEY`` for each, as :class:`~annotator.exporting.LabelNames` does for labels: brat
has one value list per attribute name, and would otherwise offer "direct" for a number.
"""

from __future__ import annotations

import hashlib
import re
import warnings
from collections.abc import Iterable

from annotator.exporting import LabelNames


def brat_name(name: str) -> str:
    """A type or attribute name brat accepts: letters, digits, ``_`` and ``-`` only."""
    cleaned = re.sub(r"[^A-Za-z0-9_-]", "_", name)
    return cleaned if cleaned and cleaned[0].isalpha() else f"X{cleaned}"


class BratTypes:
    """The brat entity type of each (layer, label), distinct even where cleaning would merge two.

    Why: ``A B`` and ``A_B`` both clean to ``A_B``, and brat would then show two labels as one. On
    such a clash a label brat accepts as it is keeps its name, and every other one gets a suffix
    from a hash of its own name (stable across exports, unlike a counter), with a warning."""

    def __init__(self, names: LabelNames, pairs: Iterable[tuple[str, str]]) -> None:
        self.names = names
        groups: dict[str, set[str]] = {}
        for layer, label in pairs:
            raw = names(layer, label)
            groups.setdefault(brat_name(raw), set()).add(raw)
        self.types = {raw: _distinct(raw, clean, group) for clean, group in groups.items() for raw in group}

    def __call__(self, layer: str, label: str) -> str:
        """The type name for ``label`` of ``layer``."""
        raw = self.names(layer, label)
        return self.types.get(raw) or brat_name(raw)


def _distinct(raw: str, clean: str, group: set[str]) -> str:
    if len(group) == 1 or raw == clean:
        return clean
    digest = hashlib.sha1(raw.encode("utf-8", "surrogatepass")).hexdigest()[:6]
    others = ", ".join(repr(o) for o in sorted(group - {raw}))
    warnings.warn(
        f"label {raw!r} and {others} would be one brat type {clean!r}; {raw!r} is written as "
        f"brat type '{clean}_{digest}'",
        stacklevel=3,
    )
    return f"{clean}_{digest}"


class ConfBuilder:
    """Collects the declared entity types and the types the ``.ann`` files use, then writes the confs."""

    def __init__(self, shared_keys: Iterable[str] = ()) -> None:
        self.shared_keys = frozenset(shared_keys)
        self.entities: set[str] = set()
        self.relations: dict[str, tuple[set[str], set[str]]] = {}
        self.attributes: dict[str, tuple[set[str], set[str]]] = {}
        self.layers: dict[str, str] = {}  # entity type -> the layer it is a label of

    def entity(self, type_name: str, layer: str | None = None) -> str:
        """Record an entity type (and its layer, when declaring it)."""
        self.entities.add(type_name)
        if layer is not None:
            self.layers.setdefault(type_name, layer)
        return type_name

    def relation(self, label: str, arg1: str, arg2: str) -> str:
        """Record a relation type between two entity types; return its brat name."""
        name = brat_name(label)
        sources, targets = self.relations.setdefault(name, (set(), set()))
        sources.add(arg1)
        targets.add(arg2)
        return name

    def attribute(
        self, key: str, type_name: str, value: object, choices: Iterable[str] = (), layer: str = ""
    ) -> str:
        """Record an attribute of an entity type (``True`` is a binary flag) and the other values its
        field declares (``choices``), so a person can pick one the batch lacks; return its brat name
        (``LAYER_KEY`` for a key that layers share)."""
        name = brat_name(f"{layer}_{key}" if layer and key in self.shared_keys else key)
        owners, values = self.attributes.setdefault(name, (set(), set()))
        owners.add(type_name)
        if value is not True:
            values.add(str(value))
            values.update(choices)
        return name

    def _with_layer_types(self, types: set[str]) -> set[str]:
        """``types`` and every other declared type of their layers.

        Why: a relation or attribute is a field of the layer's span model, so every label of that
        layer can carry it, also one the batch used it on no span of (or has no span of)."""
        layers = {self.layers[t] for t in types if t in self.layers}
        return types | {t for t, layer in self.layers.items() if layer in layers}

    def annotation_conf(self) -> str:
        """``annotation.conf``: every type recorded (entities by name), overlaps of any kind allowed."""
        lines = ["[entities]", *sorted(self.entities), "", "[relations]"]
        for name, (arg1, arg2) in sorted(self.relations.items()):
            sources, targets = (sorted(self._with_layer_types(args)) for args in (arg1, arg2))
            lines.append(f"{name}\tArg1:{'|'.join(sources)}, Arg2:{'|'.join(targets)}")
        lines += [
            "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>",
            "",
            "[events]",
            "",
            "[attributes]",
        ]
        for name, (owners, values) in sorted(self.attributes.items()):
            line = f"{name}\tArg:{'|'.join(sorted(self._with_layer_types(owners)))}"
            lines.append(line + (f", Value:{'|'.join(sorted(values))}" if values else ""))
        return "\n".join(lines) + "\n"

    def tools_conf(self) -> str:
        """``tools.conf``: ask brat to validate everything against annotation.conf."""
        return "[options]\nValidation\tvalidate:all\n\n[normalization]\n"
