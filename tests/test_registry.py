"""Plugin discovery: entry points, plugins dirs, and failures that are reported and contained."""

from __future__ import annotations

from pathlib import Path

import pytest
from plugin_sources import (
    DUPLICATE_ENTITIES,
    HASHTAGS,
    MISSPELLED_HOOK,
    RAISES_ON_IMPORT,
    REGISTER_RAISES,
    write_plugin,
)

from annotator.registry import PLUGINS_DIR_ENV, build_registry


def test_registry_finds_builtin_entities_through_entry_point() -> None:
    registry = build_registry()
    assert registry.annotators["entities"].plugin == "entities"
    info = registry.plugin_info("entities")
    assert info is not None and info.source.startswith("entry point annotator:entities")


def test_registry_loads_plugin_from_plugins_dir(tmp_path: Path) -> None:
    registry = build_registry([write_plugin(tmp_path, "handles", HASHTAGS)])
    assert registry.annotators["handles"].plugin == "handles"
    assert "plugins dir" in registry.plugin_info("handles").source  # type: ignore[union-attr]


def test_registry_loads_plugins_dir_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PLUGINS_DIR_ENV, str(write_plugin(tmp_path, "handles", HASHTAGS)))
    assert "handles" in build_registry().annotators


def test_registry_reports_plugin_that_raises_on_import_and_keeps_others(tmp_path: Path) -> None:
    write_plugin(tmp_path, "broken", RAISES_ON_IMPORT)
    registry = build_registry([write_plugin(tmp_path, "handles", HASHTAGS)])
    failure = next(f for f in registry.failures if f.plugin == "broken")
    assert "RuntimeError: this plugin is broken on purpose" in failure.reason
    assert {"entities", "handles"} <= set(registry.annotators)


def test_registry_rejects_misspelled_hook(tmp_path: Path) -> None:
    registry = build_registry([write_plugin(tmp_path, "typo", MISSPELLED_HOOK)])
    failure = next(f for f in registry.failures if f.plugin == "typo")
    assert "register_annotator" in failure.reason
    assert registry.plugin_info("typo") is None


def test_registry_refuses_duplicate_annotator_name_naming_both_plugins(tmp_path: Path) -> None:
    registry = build_registry([write_plugin(tmp_path, "impostor", DUPLICATE_ENTITIES)])
    failure = next(f for f in registry.failures if f.plugin == "impostor")
    assert "'entities' is already registered by plugin 'entities'" in failure.reason
    assert registry.annotators["entities"].plugin == "entities"


def test_registry_contains_a_register_hook_that_raises(tmp_path: Path) -> None:
    registry = build_registry([write_plugin(tmp_path, "grumpy", REGISTER_RAISES)])
    failure = next(f for f in registry.failures if f.plugin == "grumpy")
    assert "cannot register today" in failure.reason
    assert "entities" in registry.annotators


def test_registry_reports_missing_plugins_dir(tmp_path: Path) -> None:
    registry = build_registry([tmp_path / "nowhere"])
    assert any("does not exist" in f.reason for f in registry.failures)
