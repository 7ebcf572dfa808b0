#!/usr/bin/env bash
# Installs code-server (VS Code's server + web client) into .vscode-test/code-server so the
# extension can run in a real VS Code on machines that cannot download desktop VS Code.
# Needs the Debian packages chromium ripgrep build-essential python3 libkrb5-dev.
# Idempotent: a marker file makes a second run return at once (pass --force to redo).
set -euo pipefail

VERSION=4.100.3
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HOST="${TAWSIM_HOST_DIR:-$ROOT/.vscode-test/code-server}"
MARKER="$HOST/.installed-$VERSION"

if [[ -f "$MARKER" && "${1:-}" != "--force" ]]; then
  echo "code-server $VERSION already installed in $HOST"
  exit 0
fi

for tool in node npm rg make python3 g++; do
  command -v "$tool" >/dev/null || { echo "missing $tool (install the Debian packages first)" >&2; exit 1; }
done

# node-pty's install runs `npx node-gyp`, which a `yes=false` npm config refuses; nodedir
# makes node-gyp use the installed Node headers instead of downloading them. As root,
# code-server's install steps demand unsafe-perm.
export CI=true npm_config_yes=true npm_config_nodedir="${npm_config_nodedir:-/usr}"
export npm_config_unsafe_perm=true npm_config_audit=false npm_config_fund=false
exec </dev/null

start=$(date +%s)
rm -f "$HOST"/.installed-*
mkdir -p "$HOST"
cd "$HOST"
# Own package.json so npm does not treat the repository as the install prefix.
[[ -f package.json ]] || echo '{ "name": "tawsim-vscode-host", "private": true }' > package.json

echo "== code-server $VERSION (scripts off: its postinstall downloads ripgrep from GitHub)"
npm install --ignore-scripts --no-save --loglevel=error "code-server@$VERSION"
npm rebuild argon2 --loglevel=error

CS="$HOST/node_modules/code-server"
VSC="$CS/lib/vscode"

echo "== VS Code server dependencies"
cd "$VSC"
npm install --omit=dev --ignore-scripts --loglevel=error
# @vscode/ripgrep's postinstall skips its GitHub download when bin/ exists.
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sfn "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
# Prebuilt binary downloads fail offline; the modules then build from source.
npm rebuild --loglevel=error

echo "== links that code-server's postinstall.sh would create"
ln -sfn node_modules "$VSC/node_modules.asar"
ln -sfn code-linux.sh "$VSC/bin/remote-cli/code-server"
ln -sfn browser-linux.sh "$VSC/bin/helpers/browser.sh"

echo "== built-in extensions dependencies"
cd "$VSC/extensions"
npm install --omit=dev --loglevel=error

echo "== checking native modules"
cd "$VSC"
node -e '
  const mods = ["@vscode/spdlog", "node-pty", "native-watchdog", "@parcel/watcher", "kerberos", "@vscode/deviceid"];
  let failed = 0;
  for (const m of mods) {
    try { require(m); console.log("  ok   " + m); }
    catch (e) { failed++; console.error("  FAIL " + m + ": " + e.message.split("\n")[0]); }
  }
  process.exit(failed ? 1 : 0);
'
cd "$CS"
node -e 'require("argon2"); console.log("  ok   argon2")'

touch "$MARKER"
echo "code-server $VERSION installed in $HOST in $(( $(date +%s) - start )) s"
