#!/usr/bin/env bash
# Webhooks under load, in one run on this machine (WebhookBenchmark, about a minute per database):
#   one engine node on real threads (zero ring/talk time, no cps cap) dials a campaign of
#   CONTACTS contacts (default 10000) whose agent has no webhook URL, the same with one URL and
#   nothing sending (the outbox's cost alone), the drain of that backlog to a local receiver
#   (127.0.0.1, answers 200) with the engine idle, the same campaign again while the deliverer
#   sends, and the first campaign again; prints attempts per second and ratios, deliveries per
#   second and the delivery lag percentiles (event written to received). H2 (file) and the
#   PostgreSQL at 127.0.0.1:5432 (skipped when none answers).
# Usage: scripts/bench-webhooks.sh [contacts]   (results appended to target/bench/webhooks.txt)
set -euo pipefail
cd "$(dirname "$0")/.."
CONTACTS="${1:-10000}"
mkdir -p target/bench
: > target/bench/webhooks.txt
mvn -B -q -o -Pbench test -Dtest='WebhookBenchmark*' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.webhook.contacts="$CONTACTS" -Dbench.xmx=512m | grep -E '^\[bench\]|^  ' || true
echo "[bench] results in target/bench/webhooks.txt"
