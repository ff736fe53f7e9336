#!/bin/sh
# Container healthcheck for the Code Agent services: succeeds when the service's readiness group answers
# 200. Uses curl when the image has it, else bash's /dev/tcp, so it needs neither a JVM start nor extra
# packages in slim JRE images.
#   healthcheck <port> [path]
port="${1:?port}"
path="${2:-/actuator/health/readiness}"
if command -v curl >/dev/null 2>&1; then
  exec curl -fsS -o /dev/null --max-time 3 "http://127.0.0.1:${port}${path}"
fi
exec bash -c '
  exec 3<>"/dev/tcp/127.0.0.1/$0" || exit 1
  printf "GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n" "$1" >&3
  IFS= read -r -t 3 status <&3 || exit 1
  case "$status" in *" 200 "*) exit 0 ;; *) exit 1 ;; esac
' "$port" "$path"
