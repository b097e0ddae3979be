#!/usr/bin/env bash
# Validates every UAS scenario in ../ against a self-test UAC in this directory.
#
#   ./run-selftest.sh            # UDP (-t u1)
#   TRANSPORT=t1 ./run-selftest.sh   # TCP (-t t1)
#   ./run-selftest.sh 486 mix    # only the cases whose name contains one of the words
#
# Every case starts the UAS sipp in the foreground as a background job (so that its own
# exit code can be collected with `wait`; `-bg` would hide it), then the UAC, and compares
# both exit codes with the expected ones. Traces (-trace_msg/-trace_err/-trace_logs) go to
# $WORK (a fresh temp directory unless set). Only the sipp processes started here are
# stopped (by PID, via `timeout`).
set -u
T=${TRANSPORT:-u1}
HERE=$(cd "$(dirname "$0")" && pwd)
SIPP_DIR=$(cd "$HERE/.." && pwd)
WORK=${WORK:-$(mktemp -d /tmp/sipp-selftest.XXXXXX)}
BASE_PORT=${BASE_PORT:-15100}
port=$BASE_PORT
pass=0; fail=0; results=()

# run_case NAME UAS.xml UAS_RC UAC.xml UAC_RC CALLS "UAC ARGS" ["UAS ARGS"]
run_case() {
  local name=$1 uas=$2 uas_want=$3 uac=$4 uac_want=$5 calls=$6 uac_args=$7 uas_args=${8:-}
  if [ $# -gt 0 ] && [ -n "${FILTER:-}" ]; then
    local hit=0 w; for w in $FILTER; do [[ $name == *"$w"* ]] && hit=1; done
    [ $hit = 1 ] || return 0
  fi
  local up=$port cp=$((port + 1)); port=$((port + 2))
  local start=$SECONDS
  (cd "$WORK" && exec timeout 120 sipp -sf "$SIPP_DIR/$uas" -t "$T" -i 127.0.0.1 -p $up -m "$calls" \
      -nostdin -reconnect_close false -trace_err -trace_msg -trace_logs $uas_args) > "$WORK/$name.uas.out" 2>&1 &
  local uas_pid=$!
  sleep 0.5
  (cd "$WORK" && exec timeout 120 sipp -sf "$HERE/$uac" 127.0.0.1:$up -t "$T" -i 127.0.0.1 -p $cp -m "$calls" \
      -s +15550001 -nostdin -reconnect_close false -trace_err -trace_msg -trace_logs $uac_args) > "$WORK/$name.uac.out" 2>&1
  local uac_rc=$?
  wait $uas_pid; local uas_rc=$?
  local verdict=PASS
  if [ "$uas_rc" != "$uas_want" ] || [ "$uac_rc" != "$uac_want" ]; then verdict=FAIL; fail=$((fail + 1)); else pass=$((pass + 1)); fi
  results+=("$(printf '%-4s %-26s uas=%s(want %s) uac=%s(want %s) %3ss  %s' $verdict "$name" $uas_rc $uas_want $uac_rc $uac_want $((SECONDS - start)) "$uas")")
  echo "${results[-1]}"
}

# the MD5 response is only checked offline (verify-digest.py over the UAS -trace_logs file):
check_digest() {  # check_digest CASE WANT_RC USER PASSWORD
  if [ -n "${FILTER:-}" ]; then local hit=0 w; for w in $FILTER; do [[ $1 == *"$w"* ]] && hit=1; done; [ $hit = 1 ] || return 0; fi
  local log; log=$(ls -t "$WORK"/uas-407-then-200_*_logs.log | head -1)
  python3 "$HERE/verify-digest.py" --user "$3" --password "$4" "$log" > "$WORK/$1.digest.out" 2>&1; local rc=$?
  local verdict=PASS; if [ $rc != "$2" ]; then verdict=FAIL; fail=$((fail + 1)); else pass=$((pass + 1)); fi
  echo "$(printf '%-4s %-26s verify-digest.py=%s(want %s)' $verdict "$1" $rc "$2")"
}

FILTER="$*"
echo "transport=$T work=$WORK"
run_case answer-then-bye   uas-answer-then-bye.xml   0 uac-nosdp-uas-bye.xml      0 1 ""
run_case answer-wait-bye   uas-answer-wait-bye.xml   0 uac-nosdp-uac-bye.xml      0 1 ""
run_case 486               uas-486.xml               0 uac-expect-final.xml       0 1 "-set want 486"
run_case 603               uas-603.xml               0 uac-expect-final.xml       0 1 "-set want 603"
run_case 480               uas-480.xml               0 uac-expect-final.xml       0 1 "-set want 480"
run_case 404               uas-404.xml               0 uac-expect-final.xml       0 1 "-set want 404"
run_case 503-retry-after   uas-503-retry-after.xml   0 uac-expect-final.xml       0 1 "-set want 503 -set want_retry_after 5"
run_case 183-then-200      uas-183-then-200.xml      0 uac-nosdp-uac-bye.xml      0 1 ""
run_case ring-forever      uas-ring-forever.xml      0 uac-cancel.xml             0 1 ""
run_case 407-then-200      uas-407-then-200.xml      0 uac-407-auth.xml           0 1 "-au agni -ap secret"
check_digest 407-then-200 0 agni secret
run_case 407-wrong-user    uas-407-then-200.xml      1 uac-407-auth-bad.xml       0 1 "-au mallory -ap secret"
run_case 407-wrong-password uas-407-then-200.xml     0 uac-407-auth.xml           0 1 "-au agni -ap wrong"
check_digest 407-wrong-password 1 agni secret
run_case 407-always        uas-407-always.xml        0 uac-407-always.xml         0 1 "-au agni -ap secret"
run_case agent-wait-bye    agent-answer-wait-bye.xml 0 uac-agent.xml              0 1 ""
run_case agent-then-bye    agent-answer-then-bye.xml 0 uac-agent-remote-bye.xml   0 1 ""
run_case agent-486         agent-486.xml             0 uac-agent-expect-final.xml 0 1 "-set want 486"
run_case mix-20            uas-mix.xml               0 uac-mix.xml                0 20 "-inf $HERE/mix-calls.csv -r 10"
run_case mix-200-load      uas-mix.xml               0 uac-mix.xml                0 200 "-inf $HERE/mix-calls.csv -r 50 -l 100"
# negative checks: the scenarios must FAIL (exit 1) when the controller breaks Flow I
# (a failed check_it does not interrupt the flow: the call goes on and is counted as failed at its end)
run_case neg-sdp-in-trunk-invite uas-answer-wait-bye.xml 1 uac-agent.xml         0 1 ""
run_case neg-agent-no-offer      agent-answer-wait-bye.xml 1 uac-nosdp-uac-bye.xml 0 1 ""
run_case silent            uas-silent.xml            0 uac-silent.xml             0 1 "-max_retrans 6"
echo "passed=$pass failed=$fail (traces in $WORK)"
[ $fail = 0 ]
