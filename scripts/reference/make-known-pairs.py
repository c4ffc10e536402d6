#!/usr/bin/env python3
"""Derive the "known-pairs" reference input from demo-60.

Copies test/fixtures/reference/demo-60 to test/fixtures/reference/known-pairs,
dropping every ties.csv row whose state is unknown (`dont_know` or
`not_asked`). A pair not listed in ties.csv is "no tie" (MEASURES.md), so in
the copy every alter pair has a known state: `yes`, or `no` (listed or not).
Reference tools that have no notion of unknown pairs (networkx, igraph, sna)
can then be compared with spnet on every measure.

egos.csv, alters.csv and codebook.json are copied byte for byte; the kept
ties.csv lines are written unchanged, in their original order. Deterministic:
the same input gives the same output.

Usage (from the repository root):
  python3 scripts/reference/make-known-pairs.py
"""

import csv
import io
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "test" / "fixtures" / "reference" / "demo-60"
TARGET = ROOT / "test" / "fixtures" / "reference" / "known-pairs"
UNKNOWN = {"dont_know", "don't know", "dont know", "not_asked"}


def main() -> None:
    TARGET.mkdir(parents=True, exist_ok=True)
    for name in ("egos.csv", "alters.csv", "codebook.json"):
        shutil.copyfile(SOURCE / name, TARGET / name)

    text = (SOURCE / "ties.csv").read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    header = next(csv.reader([lines[0]]))
    state = header.index("state")
    kept = [lines[0]]
    dropped = 0
    for line in lines[1:]:
        row = next(csv.reader(io.StringIO(line)))
        if row[state].strip().lower() in UNKNOWN:
            dropped += 1
        else:
            kept.append(line)
    (TARGET / "ties.csv").write_text("".join(kept), encoding="utf-8", newline="")
    print(f"known-pairs: kept {len(kept) - 1} ties.csv rows, dropped {dropped} unknown-state rows")


if __name__ == "__main__":
    main()
