#!/usr/bin/env bash
# Builds the local stand-ins for public base images that cannot be pulled on a machine without registry
# access (see ../shared/containers/README.md). The committed deploy/docker/Dockerfile keeps the public images
# as defaults; e2e/run.sh passes these through build arguments. Each image is built once and cached in
# podman's store; the debootstrap root filesystems are cached under e2e/.work/rootfs.
#
#   localhost/codeagent-jre:17     Debian bookworm minbase + openjdk-17-jre-headless + curl  (JRE_IMAGE)
#   localhost/codeagent-maven:17   Debian bookworm minbase + openjdk-17-jdk-headless + maven (BUILD_IMAGE,
#                                  only with E2E_FULL_BUILD=1)
#   localhost/codeagent-e2e-lb:1   Debian bookworm minbase + haproxy: the test's stand-in for Traefik's
#                                  routing and load balancing (Traefik cannot be pulled here); its
#                                  configuration comes from the Traefik labels (e2e/lb/haproxy-from-labels.py)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
work="${E2E_WORK_DIR:-$here/.work}"
export CONTAINERS_CONF="${CONTAINERS_CONF:-/work/shared/containers/containers.conf}"
suite="${E2E_DEBIAN_SUITE:-bookworm}"
mirror="${E2E_DEBIAN_MIRROR:-http://deb.debian.org/debian}"

build_base() { # image packages...
  local image="$1"; shift
  if podman image exists "$image"; then
    echo "base image $image: cached"
    return
  fi
  local name="${image##*/}"; name="${name//:/-}"
  local rootfs="$work/rootfs/$name"
  local tarball="$work/rootfs/$name.tar"
  mkdir -p "$work/rootfs"
  if [[ ! -s "$tarball" ]]; then
    echo "base image $image: debootstrap $suite with $*"
    rm -rf "$rootfs"
    local include; include="$(IFS=,; echo "$*")"
    debootstrap --variant=minbase --include="$include" "$suite" "$rootfs" "$mirror" >"$work/rootfs/$name.log" 2>&1 \
      || { tail -20 "$work/rootfs/$name.log" >&2; exit 1; }
    # Keep the image lean: package lists, caches and docs are not needed at run time.
    rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/* "$rootfs"/usr/share/doc/* \
      "$rootfs"/usr/share/man/* "$rootfs"/usr/share/locale/*
    tar -C "$rootfs" -cf "$tarball" .
    rm -rf "$rootfs"
  fi
  podman import --change 'CMD ["/bin/bash"]' --change 'ENV LANG=C.UTF-8' "$tarball" "$image" >/dev/null
  echo "base image $image: imported"
}

build_base localhost/codeagent-jre:17 openjdk-17-jre-headless curl ca-certificates
build_base localhost/codeagent-e2e-lb:1 haproxy
if [[ "${E2E_FULL_BUILD:-0}" == "1" ]]; then
  build_base localhost/codeagent-maven:17 openjdk-17-jdk-headless maven curl ca-certificates
fi
