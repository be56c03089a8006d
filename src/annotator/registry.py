"""Find plugins (entry points and plugins dirs), collect what they register, report what failed.

Nothing here runs at import time: :func:`build_registry` is called by the CLI or the API when a
registry is first needed. A plugin that fails to import, implements a misspelled hook, raises
while registering or reuses a taken name is recorded as a :class:`PluginFailure` and left out;
the others still work.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import pluggy

from annotator import hookspecs
from annotator.annotators import Annotator
from annotator.errors import ConfigError
from annotator.spans import Span

ENTRY_POINT_GROUP = "annotator"
PLUGINS_DIR_ENV = "ANNOTATOR_PLUGINS_DIR"


@dataclass(frozen=True)
class PluginInfo:
    """A loaded plugin: its name, where it came from and its version when known."""

    name: str
    source: str
    version: str | None = None
    hooks: tuple[str, ...] = ()


@dataclass(frozen=True)
class PluginFailure:
    """A plugin (or one of its registrations) that was left out, and why."""

    plugin: str
    source: str
    reason: str


@dataclass(frozen=True)
class Registered:
    """An object registered through a hook, with the plugin that registered it."""

    name: str
    obj: Any
    plugin: str


@dataclass
class Registry:
    """Everything the installed plugins registered, plus the failures to report."""

    plugins: list[PluginInfo] = field(default_factory=list)
    annotators: dict[str, Registered] = field(default_factory=dict)
    exporters: dict[str, Registered] = field(default_factory=dict)
    importers: dict[str, Registered] = field(default_factory=dict)
    failures: list[PluginFailure] = field(default_factory=list)

    def annotator(self, name: str) -> type[Annotator]:
        """The annotator class called ``name``, or a ConfigError listing the available ones."""
        if name not in self.annotators:
            raise ConfigError(f"Unknown annotator {name!r}. Available: {', '.join(sorted(self.annotators))}.")
        return self.annotators[name].obj  # type: ignore[no-any-return]

    def span_models(self) -> dict[str, type[Span]]:
        """Each layer's span model, for reading documents back with their types."""
        return {name: reg.obj.span_model for name, reg in self.annotators.items()}

    def summary_models(self) -> dict[str, type[Any]]:
        """Each layer's summary model, for layers that have one."""
        return {n: r.obj.summary_model for n, r in self.annotators.items() if r.obj.summary_model is not None}

    def plugin_info(self, name: str) -> PluginInfo | None:
        """The plugin called ``name``."""
        return next((p for p in self.plugins if p.name == name), None)


def plugins_dirs_from_env() -> list[Path]:
    """Folders named in ANNOTATOR_PLUGINS_DIR (os.pathsep-separated)."""
    value = os.environ.get(PLUGINS_DIR_ENV, "")
    return [Path(p) for p in value.split(os.pathsep) if p]


def build_registry(plugins_dirs: Sequence[Path] = (), use_entry_points: bool = True) -> Registry:
    """Load plugins from the entry-point group and the given folders, then collect registrations."""
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    registry = Registry()
    if use_entry_points:
        for name, source, version, load in _entry_point_loaders():
            _add_plugin(pm, registry, name, source, version, load)
    for folder in [*plugins_dirs, *plugins_dirs_from_env()]:
        for name, source, load in _plugins_dir_loaders(folder):
            _add_plugin(pm, registry, name, source, None, load)
    _collect(pm, registry, "register_annotators", registry.annotators, _check_annotator)
    _collect(pm, registry, "register_exporters", registry.exporters, _check_exporter)
    _collect(pm, registry, "register_importers", registry.importers, _check_importer)
    return registry


def _entry_point_loaders() -> Iterable[tuple[str, str, str | None, Callable[[], Any]]]:
    eps = importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)
    for ep in sorted(eps, key=lambda e: e.name):
        dist = ep.dist
        version = dist.version if dist is not None else None
        source = f"entry point {ENTRY_POINT_GROUP}:{ep.name} ({ep.value}"
        source += f", {dist.name} {version})" if dist is not None else ")"
        yield ep.name, source, version, ep.load


def _plugins_dir_loaders(folder: Path) -> Iterable[tuple[str, str, Callable[[], Any]]]:
    if not folder.is_dir():
        yield folder.name, f"plugins dir {folder}", _raiser(f"plugins dir {folder} does not exist")
        return
    for path in sorted(folder.glob("*.py")):
        if not path.name.startswith("_"):
            yield path.stem, f"plugins dir {path}", _file_loader(path)


def _raiser(message: str) -> Callable[[], Any]:
    def load() -> Any:
        raise ConfigError(message)

    return load


def _file_loader(path: Path) -> Callable[[], ModuleType]:
    def load() -> ModuleType:
        module_name = f"annotator_local_{path.stem}"
        spec = importlib.util.spec_from_file_location(module_name, path)
        if spec is None or spec.loader is None:
            raise ConfigError(f"cannot import {path}")
        module = importlib.util.module_from_spec(spec)
        sys.modules[module_name] = module
        try:
            spec.loader.exec_module(module)
        except BaseException:
            sys.modules.pop(module_name, None)
            raise
        return module

    return load


def _add_plugin(
    pm: pluggy.PluginManager,
    registry: Registry,
    name: str,
    source: str,
    version: str | None,
    load: Callable[[], Any],
) -> None:
    """Import and register one plugin; any failure is recorded against it and the rest go on."""
    if pm.has_plugin(name):
        other = registry.plugin_info(name)
        registry.failures.append(
            PluginFailure(
                name, source, f"a plugin named {name!r} is already loaded from {other and other.source}"
            )
        )
        return
    try:
        module = load()
        pm.register(module, name=name)
        pm.check_pending()
    except Exception as exc:  # noqa: BLE001 - a broken plugin must not take the others down
        if pm.has_plugin(name):
            pm.unregister(name=name)
        registry.failures.append(PluginFailure(name, source, _describe(exc)))
        return
    hooks = tuple(sorted(caller.name for caller in pm.get_hookcallers(module) or ()))
    registry.plugins.append(PluginInfo(name, source, version, hooks))


def _collect(
    pm: pluggy.PluginManager,
    registry: Registry,
    hook_name: str,
    into: dict[str, Registered],
    check: Callable[[Any], str],
) -> None:
    """Call one register_* hook plugin by plugin, so a failure is attributed and contained."""
    hook = getattr(pm.hook, hook_name)
    for impl in sorted(hook.get_hookimpls(), key=lambda i: i.plugin_name):
        plugin = impl.plugin_name
        source = getattr(registry.plugin_info(plugin), "source", plugin)
        try:
            impl.function(register=lambda obj, _p=plugin: _register(registry, into, check, obj, _p))
        except Exception as exc:  # noqa: BLE001 - contained and reported, see module docstring
            registry.failures.append(PluginFailure(plugin, source, f"{hook_name} failed: {_describe(exc)}"))


def _register(
    registry: Registry, into: dict[str, Registered], check: Callable[[Any], str], obj: Any, plugin: str
) -> None:
    name = check(obj)
    if name in into:
        first = into[name].plugin
        source = getattr(registry.plugin_info(plugin), "source", plugin)
        reason = f"{name!r} is already registered by plugin {first!r}; refused from {plugin!r}"
        registry.failures.append(PluginFailure(plugin, source, reason))
        return
    into[name] = Registered(name, obj, plugin)


def _check_annotator(obj: Any) -> str:
    if not (isinstance(obj, type) and issubclass(obj, Annotator)):
        raise ConfigError(f"{obj!r} is not a subclass of annotator.Annotator")
    name = getattr(obj, "name", None)
    if not isinstance(name, str) or not name.isidentifier():
        raise ConfigError(f"{obj.__name__} must declare a name that is a Python identifier, got {name!r}")
    if not (isinstance(obj.span_model, type) and issubclass(obj.span_model, Span)):
        raise ConfigError(f"{obj.__name__}.span_model must subclass annotator.Span")
    return name


def _check_exporter(obj: Any) -> str:
    name = getattr(obj, "name", None)
    if not isinstance(name, str) or not callable(getattr(obj, "export", None)):
        raise ConfigError(f"{obj!r} must have a str 'name' and an 'export' method")
    return name


def _check_importer(obj: Any) -> str:
    name = getattr(obj, "name", None)
    if not isinstance(name, str) or not callable(getattr(obj, "read", None)):
        raise ConfigError(f"{obj!r} must have a str 'name' and a 'read' method")
    return name


def _describe(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__
