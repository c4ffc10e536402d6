#!/usr/bin/env python3
"""Derive the "demo-60-binary" reference input from demo-60.

Copies test/fixtures/reference/demo-60 to test/fixtures/reference/demo-60-binary
and adds two binary attributes, so that the group comparison has a 2 x 2
composition table, where spnet (like R) reports Fisher's exact test:

  egos.csv     core20   1 when imd_quintile == 1 (the most deprived 20%, the
                        NHS "Core20"), else 0; empty when imd_quintile is empty
  alters.csv   is_vcse  "yes" when org_type == "vcse", else "no"; empty when
                        org_type is empty

Each new column is appended to the end of every line; the rest of each line is
kept byte for byte, and ties.csv is copied byte for byte. codebook.json gains
the two declarations, both categorical with their levels in R's default factor
order ("0", "1" and "no", "yes"), so spnet's table has the orientation of R's
table(core20, is_vcse). Deterministic: the same input gives the same output.

Usage (from the repository root):
  python3 scripts/reference/make-binary.py
"""

import csv
import io
import json
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "test" / "fixtures" / "reference" / "demo-60"
TARGET = ROOT / "test" / "fixtures" / "reference" / "demo-60-binary"


def append_column(name: str, column: str, derive) -> int:
    """Copies SOURCE/name to TARGET/name with `column` = derive(row) appended; returns the count of 1/yes."""
    text = (SOURCE / name).read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    header = next(csv.reader([lines[0]]))
    if column in header:
        raise SystemExit(f"{name} already has a column {column}")
    out = []
    positives = 0
    for number, line in enumerate(lines):
        body = line.rstrip("\r\n")
        ending = line[len(body) :]
        if number == 0:
            value = column
        else:
            row = dict(zip(header, next(csv.reader(io.StringIO(body)))))
            value = derive(row)
            positives += value in ("1", "yes")
        out.append(f"{body},{value}{ending}")
    (TARGET / name).write_text("".join(out), encoding="utf-8", newline="")
    return positives


def core20(row: dict) -> str:
    quintile = row["imd_quintile"].strip()
    if quintile == "":
        return ""
    return "1" if float(quintile) == 1 else "0"


def is_vcse(row: dict) -> str:
    org_type = row["org_type"].strip()
    if org_type == "":
        return ""
    return "yes" if org_type == "vcse" else "no"


def main() -> None:
    TARGET.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE / "ties.csv", TARGET / "ties.csv")
    egos = append_column("egos.csv", "core20", core20)
    alters = append_column("alters.csv", "is_vcse", is_vcse)

    codebook = json.loads((SOURCE / "codebook.json").read_text(encoding="utf-8"))
    codebook["ego"]["core20"] = {
        "type": "categorical",
        "label": "Core20: IMD quintile 1 (most deprived 20%)",
        "levels": ["0", "1"],
        "labels": {"0": "IMD quintile 2-5", "1": "IMD quintile 1"},
    }
    codebook["alter"]["is_vcse"] = {
        "type": "categorical",
        "label": "Contact is a VCSE organisation (org_type vcse)",
        "levels": ["no", "yes"],
    }
    (TARGET / "codebook.json").write_text(
        json.dumps(codebook, indent=2, ensure_ascii=False) + "\n", encoding="utf-8", newline=""
    )
    print(f"demo-60-binary: {egos} egos with core20 = 1, {alters} alters with is_vcse = yes")


if __name__ == "__main__":
    main()
