#!/usr/bin/env bash
# SIP call set-up against sipp on loopback (SipSetupBenchmark): 2,000 answered calls at a 200 and
# a 100 calls-per-second cap, 400 at 20; prints calls per second, INVITE-to-answer percentiles and
# the JVM's CPU per call. why capped: unpaced, the pacer lets calls catch up at the organization's
# 1,000 per second and sipp, one thread on 2 shared cores, starts dropping INVITEs (the number then
# backs off, as it should). Needs sipp (apt-get install sip-tester). Results in target/bench/sip.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target/bench
: > target/bench/sip.txt
for cps in 200 100 20; do
  calls=2000
  [ "$cps" = 20 ] && calls=400
  mvn -B -q -o -Pbench test -Dtest=SipSetupBenchmark -Dbench.sip.cps="$cps" -Dbench.sip.calls="$calls" \
    -Dsurefire.failIfNoSpecifiedTests=false | grep '\[agni\]' || true
done
cat target/bench/sip.txt
