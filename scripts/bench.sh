#!/usr/bin/env bash
# Every benchmark in one run (about 27 minutes on 2 cores): the engine against the raw SQL limit
# and the idle cost (scripts/bench-engine.sh), the API while a 1,000,000-contact campaign runs
# (scripts/bench-api.sh), and SIP call set-up against sipp (scripts/bench-sip.sh). Results in
# target/bench/; figures in docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bench-engine.sh "${1:-1000000}"
scripts/bench-api.sh "${1:-1000000}"
scripts/bench-sip.sh
