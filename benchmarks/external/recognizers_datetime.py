"""Recognizers-Text English DateTime specs: the dates layer and dateparser, found and value figures.

    .venv/bin/python benchmarks/external/recognizers_datetime.py PATH [--spec DateTimeModel]
        [--direction past|future] [--numeric-order auto|mdy|dmy] [--out DIR] [--limit N] [--errors N]

PATH is a Recognizers-Text checkout (or its ``Specs/DateTime/English`` folder); only the DateTime
specs are read. The default spec is ``DateTimeModel`` (the issue's acceptance suite); ``--spec``
takes another file's stem, or ``all``. Prints one markdown table and the issue's two figures per
tool: found (relaxed recall, target 0.90) and value right of all expected (same time over every
gold span, target 0.65). Conversion rules are in recognizers_convert.py. ``--numeric-order`` is the
layer's option (default ``auto``: the document's own evidence, else a date that reads both ways is left
out); the suite's English is en-US, so ``mdy`` tells the layer what the suite assumes (reported apart).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import dates_runner  # noqa: E402
from recognizers_convert import convert_file  # noqa: E402

SPECS = Path("Specs") / "DateTime" / "English"


def spec_files(root: Path, spec: str) -> list[Path]:
    """The spec files asked for, under a checkout or the English DateTime folder itself."""
    folder = root / SPECS if (root / SPECS).is_dir() else root
    return sorted(folder.glob("*.json")) if spec == "all" else [folder / f"{spec}.json"]


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("suite", type=Path, help="Recognizers-Text checkout or Specs/DateTime/English")
    parser.add_argument("--spec", default="DateTimeModel", help="spec file stem, or all")
    parser.add_argument("--direction", default="past", choices=["past", "future"])
    parser.add_argument("--numeric-order", default="auto", choices=["auto", "mdy", "dmy"])
    parser.add_argument("--out", type=Path, help="write gold.jsonl and each tool's predictions here")
    parser.add_argument("--limit", type=int, default=0, help="first N cases only")
    parser.add_argument("--errors", type=int, default=0, help="print N of the dates layer's mismatches")
    args = parser.parse_args()
    gold = [d for f in spec_files(args.suite, args.spec) for d in convert_file(f)]
    gold = gold[: args.limit] if args.limit else gold
    printed, runs = dates_runner.compare(
        gold,
        {"direction": args.direction, "numeric_order": args.numeric_order},
        prefer=args.direction,
        out=args.out,
    )
    print(f"Recognizers-Text English {args.spec} ({len(gold)} cases, direction {args.direction})\n")
    print(printed + "\n\n" + dates_runner.against_targets(runs, 0.90, 0.65))
    if args.errors:
        print("\n".join(dates_runner.mismatches(gold, runs[0], runs[0].extra["registry"], args.errors)))


if __name__ == "__main__":
    main()
