#!/usr/bin/env bash
# Webhook ingest of the current build on one Liberty server (benchServer, port 9087), beside the
# database's own insert rate.
#
#   bench/webhook-ingest/ingest.sh [h2|postgresql] [WARMUP_S] [MEASURE_S] [THREADS] [PRELOAD]
#
# postgresql: the local PostgreSQL (127.0.0.1:5432, trust authentication), a database billing_bench
# made anew; pgbench single-row inserts (1 and 8 clients, 20 s each) run first as the baseline, and
# PRELOAD (e.g. 1000000) stored events, customers and subscriptions are inserted before the
# measured run, to show whether the rate holds as the tables grow. h2: the embedded default, fresh.
# Needs a built tree (./mvnw verify: the EAR and a server to borrow the JDBC drivers from).
set -euo pipefail
db=${1:-h2}
warmup=${2:-30}
measure=${3:-60}
threads=${4:-16}
preload=${5:-0}
wlp=ear/target/liberty/wlp
server=benchServer
port=9087
secret=whsec_bench_only
dir="$wlp/usr/servers/$server"
psql_admin() { psql -h 127.0.0.1 -U postgres -d "${2:-postgres}" -qtA -v ON_ERROR_STOP=1 -c "$1"; }

[ -x "$wlp/bin/server" ] && [ -f ear/target/billing.ear ] || { echo "build first" >&2; exit 1; }
if [ ! -d "$dir" ]; then
  "$wlp/bin/server" create "$server" >/dev/null
  cp -r liberty-config/. "$dir/"
  drivers=$(ls -d "$wlp"/usr/servers/*/lib/global 2>/dev/null | grep -v "/$server/" | head -1)
  mkdir -p "$dir/lib/global" && cp "$drivers"/*.jar "$dir/lib/global/"
  echo "keystore_password=bench-only-keystore" > "$dir/server.env"
fi
"$wlp/bin/server" stop "$server" >/dev/null 2>&1 || true
rm -rf "$dir/dropins" "$dir/data" "$dir/logs" "$dir/workarea"
mkdir -p "$dir/dropins" && cp ear/target/billing.ear "$dir/dropins/billing.ear"
trap '"$wlp/bin/server" stop "$server" >/dev/null 2>&1 || true' EXIT

env=(HTTP_PORT=$port HTTPS_PORT=$((port + 363)) STRIPE_WEBHOOK_SECRETS=$secret)
if [ "$db" = postgresql ]; then
  psql_admin "drop database if exists billing_bench"
  psql_admin "create database billing_bench owner billing"
  psql_admin "create table bench_insert (id bigserial primary key, v text)" billing_bench
  echo "insert into bench_insert (v) values ('x');" > /tmp/bench_insert.sql
  for clients in 1 8; do
    tps=$(pgbench -h 127.0.0.1 -U postgres -n -c $clients -j $((clients < 2 ? 1 : 2)) -T 20 \
      -f /tmp/bench_insert.sql billing_bench 2>/dev/null | awk '/^tps/ {print int($3)}')
    echo "pgbench single-row inserts, $clients client(s): $tps tx/s"
  done
  psql_admin "drop table bench_insert" billing_bench
  env+=(DB_KIND=postgresql DB_HOST=127.0.0.1 DB_PORT=5432 DB_NAME=billing_bench DB_USER=billing
    DB_PASSWORD=billing)
fi
env "${env[@]}" "$wlp/bin/server" start "$server" >/dev/null
for i in $(seq 1 121); do
  curl -fs "http://localhost:$port/health/ready" >/dev/null 2>&1 && break
  [ "$i" -lt 121 ] || { echo "the server did not become ready; see $dir/logs" >&2; exit 1; }
  sleep 1
done
if [ "$db" = postgresql ] && [ "$preload" -gt 0 ]; then
  psql_admin "
    insert into billing.webhook_event (event_id, event_type, created, payload, status, received_at)
      select 'evt_pre_' || g, 'customer.subscription.updated', 1700000000 + g, '{}', 'processed', now()
      from generate_series(1, $preload) g;
    insert into billing.stripe_customer select 'pre_' || g, 'cus_pre_' || g from generate_series(1, $preload) g;
    insert into billing.customer_account select 'pre_' || g, now() from generate_series(1, $preload) g;
    insert into billing.subscription_mirror (subscription_id, customer_id, tier_id, status, updated_at, version)
      select 'sub_pre_' || g, 'pre_' || g, 'PRO', 'active', now(), 1 from generate_series(1, $preload) g;
    analyze;" billing_bench
  echo "preloaded $preload events, customers and subscriptions"
fi
printf '%s: ' "$db"
java bench/webhook-ingest/WebhookIngest.java "http://localhost:$port" "$secret" "$warmup" "$measure" "$threads" "r$RANDOM"
pid=$(pgrep -f "ws-server.jar.*$server" | head -1)
echo "server RSS after the run: $(($(ps -o rss= -p "$pid") / 1024)) MB"
