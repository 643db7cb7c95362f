#!/usr/bin/env bash
# Installs code-server 4.100.3 (VS Code 1.100.3, the newest release that runs on Node 20) offline
# from the npm registry, into a cache folder outside the repository, and prints that folder's path
# on the last line of standard output.
#
#   bash scripts/e2e/install-code-server.sh          # cache: $RESOLINT_E2E_CACHE or ~/.cache/resolint-e2e
#
# `npm install -g code-server` does not work here: its postinstall runs a nested npm install that
# breaks under npm 11, and @vscode/ripgrep downloads its binary from GitHub. This script does what
# that postinstall does, step by step, with Debian's ripgrep instead of the download
# (see ../shared/notes/real-editors.md). It needs: Node 20, npm, Debian's `ripgrep` and
# `libkrb5-dev`, a C/C++ toolchain, and npm's `nodedir` pointing at Node's headers (`/usr`).
#
# An installation is complete only once it has been renamed into place, so a run that failed
# half-way leaves nothing that a later run would take for installed: a warm run finds the folder
# and returns at once.
set -euo pipefail

version="4.100.3"
cache="${RESOLINT_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/resolint-e2e}"
target="$cache/code-server-$version"
marker="$target/.resolint-installed"

if [[ -f "$marker" && -f "$target/out/node/entry.js" ]]; then
  echo "code-server $version already installed in $target" >&2
  echo "$target"
  exit 0
fi

for tool in node npm rg make g++ python3; do
  command -v "$tool" >/dev/null || { echo "install-code-server: '$tool' is missing (see .ci/run for the Debian packages)" >&2; exit 1; }
done
if [[ ! -f /usr/include/krb5.h && ! -f /usr/include/gssapi/gssapi.h ]]; then
  echo "install-code-server: Kerberos headers are missing: apt-get install libkrb5-dev" >&2
  exit 1
fi
# node-gyp must build against the installed Node's headers, never download them.
if [[ -z "${npm_config_nodedir:-}" && -f /usr/include/node/node.h ]]; then
  export npm_config_nodedir=/usr
fi

mkdir -p "$cache"
work="$(mktemp -d "$cache/.install-XXXXXX")"
trap 'rm -rf "$work"' EXIT
started=$SECONDS
step() { echo "[install-code-server +$((SECONDS - started))s] $*" >&2; }

export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false npm_config_loglevel=error

step "1/7 npm pack code-server@$version"
(cd "$work" && npm pack "code-server@$version" >/dev/null && tar xzf "code-server-$version.tgz" && rm "code-server-$version.tgz")
cs="$work/package"

step "2/7 code-server's own dependencies (no scripts), then argon2's binding"
(cd "$cs" && npm install --omit=dev --ignore-scripts </dev/null >&2 && npm rebuild argon2 </dev/null >&2)

step "3/7 VS Code's dependencies in lib/vscode (no scripts)"
(cd "$cs/lib/vscode" && npm install --omit=dev --ignore-scripts </dev/null >&2)

step "4/7 native modules (every package with a binding.gyp)"
# node-pty's install script runs `npx node-gyp`: npm_config_yes lets npx go on without asking.
mapfile -t native < <(cd "$cs/lib/vscode" && find node_modules -maxdepth 3 -name binding.gyp -printf '%h\n' | sort -u)
for dir in "${native[@]}"; do
  [[ -f "$cs/lib/vscode/$dir/package.json" ]] || continue
  [[ "$dir" == */@vscode/windows-* ]] && continue   # Windows-only bindings: nothing to build here
  name="$(node -p 'require(process.argv[1]).name' "$cs/lib/vscode/$dir/package.json")"
  step "    npm rebuild $name"
  (cd "$cs/lib/vscode" && npm_config_yes=true npm rebuild "$name" </dev/null >&2)
done

step "5/7 ripgrep from Debian instead of the GitHub download"
mkdir -p "$cs/lib/vscode/node_modules/@vscode/ripgrep/bin"
cp "$(command -v rg)" "$cs/lib/vscode/node_modules/@vscode/ripgrep/bin/rg"

step "6/7 the links code-server's postinstall makes"
ln -sfn node_modules "$cs/lib/vscode/node_modules.asar"
ln -sfn code-linux.sh "$cs/lib/vscode/bin/remote-cli/code-server"
ln -sfn browser-linux.sh "$cs/lib/vscode/bin/helpers/browser.sh"

step "7/7 the built-in extensions' dependencies"
(cd "$cs/lib/vscode/extensions" && npm install --omit=dev </dev/null >&2)

# --version writes a default config file into $HOME: give it one of its own.
HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share" \
  node "$cs/out/node/entry.js" --version >&2
date -u +%Y-%m-%dT%H:%M:%SZ >"$cs/.resolint-installed"
rm -rf "$target"
mv "$cs" "$target"
step "installed in $target"
echo "$target"
