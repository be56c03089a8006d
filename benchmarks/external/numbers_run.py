"""Run the numbers layer and quantulum3 (the peer) on converted gold, score both, print one table."""

from __future__ import annotations

import json
import sys
import time
import warnings
from pathlib import Path
from typing import Any

from annotator import Document, InputDocument
from annotator.evaluation import ScoredFile, evaluate


def quantulum_span(n: int, q: Any) -> dict[str, Any]:
    """One quantulum3 Quantity as our numbers span (value, ISO currency, SI value through pint)."""
    from duckling_corpus import _registry

    span: dict[str, Any] = {"id": f"numbers-{n}", "start": q.span[0], "end": q.span[1], "value": q.value}
    unit, code = q.unit.name, getattr(q.unit, "currency_code", None)
    if q.unit.entity.name == "currency":
        return {**span, "label": "MONEY", "kind": "money", "currency": code}
    if unit == "dimensionless":
        return {**span, "label": "CARDINAL", "kind": "cardinal"}
    try:
        name = unit.replace("degree ", "deg").replace(" per ", " / ").replace("pound-mass", "pound")
        si = _registry().Quantity(q.value, name.replace(" ", "_")).to_base_units()
        span.update(si_value=float(f"{si.magnitude:.12g}"), si_unit=f"{si.units:~}")
    except Exception:  # noqa: BLE001 - a unit pint cannot read stays without SI value
        pass
    return {**span, "label": "QUANTITY", "kind": "quantity"}


def run_quantulum(docs: list[Document]) -> tuple[list[Document], float]:
    """quantulum3's reading of every document and its time per document (ms)."""
    here = str(Path(__file__).resolve().parent)  # holds quantulum3.py, which shadows the library
    sys.path[:] = [p for p in sys.path if str(Path(p or ".").resolve()) != here] + [here]
    sys.modules.pop("quantulum3", None)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import classifier, parser

        try:
            classifier.classifier("en_US")
        except Exception:  # noqa: BLE001 - its pickled model does not load with this scikit-learn
            classifier.USE_CLF = False  # its documented fallback: heuristic disambiguation
        parser.parse("warm up 5 km")
        t = time.perf_counter()
        out = []
        for d in docs:
            spans = [quantulum_span(i, q) for i, q in enumerate(parser.parse(d.text))]
            spans = [{**s, "text": d.text[s["start"] : s["end"]]} for s in spans]
            out.append(Document.from_dict({"id": d.id, "text": d.text, "spans": {"numbers": spans}}, {}))
    return out, 1000 * (time.perf_counter() - t) / max(1, len(docs))


def dump_wrong(gold: list[Document], pred: list[Document], path: Path) -> None:
    """One JSON line per gold span whose amount the prediction does not state (for finding patterns)."""
    from annotator_numbers.scoring import same_amount

    with path.open("w", encoding="utf-8") as out:
        for g, p in zip(gold, pred, strict=True):
            spans = p.layer("numbers")
            for span in g.layer("numbers"):
                near = [s for s in spans if s.start < span.end and span.start < s.end]
                if not any(same_amount(span, s) for s in near):
                    want = span.model_dump(exclude_none=True, exclude={"id", "start", "end"})
                    got = [s.model_dump(exclude_none=True, include=WRONG_FIELDS) for s in near]
                    out.write(json.dumps({"doc": g.id, "gold": want, "pred": got}, ensure_ascii=False) + "\n")


WRONG_FIELDS = {"text", "kind", "value", "unit", "si_value", "si_unit", "currency"}


def table(gold_dicts: list[dict[str, Any]], title: str, out: Path | None = None) -> str:
    """Score the annotator and quantulum3 on the gold; one markdown table (wrong amounts to ``out``)."""
    from annotator.pipeline import Pipeline

    gold = [Document.from_dict(d, {}) for d in gold_dicts]
    pipe = Pipeline(plugins=["numbers"], on_error="raise")
    t = time.perf_counter()
    ours = list(pipe.annotate(InputDocument(id=d.id, text=d.text) for d in gold))
    ours_ms = 1000 * (time.perf_counter() - t) / max(1, len(gold))
    peer, peer_ms = run_quantulum(gold)
    n_spans = sum(len(d.layer("numbers")) for d in gold)
    rows = [
        f"| {title} ({n_spans} expressions) | value right of all expected | found (overlap recall) "
        "| exact span F1 | ms/doc (whole pipeline for annotator) |",
        "|---|---|---|---|---|",
    ]
    for name, pred, ms in (("annotator", ours, ours_ms), ("quantulum3", peer, peer_ms)):
        rep = evaluate(ScoredFile.of(gold, "gold"), ScoredFile.of(pred, name), pipe.registry, ["numbers"])
        layer = rep.layers["numbers"]
        if out is not None:
            out.mkdir(parents=True, exist_ok=True)
            dump_wrong(gold, pred, out / f"{name}-wrong.jsonl")
        rows.append(
            f"| {name} | {layer.attributes['amount'].of_gold:.3f} | {layer.spans['overlap'].recall:.3f} "
            f"| {layer.spans['exact'].f1:.3f} | {ms:.1f} |"
        )
    return "\n".join(rows)
