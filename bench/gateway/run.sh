#!/usr/bin/env bash
# Gateway throughput benchmark: wrk posts the Azure DevOps edit-command fixture with a fresh comment id
# per request (webhook authentication on) to a gateway that hands every command to an orchestrator.
#
#   bench/gateway/run.sh                 # (a) against the instant stub orchestrator in this folder
#   ORCHESTRATOR_URL=http://127.0.0.1:7071 INTERNAL_TOKEN=... [ORCHESTRATOR_PID=...] bench/gateway/run.sh
#                                        # (b) against a real orchestrator that is already running
#                                        #     (bench/gateway/run-full.sh starts one and calls this)
#
# Settings (environment): CONNECTIONS (16), THREADS (2), DURATION (30s), WARMUP (60s: the JIT needs about that long on two busy cores), GATEWAY_PORT
# (18301), STUB_PORT (18371), GATEWAY_JAR (default: the jar in services/gateway/target), JAVA_OPTS (heap
# and GC flags of the gateway, see below), EXTRA_JAVA_OPTS (appended to JAVA_OPTS, e.g.
# "-XX:StartFlightRecording=filename=/tmp/gw.jfr,settings=profile" to profile a run), PACE_MS (0: the
# measured run is closed-loop, each connection sends its next delivery as soon as the answer arrives, so
# the machine saturates; N > 0: each connection pauses N ms after an answer, which offers a steady load
# below saturation — e.g. 16 connections with PACE_MS=12 offer about 1,000 deliveries/s — and shows the
# latency at that load), RATE (0; N > 0 instead of PACE_MS: wrk offers N deliveries/s in all on a fixed
# schedule, whatever the latency, e.g. RATE=1000 for exactly the rate of target (b)). With PACE_MS or RATE
# the warm-up runs unpaced, then SETTLE (20s) more at the measured pace, because the JIT recompiles for the
# paced load's code paths — idle sockets, lone hand-offs — in the seconds after the switch, and those
# compilations would otherwise land in the measured window.
# Prints one result line per run, the gateway's CPU time per delivery (in all and by thread group), the
# stub's, the gateway's peak RSS (VmHWM) and the machine load; with ORCHESTRATOR_PID (and DATABASE_PID)
# also the orchestrator's (and database server's) CPU per accepted start. Logs go to $WORK (a temp dir).
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
CONNECTIONS="${CONNECTIONS:-16}"
THREADS="${THREADS:-2}"
DURATION="${DURATION:-30s}"
WARMUP="${WARMUP:-60s}"
SETTLE="${SETTLE:-20s}"
# Read by post-delivery.lua (RATE, spread over the THREADS wrk threads, wins over PACE_MS).
export PACE_MS="${PACE_MS:-0}" RATE="${RATE:-0}" THREADS
GATEWAY_PORT="${GATEWAY_PORT:-18301}"
STUB_PORT="${STUB_PORT:-18371}"
LOAD_AT_START="$(cut -d' ' -f1-3 /proc/loadavg)"
JAVA_OPTS="${JAVA_OPTS:--Xms64m -Xmx128m -XX:+UseSerialGC -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=64m -Xss512k}"
INTERNAL_TOKEN="${INTERNAL_TOKEN:-bench-internal-token-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')}"
WEBHOOK_SECRET="bench-webhook-secret-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"
FIXTURE="${FIXTURE:-$HERE/../../services/gateway/src/test/resources/fixtures/ado/pr-comment-edit-command.json}"
WORK="$(mktemp -d /tmp/codeagent-gateway-bench.XXXXXX)"
PIDS=()

cleanup() {
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

JAR="${GATEWAY_JAR:-$(ls "$ROOT"/services/gateway/target/codeagent-gateway-*.jar 2>/dev/null | grep -v -e sources -e original | head -1 || true)}"
if [[ -z "$JAR" ]]; then
  (cd "$ROOT" && ./mvnw -q -B -o -pl services/gateway -am package -DskipTests)
  JAR="$(ls "$ROOT"/services/gateway/target/codeagent-gateway-*.jar | grep -v -e sources -e original | head -1)"
fi

if [[ -z "${ORCHESTRATOR_URL:-}" ]]; then
  java -Xmx256m -XX:+UseSerialGC -Dsun.net.httpserver.nodelay=true "$HERE/StubOrchestrator.java" "$STUB_PORT" >"$WORK/stub.log" 2>&1 &
  STUB_PID=$!
  PIDS+=($STUB_PID)
  ORCHESTRATOR_URL="http://127.0.0.1:$STUB_PORT"
  TARGET="instant stub orchestrator"
else
  TARGET="orchestrator at $ORCHESTRATOR_URL"
fi

# Rate limits stay on (the limiter runs on every command) but high enough never to refuse the benchmark.
CODEAGENT_GATEWAY_PORT="$GATEWAY_PORT" \
CODEAGENT_INTERNAL_TOKEN="$INTERNAL_TOKEN" \
CODEAGENT_WEBHOOK_SECRET="$WEBHOOK_SECRET" \
CODEAGENT_ORCHESTRATOR_URL="$ORCHESTRATOR_URL" \
CODEAGENT_RATE_LIMIT_PER_REPOSITORY=1000000000 \
CODEAGENT_RATE_LIMIT_PER_AUTHOR=1000000000 \
  java $JAVA_OPTS ${EXTRA_JAVA_OPTS:-} -jar "$JAR" >"$WORK/gateway.log" 2>&1 &
GATEWAY_PID=$!
PIDS+=($GATEWAY_PID)

for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$GATEWAY_PORT/actuator/health/readiness" >/dev/null 2>&1; then break; fi
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$GATEWAY_PORT/actuator/health/readiness" >/dev/null

export FIXTURE WEBHOOK_SECRET
# Comment ids start with a per-run base (time-derived), so repeated runs against a persistent orchestrator
# still send fresh commands rather than duplicates.
RUN_BASE=$(( $(date +%s) % 100000 * 10 ))
echo "gateway pid $GATEWAY_PID, $TARGET, $CONNECTIONS connections, $THREADS wrk threads, JAVA_OPTS: $JAVA_OPTS ${EXTRA_JAVA_OPTS:-}"
echo "machine load before start: $LOAD_AT_START on $(nproc) cores"
echo "warm-up ($WARMUP):"
PACE_MS=0 RATE=0 ID_BASE=$((RUN_BASE + 1)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$HERE/post-delivery.lua" "http://127.0.0.1:$GATEWAY_PORT" \
  | grep '^requests='
# How the measured run loads the gateway; empty when it is not paced (RATE wins, as in post-delivery.lua).
PACING=""
[[ "$PACE_MS" != 0 ]] && PACING=", each connection pausing $PACE_MS ms after an answer"
[[ "$RATE" != 0 ]] && PACING=", offered at $RATE deliveries/s on a fixed schedule"
if [[ -n "$PACING" ]]; then
  echo "settling at the measured pace ($SETTLE):"
  ID_BASE=$((RUN_BASE + 3)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"$SETTLE" -s "$HERE/post-delivery.lua" \
    "http://127.0.0.1:$GATEWAY_PORT" | grep '^requests='
fi
# CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat.
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.3f", ($14 + $15) / hz}' "/proc/$1/stat"; }
echo "measured ($DURATION$PACING):"
# New jobs (202) the gateway has counted so far.
accepted() {
  curl -fsS "http://127.0.0.1:$GATEWAY_PORT/actuator/prometheus" \
    | grep -E '^codeagent_gateway_deliveries_total\{.*outcome="accepted"' | awk '{s+=$2} END {printf "%d", s}'
}
ACCEPTED_BEFORE="$(accepted)"
# Commands per call to the orchestrator so far: "<sum> <count>" of the gateway's batch-size summary.
batches() {
  curl -fsS "http://127.0.0.1:$GATEWAY_PORT/actuator/prometheus" \
    | awk '/^codeagent_gateway_handoff_batch_size_sum/ {s=$2} /^codeagent_gateway_handoff_batch_size_count/ {c=$2}
           END {printf "%d %d", s, c}'
}
BATCHES_BEFORE="$(batches)"
# CPU seconds of the database server DATABASE_PID and its live child processes (PostgreSQL's backends
# outlive the measured window thanks to the orchestrator's connection pool).
database_cpu() {
  local total=0 pid
  for pid in "$DATABASE_PID" $(pgrep -P "$DATABASE_PID"); do
    total="$(awk -v t="$total" -v hz="$(getconf CLK_TCK)" '{printf "%.3f", t + ($14 + $15) / hz}' "/proc/$pid/stat" 2>/dev/null || echo "$total")"
  done
  echo "$total"
}
[[ -n "${DATABASE_PID:-}" ]] && DB_CPU_BEFORE="$(database_cpu)"
if [[ -n "${ORCHESTRATOR_PID:-}" ]]; then
  ORCH_CPU_BEFORE="$(cpu_seconds "$ORCHESTRATOR_PID")"
  "$HERE/threadcpu.py" snapshot "$ORCHESTRATOR_PID" "$WORK/orchestrator-threads-before.json"
fi
CPU_BEFORE="$(cpu_seconds "$GATEWAY_PID")"
[[ -n "${STUB_PID:-}" ]] && STUB_CPU_BEFORE="$(cpu_seconds "$STUB_PID")"
"$HERE/threadcpu.py" snapshot "$GATEWAY_PID" "$WORK/threads-before.json"
ID_BASE=$((RUN_BASE + 2)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$HERE/post-delivery.lua" \
  "http://127.0.0.1:$GATEWAY_PORT" | tee "$WORK/wrk.txt" | grep -E '^requests=|Non-2xx|Socket errors'
CPU_AFTER="$(cpu_seconds "$GATEWAY_PID")"
[[ -n "${STUB_PID:-}" ]] && STUB_CPU_AFTER="$(cpu_seconds "$STUB_PID")"
[[ -n "${ORCHESTRATOR_PID:-}" ]] && ORCH_CPU_AFTER="$(cpu_seconds "$ORCHESTRATOR_PID")"
[[ -n "${DATABASE_PID:-}" ]] && DB_CPU_AFTER="$(database_cpu)"
ACCEPTED_AFTER="$(accepted)"
BATCHES_AFTER="$(batches)"
REQUESTS="$(grep -o '^requests=[0-9]*' "$WORK/wrk.txt" | cut -d= -f2)"
# CPU time per delivery does not depend on how busy the rest of the machine is, unlike throughput.
awk -v a="$CPU_BEFORE" -v b="$CPU_AFTER" -v n="$REQUESTS" 'BEGIN {
  printf "gateway CPU: %.1f s for %d deliveries = %.0f us per delivery (=> %.0f deliveries/s per fully used core)\n",
    b - a, n, (b - a) / n * 1e6, n / (b - a) }'
"$HERE/threadcpu.py" diff "$GATEWAY_PID" "$WORK/threads-before.json" "$REQUESTS"
if [[ -n "${STUB_PID:-}" ]]; then
  # The stub shares the cores: what it uses is not available to the gateway.
  awk -v a="$STUB_CPU_BEFORE" -v b="$STUB_CPU_AFTER" -v n="$REQUESTS" 'BEGIN {
    printf "stub orchestrator CPU: %.1f s = %.0f us per delivery\n", b - a, (b - a) / n * 1e6 }'
fi
echo "machine load while measuring: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
echo "gateway $(grep -E '^VmHWM' /proc/$GATEWAY_PID/status) (peak RSS), $(grep -E '^VmRSS' /proc/$GATEWAY_PID/status)"
echo "new jobs (202) counted by the gateway: $((ACCEPTED_AFTER - ACCEPTED_BEFORE)) while measuring, $ACCEPTED_AFTER in all"
echo "$BATCHES_BEFORE $BATCHES_AFTER" | awk '{ n = $4 - $2; printf "calls to the orchestrator while measuring: %d, %.1f commands per call\n", n, ($3 - $1) / (n > 0 ? n : 1) }'
if [[ -n "${ORCHESTRATOR_PID:-}" ]]; then
  # The orchestrator's own cost of accepting a command, whatever the machine's load.
  awk -v a="$ORCH_CPU_BEFORE" -v b="$ORCH_CPU_AFTER" -v n="$((ACCEPTED_AFTER - ACCEPTED_BEFORE))" 'BEGIN {
    printf "orchestrator CPU: %.1f s for %d accepted starts = %.0f us per start\n", b - a, n, (b - a) / (n > 0 ? n : 1) * 1e6 }'
  "$HERE/threadcpu.py" diff "$ORCHESTRATOR_PID" "$WORK/orchestrator-threads-before.json" \
    "$((ACCEPTED_AFTER - ACCEPTED_BEFORE))" | sed -e 's/^gateway CPU per delivery/orchestrator CPU per accepted start/'
  echo "orchestrator $(grep -E '^VmHWM' /proc/$ORCHESTRATOR_PID/status) (peak RSS)"
fi
if [[ -n "${DATABASE_PID:-}" ]]; then
  awk -v a="$DB_CPU_BEFORE" -v b="$DB_CPU_AFTER" -v n="$((ACCEPTED_AFTER - ACCEPTED_BEFORE))" 'BEGIN {
    printf "database server CPU: %.1f s for %d accepted starts = %.0f us per start\n", b - a, n, (b - a) / (n > 0 ? n : 1) * 1e6 }'
fi
echo "logs: $WORK"
