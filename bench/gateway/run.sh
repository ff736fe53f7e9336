#!/usr/bin/env bash
# Gateway throughput benchmark: wrk posts the Azure DevOps edit-command fixture with a fresh comment id
# per request (webhook authentication on) to a gateway that hands every command to an orchestrator.
#
#   bench/gateway/run.sh                 # (a) against the instant stub orchestrator in this folder
#   ORCHESTRATOR_URL=http://127.0.0.1:7071 INTERNAL_TOKEN=... bench/gateway/run.sh
#                                        # (b) against a real orchestrator that is already running
#
# Settings (environment): CONNECTIONS (16), THREADS (2), DURATION (30s), WARMUP (15s), GATEWAY_PORT (18301),
# STUB_PORT (18371), JAVA_OPTS (heap and GC flags of the gateway, see below).
# Prints one result line per run and the gateway's peak RSS (VmHWM); logs go to $WORK (a temp dir).
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
CONNECTIONS="${CONNECTIONS:-16}"
THREADS="${THREADS:-2}"
DURATION="${DURATION:-30s}"
WARMUP="${WARMUP:-15s}"
GATEWAY_PORT="${GATEWAY_PORT:-18301}"
STUB_PORT="${STUB_PORT:-18371}"
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

JAR="$(ls "$ROOT"/services/gateway/target/codeagent-gateway-*.jar 2>/dev/null | grep -v -e sources -e original | head -1 || true)"
if [[ -z "$JAR" ]]; then
  (cd "$ROOT" && ./mvnw -q -B -o -pl services/gateway package -DskipTests)
  JAR="$(ls "$ROOT"/services/gateway/target/codeagent-gateway-*.jar | grep -v -e sources -e original | head -1)"
fi

if [[ -z "${ORCHESTRATOR_URL:-}" ]]; then
  java -Xmx256m -XX:+UseSerialGC -Dsun.net.httpserver.nodelay=true "$HERE/StubOrchestrator.java" "$STUB_PORT" >"$WORK/stub.log" 2>&1 &
  PIDS+=($!)
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
  java $JAVA_OPTS -jar "$JAR" >"$WORK/gateway.log" 2>&1 &
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
echo "gateway pid $GATEWAY_PID, $TARGET, $CONNECTIONS connections, $THREADS wrk threads, JAVA_OPTS: $JAVA_OPTS"
echo "warm-up ($WARMUP):"
ID_BASE=$((RUN_BASE + 1)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$HERE/post-delivery.lua" "http://127.0.0.1:$GATEWAY_PORT" \
  | grep '^requests='
# CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat.
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.3f", ($14 + $15) / hz}' "/proc/$1/stat"; }
echo "measured ($DURATION):"
CPU_BEFORE="$(cpu_seconds "$GATEWAY_PID")"
ID_BASE=$((RUN_BASE + 2)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$HERE/post-delivery.lua" \
  "http://127.0.0.1:$GATEWAY_PORT" | tee "$WORK/wrk.txt" | grep -E '^requests=|Non-2xx|Socket errors'
CPU_AFTER="$(cpu_seconds "$GATEWAY_PID")"
REQUESTS="$(grep -o '^requests=[0-9]*' "$WORK/wrk.txt" | cut -d= -f2)"
# CPU time per delivery does not depend on how busy the rest of the machine is, unlike throughput.
awk -v a="$CPU_BEFORE" -v b="$CPU_AFTER" -v n="$REQUESTS" 'BEGIN {
  printf "gateway CPU: %.1f s for %d deliveries = %.0f us per delivery (=> %.0f deliveries/s per fully used core)\n",
    b - a, n, (b - a) / n * 1e6, n / (b - a) }'
echo "machine load while measuring: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
echo "gateway $(grep -E '^VmHWM' /proc/$GATEWAY_PID/status) (peak RSS), $(grep -E '^VmRSS' /proc/$GATEWAY_PID/status)"
echo "new jobs (202) counted by the gateway, warm-up included: $(curl -fsS "http://127.0.0.1:$GATEWAY_PORT/actuator/prometheus" \
  | grep -E '^codeagent_gateway_deliveries_total\{.*outcome="accepted"' | awk '{s+=$2} END {print s+0}')"
echo "logs: $WORK"
