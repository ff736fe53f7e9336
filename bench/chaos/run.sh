#!/usr/bin/env bash
# Fault-injection soak of the local stack (docs/RELIABILITY.md).
#
#   bench/chaos/run.sh [h2|postgres]
#
# Starts bin/codeagent on its own ports and data directory, with llm-patch pointed at a scripted
# OpenAI-compatible model (Chaos.java) whose answers take CHAOS_MODEL_DELAY; creates CHAOS_REPOSITORIES
# sample repositories on the local git provider and one pull request per command; delivers CHAOS_COMMANDS
# '/edit /N' commands (N = 2 or 3) evenly over CHAOS_MINUTES through the gateway's comment-event API, each
# delivered twice (a redelivery 0.5-3 s later) and retried while the gateway or the orchestrator is down,
# while every CHAOS_KILL_EVERY seconds one of CHAOS_SERVICES (in rounds, each in a random order) is SIGKILLed and
# brought back with 'bin/codeagent up'. Then waits up to CHAOS_SETTLE for every thread's final reply and checks, from the git
# repositories and the local pull-request files: one job per command, every job finished, N branches and N
# draft PRs per successful job, one final reply per thread, no orphan agents/ branch, nothing stuck.
# Prints one line per check, the totals and a RESULT line; exit 0 when every check passed.
#
#   postgres  the orchestrator on an embedded PostgreSQL (io.zonky, from the orchestrator's test classpath,
#             bench/gateway/EmbeddedPostgresServer.java) with fsync on; h2 (default) the embedded H2 file.
#
# Environment (defaults): CHAOS_COMMANDS (200), CHAOS_MINUTES (20), CHAOS_KILL_EVERY (45),
# CHAOS_SERVICES (gateway,orchestrator,adapter,llm-patch,runner), CHAOS_MODEL_DELAY (PT1S), CHAOS_REPOSITORIES (8),
# CHAOS_SETTLE (PT15M: how long jobs may take to finish after the last delivery), CHAOS_PORT_BASE (45000:
# gateway +1, adapter +2, llm-patch +3, runner +4, model +90, orchestrator +71, health monitor +888), CHAOS_WORK
# (target/chaos), CHAOS_SEED, CHAOS_SKIP_BUILD=1 (use the jars and classpath of an earlier run: never rebuild
# jars that a running stack uses). The stack is stopped at the end; its logs stay in $CHAOS_WORK/<db>/data/logs.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
DB="${1:-h2}"
case "$DB" in h2|postgres) ;; *) echo "usage: $0 [h2|postgres]" >&2; exit 2 ;; esac

BASE="${CHAOS_PORT_BASE:-45000}"
WORK="${CHAOS_WORK:-$ROOT/target/chaos}/$DB"
export CODEAGENT_GATEWAY_PORT=$((BASE + 1)) CODEAGENT_ADAPTER_PORT=$((BASE + 2)) \
  CODEAGENT_LLM_PATCH_PORT=$((BASE + 3)) CODEAGENT_RUNNER_PORT=$((BASE + 4)) CODEAGENT_ORCHESTRATOR_PORT=$((BASE + 71)) \
  CODEAGENT_HEALTH_MONITOR_PORT=$((BASE + 888))
export CHAOS_MODEL_PORT=$((BASE + 90))
# The runner checks every variant (the sample repositories have no build, so a check run is quick) and is killed
# like the others; process isolation because a soak machine need not have a container engine.
export CODEAGENT_RUNNER_ISOLATION=process
# Start-up under the soak's load takes minutes: bin/codeagent up waits this long for readiness.
export CODEAGENT_READY_TIMEOUT="${CODEAGENT_READY_TIMEOUT:-900}"
export CODEAGENT_DATA_DIR="$WORK/data"
export CODEAGENT_LLM_PROVIDERS=openai CODEAGENT_OPENAI_API_KEY=chaos-model-key \
  CODEAGENT_OPENAI_BASE_URL="http://127.0.0.1:$CHAOS_MODEL_PORT/v1" CODEAGENT_OPENAI_MODEL=chaos-model
export CHAOS_LABEL="${CHAOS_LABEL:-$DB}" CHAOS_COMMANDS="${CHAOS_COMMANDS:-200}" \
  CHAOS_MINUTES="${CHAOS_MINUTES:-20}" CHAOS_KILL_EVERY="${CHAOS_KILL_EVERY:-45}" \
  CHAOS_SERVICES="${CHAOS_SERVICES:-gateway,orchestrator,adapter,llm-patch,runner}" \
  CHAOS_MODEL_DELAY="${CHAOS_MODEL_DELAY:-PT1S}" CHAOS_REPOSITORIES="${CHAOS_REPOSITORIES:-8}" \
  CHAOS_SETTLE="${CHAOS_SETTLE:-PT15M}"
export CODEAGENT_GATEWAY_URL="http://127.0.0.1:$CODEAGENT_GATEWAY_PORT" \
  CODEAGENT_ADAPTER_URL="http://127.0.0.1:$CODEAGENT_ADAPTER_PORT" \
  CODEAGENT_ORCHESTRATOR_URL="http://127.0.0.1:$CODEAGENT_ORCHESTRATOR_PORT"

PG_PID=""
cleanup() {
  [[ -x "$WORK/stack/bin/codeagent" ]] && "$WORK/stack/bin/codeagent" down >/dev/null 2>&1 || true
  if [[ -n "$PG_PID" ]]; then kill -TERM "$PG_PID" 2>/dev/null || true; wait "$PG_PID" 2>/dev/null || true; fi
}
trap cleanup EXIT

rm -rf "$WORK"
mkdir -p "$WORK"
# The services' jars for bin/codeagent, and each module's test classpath in its target/ (a relative outputFile is
# per module): Chaos.java needs Jackson, the PostgreSQL server io.zonky's embedded binaries, both on the
# orchestrator's.
[[ "${CHAOS_SKIP_BUILD:-0}" == 1 ]] || (cd "$ROOT" && ./mvnw -B -q -DskipTests \
  -pl services/orchestrator,services/adapter,services/llm-patch,services/runner,services/gateway,services/health-monitor -am \
  package dependency:build-classpath -Dmdep.outputFile=target/chaos-classpath.txt -Dmdep.includeScope=test)
# The stack runs from a copy of bin/ and the jars: 'bin/codeagent up' rebuilds a service whose sources are newer
# than its jar, which must not happen to the checkout while it is being edited during a long soak.
CLASSPATH_FILE="$WORK/classpath.txt"
cp "$ROOT/services/orchestrator/target/chaos-classpath.txt" "$CLASSPATH_FILE"
STACK="$WORK/stack"
mkdir -p "$STACK"
cp -r "$ROOT/bin" "$STACK/"
mkdir -p "$STACK/libs"
touch -d @0 "$STACK/pom.xml"
for svc in orchestrator adapter llm-patch runner gateway health-monitor; do
  # what its "sources newer than the jar" check looks at: nothing newer
  mkdir -p "$STACK/services/$svc/target" "$STACK/services/$svc/src/main"
  touch -d @0 "$STACK/services/$svc/pom.xml"
  cp "$ROOT/services/$svc/target/codeagent-$svc-"*.jar "$STACK/services/$svc/target/"
done
export CHAOS_ROOT="$STACK"

if [[ "$DB" == postgres ]]; then
  mkdir -p "$WORK/postgres"
  java -Xmx128m -cp "$(cat "$CLASSPATH_FILE")" "$ROOT/bench/gateway/EmbeddedPostgresServer.java" "$WORK/postgres" \
    >"$WORK/postgres.log" 2>&1 &
  PG_PID=$!
  for _ in $(seq 1 120); do
    [[ -s "$WORK/postgres/jdbc-url" ]] && break
    kill -0 "$PG_PID" 2>/dev/null || { cat "$WORK/postgres.log" >&2; exit 1; }
    sleep 1
  done
  [[ -s "$WORK/postgres/jdbc-url" ]] || { echo "embedded PostgreSQL did not start" >&2; exit 1; }
  export CODEAGENT_DB_URL="$(cat "$WORK/postgres/jdbc-url")" CODEAGENT_DB_USER=postgres CODEAGENT_DB_PASSWORD=postgres
fi

"$STACK/bin/codeagent" up >"$WORK/up.log" 2>&1 || { cat "$WORK/up.log" >&2; exit 1; }
# shellcheck disable=SC2086
java ${CHAOS_SEED:+-Dseed=$CHAOS_SEED} -Xmx256m -cp "$(cat "$CLASSPATH_FILE")" "$HERE/Chaos.java" | tee "$WORK/report.txt"
exit "${PIPESTATUS[0]}"
