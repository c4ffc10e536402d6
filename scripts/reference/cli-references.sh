#!/usr/bin/env bash
# Reference values for test/reference/cli-reference.test.ts: runs the spnet CLI
# on two inputs, checks every value against networkx (check-cli.py) and R
# igraph + sna + stats (check-cli.R), and stores the tools' values as fixtures.
#
#   edge-cases  test/fixtures/reference/edge-cases (hand-made: egos with 0, 1
#               and 2 alters, all pairs unknown, `no` ties, missing values, a
#               declared category no alter has, Borgatti's and MEASURES.md's
#               worked examples, groups of 1 and 2 egos)
#   egor-32     egor's three-file sample (../shared/fixtures/egor-formats/
#               three-files-32), read by spnet with its own column names
#
# Usage (from the repository root): bash scripts/reference/cli-references.sh
set -euo pipefail
out=test/fixtures/reference
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
npm run build --silent
spnet() { node dist/spnet.js "$@" 2>/dev/null; }

all=size,ties,density,components,isolates,effective_size,efficiency,constraint,hierarchy,ego_betweenness
all+=,prop_org_type_vcse,prop_org_type_housing_association,diversity_org_type,entropy_org_type
all+=,blau_org_type,iqv_org_type,ei_org_type,ego_ei_org_type,brokerage_total,brokerage_liaison
all+=,bridging_pairs,mean_frequency,multiplexity,size_refers_to
ec=$out/edge-cases
spnet measures $ec --format json --out $tmp/m.json
n=0
for spec in "imd_quintile 3,5" "grp c,d" "grp a,b" "sector primary_care,vcse"; do
  set -- $spec
  n=$((n + 1))
  spnet compare $ec --by $1 --pair $2 --measures $all --show-small-groups --format json --out $tmp/c$n.json
done
python3 scripts/reference/check-cli.py $ec $tmp/m.json --write $out/edge-cases-networkx.json
Rscript scripts/reference/check-cli.R $ec $tmp/m.json $tmp/c1.json $tmp/c2.json $tmp/c3.json $tmp/c4.json \
  --write $out/edge-cases-r.json

egor=../shared/fixtures/egor-formats/three-files-32
flags=(--egos-file egos_32.csv --alters-file alters_32.csv --ties-file edges_32.csv --ego-id-col egoID
  --alter-id-col alterID --from-col Source --to-col Target --attr alter.sex --ego-attr sex)
# The same files with the standard column names, for the two checkers.
mkdir $tmp/egor
python3 - "$egor" "$tmp/egor" <<'PY'
import csv, sys
src, dst = sys.argv[1], sys.argv[2]
def rows(name):
    return list(csv.DictReader(open(f"{src}/{name}", encoding="utf-8-sig"), delimiter=";"))
def write(name, header, records):
    with open(f"{dst}/{name}", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(records)
write("egos.csv", ["ego_id", "sex", "age"], [[r["egoID"], r["sex"], r["age"]] for r in rows("egos_32.csv")])
write("alters.csv", ["ego_id", "alter_id", "alter.sex", "alter.age"],
      [[r["egoID"], r["alterID"], r["alter.sex"], r["alter.age"]] for r in rows("alters_32.csv")])
write("ties.csv", ["ego_id", "from", "to"], [[r["egoID"], r["Source"], r["Target"]] for r in rows("edges_32.csv")])
PY
spnet measures $egor "${flags[@]}" --format json --out $tmp/em.json
spnet compare $egor "${flags[@]}" --by sex --pair m,w --format json --show-small-groups \
  --measures size,density,constraint,effective_size,ego_betweenness,iqv_alter.sex,ego_ei_alter.sex,ei_alter.sex \
  --out $tmp/ec.json
python3 scripts/reference/check-cli.py $tmp/egor $tmp/em.json --attr alter.sex --ego-attr sex \
  --write $out/egor-32-networkx.json
Rscript scripts/reference/check-cli.R $tmp/egor $tmp/em.json $tmp/ec.json --attr alter.sex --ego-attr sex \
  --write $out/egor-32-r.json
