"""``annotator evaluate`` as a user runs it: hand-made gold over news text, a real annotate run."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from plugin_sources import write_plugin

BIN = str(Path(sys.executable).with_name("annotator"))

ARTICLE = (
    "ISLAMABAD, Oct 29 (Reuters) - Pakistan's Defence Minister Khawaja Asif said on Wednesday that "
    "talks with Afghanistan in Istanbul had failed.\n"
    "Zabihullah Mujahid, the Taliban government's spokesman, blamed Islamabad for the collapse."
)
SECOND = "Turkey and Qatar offered to host another round in Doha next week, officials said."


def ents(text: str, *items: tuple[str, str]) -> list[dict[str, Any]]:
    """Gold entity spans written by reading the text: (phrase, label), first occurrence each."""
    out = []
    for n, (phrase, label) in enumerate(items, 1):
        start = text.index(phrase)
        out.append(
            {"id": f"g{n}", "start": start, "end": start + len(phrase), "text": phrase, "label": label}
        )
    return out


GOLD = [
    {
        "id": "article",
        "text": ARTICLE,
        "spans": {
            "entities": ents(
                ARTICLE,
                ("ISLAMABAD", "GPE"),
                ("Reuters", "ORG"),
                ("Pakistan", "GPE"),
                ("Khawaja Asif", "PERSON"),
                ("Afghanistan", "GPE"),
                ("Istanbul", "GPE"),
                ("Zabihullah Mujahid", "PERSON"),
                ("Taliban", "ORG"),
                ("Islamabad", "GPE"),
            )
        },
    },
    {
        "id": "second",
        "text": SECOND,
        "spans": {"entities": ents(SECOND, ("Turkey", "GPE"), ("Qatar", "GPE"), ("Doha", "GPE"))},
    },
]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([BIN, *args], capture_output=True, text=True, timeout=600)


def write_jsonl(path: Path, records: list[Any]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The gold file and the prediction of a real ``annotator annotate`` run over its texts."""
    folder = tmp_path_factory.mktemp("evaluate")
    gold = write_jsonl(folder / "gold.jsonl", GOLD)
    pred = folder / "pred.jsonl"
    result = run("annotate", str(gold), "--plugins", "entities", "-o", str(pred))
    assert result.returncode == 0, result.stderr
    return gold, pred


def test_json_report_counts_the_gold_and_scores_spans(files: tuple[Path, Path]) -> None:
    gold, pred = files
    result = run("evaluate", str(gold), str(pred), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["documents"] == 2
    entities = report["layers"]["entities"]
    assert entities["spans"]["exact"]["gold"] == 12
    predicted = sum(len(json.loads(line)["spans"]["entities"]) for line in pred.read_text().splitlines())
    assert entities["spans"]["exact"]["pred"] == predicted
    assert entities["spans"]["overlap"]["tp"] >= entities["spans"]["exact"]["tp"] > 0
    assert set(entities["labels"]) >= {"GPE", "ORG", "PERSON"}


def test_mismatches_file_agrees_with_the_counts(files: tuple[Path, Path], tmp_path: Path) -> None:
    gold, pred = files
    out = tmp_path / "mismatches.jsonl"
    result = run("evaluate", str(gold), str(pred), "--json", "--mismatches", str(out))
    overlap = json.loads(result.stdout)["layers"]["entities"]["spans"]["overlap"]
    kinds = [json.loads(line)["kind"] for line in out.read_text().splitlines()]
    assert kinds.count("missed") == overlap["gold"] - overlap["tp"]
    assert kinds.count("spurious") == overlap["pred"] - overlap["tp"]


def test_reports_in_markdown_and_html(files: tuple[Path, Path], tmp_path: Path) -> None:
    gold, pred = files
    md, html = tmp_path / "r.md", tmp_path / "r.html"
    assert run("evaluate", str(gold), str(pred), "--report", str(md)).returncode == 0
    assert run("evaluate", str(gold), str(pred), "--report", str(html)).returncode == 0
    assert "| PERSON |" in md.read_text(encoding="utf-8")
    assert html.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
    bad = run("evaluate", str(gold), str(pred), "--report", str(tmp_path / "r.txt"))
    assert bad.returncode == 2 and "must end in .md or .html" in bad.stderr


def test_a_missing_prediction_is_scored_empty_and_exits_one(files: tuple[Path, Path], tmp_path: Path) -> None:
    gold, pred = files
    first = pred.read_text(encoding="utf-8").splitlines()[0]
    partial = tmp_path / "partial.jsonl"
    partial.write_text(first + "\n", encoding="utf-8")
    result = run("evaluate", str(gold), str(partial), "--json")
    assert result.returncode == 1
    assert f"{gold}:2: document 'second' has no record in {partial}" in result.stderr
    assert json.loads(result.stdout)["layers"]["entities"]["spans"]["exact"]["gold"] == 12


def test_an_error_record_counts_as_nothing_found(files: tuple[Path, Path], tmp_path: Path) -> None:
    gold, pred = files
    first = pred.read_text(encoding="utf-8").splitlines()[0]
    error = {"id": "second", "error": {"reason": "annotator 'entities' crashed"}}
    with_error = tmp_path / "with_error.jsonl"
    with_error.write_text(first + "\n" + json.dumps(error) + "\n", encoding="utf-8")
    result = run("evaluate", str(gold), str(with_error))
    assert result.returncode == 1
    assert "an error record (annotator 'entities' crashed)" in result.stderr


def test_a_changed_text_is_reported_and_skipped(files: tuple[Path, Path], tmp_path: Path) -> None:
    gold, _ = files
    changed = [GOLD[0], {**GOLD[1], "text": SECOND.replace("next week", "next month")}]
    changed[1]["spans"] = {"entities": []}
    pred = write_jsonl(tmp_path / "changed.jsonl", changed)
    result = run("evaluate", str(gold), str(pred), "--json")
    assert result.returncode == 1
    at = SECOND.index("next week") + len("next ")
    assert f"{pred}:2: document 'second': text differs from {gold}:2 (first at offset {at}); skipped" in (
        result.stderr
    )
    assert json.loads(result.stdout)["documents"] == 1


def test_unknown_prediction_ids_are_warned_about(files: tuple[Path, Path], tmp_path: Path) -> None:
    gold, pred = files
    extra = {"id": "not-in-gold", "text": "Kabul.", "spans": {}}
    both = tmp_path / "both.jsonl"
    both.write_text(pred.read_text(encoding="utf-8") + json.dumps(extra) + "\n", encoding="utf-8")
    result = run("evaluate", str(gold), str(both))
    assert result.returncode == 0
    assert f"{both}:3: unknown document id 'not-in-gold' (not in {gold}); ignored" in result.stderr


@pytest.mark.parametrize(
    ("edit", "reason"),
    [
        (lambda r: r["spans"]["entities"][0].update(end=500), "offsets 0-500 are out of range"),
        (lambda r: r["spans"]["entities"][0].update(text="Kabul"), "differs from the document slice"),
        (
            lambda r: r["spans"]["entities"][1].update(id="g1"),
            "span id 'g1' in layer 'entities' is not unique",
        ),
    ],
)
def test_bad_gold_is_one_line_naming_file_line_and_reason(
    files: tuple[Path, Path], tmp_path: Path, edit: Any, reason: str
) -> None:
    records = json.loads(json.dumps(GOLD))
    edit(records[1])
    gold = write_jsonl(tmp_path / "gold.jsonl", records)
    result = run("evaluate", str(gold), str(files[1]))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: {gold}:2: ") and reason in lines[0]


def test_malformed_and_duplicate_records_are_each_named(files: tuple[Path, Path], tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    text = json.dumps(GOLD[0]) + "\n" + '{"id": "x", "text": \n' + json.dumps(GOLD[0]) + "\n"
    gold.write_text("\ufeff" + text, encoding="utf-8")  # a BOM from a Windows editor is not an error
    result = run("evaluate", str(gold), str(files[1]))
    assert result.returncode == 2
    assert f"{gold}:2: malformed JSON" in result.stderr
    assert f"{gold}:3: duplicate document id 'article' (first on line 1)" in result.stderr
    assert ":1:" not in result.stderr


def test_unknown_layer_is_a_usage_error(files: tuple[Path, Path]) -> None:
    gold, pred = files
    result = run("evaluate", str(gold), str(pred), "--layer", "quotes")
    assert result.returncode == 2
    assert "No gold document has layer 'quotes'. Gold layers: entities." in result.stderr


def test_label_map_file_turns_pred_labels_into_gold_ones(files: tuple[Path, Path], tmp_path: Path) -> None:
    gold, pred = files
    mapping = tmp_path / "map.toml"
    mapping.write_text('[entities]\nGPE = "LOC"\n', encoding="utf-8")
    plain = json.loads(run("evaluate", str(gold), str(pred), "--json").stdout)["layers"]["entities"]
    mapped = json.loads(run("evaluate", str(gold), str(pred), "--json", "--label-map", str(mapping)).stdout)
    labels = mapped["layers"]["entities"]["labels"]
    assert labels["LOC"]["exact"]["pred"] == plain["labels"]["GPE"]["exact"]["pred"] > 0
    assert labels["GPE"]["exact"]["pred"] == 0 and labels["LOC"]["exact"]["gold"] == 0


SCORED_PLUGIN = '''
"""A third-party layer with its own scorer: hashtags, scored on their kind and a count of its own."""
import re

from pydantic import Field

from annotator import Annotator, Span, hookimpl
from annotator.evaluation import Attribute, SpanScorer


class TagSpan(Span):
    kind: str = Field(description="hashtag or handle")


class TagScorer(SpanScorer):
    def add_matched(self, matched):
        self.result.figures["handles_matched"] = self.result.figures.get("handles_matched", 0.0) + sum(
            1 for gold, pred, exact in matched.spans() if gold.text.startswith("@")
        )


class Tags(Annotator):
    name = "tags"
    span_model = TagSpan

    @classmethod
    def scorer(cls):
        return TagScorer((Attribute("kind"),))

    def annotate(self, document, parsed):
        for i, m in enumerate(re.finditer(r"[@#]\\w+", document.text)):
            yield TagSpan(id=self.span_id(i), start=m.start(), end=m.end(), text=m.group(),
                          label="TAG", kind="hashtag")


@hookimpl
def register_annotators(register):
    register(Tags)
'''


def test_a_third_party_layer_is_scored_by_its_own_scorer(tmp_path: Path) -> None:
    plugins = write_plugin(tmp_path / "plugins", "tags", SCORED_PLUGIN)
    text = "Khawaja Asif (@KhawajaMAsif) wrote under #PakAfghanTalks after the Doha round."
    gold_spans = [
        {"start": text.index("@"), "end": text.index("@") + 13, "label": "TAG", "kind": "handle"},
        {"start": text.index("#"), "end": text.index("#") + 15, "label": "TAG", "kind": "hashtag"},
    ]
    gold = write_jsonl(tmp_path / "gold.jsonl", [{"id": "t", "text": text, "spans": {"tags": gold_spans}}])
    pred = tmp_path / "pred.jsonl"
    args = ("--plugins-dir", str(plugins))
    assert run("annotate", str(gold), "--plugins", "tags", "-o", str(pred), *args).returncode == 0
    report = json.loads(run("evaluate", str(gold), str(pred), "--json", *args).stdout)["layers"]["tags"]
    assert report["spans"]["exact"]["tp"] == 2
    assert (report["attributes"]["kind"]["matched"], report["attributes"]["kind"]["correct"]) == (2, 1)
    assert report["figures"] == {"handles_matched": 1.0}
    without = json.loads(run("evaluate", str(gold), str(pred), "--json").stdout)["layers"]["tags"]
    assert without["attributes"] == {} and without["figures"] == {}  # foreign layer: spans only
