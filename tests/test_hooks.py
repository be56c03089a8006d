"""Every hook is documented with its signature and tested; each hook works as documented."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest
from plugin_sources import HASHTAGS, write_plugin

from annotator import hookspecs
from annotator.registry import build_registry

ROOT = Path(__file__).resolve().parents[1]
HOOKS = sorted(name for name, fn in vars(hookspecs).items() if name.startswith("register_") and callable(fn))

EXPORTER_PLUGIN = """
from annotator import hookimpl


class CountsExporter:
    name = "counts"

    def export(self, documents, target, **options):
        return None


@hookimpl
def register_exporters(register):
    register(CountsExporter())
"""


def signature_of(name: str) -> str:
    params = inspect.signature(getattr(hookspecs, name)).parameters
    return f"{name}({', '.join(params)})"


@pytest.mark.parametrize("hook", HOOKS)
def test_hooks_are_documented_with_their_signature(hook: str) -> None:
    assert f"## `{signature_of(hook)}`" in (ROOT / "docs" / "hooks.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("hook", HOOKS)
def test_hooks_each_have_a_test(hook: str) -> None:
    sources = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests").glob("test_*.py"))
    assert f"def test_{hook}_" in sources


def test_register_annotators_adds_annotator_with_its_plugin(tmp_path: Path) -> None:
    registry = build_registry([write_plugin(tmp_path, "handles", HASHTAGS)])
    assert registry.annotators["handles"].plugin == "handles"
    assert registry.plugin_info("handles").hooks == ("register_annotators",)  # type: ignore[union-attr]


def test_register_exporters_adds_exporter_by_name(tmp_path: Path) -> None:
    registry = build_registry([write_plugin(tmp_path, "counts", EXPORTER_PLUGIN)])
    assert registry.exporters["counts"].plugin == "counts"


def test_register_exporters_rejects_object_without_export(tmp_path: Path) -> None:
    bad = EXPORTER_PLUGIN.replace("def export(", "def write(")
    registry = build_registry([write_plugin(tmp_path, "broken_exporter", bad)])
    failure = next(f for f in registry.failures if f.plugin == "broken_exporter")
    assert "'export' method" in failure.reason


IMPORTER_PLUGIN = """
from annotator import hookimpl


class EmptyImporter:
    name = "empty"

    def read(self, path, options):
        return iter(())


@hookimpl
def register_importers(register):
    register(EmptyImporter())
"""


def test_register_importers_adds_importer_by_name(tmp_path: Path) -> None:
    registry = build_registry([write_plugin(tmp_path, "empty", IMPORTER_PLUGIN)])
    assert registry.importers["empty"].plugin == "empty"


def test_register_importers_rejects_object_without_read(tmp_path: Path) -> None:
    bad = IMPORTER_PLUGIN.replace("def read(", "def load(")
    registry = build_registry([write_plugin(tmp_path, "broken_importer", bad)])
    failure = next(f for f in registry.failures if f.plugin == "broken_importer")
    assert "'read' method" in failure.reason
