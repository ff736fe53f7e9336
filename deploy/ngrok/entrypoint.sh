#!/bin/sh
# ngrok entrypoint for the compose stack: a public HTTPS tunnel to Traefik so Azure DevOps service hooks
# can reach a laptop. Without NGROK_AUTHTOKEN, or without CODEAGENT_TUNNEL=true, it explains what to do
# and exits 0, so the restart policy (on-failure) leaves it stopped and the rest of the stack keeps running.
# CODEAGENT_TUNNEL is the same variable the services get: with it they refuse the published development
# secrets of deploy/secrets/dev, so the tunnel never exposes a stack anyone could sign in to.
set -eu
if [ -z "${NGROK_AUTHTOKEN:-}" ]; then
  cat >&2 <<'MSG'
ngrok: NGROK_AUTHTOKEN is not set, so no public tunnel is started (the rest of Code Agent runs normally).
ngrok: to receive Azure DevOps service hooks on this machine:
ngrok:   1. get a token at https://dashboard.ngrok.com/get-started/your-authtoken
ngrok:   2. put NGROK_AUTHTOKEN=<token> (and optionally NGROK_DOMAIN=<your static domain>) in .env
ngrok:   3. make your own secret files (deploy/secrets/dev/README.md), set CODEAGENT_SECRETS_PATH to them
ngrok:      and put CODEAGENT_TUNNEL=true in .env (the services then refuse the development secrets)
ngrok:   4. docker compose up -d
ngrok: the tunnel URL then shows on http://localhost:4040 and in `docker compose logs ngrok`.
MSG
  exit 0
fi
if [ "${CODEAGENT_TUNNEL:-false}" != "true" ]; then
  cat >&2 <<'MSG'
ngrok: NGROK_AUTHTOKEN is set but CODEAGENT_TUNNEL is not true, so no public tunnel is started.
ngrok: a tunnel puts this stack on the internet, where the development secrets of deploy/secrets/dev are
ngrok: public knowledge. To open it:
ngrok:   1. make your own secret files (deploy/secrets/dev/README.md) and set CODEAGENT_SECRETS_PATH to them
ngrok:   2. put CODEAGENT_TUNNEL=true in .env (the services then refuse the development secrets)
ngrok:   3. docker compose up -d (recreates the services with the tunnel switch, then ngrok)
MSG
  exit 0
fi
upstream="${NGROK_UPSTREAM:-http://traefik:80}"
if [ -n "${NGROK_DOMAIN:-}" ]; then
  exec ngrok http "$upstream" --config /etc/ngrok/ngrok.yml --domain "$NGROK_DOMAIN"
fi
exec ngrok http "$upstream" --config /etc/ngrok/ngrok.yml
