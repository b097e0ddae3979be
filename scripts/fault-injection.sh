#!/usr/bin/env bash
# Fault injection at full size: three nodes of the packaged jar (separate processes) on a private
# PostgreSQL that the suite starts itself (initdb/pg_ctl, a free port, never 5432), campaigns with
# different caps, ten SIGKILLs of random nodes (each restarted), one PostgreSQL restart and one
# SIGTERM while calls are live, then the audit (FaultInjectionIT, src/test/java/.../faults).
# CI runs the same suite at 900 contacts as part of `mvn -B verify`.
#
# Usage: scripts/fault-injection.sh [contacts]        (default 3600)
#   AGNI_FAULT_SEED=<n>       replay a run (the seed is printed at the start)
#   AGNI_FAULT_JAR=<path>     audit another build of the jar (default target/agni-campaigns.jar)
#   MVN_FLAGS=""              Maven online (default -o, offline; the first run needs the
#                             failsafe plugin in ~/.m2)
# Results: target/faults/run-*/ (summary.txt, violations.txt, timeline.txt, node and PostgreSQL
# logs); the build fails when the audit finds violations.
set -euo pipefail
cd "$(dirname "$0")/.."
export AGNI_FAULT_CONTACTS="${1:-3600}"
export AGNI_TEST_FAULTS=required
# shellcheck disable=SC2086 # MVN_FLAGS holds several flags
mvn -B ${MVN_FLAGS--o} verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=FaultInjectionIT
