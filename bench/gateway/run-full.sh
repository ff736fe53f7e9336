#!/usr/bin/env bash
# Gateway benchmark (b): the full hand-off to the REAL orchestrator, on H2 or on PostgreSQL.
#
#   bench/gateway/run-full.sh [h2|postgres]
#
# Starts the orchestrator jar (services/orchestrator/target; built if missing, or when REBUILD=1) as an
# API/intake-only replica: CODEAGENT_SCHEDULER_ENABLED=false, so it validates each start command,
# persists the job, its variants and its first db-scheduler task in one transaction and
# answers 202, but runs no workflows (adapter and LLM-patch URLs point at a closed port). This measures
# durable acceptance of commands; job execution throughput is measured by bench/orchestrator/run.sh.
#   h2        H2 file database in a temp directory (the orchestrator's embedded default)
#   postgres  embedded PostgreSQL (io.zonky, from the orchestrator's test classpath) with fsync and
#             synchronous_commit ON, i.e. every accepted command is on disk (PG_FSYNC=off for the test
#             defaults), passed as CODEAGENT_DB_URL/USER/PASSWORD; PG_SETTINGS="name=value,..." adds server
#             settings, e.g. log_autovacuum_min_duration=0,log_checkpoints=on,logging_collector=on,log_directory=/tmp/pglog
# Then runs bench/gateway/run.sh against it (same settings: CONNECTIONS, DURATION, WARMUP, PACE_MS, RATE, SETTLE, JAVA_OPTS ...),
# which also prints the orchestrator's CPU time per accepted start and its peak RSS, and stops everything
# it started.
# Settings: ORCHESTRATOR_PORT (18471), ORCHESTRATOR_JAVA_OPTS (-Xms256m -Xmx768m -XX:+UseSerialGC: what
# the JVM picks in its container, 1 CPU and 1 GiB with MaxRAMPercentage=75), WARMUP (90s: at the rates of
# this benchmark two cold JVMs need that long before their JIT compilers stop competing for the cores),
# OFFLINE (1: Maven offline), REBUILD.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
DB="${1:-h2}"
ORCHESTRATOR_PORT="${ORCHESTRATOR_PORT:-18471}"
ORCHESTRATOR_JAVA_OPTS="${ORCHESTRATOR_JAVA_OPTS:--Xms256m -Xmx768m -XX:+UseSerialGC}"
# Both JVMs start cold and share the cores with wrk (and PostgreSQL): give the JIT compilers time to finish.
export WARMUP="${WARMUP:-90s}"
MVN_FLAGS=(-q -B)
[[ "${OFFLINE:-1}" == 1 ]] && MVN_FLAGS+=(-o)
case "$DB" in h2|postgres) ;; *) echo "usage: $0 [h2|postgres]" >&2; exit 2 ;; esac

WORK="$(mktemp -d /tmp/codeagent-gateway-full.XXXXXX)"
PIDS=()
cleanup() {
  # Reverse order: the orchestrator before its database.
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    kill "${PIDS[$i]}" 2>/dev/null || true
    wait "${PIDS[$i]}" 2>/dev/null || true
  done
  # The databases grow by about 1 GB per run; the logs stay.
  rm -rf "$WORK/data" "$WORK/postgres/data"
}
trap cleanup EXIT
echo "machine load before start: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"

JAR="$(ls "$ROOT"/services/orchestrator/target/codeagent-orchestrator-*.jar 2>/dev/null | grep -v -e sources -e original | head -1 || true)"
if [[ -z "$JAR" || "${REBUILD:-0}" == 1 ]]; then
  (cd "$ROOT" && ./mvnw "${MVN_FLAGS[@]}" -pl services/orchestrator -am package -DskipTests)
  JAR="$(ls "$ROOT"/services/orchestrator/target/codeagent-orchestrator-*.jar | grep -v -e sources -e original | head -1)"
fi

DB_ENV=()
if [[ "$DB" == postgres ]]; then
  # The orchestrator's test classpath has io.zonky.test:embedded-postgres and the PostgreSQL binaries.
  (cd "$ROOT" && ./mvnw "${MVN_FLAGS[@]}" -pl services/orchestrator -am dependency:build-classpath \
    -Dmdep.outputFile="$WORK/classpath.txt" -Dmdep.includeScope=test)
  mkdir -p "$WORK/postgres"
  java -Xmx128m -Dfsync="${PG_FSYNC:-on}" -Dsettings="${PG_SETTINGS:-}" -cp "$(cat "$WORK/classpath.txt")" "$HERE/EmbeddedPostgresServer.java" \
    "$WORK/postgres" >"$WORK/postgres.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 120); do
    [[ -s "$WORK/postgres/jdbc-url" ]] && break
    kill -0 "${PIDS[-1]}" 2>/dev/null || { cat "$WORK/postgres.log" >&2; exit 1; }
    sleep 0.5
  done
  [[ -s "$WORK/postgres/jdbc-url" ]] || { echo "embedded PostgreSQL did not start" >&2; cat "$WORK/postgres.log" >&2; exit 1; }
  grep '^embedded PostgreSQL' "$WORK/postgres.log" || true
  DB_ENV=(CODEAGENT_DB_URL="$(cat "$WORK/postgres/jdbc-url")" CODEAGENT_DB_USER=postgres CODEAGENT_DB_PASSWORD=postgres)
fi

INTERNAL_TOKEN="bench-internal-token-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"
env "${DB_ENV[@]}" \
  CODEAGENT_DATA_DIR="$WORK/data" \
  CODEAGENT_ORCHESTRATOR_PORT="$ORCHESTRATOR_PORT" \
  CODEAGENT_INTERNAL_TOKEN="$INTERNAL_TOKEN" \
  CODEAGENT_SCHEDULER_ENABLED=false \
  CODEAGENT_ADAPTER_URL=http://127.0.0.1:9 \
  CODEAGENT_LLM_PATCH_URL=http://127.0.0.1:9 \
  java $ORCHESTRATOR_JAVA_OPTS -jar "$JAR" >"$WORK/orchestrator.log" 2>&1 &
ORCHESTRATOR_PID=$!
PIDS+=($ORCHESTRATOR_PID)
for _ in $(seq 1 240); do
  if curl -fsS "http://127.0.0.1:$ORCHESTRATOR_PORT/actuator/health/readiness" >/dev/null 2>&1; then break; fi
  kill -0 "$ORCHESTRATOR_PID" 2>/dev/null || { tail -50 "$WORK/orchestrator.log" >&2; exit 1; }
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$ORCHESTRATOR_PORT/actuator/health/readiness" >/dev/null
echo "orchestrator pid $ORCHESTRATOR_PID ($DB, scheduler off), JAVA_OPTS: $ORCHESTRATOR_JAVA_OPTS"

DATABASE_PID=""
[[ "$DB" == postgres ]] && DATABASE_PID="$(pgrep -f -- "-D $WORK/postgres/data" | head -1)"
ORCHESTRATOR_URL="http://127.0.0.1:$ORCHESTRATOR_PORT" INTERNAL_TOKEN="$INTERNAL_TOKEN" \
  ORCHESTRATOR_PID="$ORCHESTRATOR_PID" DATABASE_PID="$DATABASE_PID" "$HERE/run.sh"
jobs="$(curl -fsS "http://127.0.0.1:$ORCHESTRATOR_PORT/actuator/prometheus" \
  | grep -E '^codeagent_jobs_started_total' | awk '{s+=$2} END {printf "%d", s}')"
echo "jobs the orchestrator started in all (warm-up included): $jobs"
echo "orchestrator logs: $WORK"
