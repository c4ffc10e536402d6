#!/usr/bin/env bash
# Gets a Debian machine ready for spnet's whole test suite, and fails loudly
# if it cannot: Debian's chromium (the browser tests drive it with
# playwright-core; no browser is downloaded) and PostgreSQL (the store tests
# run against it as well as PGlite), started on loopback with a test role
# that may create throwaway databases. Safe to run again.
set -euo pipefail

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pg_ctlcluster >/dev/null 2>&1 || need+=(postgresql)
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
    echo "spnet tests need the Debian packages: ${need[*]} (run as root, or install them)." >&2
    exit 1
  fi
  SUDO=$([ "$(id -u)" -eq 0 ] && echo "" || echo sudo)
  echo "Installing ${need[*]} from Debian…"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 "${need[@]}" >/dev/null
fi
command -v chromium >/dev/null || { echo "chromium is still missing after installing it." >&2; exit 1; }

# PostgreSQL: the Debian cluster, listening on loopback only.
SUDO=$([ "$(id -u)" -eq 0 ] && echo "" || echo sudo)
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | grep -q .; then
  $SUDO pg_createcluster "$version" main >/dev/null
fi
cluster=$(pg_lsclusters -h | head -1)
cv=$(echo "$cluster" | awk '{print $1}')
cn=$(echo "$cluster" | awk '{print $2}')
port=$(echo "$cluster" | awk '{print $3}')
echo "listen_addresses = '127.0.0.1'" | $SUDO tee "/etc/postgresql/$cv/$cn/conf.d/spnet-loopback.conf" >/dev/null
if ! echo "$cluster" | grep -q online; then
  $SUDO pg_ctlcluster "$cv" "$cn" start
fi
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p "$port" && break
  sleep 1
done
pg_isready -h 127.0.0.1 -p "$port" >/dev/null || { echo "PostgreSQL did not start on 127.0.0.1:$port." >&2; exit 1; }

# A test role that may create (and drop) its own databases, nothing more.
as_postgres=$([ "$(id -u)" -eq 0 ] && echo "runuser -u postgres --" || echo "sudo -u postgres")
$as_postgres psql -q -p "$port" -v ON_ERROR_STOP=1 <<SQL >/dev/null
do \$\$ begin
  if not exists (select from pg_roles where rolname = 'spnet_test') then
    create role spnet_test login password 'spnet_test' createdb;
  end if;
end \$\$;
SQL
echo "PostgreSQL $cv is on 127.0.0.1:$port (test role spnet_test); chromium: $(chromium --version 2>/dev/null | head -1)."
