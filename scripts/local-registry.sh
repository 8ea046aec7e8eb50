#!/usr/bin/env bash
# Local-registry mode: a CNCF Distribution registry (Debian package
# docker-registry) on 127.0.0.1, seeded with realistic tag sets, for machines
# without internet and for end-to-end tests.
#
#   scripts/local-registry.sh start   start (if needed) and seed
#   scripts/local-registry.sh stop    stop it
#   scripts/local-registry.sh status  show the seeded repositories
#
# LOCAL_REGISTRY_PORT (default 5050) and LOCAL_REGISTRY_DIR (default
# ~/.cache/base-image-tags/local-registry) change where it listens and keeps
# its data.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
port=${LOCAL_REGISTRY_PORT:-5050}
dir=${LOCAL_REGISTRY_DIR:-$HOME/.cache/base-image-tags/local-registry}
url="http://127.0.0.1:$port"
binary=$(command -v docker-registry || echo /usr/bin/docker-registry)

running() {
  curl -fsS -o /dev/null "$url/v2/" 2>/dev/null
}

start() {
  if [ ! -x "$binary" ]; then
    echo "docker-registry is not installed: apt-get install -y docker-registry" >&2
    exit 1
  fi
  if ! running; then
    mkdir -p "$dir/data"
    cat >"$dir/config.yml" <<YAML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $dir/data
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$port
YAML
    nohup "$binary" serve "$dir/config.yml" >"$dir/registry.log" 2>&1 &
    echo $! >"$dir/registry.pid"
    for _ in $(seq 1 50); do
      running && break
      sleep 0.2
    done
    running || { echo "registry did not start; see $dir/registry.log" >&2; exit 1; }
  fi
  source "$here/node-env.sh"
  node "$here/seed-local-registry.mjs" "$url"
  echo "Local registry at $url (catalog: curl $url/v2/_catalog)"
}

stop() {
  if [ -f "$dir/registry.pid" ]; then
    kill "$(cat "$dir/registry.pid")" 2>/dev/null || true
    rm -f "$dir/registry.pid"
  fi
}

status() {
  curl -fsS "$url/v2/_catalog"
  echo
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
