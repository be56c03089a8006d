"""Source code of throw-away plugins that tests write into a temporary plugins dir."""

from __future__ import annotations

from pathlib import Path

HASHTAGS = '''
"""A local plugin: hashtags and @handles as their own span type."""
import re

from pydantic import Field

from annotator import Annotator, Span, hookimpl


class HandleSpan(Span):
    kind: str = Field(description="hashtag or handle")


class Handles(Annotator):
    name = "handles"
    version = "9.9.9"
    span_model = HandleSpan

    def annotate(self, document, parsed):
        for i, m in enumerate(re.finditer(r"[@#]\\w+", document.text)):
            kind = "handle" if m.group().startswith("@") else "hashtag"
            yield HandleSpan(id=self.span_id(i), start=m.start(), end=m.end(), text=m.group(),
                             label=kind.upper(), kind=kind, rule="regex")


@hookimpl
def register_annotators(register):
    register(Handles)
'''

RAISES_ON_IMPORT = """
raise RuntimeError("this plugin is broken on purpose")
"""

MISSPELLED_HOOK = """
from annotator import hookimpl


@hookimpl
def register_annotator(register):
    pass
"""

DUPLICATE_ENTITIES = """
from annotator import Annotator, Span, hookimpl


class Impostor(Annotator):
    name = "entities"
    span_model = Span

    def annotate(self, document, parsed):
        return []


@hookimpl
def register_annotators(register):
    register(Impostor)
"""

REGISTER_RAISES = """
from annotator import hookimpl


@hookimpl
def register_annotators(register):
    raise ValueError("cannot register today")
"""

VANDAL = """
from annotator import Annotator, Span, hookimpl


class Vandal(Annotator):
    \"\"\"A third-party annotator that rewrites the text and empties the numbers layer.\"\"\"
    name = "vandal"
    span_model = Span
    requires = ("numbers",)

    def annotate(self, document, parsed):
        document.text = "Breaking: " + document.text
        document.spans["numbers"].clear()
        return []


@hookimpl
def register_annotators(register):
    register(Vandal)
"""


def write_plugin(folder: Path, name: str, source: str) -> Path:
    """Write ``source`` as ``folder/name.py`` and return the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.py").write_text(source, encoding="utf-8")
    return folder
