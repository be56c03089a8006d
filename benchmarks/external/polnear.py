"""Quotes on PolNeAR (political news attributions): annotator and textacy, scored by annotator.evaluation.

Usage: ``python benchmarks/external/polnear.py PATH_TO_POLNEAR --split dev [--out DIR] [--limit N]``.
PATH is a checkout of github.com/networkdynamics/PolNeAR; only ``train`` and ``dev`` are read
(``test`` is reserved). Gold is built by :mod:`polnear_gold`. These views are scored:

- direct: gold direct pieces vs our direct and floating quotes and textacy's direct_quotations;
  "mixed-neutral" drops predictions lying inside a gold mixed Content (PolNeAR does not annotate
  the quoted fragment of a mixed quote separately), before scoring;
- indirect, mixed: gold Content pieces of that kind (no double marks; marks around part of the
  piece) vs our quotes of that kind, exact offsets being the reported clause (the Cue and Source
  are outside it in both);
- all attributions: every gold Content piece (direct, mixed, indirect) vs every quote we emit that
  is not a scare quote or a title (textacy finds direct quotes only, so it is left out of this view).
Speaker right / gold divides by every gold quote of the view that has a Source.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from polnear_gold import convert_split  # noqa: E402

from annotator.evaluation import evaluate_files  # noqa: E402

DIRECT = {"direct", "floating"}
UNSPOKEN = {"scare", "title"}  # kinds with no speaker: not attributions


def _textacy_quotes(doc: Any) -> list[dict[str, Any]]:
    """textacy's direct quotations, paragraph by paragraph, as quote spans (marks stripped).

    textacy refuses a whole text with an odd number of quote tokens (any stray mark or single
    quote), so it is given one paragraph at a time, the way it can do its best; a paragraph it
    refuses yields nothing.
    """
    from textacy.extract.triples import direct_quotations

    found: list[dict[str, Any]] = []
    text = doc.text
    for match in re.finditer(r"[^\n]+", text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None or not span.text.strip():
            continue
        try:
            triples = list(direct_quotations(span.as_doc()))
        except ValueError:
            continue
        offset = span.start_char
        for triple in triples:
            found.append(_textacy_span(text, triple, offset))
    return found


def _textacy_span(text: str, triple: Any, offset: int) -> dict[str, Any]:
    start, end = triple.content.start_char + offset, triple.content.end_char + offset
    while start < end and text[start] in "“\"'‘ ":
        start += 1
    while end > start and text[end - 1] in "”\"'’ ,.":
        end -= 1
    speaker = " ".join(t.text for t in triple.speaker)
    return {"start": start, "end": end, "kind": "direct", "speaker_text": speaker}


def _full_pipeline() -> Any:
    """The whole English pipeline (tagger, lemmatizer included) for textacy."""
    import spacy

    from annotator.parsing import resolve_model

    model = resolve_model("en_core_web_sm")
    return spacy.load(model) if isinstance(model, str) else model


def _inside(span: dict[str, Any], ranges: list[tuple[int, int]]) -> bool:
    return any(a <= span["start"] and span["end"] <= b for a, b in ranges)


def _view(doc: dict[str, Any], spans: list[dict[str, Any]]) -> dict[str, Any]:
    text = doc["text"]
    out = [
        {**s, "id": f"q-{i}", "label": "QUOTE", "text": text[s["start"] : s["end"]]}
        for i, s in enumerate(spans)
    ]
    return {"id": doc["id"], "text": text, "spans": {"quotes": out}}


def _direct_views(gold: dict[str, Any], pred: list[dict[str, Any]]) -> tuple[dict, dict]:
    quotes = gold["spans"]["quotes"]
    mixed = [(q["start"], q["end"]) for q in quotes if q["kind"] == "mixed"]
    kept = [{**p, "kind": "direct"} for p in pred if p["kind"] in DIRECT and not _inside(p, mixed)]
    return _view(gold, [q for q in quotes if q["kind"] == "direct"]), _view(gold, kept)


def _kind_views(gold: dict[str, Any], pred: list[dict[str, Any]], kind: str) -> tuple[dict, dict]:
    """Gold pieces of one kind (indirect or mixed) against our quotes of that kind."""
    quotes = [{**q, "kind": kind} for q in gold["spans"]["quotes"] if q["kind"] == kind]
    return _view(gold, quotes), _view(gold, [{**p, "kind": kind} for p in pred if p["kind"] == kind])


def run(root: Path, split: str, out: Path, limit: int | None) -> dict[str, Any]:
    """Convert, annotate, score; the figures of every view and system."""
    from annotator.pipeline import Pipeline
    from annotator.records import InputDocument
    from annotator.registry import build_registry

    registry = build_registry()
    pipe = Pipeline(plugins=["entities", "quotes"], registry=registry, on_error="raise")
    full = _full_pipeline()  # textacy needs lemmas and tags, which our pipeline does not run
    files: dict[str, list[dict[str, Any]]] = {
        k: []
        for k in (
            "gold_direct",
            "ours_direct",
            "textacy_direct",
            "gold_indirect",
            "ours_indirect",
            "gold_mixed",
            "ours_mixed",
            "gold_all",
            "ours_all",
        )
    }
    for gold in convert_split(root, split, limit):
        parsed = pipe.nlp(gold["text"])
        ours = [
            s.model_dump()
            for s in pipe.annotate_parsed(InputDocument(id=gold["id"], text=gold["text"]), parsed).layer(
                "quotes"
            )
        ]
        g, o = _direct_views(gold, ours)
        _, t = _direct_views(gold, _textacy_quotes(full(gold["text"])))
        files["gold_direct"].append(g)
        files["ours_direct"].append(o)
        files["textacy_direct"].append(t)
        for kind in ("indirect", "mixed"):
            gk, ok = _kind_views(gold, ours, kind)
            files[f"gold_{kind}"].append(gk)
            files[f"ours_{kind}"].append(ok)
        files["gold_all"].append(_view(gold, [{**q, "kind": "any"} for q in gold["spans"]["quotes"]]))
        files["ours_all"].append(
            _view(gold, [{**p, "kind": "any"} for p in ours if p["kind"] not in UNSPOKEN])
        )
    for name, docs in files.items():
        (out / f"{name}.jsonl").write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    results = {}
    for label, gold_name, pred_name in (
        ("direct: annotator", "gold_direct", "ours_direct"),
        ("direct: textacy", "gold_direct", "textacy_direct"),
        ("indirect: annotator", "gold_indirect", "ours_indirect"),
        ("mixed: annotator", "gold_mixed", "ours_mixed"),
        ("all attributions: annotator", "gold_all", "ours_all"),
    ):
        ev = evaluate_files(out / f"{gold_name}.jsonl", out / f"{pred_name}.jsonl", registry, ["quotes"])
        results[label] = ev.layers["quotes"]
    return results


def table(results: dict[str, Any]) -> str:
    """One markdown table: span P/R/F1 (overlap and exact) and speaker figures per view and system."""
    lines = [
        "| view: system | gold | pred | overlap P | overlap R | overlap F1 | exact F1 "
        "| speaker right / found | speaker right / gold |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for label, rep in results.items():
        o, e, f = rep.spans["overlap"], rep.spans["exact"], rep.figures
        lines.append(
            f"| {label} | {o.gold} | {o.pred} | {o.precision:.3f} | {o.recall:.3f} | {o.f1:.3f} | {e.f1:.3f} "
            f"| {f['speaker_right_of_found']:.3f} | {f['speaker_right_of_gold']:.3f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, run, print the table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", type=Path)
    ap.add_argument("--split", choices=["train", "dev"], default="dev")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--limit", type=int)
    args = ap.parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix="polnear-"))
    out.mkdir(parents=True, exist_ok=True)
    print(table(run(args.path, args.split, out, args.limit)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
