#!/bin/sh
# Class data sharing (CDS) training run, once at image build time, in the image's working directory:
# starts the service up to a refreshed Spring context (every singleton created, nothing started, nothing
# served) and exits; the JVM then writes the classes it loaded, parsed and verified to app.jsa. The
# ENTRYPOINT maps that archive instead of loading those classes from the jars again, which took 28–39 % off
# each service's time to ready inside its CPU limit (docs/deployment.md, "Start-up time").
#   cds-training.sh            writes ./app.jsa for ./app.jar; fails the build when the run fails
# The run gets a throwaway internal token and data directory, both gone with it; it reaches no other
# service (connections are opened when the context starts, after the run has exited).
set -eu
# -Xmx: the build machine's memory must not decide the heap: with 75 % of a machine of more than ~43 GB
# the JVM would turn compressed pointers off and probe or record against the other base archive, one that a
# container's JVM does not map. No perf data file: the JVM's files stay out of the image.
jvm="-Xmx256m -XX:-UsePerfData"
# A JRE without the JDK's own base archive (java -Xshare:dump creates it) cannot record one on top: the
# image then starts without class data sharing, slower but the same otherwise. Said in the build output;
# the images this project builds are checked for the archive by e2e/run.sh.
if ! java $jvm -Xshare:on -version >/dev/null 2>&1; then
  echo "cds-training: this JRE has no base class data sharing archive (java -Xshare:dump would create one);" \
    "the image starts without class data sharing" >&2
  exit 0
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
token="$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
mkdir "$work/tmp"
# Its own temporary directory: Tomcat's files stay out of the image.
# The health monitor refuses to start without a dashboard user: one that cannot sign in anywhere (the hash of
# no password, syntactically bcrypt) lets its sign-in classes be trained too. Other services ignore it.
nobody='training:$2y$10$AAAAAAAAAAAAAAAAAAAAAOAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'
if ! CODEAGENT_INTERNAL_TOKEN="$token" CODEAGENT_DATA_DIR="$work/data" CODEAGENT_DASHBOARD_USERS="$nobody" \
     java $jvm -Djava.io.tmpdir="$work/tmp" \
       -XX:ArchiveClassesAtExit=app.jsa -Dspring.context.exit=onRefresh -jar app.jar \
     >"$work/training.log" 2>&1; then
  cat "$work/training.log" >&2
  rm -f app.jsa
  echo "cds-training: the training run of app.jar failed (log above)" >&2
  exit 1
fi
[ -s app.jsa ] || { cat "$work/training.log" >&2; echo "cds-training: no archive written" >&2; exit 1; }
chmod 0444 app.jsa
echo "cds-training: app.jsa, $(du -k app.jsa | cut -f1) KB"
