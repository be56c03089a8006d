"""Run the dates layer and dateparser on gold documents, score both with annotator.evaluation.

Shared by the public-suite scripts (timeml.py, duckling_time.py, recognizers_datetime.py) and by
benchmarks/dates_eval.py, so every dates figure comes from the same code as ``annotator evaluate``.
Gold documents carry the reference time in ``meta["published"]`` (our anchor) and, when it has a
clock time, ``meta["reference_time"]`` (dateparser's ``RELATIVE_BASE``).

Times: spaCy's parse of the texts is timed alone (bare spaCy), then the dates annotator alone on
the parsed documents, so "dates ms per 4.6 KB" is the layer's own cost, scaled to the length of
a typical news article (4.6 KB, the seed articles' mean) from the texts' total length. The warm-up
also names holidays, so that the calendars the layer imports lazily (``holidays`` takes ~0.3 s to
import, once per process) are loaded outside the timing: the figure is the steady-state cost.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator import Document, InputDocument
from annotator.evaluation import Evaluation, ScoredFile, evaluate
from annotator.spans import ForeignSpan

ARTICLE_BYTES = 4600
WARM_UP = InputDocument(
    id="warm-up",
    text="Shops open late before Thanksgiving, Christmas and Eid al-Fitr, and close on Labor Day.",
    meta={"published": "2020-06-01"},
)


@dataclass
class Run:
    """One tool's predictions and timings on the gold texts."""

    name: str
    documents: list[Document]
    seconds: float
    parse_seconds: float | None = None
    evaluation: Evaluation | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def run_dates(gold: Sequence[Document], options: dict[str, Any] | None = None) -> Run:
    """The dates annotator on every gold text; parse and annotation timed apart."""
    from annotator import Pipeline

    pipe = Pipeline(plugins=["dates"], options={"dates": options or {}}, on_error="raise")
    inputs = [InputDocument(id=d.id, text=d.text, meta=dict(d.meta)) for d in gold]
    pipe.annotate_batch(inputs[:1] + [WARM_UP])  # warm up outside the timing
    started = time.perf_counter()
    texts = [d.text for d in inputs]
    parsed = [doc for i in range(0, len(texts), 64) for doc in pipe._parse(texts[i : i + 64])]
    parse_seconds = time.perf_counter() - started
    started = time.perf_counter()
    out = [pipe.annotate_parsed(inp, doc) for inp, doc in zip(inputs, parsed, strict=True)]
    return Run("dates", out, time.perf_counter() - started, parse_seconds, extra={"registry": pipe.registry})


def run_dateparser(gold: Sequence[Document], prefer: str = "past") -> Run:
    """dateparser's ``search_dates`` relative to each document's reference time; no types, one value."""
    from dateparser.search import search_dates

    out = []
    started = time.perf_counter()
    for d in gold:
        settings: dict[str, Any] = {"PREFER_DATES_FROM": prefer, "RETURN_AS_TIMEZONE_AWARE": False}
        base = _reference(d)
        if base is not None:
            settings["RELATIVE_BASE"] = base
        found = search_dates(d.text, languages=["en"], settings=settings) or []
        spans = {"dates": _located(d.text, found)}
        out.append(Document(id=d.id, text=d.text, meta=dict(d.meta), spans=spans))
    return Run("dateparser", out, time.perf_counter() - started)


def _reference(doc: Document) -> dt.datetime | None:
    raw = doc.meta.get("reference_time") or doc.meta.get("published")
    try:
        return dt.datetime.fromisoformat(str(raw)) if raw else None
    except ValueError:
        return None


def _located(text: str, found: list[tuple[str, dt.datetime]]) -> list[ForeignSpan]:
    """Offsets for dateparser's substrings, searching forward so repeats map in order."""
    spans, cursor = [], 0
    for surface, when in found:
        start = text.find(surface, cursor)
        start = start if start >= 0 else text.find(surface)
        if start < 0 or not surface:
            continue
        cursor = start + len(surface)
        clock = (when.hour, when.minute) != (0, 0)
        value = when.strftime("%Y-%m-%dT%H:%M") if clock else when.date().isoformat()
        spans.append(
            ForeignSpan(
                id=f"dates-{len(spans)}", start=start, end=cursor, text=surface, label="DATE", value=value
            )
        )
    return spans


def score(gold: Sequence[Document], run: Run, registry: Any) -> Evaluation:
    """Score a run's documents against the gold with the dates layer's own scorer."""
    run.evaluation = evaluate(ScoredFile.of(gold, "gold"), ScoredFile.of(run.documents, run.name), registry)
    return run.evaluation


HEADER = [
    "tool", "gold", "pred", "strict F1", "relaxed P", "relaxed R", "relaxed F1", "type acc",
    "value acc", "value F1", "same-time acc", "same time of gold", "ms/doc",
]  # fmt: skip


def table(runs: Sequence[Run]) -> str:
    """One markdown table: a row per tool, TempEval-3 figures first."""
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    for run in runs:
        lines.append("| " + " | ".join(_row(run)) + " |")
    return "\n".join(lines)


def _row(run: Run) -> list[str]:
    assert run.evaluation is not None
    layer = run.evaluation.layers["dates"]
    exact, overlap = layer.spans["exact"], layer.spans["overlap"]
    attrs = layer.attributes
    typed = run.name == "dates"
    return [
        run.name, str(overlap.gold), str(overlap.pred), _f(exact.f1), _f(overlap.precision),
        _f(overlap.recall), _f(overlap.f1), _f(attrs["type"].accuracy) if typed else "-",
        _f(attrs["value"].accuracy), _f(attrs["value"].f1), _f(attrs["same time"].accuracy),
        _f(attrs["same time"].of_gold), f"{1000 * run.seconds / max(1, len(run.documents)):.2f}",
    ]  # fmt: skip


def speed(gold: Sequence[Document], run: Run) -> str:
    """The dates layer's own time per 4.6 KB article, and bare spaCy's in the same run."""
    chars = sum(len(d.text.encode("utf-8")) for d in gold) or 1
    per_article = 1000 * run.seconds * ARTICLE_BYTES / chars
    parse = 1000 * (run.parse_seconds or 0.0) * ARTICLE_BYTES / chars
    return (
        f"dates layer alone: {per_article:.2f} ms per 4.6 KB article; bare spaCy parse: {parse:.2f} ms "
        f"(ratio {per_article / parse if parse else 0:.3f}); {len(gold)} documents, {chars} bytes"
    )


def _f(value: float) -> str:
    return f"{value:.3f}"


def write_jsonl(path: Path, documents: Sequence[Document]) -> None:
    """Write documents as document JSONL (for ``annotator evaluate`` by hand)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for d in documents:
            handle.write(d.to_json() + "\n")


def compare(
    gold: Sequence[Document],
    options: dict[str, Any] | None = None,
    prefer: str = "past",
    out: Path | None = None,
) -> tuple[str, list[Run]]:
    """Run both tools, score them, optionally write gold and predictions; the table and the runs."""
    ours = run_dates(gold, options)
    peer = run_dateparser(gold, prefer)
    registry = ours.extra["registry"]
    for run in (ours, peer):
        score(gold, run, registry)
    if out is not None:
        write_jsonl(out / "gold.jsonl", gold)
        for run in (ours, peer):
            write_jsonl(out / f"{run.name}.jsonl", run.documents)
    return table([ours, peer]) + "\n\n" + speed(gold, ours), [ours, peer]


def mismatches(gold: Sequence[Document], run: Run, registry: Any, limit: int = 0) -> list[str]:
    """Readable mismatches of one run (for finding patterns while developing)."""
    found = evaluate(
        ScoredFile.of(gold, "gold"), ScoredFile.of(run.documents, run.name), registry, keep_mismatches=True
    )
    texts = {d.id: d.text for d in gold}
    lines = [
        f"{m.kind:9} {m.doc}: gold={m.gold} {m.gold_value!r} pred={m.pred} {m.pred_value!r}"
        f" | {texts[m.doc][:120]!r}"
        for m in found.mismatches
        if m.field in (None, "same time", "value")
    ]
    return lines[:limit] if limit else lines


def against_targets(runs: Sequence[Run], found: float | None, value: float) -> str:
    """The issue's two figures per tool: found (relaxed recall) and value right of all expected.

    "Value right of all expected" is the same-time figure over every gold span (``same time of
    gold``), so a missed expression counts as a wrong value.
    """
    lines = []
    for run in runs:
        assert run.evaluation is not None
        layer = run.evaluation.layers["dates"]
        recall, right = layer.spans["overlap"].recall, layer.attributes["same time"].of_gold
        goal = f" (target {found:.2f})" if found is not None else ""
        figures = f"found {recall:.3f}{goal}; value right of all expected {right:.3f}"
        lines.append(f"{run.name}: {figures} (target {value:.2f})")
    return "\n".join(lines)
