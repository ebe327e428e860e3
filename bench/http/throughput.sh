#!/usr/bin/env bash
# API throughput beside the same server's /health/live, with wrk (Debian's `wrk`).
#
#   bench/http/throughput.sh [BASE_URL] [ROUNDS] [SECONDS] [CONNECTIONS] [WARMUP_SECONDS]
#
# Needs a running server in the development profile (the README's run command): the tokens come
# from its /dev/token. Each endpoint is warmed up first (JIT), then the rounds alternate the
# baseline and the three API calls, so that drift on a shared machine hits all of them alike.
set -euo pipefail
BASE=${1:-http://localhost:9080}
ROUNDS=${2:-3}
SECONDS_EACH=${3:-30}
CONNECTIONS=${4:-64}
WARMUP=${5:-60}
HERE=$(cd "$(dirname "$0")" && pwd)
CUSTOMER=bench_cust_1
export TOKEN
TOKEN=$(curl -fsS "$BASE/dev/token?role=service&minutes=600")

run() { # name, wrk arguments...
  local name=$1
  shift
  local out
  out=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency "$@")
  if echo "$out" | grep -q "Non-2xx"; then
    echo "$name: non-2xx answers:" >&2
    echo "$out" >&2
    exit 1
  fi
  printf '%s %s %s\n' "$name" \
    "$(echo "$out" | awk '/Requests\/sec/ {print $2}')" \
    "$(echo "$out" | awk '$1 == "99%" {print $2}')"
}

feature() { BODY="{\"customerId\":\"$CUSTOMER\",\"feature\":\"autoscale\"}" run "$1" -s "$HERE/post-json.lua" "$BASE/billing/check-feature-access"; }
usage() { BODY="{\"customerId\":\"$CUSTOMER\",\"usage\":{\"build_hours\":1}}" run "$1" -s "$HERE/post-json.lua" "$BASE/billing/check-usage-limits"; }
flag() { run "$1" -s "$HERE/get-bearer.lua" "$BASE/flags/billing_v2/evaluate?subject=$CUSTOMER"; }
health() { run "$1" "$BASE/health/live"; }

echo "warming up, ${WARMUP} s each" >&2
SECONDS_EACH=$WARMUP
for f in health feature usage flag; do $f warmup >/dev/null; done
SECONDS_EACH=${3:-30}

echo "round endpoint requests_per_s p99"
for r in $(seq 1 "$ROUNDS"); do
  for f in health feature usage flag; do
    echo "$r $($f "$f")"
  done
done
