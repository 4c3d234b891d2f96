#!/usr/bin/env bash
# Production build: a static dist/ (release, opt-level "z", LTO, wasm-opt -Oz)
# that any web server or intranet can host as plain files, then its gzip sizes.
#   bash scripts/build.sh
set -euo pipefail
source "$(dirname "$0")/setup.sh"
cd "$ROOT"
say "trunk build --release (dist/)"
wasm_env trunk build --release --offline --dist dist
say "the size yardstick: a bare Yew counter built the same way (tools/size-baseline)"
build_size_baseline
node "$ROOT/scripts/sizes.mjs" dist --baseline tools/size-baseline/dist
