"""CoNLL-2003 English: bare en_core_web_sm vs the annotator entities layer, strict span+type F1.

    .venv/bin/python benchmarks/external/conll2003.py PATH [--split train|dev] [--out DIR] [--limit N]

PATH is a CoNLL-2003 folder (``train.txt``, ``valid.txt``) or a repository holding one under
``conll2003/``. ``dev`` is ``valid.txt`` (eng.testa). The test split is reserved for acceptance by
others: this script has no option to read it. Documents are converted by ``conll.py`` (one line
per sentence), both systems run on the same texts in the same process, their OntoNotes labels are
mapped to CoNLL's (PERSON->PER; ORG->ORG; GPE, LOC, FAC->LOC; NORP, EVENT, PRODUCT, WORK_OF_ART,
LAW, LANGUAGE->MISC; other labels dropped) and both are scored by ``annotator.evaluation.evaluate``,
the code behind ``annotator evaluate``. The table gives the figures on every document and on the
news-prose ones (``conll.is_news_prose``), and the entities layer's own time per document as a
ratio to the bare model's parse time.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conll import CONLL_LABELS, LABEL_MAP, LAYER, convert, is_news_prose  # noqa: E402

from annotator.document import Document  # noqa: E402
from annotator.evaluation import Evaluation, ScoredFile, evaluate  # noqa: E402

SPLITS = {"train": "train.txt", "dev": "valid.txt"}
MODEL = "en_core_web_sm"


def suite_file(path: Path, split: str) -> Path:
    """The split's file under ``path`` (the folder itself or its ``conll2003/``)."""
    for folder in (path, path / "conll2003"):
        if (folder / SPLITS[split]).is_file():
            return folder / SPLITS[split]
    raise SystemExit(f"{path}: no {SPLITS[split]} here or under conll2003/")


def load(path: Path, split: str, limit: int | None) -> list[dict]:
    """The split's documents as our document dicts (the first ``limit`` ones when given)."""
    lines = suite_file(path, split).read_text(encoding="utf-8").splitlines()
    records = convert(lines, f"conll2003-{split}")
    return records[:limit] if limit else records


def bare(records: list[dict]) -> tuple[list[Document], float]:
    """The statistical model alone: its entities as spaCy returns them, and the parse time."""
    from annotator.parsing import load_pipeline

    nlp = load_pipeline(MODEL, frozenset({"ner"}))
    started = time.perf_counter()
    parsed = list(nlp.pipe(r["text"] for r in records))
    seconds = time.perf_counter() - started
    docs = []
    for rec, doc in zip(records, parsed, strict=True):
        spans = [
            {"id": f"b{i}", "start": e.start_char, "end": e.end_char, "text": e.text, "label": e.label_}
            for i, e in enumerate(doc.ents)
        ]
        docs.append(Document.from_dict({"id": rec["id"], "text": rec["text"], "spans": {LAYER: spans}}, {}))
    return docs, seconds


def annotated(records: list[dict]) -> tuple[list[Document], float]:
    """The entities layer (with the blocks layer it needs), and the entities annotator's own time."""
    from annotator import Pipeline
    from annotator.records import InputDocument

    pipe = Pipeline(plugins=["entities"], model=MODEL, on_error="raise")
    entities = next(a for a in pipe.annotators if a.name == LAYER)
    spent = [0.0]
    inner = entities.annotate

    def timed(document: Any, parsed: Any) -> Any:
        started = time.perf_counter()
        try:
            return list(inner(document, parsed))
        finally:
            spent[0] += time.perf_counter() - started

    entities.annotate = timed  # type: ignore[method-assign]
    out = list(pipe.annotate(InputDocument(id=r["id"], text=r["text"]) for r in records))
    return out, spent[0]


def score(gold: list[Document], pred: list[Document], name: str) -> Evaluation:
    """``evaluate`` on the entities layer with OntoNotes labels mapped to CoNLL's."""
    return evaluate(
        ScoredFile.of(gold, "conll2003"),
        ScoredFile.of(pred, name),
        layers=[LAYER],
        label_map={LAYER: LABEL_MAP},
    )


def figures(result: Evaluation) -> dict[str, float]:
    """Overall strict P/R/F1 and strict F1 per CoNLL type."""
    report = result.layers[LAYER]
    exact = report.labelled["exact"]
    row = {"P": exact.precision, "R": exact.recall, "F1": exact.f1}
    for label in CONLL_LABELS:
        prf = report.labels.get(label, {}).get("exact")
        row[label] = prf.f1 if prf is not None else 0.0
    return row


def table(split: str, rows: dict[str, dict[str, dict[str, float]]], counts: dict[str, int]) -> str:
    """The one markdown table: per subset, each system's figures and the difference."""
    head = ["subset", "system", "P", "R", "F1", *CONLL_LABELS]
    lines = [
        f"CoNLL-2003 {split}: {counts['all']} documents ({counts['prose']} news prose), strict span+type",
        "",
        "| " + " | ".join(head) + " |",
        "|" + "---|" * len(head),
    ]
    for subset, systems in rows.items():
        for system, row in systems.items():
            cells = [f"{row[k]:.3f}" for k in head[2:]]
            lines.append(f"| {subset} | {system} | " + " | ".join(cells) + " |")
        diff = [f"{systems['annotator'][k] - systems['bare'][k]:+.3f}" for k in head[2:]]
        lines.append(f"| {subset} | difference | " + " | ".join(diff) + " |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Convert, run both systems, score them and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", type=Path, help="CoNLL-2003 folder or a repository holding conll2003/")
    parser.add_argument("--split", choices=sorted(SPLITS), default="dev")
    parser.add_argument("--out", type=Path, help="write gold.jsonl, bare.jsonl, annotator.jsonl here")
    parser.add_argument("--limit", type=int, help="only the first N documents")
    args = parser.parse_args(argv)
    records = load(args.path, args.split, args.limit)
    gold = [Document.from_dict(r, {}) for r in records]
    bare_docs, parse_seconds = bare(records)
    mine, entity_seconds = annotated(records)
    prose = {r["id"] for r in records if is_news_prose(r["text"])}
    rows: dict[str, dict[str, dict[str, float]]] = {}
    for subset, keep in (("all", None), ("news prose", prose)):
        g = [d for d in gold if keep is None or d.id in keep]
        rows[subset] = {
            "bare": figures(score(g, bare_docs, "bare")),
            "annotator": figures(score(g, mine, "annotator")),
        }
    print(table(args.split, rows, {"all": len(records), "prose": len(prose)}))
    n = len(records)
    print(
        f"\nentities layer: {1000 * entity_seconds / n:.2f} ms per document, "
        f"{entity_seconds / parse_seconds:.3f}x the bare model's parse ({1000 * parse_seconds / n:.1f} ms)"
    )
    if args.out:
        write(args.out, {"gold": gold, "bare": bare_docs, "annotator": mine})
    return 0


def write(folder: Path, files: dict[str, list[Document]]) -> None:
    """Each document list as JSONL, to score again with ``annotator evaluate``."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, docs in files.items():
        with (folder / f"{name}.jsonl").open("w", encoding="utf-8") as out:
            for d in docs:
                out.write(json.dumps(d.model_dump(mode="json", exclude_none=True), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    sys.exit(main())
