#!/usr/bin/env bash
#
# media-selftest.sh: proves real RTP media between two baresip instances that
# were joined by an RFC 3725 (flow I, delayed offer) third-party call:
#
#   controller --INVITE (no SDP)---------> callee   (auto answer, records)
#   controller <-200 OK (SDP offer)------- callee
#   controller --INVITE (callee's offer)-> agent    (auto answer, plays 440 Hz)
#   controller <-200 OK (SDP answer)------ agent
#   controller --ACK---------------------> agent
#   controller --ACK (agent's answer)----> callee
#   ... RTP flows directly callee <-> agent for DURATION s ...
#   controller --BYE--> both
#
# The controller is emulated by tpcc_controller.py (stdlib only). Pass when
# the callee's recording of what it heard (dump-*-dec.wav) has a rough
# frequency within 5 % of 440 Hz and an RMS amplitude well above silence; the
# reverse direction (agent hears the callee's 1000 Hz) is checked too.
#
# Must run as root: it re-executes itself inside a private network namespace
# (unshare -n, lo up, default route via lo) so that baresip advertises
# 127.0.0.1 in its SDP and nothing clashes with ports of the host.
#
# Environment (all optional):
#   DURATION=4        seconds the call is held before BYE
#   CALLEE_PORT=5060  AGENT_PORT=5070  CTRL_PORT=5080
#   NUMBERS="+15550001 +15550002 +15550003"  callee accounts (one per number)
#   DIAL=<number>     which number the controller calls (default: the last of
#                     NUMBERS; one not in NUMBERS gets 404 -> FAIL)
#   KEEP=1            keep the work directory (logs, WAVs) even on success
#   VERBOSE=1         print the SIP messages of the controller
#   CTRL_ARGS="..."   extra tpcc_controller.py options, e.g. "--ack-empty"
#                     (negative test: the ACK to the callee lacks the answer,
#                     the self-test must then FAIL)
#
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if [[ "${MEDIA_SELFTEST_IN_NS:-}" != 1 ]]; then
    [[ $(id -u) -eq 0 ]] || { echo "media-selftest: must run as root (needs unshare -n)" >&2; exit 2; }
    for c in baresip sox python3 unshare ip; do
        command -v "$c" >/dev/null || { echo "media-selftest: '$c' not found" >&2; exit 2; }
    done
    export MEDIA_SELFTEST_IN_NS=1
    exec unshare -n -- bash "${BASH_SOURCE[0]}" "$@"
fi

# ---------------------------------------------------------------- in the namespace
ip link set lo up
ip route add default dev lo

DURATION="${DURATION:-4}"
CALLEE_PORT="${CALLEE_PORT:-5060}"
AGENT_PORT="${AGENT_PORT:-5070}"
CTRL_PORT="${CTRL_PORT:-5080}"
NUMBERS="${NUMBERS:-+15550001 +15550002 +15550003}"
DIAL="${DIAL:-${NUMBERS##* }}"
TONE_HZ=440
CALLEE_HZ=1000            # must match audio_source ausine,<hz> in callee/config
TOLERANCE_PCT=5
MIN_RMS=0.05              # tone is generated at vol 0.5 -> RMS ~0.35; silence ~0

WORK="$(mktemp -d /tmp/baresip-selftest.XXXXXX)"
PIDS=()
RESULT=1

stop_pids() {   # TERM, then (baresip: a 2nd signal = immediate exit) TERM again, then KILL
    local p i alive
    for p in "$@"; do kill -TERM "$p" 2>/dev/null || true; done
    # With a call still up, baresip's graceful shutdown sends BYE and waits for
    # the transaction (up to 32 s if nobody answers), hence the escalation.
    for i in $(seq 1 100); do
        alive=0
        for p in "$@"; do kill -0 "$p" 2>/dev/null && alive=1; done
        [[ $alive == 0 ]] && break
        [[ $i == 50 ]] && for p in "$@"; do kill -TERM "$p" 2>/dev/null || true; done
        sleep 0.02
    done
    for p in "$@"; do kill -KILL "$p" 2>/dev/null || true; done
    for p in "$@"; do wait "$p" 2>/dev/null || true; done
}

cleanup() {
    [[ ${#PIDS[@]} -gt 0 ]] && stop_pids "${PIDS[@]}"
    PIDS=()
    if [[ "$RESULT" == 0 && "${KEEP:-}" != 1 ]]; then
        rm -rf "$WORK"
    else
        echo "media-selftest: work directory kept: $WORK"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { echo "media-selftest: $*"; }

# ---------------------------------------------------------------- media + configs
mkdir -p "$WORK"/{callee,agent,rec-callee,rec-agent}
# -b 16 matters: sox defaults to 32-bit (WAVE_FORMAT_EXTENSIBLE), which
# baresip's aufile rejects ("failed to open file ... Function not implemented").
# aufile hangs up the call at end of file, so make it much longer than the call.
TONE_LEN=$((DURATION + 60))
sox -n -r 8000 -c 1 -b 16 "$WORK/tone.wav" synth "$TONE_LEN" sine "$TONE_HZ" vol 0.5

sed -e "s#@PORT@#$CALLEE_PORT#g" -e "s#@DIR@#$WORK/rec-callee#g" \
    "$HERE/callee/config" > "$WORK/callee/config"
: > "$WORK/callee/accounts"
for n in $NUMBERS; do
    grep -v '^#' "$HERE/callee/accounts" | sed -e "s#@USER@#$n#g" >> "$WORK/callee/accounts"
done
sed -e "s#@PORT@#$AGENT_PORT#g" -e "s#@DIR@#$WORK/rec-agent#g" -e "s#@TONE@#$WORK/tone.wav#g" \
    "$HERE/agent/config" > "$WORK/agent/config"
cp "$HERE/agent/accounts" "$WORK/agent/accounts"

# ---------------------------------------------------------------- start baresips
# Headless: no UI module is loaded and stdin is /dev/null; not using -d (daemon)
# so that $! is the real pid. setpriv --pdeathsig: children get SIGKILL if this
# script dies without running its trap (e.g. SIGKILL from a test harness).
PDEATH=()
if setpriv --pdeathsig KILL -- true 2>/dev/null; then PDEATH=(setpriv --pdeathsig KILL --); fi
start_baresip() {   # name port
    local name="$1" port="$2" i
    "${PDEATH[@]}" baresip -f "$WORK/$name" < /dev/null > "$WORK/$name.log" 2>&1 &
    PIDS+=("$!")
    for i in $(seq 1 500); do          # up to 5 s; it takes ~20 ms here
        if grep -q 'baresip is ready' "$WORK/$name.log" 2>/dev/null; then
            log "$name baresip ready on 127.0.0.1:$port (pid $!)"
            return 0
        fi
        kill -0 "$!" 2>/dev/null || break
        sleep 0.01
    done
    log "$name baresip failed to start:"; cat "$WORK/$name.log"
    return 1
}
start_baresip callee "$CALLEE_PORT"
start_baresip agent "$AGENT_PORT"
grep -q 'IPv4=lo|127.0.0.1' "$WORK/callee.log" \
    || log "WARNING: callee does not use 127.0.0.1 as its local address: $(grep 'network address' "$WORK/callee.log")"

# ---------------------------------------------------------------- the 3PCC call
log "3PCC call: callee sip:$DIAL@127.0.0.1:$CALLEE_PORT <-> agent sip:agent@127.0.0.1:$AGENT_PORT, ${DURATION}s"
# run in the background + wait, so that INT/TERM are handled at once
ctrl_rc=0
"${PDEATH[@]}" python3 "$HERE/tpcc_controller.py" ${VERBOSE:+-v} \
    --bind "127.0.0.1:$CTRL_PORT" \
    --callee "sip:$DIAL@127.0.0.1:$CALLEE_PORT" \
    --agent "sip:agent@127.0.0.1:$AGENT_PORT" \
    --duration "$DURATION" ${CTRL_ARGS:-} > "$WORK/controller.log" 2>&1 &
CTRL_PID=$!
PIDS+=("$CTRL_PID")
wait "$CTRL_PID" || ctrl_rc=$?
cat "$WORK/controller.log" | { if [[ -n "${VERBOSE:-}" ]]; then cat; else grep -E '^\[tpcc\] (callee|agent|both|FAIL|WARN|BYE)' | grep -v ':$'; fi; } || true
grep -E '^c=IN IP4 ' "$WORK/controller.log" | sort -u | sed 's/^/media-selftest: SDP /' || true

# recordings are finalised (WAV header written) when the call is torn down,
# which the BYE already did; stop the UAs now.
sleep 0.3
stop_pids "${PIDS[@]}"
PIDS=()

# ---------------------------------------------------------------- analysis
fail=0
[[ $ctrl_rc -eq 0 ]] || { log "FAIL: controller exited with $ctrl_rc"; fail=1; }

check() {   # label dir expected_hz
    local label="$1" dir="$2" want="$3" files f stat freq rms len
    files=("$dir"/dump-*-dec.wav)
    if [[ ! -e "${files[0]}" ]]; then
        log "FAIL: $label: no recording (*-dec.wav) in $dir"; fail=1; return
    fi
    if [[ ${#files[@]} -ne 1 ]]; then
        log "WARNING: $label: ${#files[@]} recordings, using the last"
    fi
    f="${files[-1]}"
    stat="$(sox "$f" -n stat 2>&1)"
    freq="$(awk -F: '/^Rough +frequency/ {gsub(/ /,"",$2); print $2}' <<<"$stat")"
    rms="$(awk -F: '/^RMS +amplitude/ {gsub(/ /,"",$2); print $2}' <<<"$stat")"
    len="$(awk -F: '/^Length/ {gsub(/ /,"",$2); print $2}' <<<"$stat")"
    log "$label: $(basename "$f"): length=${len}s rough_frequency=${freq}Hz rms=${rms} (want ${want}Hz +-${TOLERANCE_PCT}%, rms>${MIN_RMS})"
    if awk -v f="$freq" -v w="$want" -v t="$TOLERANCE_PCT" -v r="$rms" -v m="$MIN_RMS" -v l="$len" -v d="$DURATION" \
        'BEGIN { ok = (f+0 > 0) && ((f-w < 0 ? w-f : f-w) <= w*t/100) && (r+0 > m) && (l+0 >= d-1.5); exit ok ? 0 : 1 }'; then
        log "$label: OK"
    else
        log "FAIL: $label"; fail=1
    fi
}
# RTP must flow directly between the two UAs: each one's "incoming rtp ...
# receiving from" source must be the other one's SDP m=audio port.
offer_port="$(awk '/callee offer:/{f=1} f && /^m=audio/{print $2; exit}' "$WORK/controller.log")"
answer_port="$(awk '/agent answer:/{f=1} f && /^m=audio/{print $2; exit}' "$WORK/controller.log")"
if [[ -n "$offer_port" && -n "$answer_port" ]] \
    && grep -q "receiving from 127.0.0.1:$answer_port\$" "$WORK/callee.log" \
    && grep -q "receiving from 127.0.0.1:$offer_port\$" "$WORK/agent.log"; then
    log "RTP direct: callee <- 127.0.0.1:$answer_port (agent), agent <- 127.0.0.1:$offer_port (callee)"
else
    log "FAIL: RTP not seen directly between the UAs (offer port '${offer_port}', answer port '${answer_port}')"
    grep -h 'incoming rtp' "$WORK/callee.log" "$WORK/agent.log" || true
    fail=1
fi

check "callee heard agent (tone)" "$WORK/rec-callee" "$TONE_HZ"
check "agent heard callee (reverse path)" "$WORK/rec-agent" "$CALLEE_HZ"

if [[ $fail -eq 0 ]]; then
    RESULT=0
    log "PASS"
else
    log "logs: $WORK/{callee,agent}.log $WORK/controller.log"
    log "FAIL"
fi
exit "$RESULT"
