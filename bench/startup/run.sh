#!/usr/bin/env bash
# Start-up time of the service images inside container limits. For each service, RUNS times, one container
# at a time: the time from `run` to the first readiness 200 (/actuator/health/readiness on a published
# loopback port, polled every 50 ms), Spring's own "Started … in N seconds (process running for M)", the
# RSS once ready, and whether the JVM mapped the image's class data sharing archive (/app/app.jsa).
#
#   bench/startup/run.sh [service ...]          default: all five
#
# Settings: TAG (e2e: the images e2e/run.sh builds, localhost/codeagent/<service>:<TAG>), IMAGE_PREFIX
# (localhost/codeagent/), RUNS (3), CPUS and MEMORY (default: each service's limits in docker-compose.yml,
# listed below), CLI (podman; docker works too), JAVA_TOOL_OPTIONS_EXTRA (appended to the image's
# JAVA_TOOL_OPTIONS, e.g. -XX:TieredStopAtLevel=1).
set -euo pipefail

declare -A PORT=([gateway]=3001 [orchestrator]=7071 [adapter]=3002 [llm-patch]=3003 [health-monitor]=8888)
# docker-compose.yml's deploy.resources.limits per service.
declare -A LIMIT_CPUS=([gateway]=0.5 [orchestrator]=1.0 [adapter]=0.5 [llm-patch]=1.0 [health-monitor]=0.5)
declare -A LIMIT_MEMORY=([gateway]=512m [orchestrator]=1g [adapter]=512m [llm-patch]=2g [health-monitor]=256m)
CLI="${CLI:-podman}"
TAG="${TAG:-e2e}"
IMAGE_PREFIX="${IMAGE_PREFIX:-localhost/codeagent/}"
RUNS="${RUNS:-3}"
services=("$@")
((${#services[@]})) || services=(gateway orchestrator adapter llm-patch health-monitor)
for s in "${services[@]}"; do
  [[ -n "${PORT[$s]:-}" ]] || { echo "unknown service '$s' (one of: ${!PORT[*]})" >&2; exit 2; }
done
command -v curl >/dev/null || { echo "needs curl" >&2; exit 2; }

container=""
cleanup() { [[ -n "$container" ]] && "$CLI" rm -f "$container" >/dev/null 2>&1 || true; }
trap cleanup EXIT
now() { date +%s.%N; }
secret() { head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n'; }

echo "machine load before start: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; $CLI, images ${IMAGE_PREFIX}<service>:$TAG"
for s in "${services[@]}"; do
  image="${IMAGE_PREFIX}$s:$TAG"
  cpus="${CPUS:-${LIMIT_CPUS[$s]}}"
  memory="${MEMORY:-${LIMIT_MEMORY[$s]}}"
  env_args=(-e "CODEAGENT_INTERNAL_TOKEN=$(secret)" -e "CODEAGENT_WEBHOOK_SECRET=$(secret)")
  if [[ -n "${JAVA_TOOL_OPTIONS_EXTRA:-}" ]]; then
    # Added to the image's own JAVA_TOOL_OPTIONS, not instead of them.
    image_options="$("$CLI" image inspect --format '{{range .Config.Env}}{{println .}}{{end}}' "$image" \
      | sed -n 's/^JAVA_TOOL_OPTIONS=//p')"
    env_args+=(-e "JAVA_TOOL_OPTIONS=$image_options $JAVA_TOOL_OPTIONS_EXTRA")
  fi
  for run in $(seq 1 "$RUNS"); do
    t0="$(now)"
    container="$("$CLI" run -d --cpus="$cpus" --memory="$memory" -p "127.0.0.1::${PORT[$s]}" "${env_args[@]}" "$image" 2>/dev/null)"
    host_port="$("$CLI" port "$container" "${PORT[$s]}" 2>/dev/null | head -1 | sed 's/.*://')"
    ready=""
    for _ in $(seq 1 2400); do
      if curl -fsS -o /dev/null --max-time 1 "http://127.0.0.1:$host_port/actuator/health/readiness" 2>/dev/null; then
        ready="$(now)"; break
      fi
      [[ "$("$CLI" inspect --format '{{.State.Running}}' "$container" 2>/dev/null)" == true ]] || break
      sleep 0.05
    done
    started="$("$CLI" logs "$container" 2>&1 | grep -o 'Started [A-Za-z]*Application in [0-9.]* seconds (process running for [0-9.]*)' | tail -1 || true)"
    if [[ -z "$ready" ]]; then
      echo "$s: not ready; last log lines:" >&2
      "$CLI" logs --tail 20 "$container" >&2 || true
      exit 1
    fi
    rss="$("$CLI" exec "$container" sh -c 'grep VmRSS /proc/1/status' 2>/dev/null | awk '{printf "%d MB", $2/1024}')"
    cds="no"
    "$CLI" exec "$container" grep -q ' /app/app.jsa$' /proc/1/maps 2>/dev/null && cds="yes"
    printf '%-15s run %d  %s CPU / %-5s ready after %6.2f s  %s  RSS %s  CDS archive mapped: %s\n' "$s" "$run" "$cpus" "$memory" \
      "$(echo "$ready - $t0" | bc)" "${started#Started }" "$rss" "$cds"
    "$CLI" rm -f "$container" >/dev/null 2>&1
    container=""
  done
done
