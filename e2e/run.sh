#!/usr/bin/env bash
# Container end-to-end test of the Docker-native stack (issue 7), run by .ci/run.
#
# 1. builds the six service images from the committed deploy/docker/Dockerfile with the build arguments
#    docker-compose.yml gives each service, plus LAYERS=prebuilt (the jars come from ./mvnw on the host
#    because containers here cannot reach Maven Central; the JRE base image is built locally with
#    debootstrap by e2e/base-images.sh because no registry can be pulled);
# 2. starts docker-compose.yml + e2e/docker-compose.e2e.yml through podman's Docker-compatible API with
#    docker-compose 1.29 — only the six Code Agent services: traefik, ngrok and ollama (and the profile
#    services) are third-party images that cannot exist here, azurite likewise (the orchestrator then
#    keeps artifacts on its filesystem store);
# 3. runs an `/edit /3` job through the gateway against the local git provider with the offline model
#    and checks 3 variant branches and 3 draft pull requests;
# 4. scales the gateway to 3 replicas and shows comment events spread over them by a load balancer that
#    discovers the replicas through the network's DNS (e2e/lb: HAProxy from Debian, standing in for
#    Traefik, whose image cannot be pulled here, with routes made from the Traefik labels of
#    docker-compose.yml); through it, checks what the public entry point exposes: no orchestrator API
#    (not even with the internal token), the dashboard only with its credentials (dev admin/admin);
# 5. kills the orchestrator (SIGKILL of its JVM) while a second job runs (llm-patch frozen meanwhile so
#    the variants are in flight), lets the restart policy bring it back and checks that the job
#    completes with exactly 3 branches and 3 draft PRs.
# 6. recreates the health monitor with CODEAGENT_MONITOR_RESTART_UNHEALTHY=true, freezes llm-patch's JVM with
#    SIGSTOP while a third job waits on it, and checks that the monitor restarts the hung container (the
#    restart policy does not: the process never exits) and that the job then completes with 3 branches and
#    3 draft PRs.
# 2b. checks the runner's container isolation through the podman socket: a check that tries to reach the network
#    (a stack service by IP, the internet) fails with no interface but loopback; a check that sleeps past its
#    timeout is killed, reported as timed out and leaves no container behind.
# Also: every service image refuses to start with the published development secrets when
# CODEAGENT_ENV=production.
# Everything it starts (podman API service, containers, networks, volumes) is removed by id at the end.
#
# Environment: E2E_KEEP=1 keeps the stack running for inspection; E2E_REBUILD_JARS=1 forces
# ./mvnw package; E2E_INSTALL=0 never installs Debian packages; E2E_SKIP_FLOW=1 stops after the stack
# is healthy. Needs root (rootful podman), bash, python3 and git on the host; installs the rest.
set -euo pipefail
# The whole script is one compound command, so bash parses it completely before running it: editing
# the file while a run is in progress cannot break that run.
{
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
work="$repo_root/e2e/.work"
mkdir -p "$work"
export CONTAINERS_CONF="${CONTAINERS_CONF:-$repo_root/../shared/containers/containers.conf}"
[[ -f "$CONTAINERS_CONF" ]] || CONTAINERS_CONF=/work/shared/containers/containers.conf
project="${E2E_PROJECT:-codeagent-e2e}"
services=(gateway orchestrator adapter llm-patch runner health-monitor)
repo_name="e2e-app"
start=$SECONDS

log() { printf '\n=== [e2e %4ds] %s\n' "$((SECONDS - start))" "$*"; }
info() { printf '    %s\n' "$*"; }
failure=""
# The reason is repeated after the diagnostics, so the last lines of a CI log say what failed.
fail() { failure="$*"; printf '\nE2E FAILED: %s\n' "$*" >&2; exit 1; }

# --- prerequisites --------------------------------------------------------------------------------------
need=()
for tool in podman:podman runc:runc docker-compose:docker-compose debootstrap:debootstrap git:git python3:python3 openssl:openssl; do
  command -v "${tool%%:*}" >/dev/null 2>&1 || need+=("${tool##*:}")
done
if ((${#need[@]})); then
  if [[ "${E2E_INSTALL:-1}" == "1" && "$(id -u)" == "0" ]]; then
    log "installing ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${need[@]}" >/dev/null
  else
    fail "missing tools: ${need[*]} (apt-get install ${need[*]})"
  fi
fi

# --- cleanup (by id) ------------------------------------------------------------------------------------
podman_service_pid=""
ticker_pid=""
client_id=""
lb_id=""
compose() { docker-compose -p "$project" -f docker-compose.yml -f e2e/docker-compose.e2e.yml "$@"; }
project_containers() { podman ps -aq --filter "label=com.docker.compose.project=$project"; }
service_containers() { podman ps -q --filter "label=com.docker.compose.project=$project" --filter "label=com.docker.compose.service=$1"; }
# Reads the whole list before taking the first line: under pipefail, `… | head -1` (or `| grep -q`) can fail the
# script at random when the reader exits before the writer has finished (SIGPIPE, exit 141).
first_container() { local ids; ids="$(service_containers "$1")"; printf '%s\n' "${ids%%$'\n'*}"; }

cleanup() {
  local rc=$?
  set +e
  if [[ "${E2E_KEEP:-0}" == "1" && $rc -eq 0 ]]; then
    info "E2E_KEEP=1: leaving project $project running (DOCKER_HOST=$DOCKER_HOST)"
    return
  fi
  if ((rc != 0)); then
    log "diagnostics (exit $rc)"
    for id in $(project_containers 2>/dev/null); do
      info "--- $(podman inspect --format '{{.Name}} {{.State.Status}} health={{.State.Health.Status}}' "$id" 2>/dev/null)"
      podman logs --tail 15 "$id" 2>&1 | cut -c1-400 | sed 's/^/      /'
    done
  fi
  [[ -n "$ticker_pid" ]] && kill "$ticker_pid" 2>/dev/null && wait "$ticker_pid" 2>/dev/null
  [[ -n "$client_id" ]] && podman rm -f "$client_id" >/dev/null 2>&1
  [[ -n "$lb_id" ]] && podman rm -f "$lb_id" >/dev/null 2>&1
  local ids; ids="$(project_containers 2>/dev/null)"
  # check containers the runner started for step 2b (it removes them itself unless it died first)
  ids+=" $(podman ps -aq --filter label=dev.codeagent.run --filter name=codeagent-check-e2e-iso 2>/dev/null)"
  [[ -n "$ids" ]] && podman rm -f -t 5 $ids >/dev/null 2>&1
  if [[ -n "$podman_service_pid" ]]; then
    compose down -v --remove-orphans >/dev/null 2>&1
  fi
  for net in $(podman network ls -q --filter "label=com.docker.compose.project=$project" 2>/dev/null); do
    podman network rm -f "$net" >/dev/null 2>&1
  done
  for vol in $(podman volume ls -q --filter "label=com.docker.compose.project=$project" 2>/dev/null); do
    podman volume rm -f "$vol" >/dev/null 2>&1
  done
  if [[ -n "$podman_service_pid" ]]; then
    kill "$podman_service_pid" 2>/dev/null
    wait "$podman_service_pid" 2>/dev/null
  fi
  info "cleaned up (exit $rc, ${SECONDS}s)"
  if ((rc != 0)); then
    printf 'E2E FAILED: %s\n' "${failure:-a command exited with $rc outside the checks (see the output above the diagnostics)}" >&2
  fi
}
trap cleanup EXIT
trap 'rc_err=$?; failure="${failure:-line $LINENO: \`$BASH_COMMAND\` exited $rc_err}"' ERR

# --- 1. images --------------------------------------------------------------------------------------------
log "base image (debootstrap, cached)"
e2e/base-images.sh

jars_missing=0
for s in "${services[@]}"; do
  compgen -G "services/$s/target/codeagent-$s-*.jar" >/dev/null || jars_missing=1
done
if [[ "$jars_missing" == "1" || "${E2E_REBUILD_JARS:-0}" == "1" ]]; then
  log "service jars: ./mvnw package"
  ./mvnw -q -B -DskipTests package -pl "$(printf 'services/%s,' "${services[@]}" | sed 's/,$//')" -am
fi

log "service images from deploy/docker/Dockerfile (LAYERS=prebuilt, JRE_IMAGE=localhost/codeagent-jre:17)"
vcs_ref="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
# Each service's build arguments as docker-compose.yml gives them (SERVICE, PORT, ...), so these images are
# the ones `docker compose build` makes; the local base image and the prebuilt jars are passed after them
# and win.
docker-compose -f docker-compose.yml config >"$work/compose-config.yml"
build_args() { # service
  python3 - "$work/compose-config.yml" "$1" <<'PY'
import sys, yaml
args = yaml.safe_load(open(sys.argv[1]))["services"][sys.argv[2]]["build"]["args"]
print("\n".join("--build-arg=%s=%s" % item for item in args.items()))
PY
}
for s in "${services[@]}"; do
  t0=$SECONDS
  mapfile -t args < <(build_args "$s")
  ((${#args[@]})) || fail "no build arguments for $s in docker-compose.yml"
  podman build -q --format docker -f deploy/docker/Dockerfile "${args[@]}" \
    --build-arg JRE_IMAGE=localhost/codeagent-jre:17 --build-arg LAYERS=prebuilt \
    --build-arg VCS_REF="$vcs_ref" --build-arg CREATED="$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
    -t "localhost/codeagent/$s:e2e" . >/dev/null
  info "$(printf '%-15s built in %3ds, size %s' "$s" "$((SECONDS - t0))" \
    "$(podman image inspect --format '{{.Size}}' "localhost/codeagent/$s:e2e" | awk '{printf "%.0f MB", $1/1e6}')")"
done
info "$(printf '%-15s %s' "base image" "$(podman image inspect --format '{{.Size}}' localhost/codeagent-jre:17 | awk '{printf "%.0f MB (Debian bookworm + openjdk-17-jre-headless + curl)", $1/1e6}')")"

# --- 2. stack ---------------------------------------------------------------------------------------------
log "podman API service + docker-compose (project $project)"
sock="$work/podman.sock"
rm -f "$sock"
podman system service --time=0 "unix://$sock" >"$work/podman-service.log" 2>&1 &
podman_service_pid=$!
export DOCKER_HOST="unix://$sock"
# mounted into the health monitor for step 6 (automatic restart of a frozen container)
export E2E_PODMAN_SOCKET="$sock"
# the runner's sandboxes, bound at the same path into the runner and (by the engine) into each check's container
export E2E_RUNNER_WORK_DIR="$work/runner"
rm -rf "$E2E_RUNNER_WORK_DIR"; mkdir -p "$E2E_RUNNER_WORK_DIR"; chown 10001:10001 "$E2E_RUNNER_WORK_DIR"
for _ in $(seq 1 50); do [[ -S "$sock" ]] && break; sleep 0.2; done
[[ -S "$sock" ]] || fail "podman system service did not open $sock"
# The socket is root's and 0600; the runner keeps its own uid and reaches it through root's group (group_add 0),
# as the dev override does with the Docker socket's group.
chmod 660 "$sock"
# leftovers of an interrupted earlier run of the same project
ids="$(project_containers)"; [[ -n "$ids" ]] && podman rm -f $ids >/dev/null
compose down -v --remove-orphans >/dev/null 2>&1 || true

# Fresh random secrets (the committed development files are only for laptops).
secrets="$work/secrets"
rm -rf "$secrets"; mkdir -p "$secrets"
for f in codeagent_internal_token codeagent_webhook_secret codeagent_webhook_password codeagent_db_password; do
  python3 -c 'import secrets; print(secrets.token_hex(24), end="")' >"$secrets/$f"
done
cp deploy/secrets/dev/dashboard_users "$secrets/"
# No Azurite here: an empty connection string keeps the orchestrator's artifacts on its filesystem store.
: >"$secrets/codeagent_blob_connection_string"
chmod 644 "$secrets"/*   # read by uid 10001 inside the containers (bind mounts keep host modes)
export CODEAGENT_SECRETS_PATH="$secrets"
token="$(cat "$secrets/codeagent_internal_token")"
webhook_secret="$(cat "$secrets/codeagent_webhook_secret")"
webhook_password="$(cat "$secrets/codeagent_webhook_password")"

# Podman runs HEALTHCHECKs from systemd timers; without systemd (this machine) nothing runs them, so the
# test drives them: every 3 s each running container of the project gets `podman healthcheck run`.
(
  while true; do
    for id in $(podman ps -q --filter "label=com.docker.compose.project=$project" 2>/dev/null); do
      podman healthcheck run "$id" >/dev/null 2>&1 || true
    done
    sleep 3
  done
) &
ticker_pid=$!

log "docker-compose up -d ${services[*]}"
up_started=$SECONDS
compose up -d --no-build "${services[@]}" 2>&1 | sed '/deploy sub-keys are not supported/d; s/^/    /'

wait_healthy() { # service timeout_s
  local svc="$1" deadline=$((SECONDS + $2)) id status
  while ((SECONDS < deadline)); do
    id="$(first_container "$svc")"
    if [[ -n "$id" ]]; then
      status="$(podman inspect --format '{{.State.Health.Status}}' "$id" 2>/dev/null || true)"
      [[ "$status" == "healthy" ]] && return 0
    fi
    sleep 2
  done
  return 1
}
for s in "${services[@]}"; do
  wait_healthy "$s" 300 || fail "$s did not become healthy"
done
info "all six services healthy $((SECONDS - up_started))s after docker-compose up"

log "start times (Spring's own 'Started ... in' line, container limits applied); class data sharing archive mapped"
for s in "${services[@]}"; do
  id="$(first_container "$s")"
  started="$(podman logs "$id" 2>&1 | grep -o 'Started [A-Za-z]*Application in [0-9.]* seconds' | tail -1 || true)"
  limits="$(podman inspect --format '{{.HostConfig.NanoCpus}} {{.HostConfig.Memory}}' "$id" | awk '{printf "%.1f CPU / %d MB", $1/1e9, $2/1048576}')"
  info "$(printf '%-15s %-55s limits %s' "$s" "${started:-?}" "$limits")"
  # A JVM that cannot map the archive the image build recorded starts without it, silently and slower.
  podman exec "$id" grep -q ' /app/app.jsa$' /proc/1/maps || fail "$s runs without its class data sharing archive /app/app.jsa"
done

# A client container on the internal network: the services publish no host ports.
networks="$(podman inspect --format '{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{end}}' "$(first_container gateway)")"
network="$(tr ' ' '\n' <<<"$networks" | grep backend)" && network="${network%%$'\n'*}"
client_id="$(podman run -d --network "$network" --entrypoint sleep localhost/codeagent-jre:17 infinity)"
# http METHOD URL [BODY] [extra curl args...] -> prints "<status>\n<body>"
http() {
  local method="$1" url="$2" body="${3:-}"; shift 3 || shift $#
  local args=(-sS -m 30 -o /tmp/body -w '%{http_code}' -X "$method" -H "x-corr-id: e2e-$RANDOM$RANDOM")
  [[ -n "$body" ]] && args+=(-H 'Content-Type: application/json' --data-binary "$body")
  podman exec "$client_id" sh -c 'rm -f /tmp/body /tmp/code; curl "$@" >/tmp/code; echo; cat /tmp/code; echo; cat /tmp/body 2>/dev/null' sh "${args[@]}" "$@" "$url" | tail -n +2
}
internal() { http "$1" "$2" "${3:-}" -H "Authorization: Bearer $token"; }
status_of() { head -1 <<<"$1"; }
body_of() { tail -n +2 <<<"$1"; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1], {'d': d}))" "$1"; }

log "platform checks through the internal network"
for pair in gateway:3001 orchestrator:7071 adapter:3002 llm-patch:3003 runner:3004 health-monitor:8888; do
  r="$(http GET "http://${pair}/actuator/health/readiness")"
  [[ "$(status_of "$r")" == "200" ]] || fail "${pair%%:*} readiness: $r"
done
info "readiness 200 on all six"
r="$(http GET http://orchestrator:7071/api/orchestrators/does-not-exist)"
[[ "$(status_of "$r")" == "401" ]] || fail "orchestrator without bearer token answered $(status_of "$r"), expected 401"
info "internal API without the token: 401 (token comes from the compose secret file)"
r="$(podman exec "$client_id" curl -sS -m 10 -D - -o /dev/null -H 'x-corr-id: e2e-corr-abc' http://adapter:3002/actuator/health/liveness)"
grep -qi '^x-corr-id: e2e-corr-abc' <<<"$r" || fail "x-corr-id not echoed: $r"
info "x-corr-id echoed"
r="$(http GET http://health-monitor:8888/health)"
info "health monitor /health: HTTP $(status_of "$r") $(body_of "$r" | head -c 300)"
r="$(http GET http://health-monitor:8888/api/jobs)"
[[ "$(status_of "$r")" == "401" ]] || fail "dashboard job API without sign-in answered $(status_of "$r"), expected 401"
# Signed in, the monitor asks the orchestrator, whose first answers can be slow while the JVMs warm up under
# their CPU limits: a 503 from there is retried for a minute, a 401 (the sign-in failing) never.
deadline=$((SECONDS + 60))
while r="$(http GET http://health-monitor:8888/api/jobs "" -u admin:admin)"; [[ "$(status_of "$r")" != "200" ]]; do
  [[ "$(status_of "$r")" != "401" && $SECONDS -lt $deadline ]] \
    || fail "dashboard job API as admin (dashboard_users secret) answered: $r"
  sleep 2
done
info "dashboard job API: 401 without sign-in, 200 as admin from the dashboard_users secret"

log "every service refuses the published development secrets when CODEAGENT_ENV=production"
for s in "${services[@]}"; do
  set +e
  out="$(timeout 180 podman run --rm --network none -e CODEAGENT_ENV=production \
    -v "$repo_root/deploy/secrets/dev:/run/secrets:ro" "localhost/codeagent/$s:e2e" 2>&1)"
  rc=$?
  set -e
  ((rc != 0 && rc != 124)) || fail "$s with the development secrets and CODEAGENT_ENV=production: exit $rc"
  grep -q 'Refusing to start: CODEAGENT_ENV=production' <<<"$out" && grep -q 'CODEAGENT_INTERNAL_TOKEN' <<<"$out" \
    || fail "$s did not say why it refused: $(tail -20 <<<"$out")"
  info "$(printf '%-15s exit %d: %s' "$s" "$rc" "$(grep -m1 -o 'Refusing to start: [^,]*' <<<"$out")")"
done

# --- 2b. checks in containers: no network, killed at the timeout ------------------------------------------
log "runner: each check in a fresh container through the podman socket (no network; killed at its timeout)"
adapter_id="$(first_container adapter)"
iso_repo="e2e-isolation"
adapter_ip="$(podman inspect --format '{{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}' "$adapter_id" | awk '{print $1}')"
# Control: from a container with a network the address answers, so a check that cannot reach it is isolated.
podman exec "$client_id" curl -sS -m 10 -o /dev/null "http://$adapter_ip:3002/actuator/health/liveness" \
  || fail "control: the client container cannot reach the adapter at $adapter_ip"
iso="$work/$iso_repo"
rm -rf "$iso"; mkdir -p "$iso"
git -C "$iso" init -q -b network
cat >"$iso/.codeagent.yml" <<YAML
image: localhost/codeagent-jre:17
timeout: 2m
checks:
  - name: network
    run: |
      cat /proc/net/dev
      if curl -sS -m 5 -o /dev/null http://$adapter_ip:3002/actuator/health/liveness; then echo REACHED-STACK; exit 0; fi
      if curl -sS -m 5 -o /dev/null https://example.com; then echo REACHED-INTERNET; exit 0; fi
      exit 7
YAML
git -C "$iso" -c user.name=e2e -c user.email=e2e@localhost add -A
git -C "$iso" -c user.name=e2e -c user.email=e2e@localhost commit -q -m "A check that tries the network"
net_commit="$(git -C "$iso" rev-parse HEAD)"
git -C "$iso" checkout -q -b slow
cat >"$iso/.codeagent.yml" <<'YAML'
image: localhost/codeagent-jre:17
timeout: 15s
checks:
  - name: sleeper
    run: echo going to sleep; sleep 600
YAML
git -C "$iso" -c user.name=e2e -c user.email=e2e@localhost commit -q -am "A check that outlives its timeout"
slow_commit="$(git -C "$iso" rev-parse HEAD)"
podman exec -u 0 "$adapter_id" mkdir -p /data/repos
podman cp "$iso" "$adapter_id:/data/repos/$iso_repo"
podman exec -u 0 "$adapter_id" chown -R 10001:10001 "/data/repos/$iso_repo"
run_check() { # runId commit -> CheckRunResult json
  local r
  r="$(internal POST http://runner:3004/api/checks/runs \
    "{\"runId\":\"$1\",\"jobId\":\"e2e-isolation\",\"k\":1,\"round\":0,\"repository\":{\"provider\":\"local\",\"organization\":\"local\",\"project\":\"local\",\"repository\":\"$iso_repo\"},\"commit\":\"$2\"}" \
    -m 240)"
  [[ "$(status_of "$r")" == "200" ]] || fail "runner run $1: $r"
  body_of "$r"
}
t0=$SECONDS
result="$(run_check e2e-iso-net "$net_commit")"
python3 - "$result" <<'PY' || fail "network check: $result"
import json, sys
r = json.loads(sys.argv[1])
assert r["isolation"] == "container", r["isolation"]
check = r["checks"][0]
assert check["name"] == "network" and check["status"] == "failed" and check["exitCode"] == 7, check
log = r["log"]
# (the log echoes the command too, so only an output line of its own counts)
reached = [line for line in log.splitlines() if line.strip() in ("REACHED-STACK", "REACHED-INTERNET")]
assert not reached, "the check reached the network: %s" % reached
# /proc/net/dev: one "name: counters..." line per interface after two header lines
interfaces = [line.split(":")[0].strip() for line in log.splitlines()
              if ":" in line and "|" not in line and line.split(":")[0].strip().isalnum()
              and line.split(":", 1)[1].split() and line.split(":", 1)[1].split()[0].isdigit()]
assert interfaces == ["lo"], "interfaces: %s" % interfaces
PY
info "network check failed as it must (exit 7; only 'lo' in /proc/net/dev; neither $adapter_ip nor the internet reached; $((SECONDS - t0))s)"
t0=$SECONDS
result="$(run_check e2e-iso-slow "$slow_commit")"
python3 - "$result" <<'PY' || fail "timeout check: $result"
import json, sys
r = json.loads(sys.argv[1])
check = r["checks"][0]
assert check["status"] == "timed-out" and check["exitCode"] is None, check
assert check["durationMs"] < 120000, check
assert "going to sleep" in r["log"], r["log"][-500:]
assert not r["passed"], r
PY
info "sleeping check killed at its 15 s timeout and reported timed-out (run took $((SECONDS - t0))s)"
left="$(podman ps -aq --filter label=dev.codeagent.run --filter name=codeagent-check-e2e-iso)"
[[ -z "$left" ]] || fail "check containers left behind: $(podman ps -a --filter label=dev.codeagent.run)"
info "no check container left behind"

if [[ "${E2E_SKIP_FLOW:-0}" == "1" ]]; then
  log "E2E_SKIP_FLOW=1: stack verified, flow skipped"
  exit 0
fi

# --- 3. /edit /3 through the gateway ---------------------------------------------------------------------
log "sample repository '$repo_name' in the adapter's local root (/data/repos), pull request, comment"
src="$work/$repo_name"
rm -rf "$src"; mkdir -p "$src/src/main/java/com/example/auth"
cat >"$src/README.md" <<'EOF'
# E2E app

A tiny login service used by the Code Agent container end-to-end test.
EOF
cat >"$src/src/main/java/com/example/auth/LoginHandler.java" <<'EOF'
package com.example.auth;

/** Handles login requests. */
public class LoginHandler {

    public String login(String username, String password) {
        if (username.equals("admin") && password.equals("secret")) {
            return "welcome " + username;
        }
        return "denied";
    }
}
EOF
git -C "$src" init -q -b main
git -C "$src" -c user.name=e2e -c user.email=e2e@localhost add -A
git -C "$src" -c user.name=e2e -c user.email=e2e@localhost commit -q -m "Initial commit"
git -C "$src" checkout -q -b feature/login
sed -i 's/return "denied";/return "denied: " + username;/' "$src/src/main/java/com/example/auth/LoginHandler.java"
git -C "$src" -c user.name=e2e -c user.email=e2e@localhost commit -q -am "Say who was denied"
git -C "$src" checkout -q main
podman exec -u 0 "$adapter_id" mkdir -p /data/repos
podman cp "$src" "$adapter_id:/data/repos/$repo_name"
podman exec -u 0 "$adapter_id" chown -R 10001:10001 "/data/repos/$repo_name"

v1="http://adapter:3002/api/v1/repositories/local/local/local/$repo_name"
open_pr_and_comment() { # -> prints "prId threadId commentId"
  local r pr thread
  r="$(internal POST "http://adapter:3002/api/repos/local/$repo_name/pull-requests" \
    '{"sourceBranch":"feature/login","targetBranch":"main","title":"Say who was denied","description":"e2e"}')"
  [[ "$(status_of "$r")" =~ ^20[01]$ ]] || fail "open pull request: $r"
  pr="$(body_of "$r" | json 'd["id"]')"
  r="$(internal POST "$v1/pull-requests/$pr/threads" "{\"content\":\"@CodeAgent /edit /3 $1\"}")"
  [[ "$(status_of "$r")" =~ ^20[01]$ ]] || fail "create thread: $r"
  thread="$(body_of "$r" | json 'd["threadId"]')"
  echo "$pr $thread $(body_of "$r" | json 'd["commentId"]')"
}
comment_event() { # prId threadId commentId content -> full response
  comment_event_via http://gateway:3001 "$@"
}
comment_event_via() { # baseUrl prId threadId commentId content -> full response
  # Retries 503 (orchestrator briefly unavailable) like Azure DevOps retries a failed delivery.
  local base="$1" attempt r; shift
  for attempt in 1 2 3 4 5 6; do
    r="$(http POST "$base/api/comment-events" \
      "{\"provider\":\"local\",\"organization\":\"local\",\"project\":\"local\",\"repository\":\"$repo_name\",\"pullRequestId\":$1,\"threadId\":$2,\"commentId\":$3,\"author\":{\"id\":\"e2e-user\",\"name\":\"E2E User\"},\"content\":\"$4\"}" \
      -H "X-CodeAgent-Secret: $webhook_secret" -u "codeagent:$webhook_password")"
    [[ "$(status_of "$r")" == "503" ]] || break
    info "delivery answered 503, retrying in 5 s (attempt $attempt)" >&2
    sleep 5
  done
  printf '%s\n' "$r"
}
job_view() { internal GET "http://orchestrator:7071/api/orchestrators/$1"; }
follow_job() { # jobId timeout_s -> final JobView json
  local id="$1" deadline=$((SECONDS + $2)) r state last=""
  while ((SECONDS < deadline)); do
    r="$(job_view "$id" 2>/dev/null || true)"
    if [[ "$(status_of "$r")" == "200" ]]; then
      state="$(body_of "$r" | json 'd["runtimeStatus"] + " " + " ".join("#%s:%s" % (v["k"], v["state"]) for v in d.get("variants") or [])')"
      [[ "$state" != "$last" ]] && info "job $id: $state" >&2 && last="$state"
      case "$state" in Completed*|Failed*|Terminated*) body_of "$r"; return 0 ;; esac
    fi
    sleep 2
  done
  fail "job $id did not finish within $2 s (last: $last)"
}
check_job() { # jobJson prId label
  local job="$1" pr="$2" label="$3" branches prs
  [[ "$(json 'd["runtimeStatus"]' <<<"$job")" == "Completed" ]] || fail "$label: job not Completed: $job"
  [[ "$(json 'len([v for v in d["variants"] if v["state"] == "succeeded"])' <<<"$job")" == "3" ]] \
    || fail "$label: not 3 succeeded variants: $job"
  branches="$(json '" ".join(sorted(v["branch"] for v in d["variants"]))' <<<"$job")"
  # the repository as the adapter left it, inspected with git
  rm -rf "$work/inspect"; podman cp "$adapter_id:/data/repos/$repo_name" "$work/inspect"
  for b in $branches; do
    git -C "$work/inspect" rev-parse -q --verify "refs/heads/$b" >/dev/null || fail "$label: branch $b missing"
  done
  local prefix; prefix="$(json 'd["variants"][0]["branch"].rsplit("-", 1)[0]' <<<"$job")"
  [[ "$(git -C "$work/inspect" for-each-ref --format='%(refname)' "refs/heads/$prefix-*" | wc -l)" == "3" ]] \
    || fail "$label: expected exactly 3 branches $prefix-*: $(git -C "$work/inspect" for-each-ref --format='%(refname)' 'refs/heads/agents/')"
  prs="$(internal GET "http://adapter:3002/api/repos/local/$repo_name/pull-requests")"
  local count; count="$(body_of "$prs" | python3 -c "
import json,sys
prs=json.load(sys.stdin); branches=set(sys.argv[1].split())
mine=[p for p in prs if p['sourceRef'].removeprefix('refs/heads/') in branches]
assert all(p['draft'] for p in mine), 'not all drafts: %s' % mine
assert all(p['targetRef'].removeprefix('refs/heads/') == 'feature/login' for p in mine), 'wrong target: %s' % mine
print(len(mine))" "$branches")" || fail "$label: pull requests: $(body_of "$prs")"
  [[ "$count" == "3" ]] || fail "$label: expected 3 draft PRs for the variant branches, found $count"
  info "$label: Completed, 3 branches ($branches), 3 draft PRs targeting feature/login"
}

read -r pr thread comment < <(open_pr_and_comment "Validate the username and password arguments")
log "POST /api/comment-events (PR #$pr, thread $thread) -> gateway"
r="$(comment_event "$pr" "$thread" "$comment" "@CodeAgent /edit /3 Validate the username and password arguments")"
[[ "$(status_of "$r")" =~ ^20[02]$ ]] || fail "gateway: $r"
job1="$(body_of "$r" | json 'd["jobId"]')"
info "gateway accepted: job $job1"
r="$(comment_event "$pr" "$thread" "$comment" "@CodeAgent /edit /3 Validate the username and password arguments")"
[[ "$(body_of "$r" | json 'd.get("jobId")')" == "$job1" ]] || info "redelivery answered: $r"
t0=$SECONDS
job="$(follow_job "$job1" 600)"
info "job finished in $((SECONDS - t0))s"
check_job "$job" "$pr" "job 1"

# --- 4. scale the gateway -------------------------------------------------------------------------------
log "scale the gateway to 3 replicas"
compose up -d --no-build --no-recreate --scale gateway=3 gateway 2>&1 | sed '/deploy sub-keys are not supported/d; s/^/    /'
deadline=$((SECONDS + 300))
while ((SECONDS < deadline)); do
  healthy=0
  for id in $(service_containers gateway); do
    [[ "$(podman inspect --format '{{.State.Health.Status}}' "$id")" == "healthy" ]] && healthy=$((healthy + 1))
  done
  ((healthy == 3)) && break
  sleep 3
done
((healthy == 3)) || fail "3 gateway replicas did not become healthy ($healthy)"
info "3 healthy gateway replicas: $(service_containers gateway | tr '\n' ' ')"
info "DNS for 'gateway' on the backend network: $(podman exec "$client_id" getent ahostsv4 gateway | awk '{print $1}' | sort -u | tr '\n' ' ')"
# The dashboard's users file (the one Traefik's basic auth reads) must accept the development admin/admin;
# HAProxy cannot check apr1 hashes, so openssl does, and the stand-in gets that user.
hash="$(grep '^admin:' "$secrets/dashboard_users" | cut -d: -f2-)"
[[ "$(openssl passwd -apr1 -salt "$(cut -d'$' -f3 <<<"$hash")" admin)" == "$hash" ]] \
  || fail "dashboard_users does not accept admin/admin"
python3 e2e/lb/haproxy-from-labels.py "$work/compose-config.yml" deploy/traefik/dynamic/middlewares.yml \
  "$(IFS=,; echo "${services[*]}")" admin:admin >"$work/haproxy.cfg"
sed 's/^/      /' "$work/haproxy.cfg" | grep -E 'acl|use_backend|http-request'
lb_id="$(podman run -d --network "$network" -v "$work/haproxy.cfg:/etc/haproxy/haproxy.cfg:ro" \
  localhost/codeagent-e2e-lb:1 haproxy -f /etc/haproxy/haproxy.cfg -db)"
lb_ip="$(podman inspect --format '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' "$lb_id")"
info "load balancer (HAProxy stand-in for Traefik, routes from the Traefik labels) at $lb_ip:80"
count_events() { # container -> deliveries to /api/comment-events served so far (the gateway's own counter)
  podman exec "$1" curl -s -m 5 http://127.0.0.1:3001/actuator/prometheus \
    | awk '/^codeagent_gateway_deliveries_total\{.*endpoint="comment-events"/ { n += $NF } END { printf "%d", n }'
}
deadline=$((SECONDS + 60))
# a delivery without credentials: the gateway's 401 once a replica is in rotation (503 from HAProxy before)
until r="$(http POST "http://$lb_ip/api/comment-events" '{}')" && [[ "$(status_of "$r")" == "401" ]]; do
  ((SECONDS < deadline)) || fail "load balancer did not reach a gateway: $r"
  sleep 1
done
sleep 6   # DNS refreshes (1 s) and two passing health checks (1 s apart) put every replica in rotation

log "public entry point (stand-in routes from the Traefik labels): what it exposes"
r="$(http GET "http://$lb_ip/api/orchestrators/$job1" '' -H "Authorization: Bearer $token")"
[[ "$(status_of "$r")" == "401" ]] && ! grep -q runtimeStatus <<<"$r" \
  || fail "orchestrator API reachable from outside with the internal token: $(head -c 300 <<<"$r")"
r="$(http GET "http://$lb_ip/api/orchestrators/$job1" '' -u admin:admin)"
[[ "$(status_of "$r")" =~ ^40[134]$ ]] && ! grep -q runtimeStatus <<<"$r" \
  || fail "orchestrator API reachable from outside with the dashboard credentials: $(head -c 300 <<<"$r")"
info "GET /api/orchestrators/$job1: 401 with the internal token, $(status_of "$r") with the dashboard's credentials (never the job)"
r="$(http GET "http://$lb_ip/")"
[[ "$(status_of "$r")" == "401" ]] || fail "dashboard without credentials answered $(status_of "$r"), expected 401"
r="$(http GET "http://$lb_ip/" '' -u admin:admin)"
[[ "$(status_of "$r")" == "200" ]] || fail "dashboard with admin/admin answered $(status_of "$r"), expected 200"
r="$(http GET "http://$lb_ip/" '' -u admin:wrong)"
[[ "$(status_of "$r")" == "401" ]] || fail "dashboard with a wrong password answered $(status_of "$r"), expected 401"
r="$(http GET "http://$lb_ip/health")"
[[ "$(status_of "$r")" != "401" ]] || fail "/health asks for credentials; load balancers and CI read it"
info "dashboard: 401 without or with wrong credentials, 200 with admin/admin; /health open (HTTP $(status_of "$r"))"
declare -A before
for id in $(service_containers gateway); do before[$id]="$(count_events "$id")"; done
for i in $(seq 1 30); do
  # not a command: the gateway answers 2xx and ignores it
  r="$(comment_event_via "http://$lb_ip" "$pr" "$thread" "$((1000 + i))" "just a remark $i")"
  [[ "$(status_of "$r")" =~ ^2 ]] || fail "remark $i: $r"
done
served=0
for id in $(service_containers gateway); do
  n=$(( $(count_events "$id") - ${before[$id]} ))
  info "replica ${id:0:12}: $n of 30 requests"
  ((n > 0)) && served=$((served + 1))
done
((served == 3)) || fail "requests were not spread over the 3 gateway replicas"

# --- 5. orchestrator crash mid-job ----------------------------------------------------------------------
log "second /edit /3 job; SIGKILL the orchestrator while it runs"
# The offline model answers in milliseconds, so a job can finish within a second. To crash the
# orchestrator deterministically in the middle of the work, llm-patch is frozen (podman pause) while the
# job starts: the variants then wait on their model calls, the orchestrator dies with them in flight,
# and llm-patch is thawed afterwards.
llm_id="$(first_container llm-patch)"
podman pause "$llm_id" >/dev/null
read -r pr2 thread2 comment2 < <(open_pr_and_comment "Reject blank usernames")
r="$(comment_event "$pr2" "$thread2" "$comment2" "@CodeAgent /edit /3 Reject blank usernames")"
[[ "$(status_of "$r")" =~ ^20[02]$ ]] || { podman unpause "$llm_id" >/dev/null; fail "gateway: $r"; }
job2="$(body_of "$r" | json 'd["jobId"]')"
info "job $job2 accepted (llm-patch frozen)"
orch_id="$(first_container orchestrator)"
deadline=$((SECONDS + 60))
st=""
while ((SECONDS < deadline)); do
  st="$(body_of "$(job_view "$job2")" | json 'd["runtimeStatus"] + " " + " ".join("#%s:%s" % (v["k"], v["state"]) for v in d.get("variants") or [])' 2>/dev/null || true)"
  [[ "$st" == Running* ]] && break
  sleep 0.5
done
sleep 3   # let the job's first calls reach the frozen llm-patch
st="$(body_of "$(job_view "$job2")" | json 'd["runtimeStatus"] + " " + " ".join("#%s:%s" % (v["k"], v["state"]) for v in d.get("variants") or [])' 2>/dev/null || true)"
info "job state just before the crash: ${st:-unknown}"
[[ "$st" == Running* ]] || { podman unpause "$llm_id" >/dev/null; fail "job did not reach Running with variants in flight: $st"; }
restarts_before="$(podman inspect --format '{{.RestartCount}}' "$orch_id")"
pid="$(podman inspect --format '{{.State.Pid}}' "$orch_id")"
kill -9 "$pid"
info "killed the orchestrator JVM (host pid $pid)"
podman unpause "$llm_id" >/dev/null
info "llm-patch thawed"
deadline=$((SECONDS + 60))
restarted=0
while ((SECONDS < deadline)); do
  if [[ "$(podman inspect --format '{{.RestartCount}}' "$orch_id")" != "$restarts_before" \
        && "$(podman inspect --format '{{.State.Running}}' "$orch_id")" == "true" ]]; then
    restarted=1; break
  fi
  sleep 1
done
if ((restarted)); then
  info "restart policy (unless-stopped) restarted it"
else
  info "the runtime did not restart it within 60 s: starting it again (podman start)"
  podman start "$orch_id" >/dev/null
fi
wait_healthy orchestrator 300 || fail "orchestrator did not come back healthy"
st="$(body_of "$(job_view "$job2")" | json 'd["runtimeStatus"] + " " + " ".join("#%s:%s" % (v["k"], v["state"]) for v in d.get("variants") or [])' 2>/dev/null || true)"
info "orchestrator healthy again; the job as the restarted orchestrator found it: $st"
job="$(follow_job "$job2" 600)"
check_job "$job" "$pr2" "job 2 (after the crash)"

# --- 6. a hung (not dead) container is restarted by the health monitor ----------------------------------------
log "health monitor with CODEAGENT_MONITOR_RESTART_UNHEALTHY=true; SIGSTOP llm-patch while a third job runs"
E2E_RESTART_UNHEALTHY=true compose up -d --no-deps --no-build health-monitor 2>&1 \
  | sed '/deploy sub-keys are not supported/d; s/^/    /'
wait_healthy health-monitor 300 || fail "health monitor did not become healthy with restarts enabled"
monitor_id="$(first_container health-monitor)"
monitor_log="$(podman logs "$monitor_id" 2>&1)"
grep -q 'Restarting containers of targets down' <<<"$monitor_log" \
  || fail "the recreated health monitor did not enable restarts"
# The monitor's start-up grace (30 s) applies only to targets it has never seen up; llm-patch is up.
sleep 10
llm_id="$(first_container llm-patch)"
llm_started="$(podman inspect --format '{{.State.StartedAt}}' "$llm_id")"
read -r pr3 thread3 comment3 < <(open_pr_and_comment "Trim the username")
llm_pid="$(podman inspect --format '{{.State.Pid}}' "$llm_id")"
kill -STOP "$llm_pid"
info "froze llm-patch's JVM (host pid $llm_pid) with SIGSTOP: its container keeps running, its port answers nothing"
r="$(comment_event "$pr3" "$thread3" "$comment3" "@CodeAgent /edit /3 Trim the username")"
[[ "$(status_of "$r")" =~ ^20[02]$ ]] || { kill -CONT "$llm_pid"; fail "gateway: $r"; }
job3="$(body_of "$r" | json 'd["jobId"]')"
info "job $job3 accepted while llm-patch is frozen"
deadline=$((SECONDS + 240))
restarted=0
while ((SECONDS < deadline)); do
  if [[ "$(podman inspect --format '{{.State.StartedAt}}' "$llm_id")" != "$llm_started" ]]; then
    restarted=1; break
  fi
  sleep 2
done
if ((!restarted)); then
  kill -CONT "$llm_pid" 2>/dev/null || true
  podman logs "$monitor_id" 2>&1 | tail -20 | sed 's/^/    monitor: /'
  fail "the health monitor did not restart the frozen llm-patch within 240 s"
fi
monitor_log="$(podman logs "$monitor_id" 2>&1)"
grep 'Restarted llm-patch' <<<"$monitor_log" | sed 's/^/    monitor: /' \
  || fail "llm-patch was restarted, but not by the health monitor"
info "the health monitor restarted llm-patch's container"
wait_healthy llm-patch 300 || fail "llm-patch did not come back healthy after its restart"
job="$(follow_job "$job3" 600)"
check_job "$job" "$pr3" "job 3 (llm-patch frozen, restarted by the monitor)"

log "passed in $((SECONDS - start))s"
exit 0
}
