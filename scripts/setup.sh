#!/usr/bin/env bash
# Installs what the calculator needs to build, serve and test, and skips what
# is already there. Sourced by serve.sh, build.sh and test.sh; run it alone to
# set up without doing anything else:   bash scripts/setup.sh
#
# What it provides:
#   - the wasm32-unknown-unknown Rust target: rustup's where it installs, else
#     Debian's rustc-web + rust-web-src building std itself (-Zbuild-std);
#   - trunk, and wasm-bindgen-cli at exactly the version in Cargo.lock, in
#     ~/.cargo/bin (outside the checkout, so fresh clones reuse them);
#   - Debian's chromium and chromium-driver for the browser tests;
#   - Debian's LibreOffice Calc (libreoffice-calc-nogui), which recalculates
#     the Excel workbook in tests/workbook_recalc.rs;
#   - the npm test tools (playwright-core, axe-core, binaryen's wasm-opt) from
#     the committed package-lock.json.
# The choices made are remembered in $WORKFORCE_GAP_TOOLS (default
# ~/.cache/workforce-gap).
#
# After sourcing, run wasm builds through `wasm_env <command>`.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="${WORKFORCE_GAP_TOOLS:-$HOME/.cache/workforce-gap}"
TRUNK_VERSION="0.21.14"
WASM_OPT_VERSION="132"
mkdir -p "$TOOLS"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }

can_apt() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; }

APT_UPDATED=""
apt_install() {
  local packages=()
  for arg in "$@"; do [[ "$arg" == -* ]] || packages+=("$arg"); done
  if ! can_apt; then
    say "Missing: ${packages[*]}"
    say "This script installs them with apt-get as root on Debian 12. Elsewhere, install"
    say "them yourself (Chromium and ChromeDriver of the same version; for the wasm32"
    say "target: 'rustup target add wasm32-unknown-unknown'), then run this again."
    exit 1
  fi
  if [ -z "$APT_UPDATED" ]; then
    say "apt-get update"
    apt-get update -qq >/dev/null
    APT_UPDATED=1
  fi
  say "apt-get install ${packages[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

need_cmd() { command -v "$1" >/dev/null 2>&1 || { say "Missing '$1': install it and run this again."; exit 1; }; }

need_cmd cargo
need_cmd node
need_cmd npm

# The test runner's flags (node --test --test-concurrency, --test-reporter)
# need Node.js 20.10 or newer.
node_too_old() { # "v20.9.0" -> true
  local major minor
  IFS=. read -r major minor _ <<<"${1#v}"
  [ "${major:-0}" -lt 20 ] 2>/dev/null || { [ "${major:-0}" -eq 20 ] && [ "${minor:-0}" -lt 10 ]; }
}
if node_too_old "$(node --version)"; then
  say "Node.js $(node --version) is too old: the tests need Node.js 20.10 or newer. Install it and run this again."
  exit 1
fi

# --- the wasm32 target ------------------------------------------------------
route_file="$TOOLS/wasm-route"
route="$(cat "$route_file" 2>/dev/null || true)"
# A remembered rustup route whose target has gone is decided afresh.
if [ "$route" = rustup ] && ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  route=""
fi
if [ -z "$route" ]; then
  if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    route=rustup
  else
    say "Trying 'rustup target add wasm32-unknown-unknown' (60 s at most)..."
    if timeout 60 rustup target add wasm32-unknown-unknown >/dev/null 2>&1; then
      route=rustup
    else
      say "rustup cannot download the target here: using Debian's rustc-web (builds std itself)."
      route=debian
    fi
  fi
  echo "$route" > "$route_file"
fi

WASM_BIN="$TOOLS/wasm-bin"
if [ "$route" = debian ]; then
  pkgs=()
  for p in rustc-web cargo-web rust-web-src lld-22; do
    dpkg -s "$p" >/dev/null 2>&1 || pkgs+=("$p")
  done
  if [ "${#pkgs[@]}" -gt 0 ]; then apt_install "${pkgs[@]}"; fi
  mkdir -p "$WASM_BIN"
  ln -sf /usr/bin/cargo "$WASM_BIN/cargo"
  ln -sf /usr/bin/rustc "$WASM_BIN/rustc"
fi

# Run a command that builds for wasm32 with the right toolchain.
wasm_env() {
  if [ "$route" = debian ]; then
    PATH="$WASM_BIN:$PATH" RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort "$@"
  else
    "$@"
  fi
}

# The crates Cargo.lock names (and, building std from source, std's own,
# such as dlmalloc) must be in cargo's cache before any --offline build
# (trunk --offline). Checked offline first, so work without a network goes
# on; downloaded only when something is missing.
fetch_args=(--quiet)
if [ "$route" = debian ]; then fetch_args+=(--target wasm32-unknown-unknown); fi
if ! (cd "$ROOT" && wasm_env cargo fetch --offline "${fetch_args[@]}" >/dev/null 2>&1); then
  say "cargo fetch (the crates Cargo.lock names that are not in cargo's cache yet)..."
  (cd "$ROOT" && wasm_env cargo fetch "${fetch_args[@]}") \
    || { say "Could not download the crates Cargo.lock names, and they are not in cargo's cache: connect to the network (or to a crates.io mirror) and run this again."; exit 1; }
fi

# --- cargo tools ------------------------------------------------------------
if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  say "Installing trunk $TRUNK_VERSION (about 9 minutes on 2 cores, once per machine)..."
  cargo install --locked --quiet "trunk@$TRUNK_VERSION"
fi

wbg_version="$(cd "$ROOT" && cargo pkgid wasm-bindgen 2>/dev/null | sed 's/.*[@#]//')"
[ -n "$wbg_version" ] || { say "Could not read the wasm-bindgen version from Cargo.lock."; exit 1; }
if ! wasm-bindgen --version 2>/dev/null | grep -q " $wbg_version\$" \
   || ! command -v wasm-bindgen-test-runner >/dev/null 2>&1; then
  say "Installing wasm-bindgen-cli $wbg_version (about 3 minutes, once per machine)..."
  # Not --locked: its lock file pins a webpki-roots release the registry no longer serves.
  cargo install --quiet --force "wasm-bindgen-cli@$wbg_version"
fi

# --- browser ----------------------------------------------------------------
# CHROMIUM_PATH and CHROMEDRIVER, when set, name the browser and its driver
# (any Chromium or Chrome and its matching ChromeDriver); otherwise Debian's
# chromium and chromium-driver are used, and installed when missing.
if [ -z "${CHROMIUM_PATH:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  apt_install chromium chromium-driver
elif [ -z "${CHROMEDRIVER:-}" ] && ! command -v chromedriver >/dev/null 2>&1; then
  if [ -n "${CHROMIUM_PATH:-}" ]; then
    say "CHROMIUM_PATH is set but CHROMEDRIVER is not, and there is no 'chromedriver' command:"
    say "set CHROMEDRIVER to the ChromeDriver that matches $CHROMIUM_PATH."
    exit 1
  fi
  apt_install chromium-driver
fi
# --- spreadsheet engine -------------------------------------------------------
# The workbook test recalculates every formula in LibreOffice Calc (headless):
# installed for the tests (scripts/test.sh), not to serve or build.
if [ "${WG_SETUP_FOR_TESTS:-}" = 1 ] && ! command -v soffice >/dev/null 2>&1; then
  apt_install --no-install-recommends libreoffice-calc-nogui
fi

export CHROMIUM_PATH="${CHROMIUM_PATH:-$(command -v chromium)}"
export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"
for browser_part in CHROMIUM_PATH CHROMEDRIVER; do
  if [ ! -x "${!browser_part}" ]; then
    say "$browser_part is '${!browser_part}', which is not a program that can be run: fix it and run this again."
    exit 1
  fi
done

# --- npm test tools ---------------------------------------------------------
stamp="$ROOT/node_modules/.package-lock.json"
if [ ! -f "$stamp" ] || [ "$ROOT/package-lock.json" -nt "$stamp" ] \
   || ! wasm-opt --version 2>/dev/null | grep -q "version $WASM_OPT_VERSION"; then
  say "npm ci (playwright-core, axe-core, binaryen, terser)..."
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi

# The yardstick for the size budget: a bare Yew counter app built exactly as
# the calculator is (same toolchain route, profile, Trunk, wasm-opt), into
# tools/size-baseline/dist. Its own target dir keeps the calculator's cache.
build_size_baseline() {
  mkdir -p "$ROOT/target"
  (cd "$ROOT/tools/size-baseline" \
    && CARGO_TARGET_DIR="$ROOT/target/size-baseline" wasm_env trunk build --release --offline --dist dist \
      >"$ROOT/target/size-baseline.log" 2>&1) \
    || { cat "$ROOT/target/size-baseline.log"; return 1; }
}

say "Ready: wasm32 via $route; $(trunk --version); wasm-bindgen $wbg_version; $(wasm-opt --version | cut -d' ' -f1-3); $("$CHROMIUM_PATH" --version 2>/dev/null | head -1)"
