"""The plugin-writing guide's examples run as written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from annotator.pipeline import Pipeline
from annotator.registry import build_registry
from annotator.testing import assert_valid

GUIDE = Path(__file__).resolve().parents[1] / "docs" / "writing-plugins.md"
BLOCK = re.compile(r"```python file=(?P<name>[\w.]+)\n(?P<code>.*?)```", re.DOTALL)
TEXT = (
    "Pakistan’s Defence Minister Khawaja Asif warned the Tehrik-i-Taliban Pakistan (TTP) on Wednesday, "
    "while Information Minister Attaullah Tarar said the Armed Conflict Location & Event Data Project "
    "(ACLED) counted more than 600 attacks."
)


@pytest.fixture(scope="module")
def guide_plugins(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("guide")
    for match in BLOCK.finditer(GUIDE.read_text(encoding="utf-8")):
        (folder / match["name"]).write_text(match["code"], encoding="utf-8")
    return folder


def test_guide_examples_all_load(guide_plugins: Path) -> None:
    registry = build_registry([guide_plugins])
    assert [f for f in registry.failures if "plugins dir" in f.source] == []
    assert {"acronyms", "titles"} <= set(registry.annotators)


def test_guide_one_file_plugin_finds_defined_acronyms(guide_plugins: Path) -> None:
    doc = Pipeline(plugins=["acronyms"], registry=build_registry([guide_plugins]), on_error="raise")(TEXT)
    found = [(s.text, s.expansion) for s in doc.layer("acronyms")]  # type: ignore[attr-defined]
    assert found == [
        ("TTP", "Tehrik-i-Taliban Pakistan"),
        ("ACLED", "Armed Conflict Location & Event Data Project"),
    ]
    assert_valid(doc)


def test_guide_layer_reading_plugin_links_titles_to_people(guide_plugins: Path) -> None:
    doc = Pipeline(plugins=["titles"], registry=build_registry([guide_plugins]), on_error="raise")(TEXT)
    people = doc.span_index()
    found = {s.text: people[s.holder].text for s in doc.layer("titles")}  # type: ignore[attr-defined]
    assert found == {"Defence Minister": "Khawaja Asif", "Information Minister": "Attaullah Tarar"}
    assert_valid(doc)


def test_guide_titles_option_is_applied(guide_plugins: Path) -> None:
    registry = build_registry([guide_plugins])
    doc = Pipeline(plugins=["titles"], registry=registry, options={"titles": {"max_words": 1}})(TEXT)
    assert {s.text for s in doc.layer("titles")} == {"Minister"}
