"""Put the selected annotators in dependency order, refusing cycles and missing requirements."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from graphlib import CycleError, TopologicalSorter

from annotator.annotators import Annotator
from annotator.errors import ConfigError


def order_annotators(selected: Sequence[str], available: Mapping[str, type[Annotator]]) -> list[str]:
    """Return ``selected`` sorted so every annotator runs after the layers it ``requires``.

    A required layer that is not selected is an error naming both annotators, so a user is never
    surprised by a layer they did not ask for; a cycle is an error naming its members.
    """
    chosen = list(dict.fromkeys(selected))
    for name in chosen:
        if name not in available:
            raise ConfigError(f"Unknown annotator {name!r}. Available: {', '.join(sorted(available))}.")
    graph: dict[str, list[str]] = {}
    for name in chosen:
        missing = [req for req in available[name].requires if req not in chosen]
        if missing:
            raise ConfigError(
                f"Annotator {name!r} requires {', '.join(map(repr, missing))}; "
                f"add it to --plugins (e.g. --plugins {','.join([*missing, *chosen])})."
            )
        graph[name] = list(available[name].requires)
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
