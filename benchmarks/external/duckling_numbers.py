"""Duckling's EN numeral/money/measure corpora: annotator and quantulum3 scored by annotator.evaluation.

Usage: ``.venv/bin/python benchmarks/external/duckling_numbers.py PATH_TO_DUCKLING [--limit N] [--out DIR]``
(PATH is a checkout or a bare git repository). What is taken and why: see ``duckling_corpus``.
"""

from __future__ import annotations

import argparse
import subprocess
from pathlib import Path

from duckling_corpus import DIMENSIONS, convert
from numbers_run import table


def read(root: Path, rel: str) -> str:
    """A file of the suite from a checkout or a bare repository."""
    if (root / rel).exists():
        return (root / rel).read_text(encoding="utf-8")
    return subprocess.run(
        ["git", "--git-dir", str(root), "show", f"HEAD:{rel}"], capture_output=True, text=True, check=True
    ).stdout


def main() -> None:
    """Convert, run, score, print the table."""
    ap = argparse.ArgumentParser()
    ap.add_argument("path", type=Path)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--out", type=Path, help="write the spans whose amount is wrong here, one file per tool")
    args = ap.parse_args()
    docs = convert({d: read(args.path, f"Duckling/{d}/EN/Corpus.hs") for d in DIMENSIONS})[: args.limit]
    print(table(docs, "Duckling EN " + "/".join(DIMENSIONS), args.out))


if __name__ == "__main__":
    main()
