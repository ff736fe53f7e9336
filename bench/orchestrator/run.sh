#!/usr/bin/env bash
# Orchestration overhead benchmark (see docs/PERFORMANCE.md).
# Usage: bench/orchestrator/run.sh [h2|postgres] [jobs-in-flight]
#   JAVA_OPTS="-Dthreads=16 -Dpolling=100ms" to change db-scheduler threads and polling interval,
#   JAVA_OPTS="-DmaxRunning=20 -DmaxRunningPerRepository=3" to measure with the production caps on running jobs
#   (default: caps out of the way, since every benchmark job is on the same repository).
set -euo pipefail
cd "$(dirname "$0")/../.."
MVN_FLAGS=(-q -B)
[[ "${OFFLINE:-1}" == 1 ]] && MVN_FLAGS+=(-o)
# One reactor invocation with -am: the sibling modules (contracts, platform) resolve to their target/classes,
# so nothing has to be installed into the local repository first.
CP_FILE=services/orchestrator/target/bench-classpath.txt
./mvnw "${MVN_FLAGS[@]}" -pl services/orchestrator -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="services/orchestrator/target/classes:services/orchestrator/target/test-classes:$(cat "$CP_FILE")"
exec java ${JAVA_OPTS:-} -Xmx1g -cp "$CP" bench/orchestrator/OrchestratorBenchmark.java "$@"
