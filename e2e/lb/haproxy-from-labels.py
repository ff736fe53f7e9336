#!/usr/bin/env python3
"""e2e only: an HAProxy configuration that routes like Traefik would, made from the Traefik labels.

Traefik's image cannot be pulled on the test machine, so e2e/run.sh stands in HAProxy for it. To test the
stack's public routing rather than a hand-written copy of it, this reads the routers of the `web` entry point
from the rendered compose file (`docker-compose config`) and turns them into HAProxy rules:

- rules made of Path(`...`) and PathPrefix(`...`) joined with `||` (the only forms the stack uses; a router
  with any other matcher, e.g. Host, is left out and named on stderr);
- Traefik's order: the `priority` label, else the length of the rule, highest first; a request no router
  matches gets 404, as from Traefik;
- the `dashboard-auth@file` middleware becomes basic auth against the user given on the command line
  (HAProxy cannot check the apr1 hashes of the users file, so run.sh checks them with openssl first), and
  like the middleware's `removeHeader` (read from the middlewares file) drops the Authorization header;
- replicas are discovered through the network's DNS, with the service's `loadbalancer.healthcheck.path`.

Other middlewares (rate limit, body limit, headers) are not reproduced.

Usage: haproxy-from-labels.py COMPOSE_CONFIG MIDDLEWARES_YML SERVICE[,SERVICE...] USER:PASSWORD
"""
import re
import sys

import yaml

TERM = re.compile(r"^(Path|PathPrefix)\(`([^`]+)`\)$")


def routers(config, running):
    found = []
    for service_name, service in config["services"].items():
        labels = service.get("labels") or {}
        if isinstance(labels, list):
            labels = dict(label.split("=", 1) for label in labels)
        if service_name not in running or str(labels.get("traefik.enable")) != "true":
            continue
        names = {key.split(".")[3] for key in labels if key.startswith("traefik.http.routers.")}
        for name in sorted(names):
            prefix = "traefik.http.routers.%s." % name
            if "web" not in labels.get(prefix + "entrypoints", "web").split(","):
                continue
            rule = labels[prefix + "rule"]
            terms = [TERM.match(term.strip()) for term in rule.split("||")]
            if not all(terms):
                print("haproxy-from-labels: router %s left out (rule %s)" % (name, rule), file=sys.stderr)
                continue
            port = next(value for key, value in labels.items()
                        if key.startswith("traefik.http.services.") and key.endswith(".loadbalancer.server.port"))
            check = next((value for key, value in labels.items()
                          if key.startswith("traefik.http.services.") and key.endswith(".loadbalancer.healthcheck.path")),
                         None)
            found.append({
                "name": re.sub(r"[^A-Za-z0-9_]", "_", name),
                "service": service_name,
                "port": port,
                "check": check,
                "priority": int(labels.get(prefix + "priority", len(rule))),
                "terms": [(m.group(1), m.group(2)) for m in terms],
                "auth": "dashboard-auth@file" in labels.get(prefix + "middlewares", "").split(","),
            })
    return sorted(found, key=lambda r: -r["priority"])


def main():
    config = yaml.safe_load(open(sys.argv[1]))
    basic_auth = yaml.safe_load(open(sys.argv[2]))["http"]["middlewares"]["dashboard-auth"]["basicAuth"]
    running = set(sys.argv[3].split(","))
    user, password = sys.argv[4].split(":", 1)
    table = routers(config, running)
    out = ["""global
    log stdout format raw local0 info

defaults
    mode http
    log global
    option httplog
    timeout connect 2s
    timeout client 30s
    timeout server 30s

resolvers runtime
    parse-resolv-conf
    hold valid 1s
    hold obsolete 1s

userlist dashboard
    user %s insecure-password %s

frontend web
    bind :80""" % (user, password)]
    for router in table:
        for kind, path in router["terms"]:
            out.append("    acl r_%s %s %s" % (router["name"], "path" if kind == "Path" else "path_beg", path))
    earlier = []
    for router in table:
        # a request belongs to the first router (highest priority) that matches it
        condition = " ".join(["r_" + router["name"]] + ["!r_" + name for name in earlier])
        if router["auth"]:
            out.append('    http-request auth realm "%s" if %s !{ http_auth(dashboard) }'
                       % (basic_auth.get("realm", "traefik"), condition))
            if basic_auth.get("removeHeader"):
                out.append("    http-request del-header Authorization if %s" % condition)
        out.append("    use_backend b_%s if %s" % (router["name"], condition))
        earlier.append(router["name"])
    unmatched = " ".join("!r_" + name for name in earlier)
    out.append('    http-request return status 404 content-type text/plain string "404 page not found"'
               + (" if " + unmatched if unmatched else ""))
    for router in table:
        out.append("\nbackend b_%s\n    balance roundrobin" % router["name"])
        check = ""
        if router["check"]:
            out.append("    option httpchk GET %s" % router["check"])
            check = " check inter 1s"
        out.append("    server-template %s 5 %s:%s%s resolvers runtime init-addr none"
                   % (router["name"], router["service"], router["port"], check))
    print("\n".join(out))


if __name__ == "__main__":
    main()
