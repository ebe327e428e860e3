#!/usr/bin/env bash
# Propagation between two instances on the local PostgreSQL (127.0.0.1:5432, trust authentication,
# as on these machines): two Liberty servers (benchA on 9087, benchB on 9088) run the built EAR on
# a database billing_bench made anew, then Propagation.java measures flag and subscription changes
# made through A and seen through B.
#
#   bench/propagation/two-instances.sh [RUNS] [EXTRA_ENV...]
#
# EXTRA_ENV (e.g. APP_CHANGE_POLL_ENABLED=false) goes to both servers. Needs a built tree (the EAR
# and a server made by the build, whose JDBC drivers it borrows). Run from the repository's root.
set -euo pipefail
runs=${1:-50}
shift || true
extra=("$@")
wlp=ear/target/liberty/wlp
ear=ear/target/billing.ear
[ -x "$wlp/bin/server" ] && [ -f "$ear" ] || { echo "build first (./mvnw verify)" >&2; exit 1; }
drivers=$(ls -d "$wlp"/usr/servers/*/lib/global 2>/dev/null | grep -v "/bench" | head -1)
[ -n "$drivers" ] || { echo "no server made by the build to take the JDBC drivers from" >&2; exit 1; }

psql -h 127.0.0.1 -U postgres -d postgres -qtA -v ON_ERROR_STOP=1 \
  -c "drop database if exists billing_bench" -c "create database billing_bench owner billing" >/dev/null
keydir=$(mktemp -d)
keys=$keydir/billing-data-keys.json
trap 'rm -rf "$keydir"; for s in benchA benchB; do "$wlp/bin/server" stop $s >/dev/null 2>&1 || true; done' EXIT
./mvnw -q -pl billing-ejb -am compile exec:java -Dexec.args="new $keys" >/dev/null

start() { # server port
  local dir="$wlp/usr/servers/$1"
  "$wlp/bin/server" stop "$1" >/dev/null 2>&1 || true
  if [ ! -d "$dir" ]; then
    "$wlp/bin/server" create "$1" >/dev/null
    cp -r liberty-config/. "$dir/"
    mkdir -p "$dir/lib/global" && cp "$drivers"/*.jar "$dir/lib/global/"
    echo "keystore_password=bench-only-keystore" > "$dir/server.env"
  fi
  rm -rf "$dir/dropins" "$dir/logs" "$dir/workarea"
  mkdir -p "$dir/dropins" && cp "$ear" "$dir/dropins/billing.ear"
  env HTTP_PORT="$2" HTTPS_PORT=$(($2 + 363)) DB_KIND=postgresql DB_HOST=127.0.0.1 DB_PORT=5432 \
    DB_NAME=billing_bench DB_USER=billing DB_PASSWORD=billing BILLING_DATA_KEYS_FILE="$keys" \
    "${extra[@]}" "$wlp/bin/server" start "$1" >/dev/null
  for i in $(seq 1 121); do
    curl -fs "http://localhost:$2/health/ready" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "$1 did not become ready; see $dir/logs" >&2
  exit 1
}

start benchA 9087
start benchB 9088
java bench/propagation/Propagation.java http://localhost:9087 http://localhost:9088 "$runs"
