#!/usr/bin/env bash
# SIP call set-up against sipp on loopback (SipSetupBenchmark): 2,000 answered calls with no rate
# cap below the organization's 1,000 per second, then at a 100 and a 20 calls-per-second cap;
# prints calls per second, INVITE-to-answer percentiles and the JVM's CPU per call. Needs sipp
# (apt-get install sip-tester). Results appended to target/bench/sip.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target/bench
: > target/bench/sip.txt
for cps in 0 100 20; do
  calls=2000
  [ "$cps" = 20 ] && calls=400
  mvn -B -q -o -Pbench test -Dtest=SipSetupBenchmark -Dbench.sip.cps="$cps" -Dbench.sip.calls="$calls" \
    -Dsurefire.failIfNoSpecifiedTests=false | grep '\[agni\]' || true
done
cat target/bench/sip.txt
