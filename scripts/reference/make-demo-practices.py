#!/usr/bin/env python3
"""Writes src/core/demo/demo-practices.ts: real GP practice and PCN ODS codes for
`spnet demo`, grouped by the practice's IMD 2019 decile, so that demo egos
carry a `practice_code` and `pcn_code` that `spnet enrich --by practice_code`
can place (the demo itself reads no files).

Usage (from the repository root; the files are in ../shared/data/gp_practices):
  python3 scripts/reference/make-demo-practices.py

Practices kept: ACTIVE GP practices (role RO76, GP practice) in ODS epraccur,
with a current PCN membership (ePCN core partner details, no end date) and an
OHID Fingertips 93553 score for 2019. The decile is the one spnet's
practice-weighted method gives: rank by score across all 2019 practices in
the Fingertips file (1 = most deprived, ties share the lower rank), decile =
ceil(10 rank / N). 20 practices per decile, evenly spread over the practice
codes in order.
"""

import csv
import math
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data" / "gp_practices"
OUT = ROOT / "src" / "core" / "demo" / "demo-practices.ts"
PER_DECILE = 20


def main():
    scores = {}
    with open(DATA / "gp_practice_imd_score_fingertips_93553.csv", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            if row["Year"] == "2019" and row["Value"]:
                scores[row["AreaCode"]] = float(row["Value"])
    ordered = sorted(scores.items(), key=lambda kv: -kv[1])
    rank = {}
    for i, (code, score) in enumerate(ordered):
        prev = ordered[i - 1] if i else None
        rank[code] = rank[prev[0]] if prev and prev[1] == score else i + 1
    total = len(ordered)
    active = set()
    with open(DATA / "epraccur.csv", encoding="utf-8-sig") as f:
        for row in csv.reader(f):
            if row[12] == "ACTIVE" and row[25] == "RO76":
                active.add(row[0])
    pcn = {}
    with open(DATA / "epcn_core_partner_details.csv", encoding="utf-8-sig") as f:
        rows = csv.reader(f)
        next(rows)
        for row in rows:
            if row[9] == "":
                pcn[row[0]] = row[4]
    by_decile = {d: [] for d in range(1, 11)}
    for code in sorted(scores):
        if code in active and code in pcn:
            decile = min(10, max(1, math.ceil(10 * rank[code] / total)))
            by_decile[decile].append(code)
    lines = []
    for d in range(1, 11):
        codes = by_decile[d]
        step = len(codes) / PER_DECILE
        picked = [codes[int(i * step)] for i in range(PER_DECILE)]
        lines.append("  [\n" + "".join(f"    ['{c}', '{pcn[c]}'],\n" for c in picked) + "  ],")
    OUT.write_text(
        "/**\n"
        " * Real GP practice and PCN ODS codes for the demo study, by the practice's\n"
        " * IMD 2019 decile (index 0 = decile 1, most deprived): ACTIVE GP practices in\n"
        " * ODS epraccur with a current PCN (ePCN), deciles from the OHID Fingertips 93553\n"
        " * scores ranked across practices, as `spnet enrich --method practice-weighted`\n"
        " * ranks them. Written by scripts/reference/make-demo-practices.py; do not edit.\n"
        " * Source: NHS England ODS and OHID, Open Government Licence v3.0.\n"
        " * @internal\n"
        " */\n"
        "export const demoPractices: readonly (readonly (readonly [string, string])[])[] = [\n"
        + "\n".join(lines)
        + "\n]\n"
    )
    print(f"wrote {OUT.relative_to(ROOT)}: {PER_DECILE * 10} practices of {total} scored")


if __name__ == "__main__":
    main()
