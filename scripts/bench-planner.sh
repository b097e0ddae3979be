#!/usr/bin/env bash
# The planner's cost per poll with 1,000,000 contacts judged in their own zones (window_timezone
# contact) against the same campaign judged in its own zone (campaign): SQL statements and wall ms
# per poll (p50/p95/max) with some zones open, the poll that plans the next opening when all are
# closed, and the EXPLAIN plans of a zone group's due count and claim (PlannerBenchmark), on the
# PostgreSQL at 127.0.0.1:5432 and on H2 (a file database).
# Usage: scripts/bench-planner.sh [contacts] [h2 contacts]
#   (defaults 1000000 and the same; results in target/bench/planner.txt)
set -euo pipefail
cd "$(dirname "$0")/.."
CONTACTS="${1:-1000000}"
H2_CONTACTS="${2:-$CONTACTS}"
export PGOPTIONS="-c client_min_messages=warning"
mkdir -p target/bench
: > target/bench/planner.txt
AGNI_TEST_POSTGRES=required mvn -B -q -o -Pbench test -Dtest='PlannerBenchmark*' \
  -Dsurefire.failIfNoSpecifiedTests=false -Dbench.contacts="$CONTACTS" \
  -Dbench.h2.contacts="$H2_CONTACTS" -Dbench.xmx=512m | grep -E '^\[bench\]|^  '
