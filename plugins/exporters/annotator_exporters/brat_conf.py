"""The brat configuration for an export: the entity, relation and attribute types actually used."""

from __future__ import annotations

import re


def brat_name(name: str) -> str:
    """A type or attribute name brat accepts: letters, digits, ``_`` and ``-`` only."""
    cleaned = re.sub(r"[^A-Za-z0-9_-]", "_", name)
    return cleaned if cleaned and cleaned[0].isalpha() else f"X{cleaned}"


class ConfBuilder:
    """Collects the types the ``.ann`` files use, then writes ``annotation.conf`` and ``tools.conf``."""

    def __init__(self) -> None:
        self.entities: set[str] = set()
        self.relations: dict[str, tuple[set[str], set[str]]] = {}
        self.attributes: dict[str, tuple[set[str], set[str]]] = {}

    def entity(self, type_name: str) -> str:
        """Record an entity type."""
        self.entities.add(type_name)
        return type_name

    def relation(self, label: str, arg1: str, arg2: str) -> str:
        """Record a relation type between two entity types; return its brat name."""
        name = brat_name(label)
        sources, targets = self.relations.setdefault(name, (set(), set()))
        sources.add(arg1)
        targets.add(arg2)
        return name

    def attribute(self, key: str, type_name: str, value: object) -> str:
        """Record an attribute of an entity type (``True`` is a binary flag); return its brat name."""
        name = brat_name(key)
        owners, values = self.attributes.setdefault(name, (set(), set()))
        owners.add(type_name)
        if value is not True:
            values.add(str(value))
        return name

    def annotation_conf(self) -> str:
        """``annotation.conf``: every type used, with overlaps of any kind allowed."""
        lines = ["[entities]", *sorted(self.entities), "", "[relations]"]
        for name, (arg1, arg2) in sorted(self.relations.items()):
            lines.append(f"{name}\tArg1:{'|'.join(sorted(arg1))}, Arg2:{'|'.join(sorted(arg2))}")
        lines += [
            "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>",
            "",
            "[events]",
            "",
            "[attributes]",
        ]
        for name, (owners, values) in sorted(self.attributes.items()):
            line = f"{name}\tArg:{'|'.join(sorted(owners))}"
            lines.append(line + (f", Value:{'|'.join(sorted(values))}" if values else ""))
        return "\n".join(lines) + "\n"

    def tools_conf(self) -> str:
        """``tools.conf``: ask brat to validate everything against annotation.conf."""
        return "[options]\nValidation\tvalidate:all\n\n[normalization]\n"
