#!/usr/bin/env bash
# API latency while the engine dials: starts the built jar (on the PostgreSQL at 127.0.0.1:5432 in a
# schema of its own, or H2 with AGNI_BENCH_DB=h2), imports [contacts] (default 1,000,000) into one
# campaign, activates it (simulated carrier, 3 s ring, 20 s talk, concurrency 1,000, 200 cps) and,
# while it runs, drives GET /campaigns/{id} and GET /campaigns with wrk (2 threads, 32 connections,
# 30 s each; GET campaign also at 4 connections, where the closed loop does not queue). Prints requests/s and p50 / p99 / p99.9, and the engine's progress meanwhile.
# Usage: scripts/bench-api.sh [contacts]     (needs wrk: apt-get install wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
CONTACTS="${1:-1000000}"
PORT=${PORT:-18091}
BASE="http://127.0.0.1:$PORT/api/v1"
WORK=$(mktemp -d)
OUT=target/bench
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 1; }
[ -f target/agni-campaigns.jar ] || mvn -B -q -DskipTests package

DB_ENV=()
if [ "${AGNI_BENCH_DB:-postgresql}" = postgresql ]; then
  SCHEMA="agni_bench_$(date +%s)"
  psql -h 127.0.0.1 -U postgres -d test -qAt -c "CREATE SCHEMA $SCHEMA"
  DB_ENV=(AGNI_DB_URL="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$SCHEMA" AGNI_DB_USER=postgres)
fi
echo "== starting the service on port $PORT (${AGNI_BENCH_DB:-postgresql}; data in $WORK)"
# why AGNI_RATE_LIMIT_PER_KEY: wrk sends thousands of requests per second with one key; this
# measures the API, not the rate limit (50 per second per key by default).
(cd "$WORK" && exec env "${DB_ENV[@]}" SERVER_PORT=$PORT AGNI_SIMULATED_SEED=5 AGNI_RATE_LIMIT_PER_KEY=1000000 \
  java -Xmx1g -jar "$OLDPWD/target/agni-campaigns.jar" > "$WORK/service.log" 2>&1) &
PID=$!
cleanup() {
  kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true
  [ -n "${SCHEMA:-}" ] && psql -h 127.0.0.1 -U postgres -d test -qAt -c "DROP SCHEMA $SCHEMA CASCADE" >/dev/null 2>&1 || true
}
trap cleanup EXIT
for _ in $(seq 1 90); do curl -fs "$BASE/health" >/dev/null 2>&1 && break; sleep 1; done
export AGNI_KEY=$(awk '{print $NF}' "$WORK/data/bootstrap-key.txt")
api() { curl -fsS -H "X-Api-Key: $AGNI_KEY" -H 'Content-Type: application/json' "$@"; }
field() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval('d'+sys.argv[1]))" "$1"; }

AGENT=$(api -X POST "$BASE/agents/" -d '{"name":"Bench agent","ringDurationMs":25000}' | field "['data']['id']")
NUMBER=$(api -X POST "$BASE/phone-numbers/" -d '{"phone_number":"+14155550100","max_concurrent":1000}' | field "['data']['id']")
FROM=$(date -u -d '-1 hour' +%H:%M); TO=$(date -u -d '-2 hours' +%H:%M)
CAMPAIGN=$(api -X POST "$BASE/campaigns/" -d "{\"name\":\"Bench\",\"agentId\":\"$AGENT\",
  \"phoneNumberId\":\"$NUMBER\",\"fromPhoneNumber\":\"+14155550100\",\"contactIds\":[],
  \"schedule\":{\"windowStart\":\"$FROM\",\"windowEnd\":\"$TO\",\"windowDays\":[0,1,2,3,4,5,6],
  \"timezone\":\"UTC\",\"maxConcurrent\":1000,\"retryAttempts\":0},
  \"outboundMaxConcurrent\":1000,\"outboundMaxCps\":200}" | field "['data']['id']")
python3 - "$WORK/contacts.csv" "$CONTACTS" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("phone,first_name\n")
    areas = [212, 213, 312, 415, 646, 718, 917, 310, 404, 617]
    for i in range(int(sys.argv[2])):
        # valid, distinct US numbers: area code, exchange 200-999, line
        f.write("+1%d%03d%04d,C%d\n" % (areas[i % 10], 200 + (i // 10) % 800, (i // 8000) % 10000, i))
PY
echo "== importing $CONTACTS contacts into campaign $CAMPAIGN"
T0=$(date +%s)
curl -fsS -H "X-Api-Key: $AGNI_KEY" -F "file=@$WORK/contacts.csv;type=text/csv" \
  "$BASE/contacts/import?campaign_id=$CAMPAIGN" | field "['data']['imported']"
echo "   in $(( $(date +%s) - T0 )) s; activating"
api -X PATCH "$BASE/campaigns/$CAMPAIGN" -d '{"status":"active"}' >/dev/null
sleep 10
stats() { api "$BASE/campaigns/$CAMPAIGN" | field "['data']['contactStats']"; }
echo "== engine running: $(stats)"
{
  echo "[bench] API while the engine dials a $CONTACTS-contact campaign (${AGNI_BENCH_DB:-postgresql}), wrk -t2 -c32 -d30s"
  printf '  GET campaign    '; wrk -t2 -c32 -d30s -s bench/wrk-percentiles.lua "$BASE/campaigns/$CAMPAIGN" | grep '^WRK' | sed 's/^WRK //'
  echo "  engine: $(stats)"
  printf '  GET campaign c4 '; wrk -t2 -c4 -d30s -s bench/wrk-percentiles.lua "$BASE/campaigns/$CAMPAIGN" | grep '^WRK' | sed 's/^WRK //'
  printf '  list campaigns  '; wrk -t2 -c32 -d30s -s bench/wrk-percentiles.lua "$BASE/campaigns/?limit=50" | grep '^WRK' | sed 's/^WRK //'
  echo "  engine: $(stats)"
} | tee "$OUT/api.txt"
