#!/usr/bin/env python3
"""Reference values for spnet's ego-network measures, computed with networkx.

Reads the three-file reference inputs in test/fixtures/reference/ (demo-60 and
known-pairs; see the README.md there) and writes
test/fixtures/reference/measures-networkx.json, which
test/reference/measures-reference.test.ts compares with spnet's output.

Usage (from the repository root):
  python3 scripts/reference/measures.py

For each ego, G_e is the ego network of MEASURES.md: the ego, its alters, a
tie from the ego to every alter, and the `yes` alter-alter ties (`no`,
`dont_know` and `not_asked` pairs are not edges). A = the alter-alter graph
(G_e without the ego). Each column's method is recorded in the output:

  networkx                         a networkx function, as named
  formula on networkx ...          Burt's/MEASURES.md's formula applied to
                                   values networkx returns
  formula                          MEASURES.md's definition written out in
                                   Python (networkx has no such measure, or
                                   no notion of pairs of unknown state)

Columns are named as spnet names them. A value is null where MEASURES.md says
the measure is undefined (NA). Where a tool's definition cannot match spnet's
for an ego (networkx betweenness counts pairs of unknown state as open), the
value is left out and the ego's "notCompared" says why.

Deterministic: the same input gives the same output, except producedBy.date
(today, or SOURCE_DATE_EPOCH when set).
"""

import csv
import datetime
import json
import math
import os
import platform
import sys
from pathlib import Path

import networkx as nx
import numpy
import scipy

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "test" / "fixtures" / "reference"
OUTPUT = FIXTURES / "measures-networkx.json"
INPUTS = ["demo-60", "known-pairs"]

ATTR = "org_type"  # the grouping alter attribute (spnet's default)
EGO_ATTR = "sector"  # x_ego (spnet's default)
GENERATORS = ["work_contact", "refers_to", "advice_support", "capacity_building"]
UNKNOWN_STATES = {"dont_know", "don't know", "dont know", "don\u2019t know", "not_asked"}
FLAG_TRUE = {"1", "true", "yes"}


def missing(raw):
    return raw == "" or raw == "NA"


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def read_study(folder):
    """The folder's egos in input order, each with its alters and alter pairs."""
    codebook = json.loads((folder / "codebook.json").read_text(encoding="utf-8"))
    egos = {}
    for row in read_csv(folder / "egos.csv"):
        sector = row.get(EGO_ATTR, "")
        egos[row["ego_id"]] = {
            "id": row["ego_id"],
            "sector": None if missing(sector) else sector,
            "alters": [],
            "yes": [],
            "unknown": 0,
        }
    alter_rows = read_csv(folder / "alters.csv")
    generators = [g for g in GENERATORS if alter_rows and g in alter_rows[0]]
    for row in alter_rows:
        freq = row.get("frequency", "")
        egos[row["ego_id"]]["alters"].append(
            {
                "id": row["alter_id"],
                "category": None if missing(row[ATTR]) else row[ATTR],
                "frequency": None if missing(freq) else float(freq),
                "generators": [g for g in generators if row[g].strip().lower() in FLAG_TRUE],
            }
        )
    for row in read_csv(folder / "ties.csv"):
        state = row.get("state", "").strip().lower()
        ego = egos[row["ego_id"]]
        if state in ("", "yes"):
            ego["yes"].append((row["from"], row["to"]))
        elif state in UNKNOWN_STATES:
            ego["unknown"] += 1
        elif state != "no":
            raise ValueError(f"unexpected tie state {state!r}")
    levels = codebook["alter"][ATTR]["levels"]
    return list(egos.values()), levels, generators


def ego_graph(ego):
    """G_e with integer nodes: 0 = the ego, j = the j-th alter (1-based).

    Integer nodes keep the output deterministic: networkx sums over Python
    sets of neighbours, and the iteration order of a set of strings changes
    from run to run (hash randomisation), which moves the last bits of sums.
    """
    g = nx.Graph()
    centre = 0
    node = {alter["id"]: j for j, alter in enumerate(ego["alters"], start=1)}
    assert len(node) == len(ego["alters"]), "duplicate alter id"
    g.add_node(centre)
    for j in node.values():
        g.add_edge(centre, j)
    g.add_edges_from((node[x], node[y]) for x, y in ego["yes"])
    assert g.number_of_nodes() == len(ego["alters"]) + 1, "a tie names an unknown alter"
    return g, centre, node


def finite(x):
    """A float, or None for NaN (networkx's value for an isolated ego)."""
    x = float(x)
    return None if math.isnan(x) else x + 0.0


def ei(external, internal):
    total = external + internal
    return None if total == 0 else (external - internal) / total


def measures(ego, levels, generators, known_pairs):
    g, centre, node = ego_graph(ego)
    alters = [node[a["id"]] for a in ego["alters"]]
    a = g.subgraph(alters)
    n = len(alters)
    t = a.number_of_edges()
    u = ego["unknown"]
    pairs = n * (n - 1) // 2
    v = {}
    v["size"] = n
    v["ties"] = t
    if known_pairs:
        assert u == 0
        v["density"] = None if n < 2 else nx.density(a)
    else:
        v["density"] = None if n < 2 or pairs - u <= 0 else t / (pairs - u)
    v["components"] = nx.number_connected_components(a)
    v["isolates"] = nx.number_of_isolates(a)

    esize = finite(nx.effective_size(g)[centre])
    assert (esize is None) == (n == 0)
    v["effective_size"] = esize
    v["efficiency"] = None if n == 0 else esize / g.degree(centre)
    c = finite(nx.constraint(g)[centre])
    assert (c is None) == (n == 0)
    v["constraint"] = c

    # Burt's hierarchy from networkx's dyadic (local) constraints on the ego.
    if n <= 1:
        v["hierarchy"] = None
    else:
        local = [nx.local_constraint(g, centre, j) for j in alters]
        if all(x == local[0] for x in local):
            v["hierarchy"] = 0.0
        else:
            mean = sum(local) / n
            v["hierarchy"] = sum((x / mean) * math.log(x / mean) for x in local) / (
                n * math.log(n)
            )

    not_compared = {}
    if u == 0:
        v["ego_betweenness"] = nx.betweenness_centrality(g, normalized=False)[centre]
    else:
        not_compared["ego_betweenness"] = (
            f"{u} alter pair(s) of unknown state: networkx counts them as open pairs, "
            "spnet leaves them out (MEASURES.md)"
        )

    cats = [x["category"] for x in ego["alters"]]
    present = [x for x in cats if x is not None]
    counts = {}
    for x in present:
        counts[x] = counts.get(x, 0) + 1
    for level in levels:
        v[f"prop_{ATTR}_{level}"] = None if n == 0 else counts.get(level, 0) / n
    v[f"diversity_{ATTR}"] = len(counts)
    if present:
        p = [m / len(present) for m in counts.values()]
        # + 0.0 turns the -0.0 of a single category into 0.0.
        v[f"entropy_{ATTR}"] = -sum(x * math.log(x) for x in p) + 0.0
        blau = 1 - sum(x * x for x in p)
        v[f"blau_{ATTR}"] = blau
        k = len(levels)
        v[f"iqv_{ATTR}"] = None if k < 2 else blau / (1 - 1 / k)
    else:
        v[f"entropy_{ATTR}"] = v[f"blau_{ATTR}"] = v[f"iqv_{ATTR}"] = None
    category = {node[x["id"]]: x["category"] for x in ego["alters"]}
    external = internal = 0
    for x, y in a.edges():
        cx, cy = category[x], category[y]
        if cx is None or cy is None:
            continue
        if cx == cy:
            internal += 1
        else:
            external += 1
    v[f"ei_{ATTR}"] = ei(external, internal)
    s = ego["sector"]
    v[f"ego_ei_{ATTR}"] = (
        None if s is None else ei(sum(x != s for x in present), sum(x == s for x in present))
    )

    freqs = [x["frequency"] for x in ego["alters"] if x["frequency"] is not None]
    v["mean_frequency"] = None if not freqs else sum(freqs) / len(freqs)
    v["multiplexity"] = None if n == 0 else sum(len(x["generators"]) for x in ego["alters"]) / n
    for gen in generators:
        v[f"size_{gen}"] = sum(gen in x["generators"] for x in ego["alters"])

    for key, value in v.items():
        assert value is None or (isinstance(value, (int, float)) and math.isfinite(value)), key
    return v, not_compared


def methods(known_pairs, levels, generators):
    m = {
        "size": "formula: number of alters",
        "ties": "networkx: A.number_of_edges()",
        "density": (
            "networkx: nx.density(A) (null when n < 2)"
            if known_pairs
            else "formula: t / (n(n-1)/2 - pairs of unknown state) (null when n < 2)"
        ),
        "components": "networkx: nx.number_connected_components(A)",
        "isolates": "networkx: nx.number_of_isolates(A)",
        "effective_size": "networkx: nx.effective_size(G_e)[ego] (NaN -> null)",
        "efficiency": "networkx: nx.effective_size(G_e)[ego] / G_e.degree(ego)",
        "constraint": "networkx: nx.constraint(G_e)[ego] (NaN -> null)",
        "hierarchy": (
            "formula on networkx local_constraint: "
            "sum_j r_j ln r_j / (n ln n), r_j = c_j / (C/n), c_j = nx.local_constraint(G_e, ego, j); "
            "exactly 0 when all c_j are equal; null when n <= 1"
        ),
        "ego_betweenness": (
            "networkx: nx.betweenness_centrality(G_e, normalized=False)[ego]; "
            "only for egos with no pair of unknown state"
        ),
    }
    for level in levels:
        m[f"prop_{ATTR}_{level}"] = "formula: n_value / n"
    m[f"diversity_{ATTR}"] = "formula: distinct non-missing categories"
    m[f"entropy_{ATTR}"] = "formula: -sum p_k ln p_k (nats)"
    m[f"blau_{ATTR}"] = "formula: 1 - sum p_k^2"
    m[f"iqv_{ATTR}"] = f"formula: blau / (1 - 1/K), K = {len(levels)} declared categories"
    m[f"ei_{ATTR}"] = "formula: (E - I) / (E + I) over the edges of A"
    m[f"ego_ei_{ATTR}"] = f"formula: (E - I) / (E + I), alters against the ego's {EGO_ATTR}"
    m["mean_frequency"] = "formula: mean of non-missing frequency"
    m["multiplexity"] = "formula: mean number of name generators per alter"
    for gen in generators:
        m[f"size_{gen}"] = "formula: alters named in the generator"
    return m


def today():
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is not None:
        return datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).date().isoformat()
    return datetime.date.today().isoformat()


def main():
    out = {
        "producedBy": {
            "tool": f"networkx {nx.__version__}",
            "python": platform.python_version(),
            "numpy": numpy.__version__,
            "scipy": scipy.__version__,
            "script": "scripts/reference/measures.py",
            "date": today(),
        },
        "model": (
            "G_e = ego + alters + ego-alter edges + `yes` alter-alter edges; "
            "A = G_e without the ego. Attribute org_type (K from codebook.json), ego attribute sector."
        ),
        "inputs": {},
    }
    for name in INPUTS:
        known_pairs = name == "known-pairs"
        egos, levels, generators = read_study(FIXTURES / name)
        rows = []
        for ego in egos:
            values, not_compared = measures(ego, levels, generators, known_pairs)
            row = {
                "ego_id": ego["id"],
                "alters": len(ego["alters"]),
                "unknownPairs": ego["unknown"],
                "values": values,
            }
            if not_compared:
                row["notCompared"] = not_compared
            rows.append(row)
        out["inputs"][name] = {
            "folder": f"test/fixtures/reference/{name}",
            "methods": methods(known_pairs, levels, generators),
            "egos": rows,
        }
    text = json.dumps(out, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
    OUTPUT.write_text(text, encoding="utf-8")
    total = sum(len(r["values"]) for i in out["inputs"].values() for r in i["egos"])
    print(f"wrote {OUTPUT.relative_to(ROOT)}: {total} values", file=sys.stderr)


if __name__ == "__main__":
    main()
