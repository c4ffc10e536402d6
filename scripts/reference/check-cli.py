#!/usr/bin/env python3
"""Checks what `spnet measures --format json` printed against networkx.

Usage (from the repository root, after npm run build):
  node dist/spnet.js measures DIR --format json --out /tmp/m.json
  python3 scripts/reference/check-cli.py DIR /tmp/m.json [--attr org_type] [--ego-attr sector]
      [--write FILE]

DIR is a study in the three-file layout with the standard column names
(MEASURES.md). Prints, per column, the number of values compared and the
largest absolute difference from spnet's; exits 1 when one exceeds 1e-9 or an
NA (null) disagrees. With --write FILE it writes the networkx values as JSON.

Every ego is compared, pairs of unknown state included:
  networkx   effective_size, constraint (nx on G_e), hierarchy (from
             nx.local_constraint), components, isolates, ties (nx on the
             alter graph A), ego_betweenness (for each open pair, the share
             of nx.all_shortest_paths on G_e through the ego; and
             nx.betweenness_centrality when no pair is unknown)
  formula    MEASURES.md's definitions written out here, independently of
             spnet: density, composition, diversity, entropy, blau, iqv, ei,
             ego_ei, brokerage_*, bridging_pairs, mean_frequency,
             multiplexity, size_<generator>
"""

import csv
import json
import math
import sys
from collections import Counter
from pathlib import Path

import networkx as nx

UNKNOWN = {"dont_know", "don't know", "dont know", "don\u2019t know", "not_asked", "not asked"}
GENERATORS = ["work_contact", "refers_to", "advice_support", "capacity_building"]
BRIDGE = ({"primary_care"}, {"vcse", "local_authority"})


def option(args, name, default):
    if name in args:
        i = args.index(name)
        value = args[i + 1]
        del args[i : i + 2]
        return value
    return default


def missing(raw):
    return raw is None or raw.strip() in ("", "NA")


def read(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def main():
    args = sys.argv[1:]
    attr = option(args, "--attr", "org_type")
    ego_attr = option(args, "--ego-attr", "sector")
    write = option(args, "--write", None)
    folder, measures_json = Path(args[0]), args[1]
    egos = read(folder / "egos.csv")
    alters = read(folder / "alters.csv")
    ties = read(folder / "ties.csv")
    codebook_path = folder / "codebook.json"
    codebook = json.loads(codebook_path.read_text()) if codebook_path.exists() else {}
    declared = codebook.get("alter", {}).get(attr)
    if declared and declared["type"] == "categorical":
        levels = declared["levels"]
    else:
        levels = sorted({a[attr].strip() for a in alters if not missing(a.get(attr))})
    generators = [g for g in GENERATORS if alters and g in alters[0]]
    spnet = json.load(open(measures_json))
    assert [r["ego_id"] for r in spnet] == [e["ego_id"] for e in egos]

    by_ego = {e["ego_id"]: [] for e in egos}
    for a in alters:
        by_ego[a["ego_id"]].append(a)
    ties_of = {e["ego_id"]: [] for e in egos}
    for t in ties:
        ties_of[t["ego_id"]].append(t)

    worst = {}
    failures = 0
    out = []
    for e, row in zip(egos, spnet):
        al = by_ego[e["ego_id"]]
        n = len(al)
        index = {a["alter_id"]: j for j, a in enumerate(al, start=1)}
        yes, unknown = set(), set()
        for t in ties_of[e["ego_id"]]:
            s = (t.get("state") or "").strip().lower()
            pair = frozenset((index[t["from"]], index[t["to"]]))
            if s in ("", "yes"):
                yes.add(pair)
            elif s in UNKNOWN:
                unknown.add(pair)
            else:
                assert s == "no", s
        g = nx.Graph()
        g.add_node(0)
        g.add_edges_from((0, j) for j in range(1, n + 1))
        g.add_edges_from(tuple(p) for p in yes)
        a = g.subgraph(range(1, n + 1))
        v = {}
        t = a.number_of_edges()
        u = len(unknown)
        v["size"] = n
        v["ties"] = t
        known = n * (n - 1) // 2 - u
        v["density"] = None if n < 2 or known <= 0 else t / known
        v["components"] = nx.number_connected_components(a)
        v["isolates"] = nx.number_of_isolates(a)
        v["effective_size"] = None if n == 0 else nx.effective_size(g)[0]
        v["efficiency"] = None if n == 0 else nx.effective_size(g)[0] / n
        v["constraint"] = None if n == 0 else nx.constraint(g)[0]
        if n <= 1:
            v["hierarchy"] = None
        else:
            c = [nx.local_constraint(g, 0, j) for j in range(1, n + 1)]
            total = sum(c)
            if max(c) - min(c) <= 1e-12 * total:
                v["hierarchy"] = 0.0
            else:
                v["hierarchy"] = sum((x * n / total) * math.log(x * n / total) for x in c) / (
                    n * math.log(n)
                )
        eb = 0.0
        open_pairs = []
        for j in range(1, n + 1):
            for k in range(j + 1, n + 1):
                p = frozenset((j, k))
                if p in yes or p in unknown:
                    continue
                open_pairs.append((j, k))
                paths = list(nx.all_shortest_paths(g, j, k))
                eb += sum(0 in path for path in paths) / len(paths)
        v["ego_betweenness"] = eb
        if u == 0:
            assert abs(nx.betweenness_centrality(g, normalized=False)[0] - eb) < 1e-9

        cats = [None if missing(x.get(attr)) else x[attr].strip() for x in al]
        present = [x for x in cats if x is not None]
        counts = Counter(present)
        for level in levels:
            v[f"prop_{attr}_{level}"] = None if n == 0 else counts.get(level, 0) / n
        v[f"diversity_{attr}"] = len(counts)
        if present:
            ps = [m / len(present) for m in counts.values()]
            v[f"entropy_{attr}"] = -sum(p * math.log(p) for p in ps) + 0.0
            blau = 1 - sum(p * p for p in ps)
            v[f"blau_{attr}"] = blau
            v[f"iqv_{attr}"] = None if len(levels) < 2 else blau / (1 - 1 / len(levels))
        else:
            v[f"entropy_{attr}"] = v[f"blau_{attr}"] = v[f"iqv_{attr}"] = None
        ext = sum(1 for p in yes if None not in {cats[i - 1] for i in p} and len({cats[i - 1] for i in p}) == 2)
        intl = sum(1 for p in yes if None not in {cats[i - 1] for i in p} and len({cats[i - 1] for i in p}) == 1)
        v[f"ei_{attr}"] = None if ext + intl == 0 else (ext - intl) / (ext + intl)
        x_ego = e.get(ego_attr, "link_worker") if ego_attr in e else "link_worker"
        x_ego = None if missing(x_ego) else x_ego.strip()
        if x_ego is None or not present:
            v[f"ego_ei_{attr}"] = None
        else:
            same = sum(x == x_ego for x in present)
            v[f"ego_ei_{attr}"] = (len(present) - 2 * same) / len(present)
        roles = Counter()
        bridging = 0
        for j, k in open_pairs:
            cj, ck = cats[j - 1], cats[k - 1]
            if cj is not None and ck is not None and x_ego is not None:
                if cj == ck == x_ego:
                    roles["coordinator"] += 1
                elif cj == ck:
                    roles["itinerant"] += 1
                elif x_ego in (cj, ck):
                    roles["gatekeeper_representative"] += 1
                else:
                    roles["liaison"] += 1
            if (cj in BRIDGE[0] and ck in BRIDGE[1]) or (ck in BRIDGE[0] and cj in BRIDGE[1]):
                bridging += 1
        for role in ["coordinator", "itinerant", "gatekeeper_representative", "liaison"]:
            v[f"brokerage_{role}"] = None if x_ego is None else roles[role]
        v["brokerage_total"] = len(open_pairs)
        v["bridging_pairs"] = bridging
        freqs = [float(x["frequency"]) for x in al if not missing(x.get("frequency"))]
        v["mean_frequency"] = sum(freqs) / len(freqs) if freqs else None
        named = [sum(x[gen].strip().lower() in ("1", "true", "yes") for gen in generators) for x in al]
        v["multiplexity"] = None if n == 0 or not generators else sum(named) / n
        for gen in generators:
            v[f"size_{gen}"] = sum(x[gen].strip().lower() in ("1", "true", "yes") for x in al)

        assert set(v) == set(row) - {"ego_id"}, set(row) ^ set(v)
        for col, theirs in v.items():
            ours = row[col]
            w = worst.setdefault(col, [0, 0.0])
            w[0] += 1
            if (ours is None) != (theirs is None):
                failures += 1
                print(f"NA mismatch {e['ego_id']} {col}: spnet {ours}, networkx {theirs}", file=sys.stderr)
                continue
            if ours is None:
                continue
            d = abs(ours - theirs)
            if d > 1e-9:
                failures += 1
                print(f"{e['ego_id']} {col}: spnet {ours!r}, networkx {theirs!r}", file=sys.stderr)
            w[1] = max(w[1], d)
        out.append({"ego_id": e["ego_id"], "values": v})

    print(f"{'column':40} {'values':>7} max |spnet - networkx|")
    for col, (count, d) in worst.items():
        print(f"{col:40} {count:7d} {d:.3g}")
    print(f"networkx {nx.__version__}; {len(egos)} egos; {failures} disagreement(s)")
    if write:
        Path(write).write_text(
            json.dumps(
                {
                    "producedBy": {
                        "tool": f"networkx {nx.__version__}",
                        "script": "scripts/reference/check-cli.py",
                    },
                    "egos": out,
                },
                indent=1,
                allow_nan=False,
            )
            + "\n"
        )
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
