"""Generate a ready-to-install plugin package from the templates in ``scaffold_template/``.

Placeholders: ``__name__`` (the plugin, annotator and layer name), ``__class__`` (its CamelCase
form) and ``__host_version__``. Nothing is fetched from the network.
"""

from __future__ import annotations

import keyword
import re
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

from annotator import __version__
from annotator.errors import ConfigError

NAME = re.compile(r"^[a-z][a-z0-9_]*$")
TEMPLATE_SUFFIX = ".tmpl"


def check_name(name: str) -> str:
    """Return ``name`` if it can be a plugin, package and layer name at once."""
    if not NAME.match(name) or keyword.iskeyword(name):
        raise ConfigError(
            f"Plugin name {name!r} must be lower case letters, digits and underscores, "
            "starting with a letter."
        )
    return name


def create_plugin(name: str, parent: Path) -> Path:
    """Write the package ``annotator-NAME`` under ``parent``; refuse to overwrite an existing folder."""
    check_name(name)
    target = parent / f"annotator-{name}"
    if target.exists():
        raise ConfigError(f"{target} already exists; choose another folder or name.")
    values = {"__name__": name, "__class__": _camel(name), "__host_version__": __version__}
    _copy(resources.files("annotator") / "scaffold_template", target, values)
    return target


def _copy(source: Traversable, target: Path, values: dict[str, str]) -> None:
    for entry in source.iterdir():
        if entry.name == "__pycache__":
            continue
        dest = target / _fill(entry.name.removesuffix(TEMPLATE_SUFFIX), values)
        if entry.is_dir():
            _copy(entry, dest, values)
        else:
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_text(_fill(entry.read_text(encoding="utf-8"), values), encoding="utf-8")


def _fill(text: str, values: dict[str, str]) -> str:
    for key, value in values.items():
        text = text.replace(key, value)
    return text


def _camel(name: str) -> str:
    return "".join(part.capitalize() for part in name.split("_") if part)
