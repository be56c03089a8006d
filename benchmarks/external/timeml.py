"""TimeBank + AQUAINT (TempEval-3 training TimeML): the dates layer and dateparser, TempEval-3 figures.

    .venv/bin/python benchmarks/external/timeml.py PATH/TBAQ-cleaned [--split all|train|dev]
        [--out DIR] [--limit N] [--errors N] [--ranges points|span]

PATH is TBAQ-cleaned from the TempEval-3 training data (its TimeBank and AQUAINT folders); the
TempEval-3 platinum evaluation set is reserved and not read. Each document's DCT is its
``published`` date. Prints one markdown table: strict and relaxed span F1, type and value accuracy
on relaxed matches, value F1 (TempEval-3's attribute F1 = accuracy x relaxed F1), and the dates
layer's own time per 4.6 KB article next to bare spaCy's in the same run.

TimeML annotates each end of a range ("from 1991 to 1997", "between 1985 and 1987") as its own
TIMEX3 (the range itself is a non-consuming DURATION with beginPoint/endPoint), so the layer runs
with its ``ranges = "points"`` option by default here; ``--ranges span`` runs the layer's default
(one span with ``begin_value``/``end_value``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import dates_runner  # noqa: E402
from timeml_convert import convert_file, split, tml_files  # noqa: E402


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("suite", type=Path, help="TBAQ-cleaned folder (TimeBank/ and AQUAINT/)")
    parser.add_argument("--split", default="all", choices=["all", "train", "dev"])
    parser.add_argument("--out", type=Path, help="write gold.jsonl and each tool's predictions here")
    parser.add_argument("--limit", type=int, default=0, help="first N documents only")
    parser.add_argument("--errors", type=int, default=0, help="print N of the dates layer's mismatches")
    parser.add_argument(
        "--ranges", default="points", choices=["points", "span"], help="ranges option (TimeML: points)"
    )
    args = parser.parse_args()
    files = split(tml_files(args.suite), args.split)
    gold = [convert_file(f) for f in (files[: args.limit] if args.limit else files)]
    printed, runs = dates_runner.compare(gold, options={"ranges": args.ranges}, out=args.out)
    print(f"TimeBank+AQUAINT ({args.split}, {len(gold)} documents, ranges={args.ranges})\n\n{printed}")
    if args.errors:
        print("\n".join(dates_runner.mismatches(gold, runs[0], runs[0].extra["registry"], args.errors)))


if __name__ == "__main__":
    main()
