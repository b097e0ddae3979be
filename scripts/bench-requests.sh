#!/usr/bin/env bash
# The cost of the request layer (typed request models, text rule, rate limiter, no-store, paging
# records), measured against an older build in the same run. Starts each jar in turn on its own H2
# database with the engine off, creates an agent, a number and a campaign, then drives with wrk
# (2 threads, 8 connections, 20 s each after 10 s of warm-up): GET one campaign, GET the campaign list, PATCH the
# campaign's schedule, and POST /contacts/bulk with 100 contacts that exist already (on_duplicate
# skip, so every request binds and checks 100 items and writes nothing). Prints requests/s and
# p50 / p99 for each, and the ratio new / old.
# Usage: scripts/bench-requests.sh [old-commit]   (default: the commit before the typed models)
#        needs wrk (apt-get install wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
OLD_COMMIT="${1:-02cd0e8}"
PORT=${PORT:-18093}
OUT=target/bench
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 1; }

NEW_JAR="$PWD/target/agni-campaigns.jar"
[ -f "$NEW_JAR" ] || mvn -B -q -DskipTests package
OLD_DIR=$(mktemp -d)
echo "== building $OLD_COMMIT in $OLD_DIR"
git worktree add -q --detach "$OLD_DIR/src" "$OLD_COMMIT"
(cd "$OLD_DIR/src" && mvn -B -q -DskipTests -Dspotless.check.skip=true package)
OLD_JAR="$OLD_DIR/src/target/agni-campaigns.jar"

PID=
cleanup() {
  [ -n "$PID" ] && { kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; }
  git worktree remove --force "$OLD_DIR/src" >/dev/null 2>&1 || true
}
trap cleanup EXIT

field() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval('d'+sys.argv[1]))" "$1"; }

# One wrk run: prints "requests/s p50 p99" for the given method, path and body file.
drive() {
  local method=$1 path=$2 body=${3:-}
  local lua="$OUT/req-$$.lua"
  {
    echo "wrk.method = \"$method\""
    echo "wrk.headers[\"X-Api-Key\"] = \"$KEY\""
    echo "wrk.headers[\"Content-Type\"] = \"application/json\""
    if [ -n "$body" ]; then
      printf 'local f = io.open("%s", "r"); wrk.body = f:read("*a"); f:close()\n' "$body"
    fi
    cat <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.1f %.2f %.2f %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))
end
LUA
  } > "$lua"
  # why a first run: both builds are measured warm (JIT-compiled), not while the JVM warms up.
  wrk -t2 -c8 -d10s -s "$lua" "http://127.0.0.1:$PORT$path" > /dev/null
  wrk -t2 -c8 -d20s -s "$lua" "http://127.0.0.1:$PORT$path" | awk '/^RESULT/ {print $2, $3, $4, $5}'
}

run() {
  local name=$1 jar=$2 work
  work=$(mktemp -d)
  (cd "$work" && exec java -Xmx1g -jar "$jar" --server.port=$PORT --agni.dialer.enabled=false \
    --agni.rate-limit.per-key=1000000 > "$work/service.log" 2>&1) &
  PID=$!
  for _ in $(seq 1 90); do curl -fs "http://127.0.0.1:$PORT/api/v1/health" >/dev/null 2>&1 && break; sleep 1; done
  KEY=$(awk '{print $NF}' "$work/data/bootstrap-key.txt")
  local base="http://127.0.0.1:$PORT/api/v1"
  api() { curl -fsS -H "X-Api-Key: $KEY" -H 'Content-Type: application/json' "$@"; }
  local agent number campaign
  agent=$(api -X POST "$base/agents/" -d '{"name":"Bench agent"}' | field "['data']['id']")
  number=$(api -X POST "$base/phone-numbers/" -d '{"phone_number":"+14155550100"}' | field "['data']['id']")
  python3 - "$work/bulk.json" <<'PY'
import json, sys
contacts = [{"phone": "+1415555%04d" % i, "first_name": "C%d" % i, "last_name": "Bench",
             "email": "c%d@example.com" % i, "metadata": {"plan": "gold", "n": i},
             "tags": ["bench", "vip"]} for i in range(100)]
json.dump({"contacts": contacts, "on_duplicate": "skip"}, open(sys.argv[1], "w"))
PY
  api -X POST "$base/contacts/bulk" --data-binary "@$work/bulk.json" >/dev/null
  campaign=$(api -X POST "$base/campaigns/" -d "{\"name\":\"Bench\",\"agentId\":\"$agent\",
    \"phoneNumberId\":\"$number\",\"fromPhoneNumber\":\"+14155550100\",\"contactIds\":[]}" \
    | field "['data']['id']")
  echo '{"name":"Bench","schedule":{"windowStart":"08:30","window_end":"19:00","windowDays":[1,2,3,4,5],"retryGapMin":45}}' > "$work/patch.json"
  echo "GET-campaign $(drive GET "/api/v1/campaigns/$campaign")" > "$OUT/requests-$name.txt"
  echo "GET-list $(drive GET "/api/v1/campaigns?limit=50&offset=0")" >> "$OUT/requests-$name.txt"
  echo "PATCH-schedule $(drive PATCH "/api/v1/campaigns/$campaign" "$work/patch.json")" >> "$OUT/requests-$name.txt"
  echo "POST-bulk-100 $(drive POST "/api/v1/contacts/bulk" "$work/bulk.json")" >> "$OUT/requests-$name.txt"
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
}

echo "== old build ($OLD_COMMIT)"; run old "$OLD_JAR"
echo "== new build ($(git rev-parse --short HEAD))"; run new "$NEW_JAR"
echo
printf '%-16s %12s %12s %8s   %9s %9s   %9s %9s\n' request "old req/s" "new req/s" ratio "old p50" "new p50" "old p99" "new p99"
join "$OUT/requests-old.txt" "$OUT/requests-new.txt" | while read -r name o_rps o_p50 o_p99 o_err n_rps n_p50 n_p99 n_err; do
  ratio=$(python3 -c "print('%.2f' % ($n_rps / $o_rps))")
  printf '%-16s %12s %12s %8s   %7sms %7sms   %7sms %7sms   (errors %s / %s)\n' \
    "$name" "$o_rps" "$n_rps" "$ratio" "$o_p50" "$n_p50" "$o_p99" "$n_p99" "$o_err" "$n_err"
done
