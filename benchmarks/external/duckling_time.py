"""Duckling EN Time and Duration corpora: the dates layer and dateparser, value figures.

    .venv/bin/python benchmarks/external/duckling_time.py PATH [--direction future|past]
        [--corpus both|time|duration] [--out DIR] [--limit N] [--errors N]

PATH is a Duckling checkout (``Duckling/Time/EN/Corpus.hs`` and ``Duckling/Duration/EN/Corpus.hs``).
Every phrase is anchored on Duckling's ``testContext`` time, 2013-02-12T04:30:00. Duckling reads
bare phrases as future ("May" is 2013-05), so the default direction is ``future`` for both tools
(the issue's acceptance run); ``--direction past`` shows the news default. Prints one markdown
table and the issue's figure: value right of all expected (same time over every gold span,
target 0.60). Conversion rules are in duckling_convert.py.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import dates_runner  # noqa: E402
from duckling_convert import Converted, convert_file  # noqa: E402

CORPORA = {"time": "Duckling/Time/EN/Corpus.hs", "duration": "Duckling/Duration/EN/Corpus.hs"}


def load(root: Path, which: str) -> Converted:
    """The corpora asked for, as one list of documents and the skipped constructors."""
    out = Converted()
    for name, relative in CORPORA.items():
        if which in ("both", name):
            part = convert_file(root / relative, name)
            out.documents += part.documents
            out.skipped += part.skipped
    return out


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("suite", type=Path, help="Duckling checkout")
    parser.add_argument("--direction", default="future", choices=["past", "future"])
    parser.add_argument("--corpus", default="both", choices=["both", "time", "duration"])
    parser.add_argument("--out", type=Path, help="write gold.jsonl and each tool's predictions here")
    parser.add_argument("--limit", type=int, default=0, help="first N phrases only")
    parser.add_argument("--errors", type=int, default=0, help="print N of the dates layer's mismatches")
    args = parser.parse_args()
    loaded = load(args.suite, args.corpus)
    gold = loaded.documents[: args.limit] if args.limit else loaded.documents
    printed, runs = dates_runner.compare(
        gold, {"direction": args.direction}, prefer=args.direction, out=args.out
    )
    skipped = ", ".join(f"{k} {v}" for k, v in loaded.skipped.items()) or "none"
    print(
        f"Duckling EN {args.corpus} ({len(gold)} phrases, direction {args.direction}; skipped: {skipped})\n"
    )
    print(printed + "\n\n" + dates_runner.against_targets(runs, None, 0.60))
    if args.errors:
        print("\n".join(dates_runner.mismatches(gold, runs[0], runs[0].extra["registry"], args.errors)))


if __name__ == "__main__":
    main()
