#!/usr/bin/env bash
# Installs what the real-editor tests need, on a fresh machine or again (then it takes a second):
#   - Debian packages: chromium (the browser Playwright drives), ripgrep (seed for code-server's rg download),
#     libkrb5-dev + a C toolchain (code-server's native modules), only the ones that are missing;
#   - test/e2e/runner/node_modules: code-server 4.100.3 and playwright-core, from the runner's own lockfile,
#     so the extension's `npm ci` never builds code-server's native modules.
# Recipe and pitfalls: ../shared/design/REAL-VSCODE-E2E.md (root unsafe-perm, ripgrep seed, npx yes).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
runner=$root/test/e2e/runner
started=$(date +%s)

# ---- Debian packages, only when missing
apt_packages=(chromium ripgrep libkrb5-dev build-essential python3 pkg-config)
missing=()
for package in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "e2e install: apt packages ${missing[*]}"
  sudo=()
  if [[ $(id -u) != 0 ]]; then
    command -v sudo >/dev/null || { echo "e2e install: need root (or sudo) to install ${missing[*]}" >&2; exit 2; }
    sudo=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -q
  "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# ---- code-server + playwright-core, skipped when node_modules matches the lockfile
stamp=$runner/node_modules/.ack-e2e-installed
want=$({ cat "$runner/package.json" "$runner/package-lock.json" 2>/dev/null || true; } | sha256sum | cut -d' ' -f1)
if [[ -f $stamp && $(cat "$stamp") == "$want" && -f $runner/node_modules/code-server/out/node/entry.js \
      && -f $runner/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg ]]; then
  echo "e2e install: runner up to date ($(($(date +%s) - started)) s)"
  exit 0
fi

# @vscode/ripgrep (inside code-server's lib/vscode) downloads rg from GitHub in its postinstall unless a
# tarball already sits in its cache folder under os.tmpdir(). Debian's rg is the same 13.0.0 release.
# The folder and file names come from @vscode/ripgrep 1.15.11, which code-server 4.100.3 pins.
export TMPDIR=$root/.e2e/install-tmp
rm -rf "$TMPDIR" && mkdir -p "$TMPDIR/vscode-ripgrep-cache-1.15.11" "$TMPDIR/rg"
cp "$(command -v rg)" "$TMPDIR/rg/rg"
tar czf "$TMPDIR/vscode-ripgrep-cache-1.15.11/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$TMPDIR/rg" rg

# code-server's postinstall refuses root without unsafe-perm; node-pty's postinstall runs `npx node-gyp`,
# which needs yes=true where the npmrc says yes=false.
export npm_config_unsafe_perm=true npm_config_yes=true
# Playwright's browsers are never downloaded: the tests drive Debian's /usr/bin/chromium.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
cd "$runner"
if [[ -f package-lock.json ]]; then
  echo "e2e install: npm ci in test/e2e/runner (code-server builds native modules, about 1 min)"
  npm ci --no-audit --no-fund --loglevel=error
else
  echo "e2e install: npm install in test/e2e/runner (creates package-lock.json)"
  npm install --no-audit --no-fund --loglevel=error
  want=$(cat package.json package-lock.json | sha256sum | cut -d' ' -f1)
fi
# A smoke check; the XDG variables keep code-server's first-run config file out of the home folder.
XDG_CONFIG_HOME=$TMPDIR/xdg XDG_DATA_HOME=$TMPDIR/xdg node node_modules/code-server/out/node/entry.js --version
echo "$want" > "$stamp"
rm -rf "$TMPDIR"
echo "e2e install: done ($(($(date +%s) - started)) s)"
