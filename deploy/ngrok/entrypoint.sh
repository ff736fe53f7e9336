#!/bin/sh
# ngrok entrypoint for the compose stack: a public HTTPS tunnel to Traefik so Azure DevOps service hooks
# can reach a laptop. Without NGROK_AUTHTOKEN it explains what to do and exits 0, so the restart policy
# (on-failure) leaves it stopped and the rest of the stack keeps running.
set -eu
if [ -z "${NGROK_AUTHTOKEN:-}" ]; then
  cat >&2 <<'MSG'
ngrok: NGROK_AUTHTOKEN is not set, so no public tunnel is started (the rest of Code Agent runs normally).
ngrok: to receive Azure DevOps service hooks on this machine:
ngrok:   1. get a token at https://dashboard.ngrok.com/get-started/your-authtoken
ngrok:   2. put NGROK_AUTHTOKEN=<token> (and optionally NGROK_DOMAIN=<your static domain>) in .env
ngrok:   3. docker compose up -d ngrok
ngrok: the tunnel URL then shows on http://localhost:4040 and in `docker compose logs ngrok`.
MSG
  exit 0
fi
upstream="${NGROK_UPSTREAM:-http://traefik:80}"
if [ -n "${NGROK_DOMAIN:-}" ]; then
  exec ngrok http "$upstream" --config /etc/ngrok/ngrok.yml --domain "$NGROK_DOMAIN"
fi
exec ngrok http "$upstream" --config /etc/ngrok/ngrok.yml
