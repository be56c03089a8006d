"""Put the selected annotators in dependency order, refusing cycles and missing requirements."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from graphlib import CycleError, TopologicalSorter

from annotator.annotators import Annotator
from annotator.errors import ConfigError


def order_annotators(selected: Sequence[str], available: Mapping[str, type[Annotator]]) -> list[str]:
    """Return ``selected``, plus the layers they require, sorted so requirements run first.

    Installed requirements are added (asking for ``stance`` brings in ``quotes`` and
    ``entities``); a requirement that no installed plugin provides is an error naming both
    annotators, and a cycle is an error naming its members.
    """
    chosen = _with_requirements(selected, available)
    graph = {name: list(available[name].requires) for name in chosen}
    try:
        order = list(TopologicalSorter(graph).static_order())
    except CycleError as exc:
        cycle = " -> ".join(exc.args[1])
        raise ConfigError(f"Annotators require each other in a cycle: {cycle}.") from exc
    return _stable(order, chosen, graph)


def _stable(order: list[str], chosen: list[str], graph: Mapping[str, list[str]]) -> list[str]:
    """Keep the user's order where dependencies allow, so runs are reproducible and predictable."""
    done: list[str] = []
    pending = list(chosen)
    while pending:
        ready = next(n for n in pending if all(r in done for r in graph[n]))
        done.append(ready)
        pending.remove(ready)
    assert set(done) == set(order)
    return done


def _with_requirements(selected: Sequence[str], available: Mapping[str, type[Annotator]]) -> list[str]:
    chosen: list[str] = []
    stack = list(reversed(list(dict.fromkeys(selected))))
    while stack:
        name = stack.pop()
        if name in chosen:
            continue
        if name not in available:
            raise ConfigError(f"Unknown annotator {name!r}. Available: {', '.join(sorted(available))}.")
        chosen.append(name)
        for req in available[name].requires:
            if req not in available:
                raise ConfigError(
                    f"Annotator {name!r} requires {req!r}, which no installed plugin provides. "
                    f"Available: {', '.join(sorted(available))}."
                )
            stack.append(req)
    return chosen
