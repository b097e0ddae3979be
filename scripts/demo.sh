#!/usr/bin/env bash
# Demo: starts the service on a fresh H2 database with the simulated carrier at short ring/talk
# times, creates a 200-contact campaign, activates it and prints contactStats until it completes.
# Usage: scripts/demo.sh            (builds the jar first if it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18090}
BASE="http://127.0.0.1:$PORT/api/v1"
WORK=$(mktemp -d)
[ -f target/agni-campaigns.jar ] || mvn -B -q -DskipTests package

echo "== starting Agni Campaigns on port $PORT (data in $WORK/data)"
(cd "$WORK" && SERVER_PORT=$PORT AGNI_SIMULATED_RING_MS=400 AGNI_SIMULATED_TALK_MS=1500 \
  AGNI_SIMULATED_SEED=42 exec java -jar "$OLDPWD/target/agni-campaigns.jar" > "$WORK/service.log" 2>&1) &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -fs "$BASE/health" > /dev/null 2>&1 && break
  sleep 1
done
KEY=$(awk '{print $NF}' "$WORK/data/bootstrap-key.txt")
api() { curl -fsS -H "X-Api-Key: $KEY" -H 'Content-Type: application/json' "$@"; }
field() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval('d'+sys.argv[1]))" "$1"; }

AGENT=$(api -X POST "$BASE/agents/" -d '{"name":"Demo agent","ringDurationMs":5000}' | field "['data']['id']")
NUMBER=$(api -X POST "$BASE/phone-numbers/" -d '{"phone_number":"+14155550100","friendly_name":"Demo line"}' | field "['data']['id']")
echo "== agent $AGENT, phone number $NUMBER"

CSV="$WORK/contacts.csv"
echo "phone,first_name,last_name,plan" > "$CSV"
for i in $(seq 0 199); do printf '+1415555%04d,Demo,Contact%d,gold\n' $((1000 + i)) "$i" >> "$CSV"; done
IMPORT=$(curl -fsS -H "X-Api-Key: $KEY" -F "file=@$CSV;type=text/csv" "$BASE/contacts/import")
echo "== imported: $IMPORT"
IDS=$(api "$BASE/contacts/?limit=500" | python3 -c "import json,sys; print(json.dumps([c['id'] for c in json.load(sys.stdin)['data']]))")

# A window around now (UTC), every day, so the demo dials whatever the time.
FROM=$(date -u -d '-1 hour' +%H:%M); TO=$(date -u -d '+3 hours' +%H:%M)
CAMPAIGN=$(api -X POST "$BASE/campaigns/" -d "{\"name\":\"Demo campaign\",\"agentId\":\"$AGENT\",
  \"phoneNumberId\":\"$NUMBER\",\"fromPhoneNumber\":\"+14155550100\",\"contactIds\":$IDS,
  \"schedule\":{\"windowStart\":\"$FROM\",\"windowEnd\":\"$TO\",\"windowDays\":[0,1,2,3,4,5,6],
  \"timezone\":\"UTC\",\"maxConcurrent\":25,\"retryAttempts\":1,\"retryGapMin\":1},
  \"outboundMaxCps\":20}" | field "['data']['id']")
echo "== campaign $CAMPAIGN created; activating"
api -X PATCH "$BASE/campaigns/$CAMPAIGN" -d '{"status":"active"}' > /dev/null

START=$(date +%s)
while true; do
  BODY=$(api "$BASE/campaigns/$CAMPAIGN")
  STATUS=$(echo "$BODY" | field "['data']['status']")
  STATS=$(echo "$BODY" | field "['data']['contactStats']")
  printf '%4ss  %-9s %s\n' $(( $(date +%s) - START )) "$STATUS" "$STATS"
  [ "$STATUS" = "completed" ] && break
  [ $(( $(date +%s) - START )) -gt 180 ] && { echo "did not complete in 180 s"; exit 1; }
  sleep 3
done
echo "== completed in $(( $(date +%s) - START )) s; a few call sessions:"
api "$BASE/calling/call-sessions?campaign_id=$CAMPAIGN&page_size=3" | python3 -m json.tool | head -40
