"""The HTML viewer: spans render, document text is escaped (a ``<script>`` in it is shown, not run).

The page is opened in headless Chromium (Debian's ``chromium``; ``.ci/run`` installs it), which
dumps the DOM after the page's own script ran and saves a screenshot to test-artifacts/.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from test_export_golden import golden_document, seed_documents

from annotator import Document, Span
from annotator.exporting import layer_spans
from annotator.viewer import render_page
from annotator.viewer.render import script_json

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
INJECTION = "Mayor said <script>document.body.setAttribute('data-pwned','yes')</script> & left."
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def hostile_document() -> Document:
    start = INJECTION.index("<script>")
    end = INJECTION.index("</script>") + len("</script>")
    spans = [
        Span(id="e-mayor", start=0, end=5, text="Mayor", label="PERSON"),
        Span(id="e-script", start=start, end=end, text=INJECTION[start:end], label="CODE"),
    ]
    return Document(id="</article><script>alert(1)</script>", text=INJECTION, spans={"entities": spans})


def page_documents() -> list[Document]:
    """What the browser tests show: the golden document first, then the hostile one, then the seeds."""
    return [golden_document(), hostile_document(), *seed_documents()]


def chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        pytest.skip("chromium is not installed (CI installs Debian's chromium)")
    return path


def run_chromium(page: Path, tmp_path: Path, *args: str) -> str:
    cmd = [chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args, page.as_uri()]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    return done.stdout


@pytest.fixture(scope="module")
def rendered_dom(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The DOM of the viewer page for the golden, hostile and seed documents, after scripts ran."""
    tmp = tmp_path_factory.mktemp("viewer")
    page = tmp / "page.html"
    page.write_text(render_page(page_documents()), encoding="utf-8")
    dom = run_chromium(page, tmp, "--dump-dom", "--virtual-time-budget=3000")
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "viewer.png"
    run_chromium(page, tmp, f"--screenshot={shot}", "--window-size=1280,900", "--hide-scrollbars")
    return dom


def test_viewer_page_script_ran_and_indexed_the_spans(rendered_dom: str) -> None:
    ready = re.search(r'<body[^>]*data-ready="(\d+)"', rendered_dom)
    assert ready is not None and int(ready.group(1)) > 0


class HighlightCollector(HTMLParser):
    """Collects, per (layer class, span index), the text inside the highlight elements of one article."""

    def __init__(self, doc: str) -> None:
        super().__init__()
        self.doc, self.inside, self.stack = doc, 0, []  # type: ignore[var-annotated]
        self.texts: dict[tuple[str, str], str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "article":
            self.inside = a.get("data-doc") == self.doc
        if tag == "span":
            classes = (a.get("class") or "").split()
            ids = (a.get("data-ids") or "").split() if "s" in classes else []
            self.stack.append([(c, i) for c in classes if c.startswith("l") for i in ids])

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        for key in (k for level in self.stack for k in level) if self.inside else ():
            self.texts[key] = self.texts.get(key, "") + data


def test_viewer_renders_every_golden_span_highlighted_in_its_layer(rendered_dom: str) -> None:
    collector = HighlightCollector("0")
    collector.feed(rendered_dom)
    document = golden_document()
    all_layers = sorted({layer for doc in page_documents() for layer in doc.spans})
    layer_class = {layer: f"l{n}" for n, layer in enumerate(all_layers)}
    expected = {(layer_class[i.layer], str(n)): i.span.text for n, i in enumerate(layer_spans(document))}
    assert collector.texts == expected


def test_viewer_shows_script_in_text_as_text_and_does_not_run_it(rendered_dom: str) -> None:
    assert not re.search(r"<[a-z]+[^<>]*\sdata-pwned=", rendered_dom)
    assert "&lt;script&gt;document.body.setAttribute('data-pwned','yes')&lt;/script&gt;" in rendered_dom
    assert "&lt;/article&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in rendered_dom


def test_viewer_saves_a_screenshot_artifact(rendered_dom: str) -> None:
    shot = ARTIFACTS / "viewer.png"
    assert shot.is_file() and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_viewer_escapes_text_in_the_static_page() -> None:
    page = render_page([hostile_document()])
    assert "<script>document.body" not in page and "&lt;script&gt;document.body" in page


def test_viewer_script_json_cannot_close_its_script_element() -> None:
    encoded = script_json({"text": "</script><script>alert(1)</script>"})
    assert "<" not in encoded and ">" not in encoded
