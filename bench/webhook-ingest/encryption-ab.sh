#!/usr/bin/env bash
# Webhook ingest with and without encryption at rest, in alternating rounds on one machine:
# the same Liberty runtime and server configuration (the embedded default: H2, fresh database each
# round), once with the EAR from before encryption at rest and once with the current one.
#
#   bench/webhook-ingest/encryption-ab.sh BEFORE.ear AFTER.ear [ROUNDS] [WARMUP_S] [MEASURE_S] [THREADS]
#
# BENCH_DB=postgresql runs on the local PostgreSQL instead (127.0.0.1:5432, trust authentication, as
# on these machines), in a database billing_bench made anew for each round.
#
# Needs the Liberty runtime and a server made by the build (`./mvnw verify`, or `./mvnw liberty:create`
# for the README's run server), whose JDBC drivers it borrows. Run from the repository's root.
set -euo pipefail
before=$(realpath "$1")
after=$(realpath "$2")
rounds=${3:-3}
warmup=${4:-30}
measure=${5:-30}
threads=${6:-16}
wlp=ear/target/liberty/wlp
server=benchServer
port=9087
secret=whsec_bench_only
dir="$wlp/usr/servers/$server"

[ -x "$wlp/bin/server" ] || { echo "no Liberty runtime at $wlp: build first" >&2; exit 1; }
if [ ! -d "$dir" ]; then
  "$wlp/bin/server" create "$server" >/dev/null
  cp -r liberty-config/. "$dir/"
  drivers=$(ls -d "$wlp"/usr/servers/*/lib/global 2>/dev/null | grep -v "/$server/" | head -1)
  [ -n "$drivers" ] || { echo "no server made by the build to take the JDBC drivers from" >&2; exit 1; }
  mkdir -p "$dir/lib/global" && cp "$drivers"/*.jar "$dir/lib/global/"
  echo "keystore_password=bench-only-keystore" > "$dir/server.env"
fi

database=()
if [ "${BENCH_DB:-h2}" = postgresql ]; then
  database=(DB_KIND=postgresql DB_HOST=127.0.0.1 DB_PORT=5432 DB_NAME=billing_bench DB_USER=billing
    DB_PASSWORD=billing)
fi
fresh_database() {
  [ "${BENCH_DB:-h2}" = postgresql ] || return 0
  psql -h 127.0.0.1 -U postgres -d postgres -qtA -v ON_ERROR_STOP=1 \
    -c "drop database if exists billing_bench" -c "create database billing_bench owner billing" >/dev/null
}

round() { # label ear
  "$wlp/bin/server" stop "$server" >/dev/null 2>&1 || true
  rm -rf "$dir/dropins" "$dir/data" "$dir/logs" "$dir/workarea"
  fresh_database
  mkdir -p "$dir/dropins" && cp "$2" "$dir/dropins/billing.ear"
  env HTTP_PORT=$port HTTPS_PORT=$((port + 363)) STRIPE_WEBHOOK_SECRETS=$secret "${database[@]}" \
    "$wlp/bin/server" start "$server" >/dev/null
  for i in $(seq 1 121); do
    curl -fs "http://localhost:$port/health/ready" >/dev/null 2>&1 && break
    [ "$i" -lt 121 ] || { echo "the server did not become ready; see $dir/logs" >&2; exit 1; }
    sleep 1
  done
  printf '%-7s ' "$1"
  java bench/webhook-ingest/WebhookIngest.java "http://localhost:$port" "$secret" \
    "$warmup" "$measure" "$threads" "$1$RANDOM"
  "$wlp/bin/server" stop "$server" >/dev/null
}

for r in $(seq 1 "$rounds"); do
  round before "$before"
  round after "$after"
done
