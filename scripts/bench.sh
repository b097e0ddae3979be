#!/usr/bin/env bash
# Every engine and API benchmark in one run (about 25 minutes on 2 cores): the engine against the
# raw SQL limit and the idle cost (scripts/bench-engine.sh), then the API while a 1,000,000-contact
# campaign runs (scripts/bench-api.sh). Results in target/bench/; figures in docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bench-engine.sh "${1:-1000000}"
scripts/bench-api.sh "${1:-1000000}"
