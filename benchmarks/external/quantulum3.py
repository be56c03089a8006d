"""quantulum3's test quantities: annotator and quantulum3 (on its own set) scored by annotator.evaluation.

Usage: ``.venv/bin/python benchmarks/external/quantulum3.py PATH_TO_QUANTULUM3_REPO [--limit N] [--out DIR]``.
This file's name is the library's, so its folder is moved to the end of ``sys.path`` before the
library is imported. What is taken and why: see ``quantulum3_suite``.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

HERE = str(Path(__file__).resolve().parent)
sys.path[:] = [p for p in sys.path if str(Path(p or ".").resolve()) != HERE] + [HERE]

from duckling_numbers import read  # noqa: E402
from numbers_run import table  # noqa: E402
from quantulum3_suite import convert  # noqa: E402

SUITE = "quantulum3/_lang/en_US/tests/quantities.json"


def main() -> None:
    """Convert, run, score, print the table."""
    ap = argparse.ArgumentParser()
    ap.add_argument("path", type=Path)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--out", type=Path, help="write the spans whose amount is wrong here, one file per tool")
    args = ap.parse_args()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3.load import units

        currency_of = {name: u.currency_code for name, u in units("en_US").names.items()}
    docs = convert(read(args.path, SUITE), currency_of)[: args.limit]
    print(table(docs, "quantulum3 test quantities", args.out))


if __name__ == "__main__":
    main()
