"""The entities layer's own time per article: this tree, and optionally another checkout, in one run.

    .venv/bin/python benchmarks/entities_speed.py [--repeat N] [--rounds R] [--against DIR] [--texts F]

The corpus is the seed articles repeated ``N`` times, or with ``--texts`` the documents of a
JSONL file (one ``{"text": ...}`` per line, such as the ``gold.jsonl`` that
``external/conll2003.py --out DIR`` writes from CoNLL-2003 dev) repeated likewise: other
articles than the seeds have other shapes (headlines, results tables) and costs.

One process loads the pipeline once and parses the corpus once; the parse and the ``blocks``
layer are not the entities layer's own time, so each document gets its ``blocks`` layer before
any timing. Then, ``R`` times interleaved, the
bare parse is timed (``nlp.pipe``, the components the entities layer needs) and the entities
annotator's ``annotate`` runs over every pre-parsed document. Figures are medians of CPU time
(``time.process_time``): the machine may be shared, and waiting for a core is nobody's own time.

``--against DIR`` names the root of another checkout (say ``git worktree add /tmp/old 3664b77``,
or ``git archive 3664b77 plugins | tar -x -C /tmp/old``). Its ``annotator_entities`` and
``annotator_blocks`` packages are imported under their own names beside this tree's, given the
same parse, each with its own ``blocks`` layer, and timed in the same rounds (the two alternate
within every round, their order swapped each round), so the ratio of their medians compares like
with like on one load. Only the plugins come from the other checkout: both run on this tree's core
(``annotator``: spans, intervals), so what is compared is the entities layer's own code. The
ratio is printed from the medians and as the median of the per-round ratios. Setup (building the
gazetteer, reading the dictionary) happens once per process and is printed apart.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from statistics import median
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
MODEL = "en_core_web_sm"
PACKAGES = ("annotator_entities", "annotator_blocks")
TARGET_RATIO = 1.10  # issue 16: "the entities layer's own time stays within 10% of today's per article"


def verdict(ratio: float, limit: float) -> str:
    """The line that says whether the layer kept within its budget, so nobody reads it by eye."""
    state = "met" if ratio <= limit else "NOT met"
    return f"target: this tree's layer <= {limit:.2f}x the other's: {state} ({ratio:.3f})"


def corpus(repeat: int, path: Path | None = None) -> list[str]:
    """The seed texts (or the texts of the JSONL file at ``path``), ``repeat`` times over."""
    if path is not None:
        lines = path.read_text(encoding="utf-8").splitlines()
        return [json.loads(x)["text"] for x in lines if x.strip()] * repeat
    metas = [json.loads(x) for x in (ROOT / "seeds" / "seeds.meta.jsonl").read_text().splitlines() if x]
    texts = [(ROOT / "seeds" / m["file"]).read_text(encoding="utf-8") for m in metas]
    return texts * repeat


def _ours(name: str) -> bool:
    return any(name == p or name.startswith(p + ".") for p in PACKAGES)


def import_other(root: Path) -> tuple[type, type]:
    """The blocks and entities annotator classes of the checkout at ``root``, beside ours.

    Our packages are taken out of ``sys.modules`` while the other's are imported from its
    ``plugins/`` folders, then put back: the other's modules keep the references they bound at
    import, so both versions live in one process without sharing a module.
    """
    saved = {k: sys.modules.pop(k) for k in list(sys.modules) if _ours(k)}
    paths = [str(root / "plugins" / "entities"), str(root / "plugins" / "blocks")]
    sys.path[:0] = paths
    try:
        entities = importlib.import_module("annotator_entities.annotator").EntitiesAnnotator
        blocks = importlib.import_module("annotator_blocks.annotator").BlocksAnnotator
        for k in [k for k in sys.modules if _ours(k)]:
            sys.modules["other_" + k] = sys.modules.pop(k)
    finally:
        del sys.path[: len(paths)]
        sys.modules.update(saved)
    return blocks, entities


def _source(cls: type) -> str:
    """The file a class's code was read from (its module's name may now be another's)."""
    return str(cls.annotate.__code__.co_filename)  # type: ignore[attr-defined]


def documents(texts: list[str], parsed: list[Any], blocks: Any) -> list[Any]:
    """Documents carrying the ``blocks`` layer that ``blocks`` gives, as the entities layer reads it."""
    from annotator import Document

    out = []
    for i, (text, doc) in enumerate(zip(texts, parsed, strict=True)):
        document = Document(id=f"d{i}", text=text)
        document.spans["blocks"] = list(blocks.annotate(document, doc))
        out.append(document)
    return out


def own_time(entities: Any, docs: list[Any], parsed: list[Any]) -> float:
    """CPU seconds of the entities annotator over every pre-parsed document."""
    started = time.process_time()
    for document, doc in zip(docs, parsed, strict=True):
        list(entities.annotate(document, doc))
    return time.process_time() - started


def setup_time(make: Callable[[], Any], nlp: Any) -> tuple[Any, float]:
    """An annotator set up on ``nlp``, and the CPU seconds its setup took."""
    ann = make()
    started = time.process_time()
    ann.setup(nlp)
    return ann, time.process_time() - started


def main(argv: list[str] | None = None) -> int:
    """Time the bare parse and the entities layer(s), print per-article medians and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=20, help="times the seeds are repeated")
    parser.add_argument("--rounds", type=int, default=15, help="interleaved rounds; medians count")
    parser.add_argument("--against", type=Path, help="root of another checkout to time in the same rounds")
    parser.add_argument("--texts", type=Path, help="JSONL of documents to time instead of the seeds")
    parser.add_argument(
        "--limit",
        type=float,
        default=TARGET_RATIO,
        help="the most this tree's layer may cost against --against (issue 16: within 10%%)",
    )
    args = parser.parse_args(argv)
    other = import_other(args.against) if args.against else None
    from annotator_blocks.annotator import BlocksAnnotator
    from annotator_entities.annotator import EntitiesAnnotator

    from annotator.parsing import load_pipeline

    texts = corpus(args.repeat, args.texts)
    nlp = load_pipeline(MODEL, frozenset({"ner"}))
    parsed = list(nlp.pipe(texts))
    runs: dict[str, tuple[Any, list[Any]]] = {}
    setups: dict[str, float] = {}
    for label, (blocks_cls, entities_cls) in [("this tree", (BlocksAnnotator, EntitiesAnnotator))] + (
        [(f"{args.against}", other)] if other else []
    ):
        blocks, _ = setup_time(blocks_cls, nlp)
        entities, setups[label] = setup_time(entities_cls, nlp)
        runs[label] = (entities, documents(texts, parsed, blocks))
        print(f"{label}: {_source(entities_cls)}, {_source(blocks_cls)}")
    parse: list[float] = []
    own: dict[str, list[float]] = {label: [] for label in runs}
    for r in range(args.rounds):
        started = time.process_time()
        for _doc in nlp.pipe(texts):
            pass
        parse.append(time.process_time() - started)
        for label in list(runs)[:: 1 if r % 2 == 0 else -1]:
            entities, docs = runs[label]
            own[label].append(own_time(entities, docs, parsed))
    n = len(texts)
    p = median(parse)
    source = args.texts or "seeds"
    print(f"{n} articles ({n // args.repeat} {source} x {args.repeat}), {args.rounds} rounds, CPU medians")
    print(f"bare parse: {1000 * p / n:.2f} ms per article")
    for label, times in own.items():
        e = median(times)
        print(
            f"entities layer, {label}: {1000 * e / n:.3f} ms per article, {e / p:.4f}x the bare parse,"
            f" setup {setups[label]:.2f} s once per process"
        )
    if other:
        mine, theirs = (median(t) for t in own.values())
        per_round = sorted(a / b for a, b in zip(*own.values(), strict=True))
        print(
            f"ratio this tree / {args.against}: {mine / theirs:.3f} (medians);"
            f" per round {per_round[0]:.3f}-{per_round[-1]:.3f}, median {median(per_round):.3f}"
        )
        print(verdict(mine / theirs, args.limit))
    return 0


if __name__ == "__main__":
    sys.exit(main())
