"""Annotators run after the layers they require; cycles and missing requirements are refused."""

from __future__ import annotations

import pytest
from host_annotators import make

from annotator.errors import ConfigError
from annotator.ordering import order_annotators

AVAILABLE = {
    "entities": make("entities"),
    "quotes": make("quotes", requires=("entities",)),
    "stance": make("stance", requires=("entities", "quotes")),
    "numbers": make("numbers"),
}


def test_ordering_puts_requirements_first() -> None:
    assert order_annotators(["stance", "quotes", "entities"], AVAILABLE) == ["entities", "quotes", "stance"]


def test_ordering_adds_installed_requirements() -> None:
    assert order_annotators(["stance"], AVAILABLE) == ["entities", "quotes", "stance"]


def test_ordering_keeps_user_order_where_free() -> None:
    assert order_annotators(["numbers", "entities"], AVAILABLE) == ["numbers", "entities"]


def test_ordering_refuses_cycle_naming_members() -> None:
    cyclic = {"a": make("a", requires=("b",)), "b": make("b", requires=("a",))}
    with pytest.raises(ConfigError, match="cycle: .*a.*b|cycle: .*b.*a"):
        order_annotators(["a"], cyclic)


def test_ordering_refuses_requirement_no_plugin_provides() -> None:
    broken = {"quotes": make("quotes", requires=("entities",))}
    with pytest.raises(ConfigError, match="'quotes' requires 'entities', which no installed plugin provides"):
        order_annotators(["quotes"], broken)


def test_ordering_refuses_unknown_annotator_listing_available() -> None:
    with pytest.raises(
        ConfigError, match=r"Unknown annotator 'date'\. Available: entities, numbers, quotes, stance\."
    ):
        order_annotators(["date"], AVAILABLE)
