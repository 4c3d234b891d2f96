#!/usr/bin/env bash
# Every test, in order; stops at the first failing stage and exits non-zero.
#   bash scripts/test.sh
#  1. cargo fmt --check
#  2. cargo clippy --all-targets -- -D warnings
#  3. native tests of the model, formats and decoders (cargo test), with a
#     bounded fuzzing pass over every decoder (FUZZ_SECONDS per decoder)
#  4. wasm-bindgen-test component tests in headless Chromium
#  5. the release build (dist/, with gzip sizes; fails over the first-load budget
#     in bytes and as a ratio to a bare Yew app: see docs/performance.md,
#     or if the area asset drifts from data/areas/), and the test build
#     (target/dist-test: the same plus test-only hooks)
#  6. Playwright end-to-end journeys against dist/ served on 127.0.0.1
set -euo pipefail
export WG_SETUP_FOR_TESTS=1
source "$(dirname "$0")/setup.sh"
cd "$ROOT"
stage() { printf '\n\033[1m=== %s\033[0m\n' "$*" >&2; }

stage "1/6 cargo fmt --check"
cargo fmt --all -- --check
cargo fmt --manifest-path tools/size-baseline/Cargo.toml -- --check

stage "2/6 cargo clippy --all-targets -- -D warnings"
cargo clippy --all-targets --features workbook,staff-import --quiet -- -D warnings
# The JS API and the browser tests only compile for wasm32: lint them there
# too (with rustup's clippy; Debian's rustc-web toolchain ships none).
if [ "$route" = rustup ]; then
  cargo clippy --quiet --target wasm32-unknown-unknown --lib --bins --features workbook --test web --test web_charts -- -D warnings
  cargo clippy --quiet --target wasm32-unknown-unknown --lib --features bench-api,test-hooks -- -D warnings
  # The fourth module (importing staff in post) is only built with its feature.
  cargo clippy --quiet --target wasm32-unknown-unknown --bin staff-import --features staff-import -- -D warnings
else
  say "wasm32 clippy skipped: the Debian wasm toolchain has no clippy (native clippy above still ran)"
fi

stage "3/6 native tests (model, formats, codecs)"
# Includes the decoder fuzzing (tests/fuzz_decoders.rs), 15 s per decoder.
FUZZ_SECONDS="${FUZZ_SECONDS:-15}" cargo test --quiet --features workbook,staff-import 2>&1 | tee target/native-tests.log

stage "4/6 wasm-bindgen-test in headless Chromium"
wasm_env env CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  WASM_BINDGEN_TEST_TIMEOUT=120 \
  cargo test --target wasm32-unknown-unknown --test web --test web_charts 2>&1 | tee target/wasm-tests.log

stage "5/6 release build (dist/)"
wasm_env trunk build --release --offline --dist dist >target/trunk-build.log 2>&1 || { cat target/trunk-build.log; exit 1; }
# The shipped area asset must be what data/areas/ gives now.
node scripts/build-areas.mjs --check dist/areas.tsv
build_size_baseline
# The first load may not grow past 266,000 bytes gzip (issues 16 to 18):
# features off the first screen go in the panels module, on demand. The
# ratio to the bare counter: 4.70x since both builds' JavaScript is minified
# (2026-12-06; the counter's 1.7 KB less weighs more in its small total: the
# same builds unminified were 4.54x, under the 4.65x this guard was). On
# 2026-12-07: 264,179 bytes, 4.68x; then 265,792 bytes, 4.71x, with the chart
# by role catching up after a pause on a slow machine (issue 17). Later that
# day 257,803 bytes, 4.57x (the B-tree and hash-set code out of the page's
# WebAssembly), so the ratio guard was 4.66x (the measured ratio plus 2%): the
# bytes won back for the load on slow 4G are not given away unnoticed. In the
# sixth session both builds got short import names and functions ordered by
# name (scripts/wasm-imports.mjs; www/index.html): 250,223 bytes, and the
# counter 2.5 KB smaller, which weighs more in its small total: 4.64x, so the
# guard is 4.73x (again plus 2%; 254,900 bytes at today's counter). What
# counts as the first load is scripts/first-load.mjs, checked against a real
# load by e2e/foundation.test.mjs.
SIZE_BUDGET_BYTES=266000 SIZE_BUDGET_RATIO=4.73 node scripts/sizes.mjs dist --baseline tools/size-baseline/dist
# The test build: the same app plus hooks no published build has (a way to
# make the WebAssembly panic), for the recovery journey.
wasm_env trunk build --release --offline --features test-hooks --dist target/dist-test >target/trunk-build-test.log 2>&1 \
  || { cat target/trunk-build-test.log; exit 1; }

stage "6/6 Playwright end-to-end tests against dist/"
node --test --test-concurrency=1 --test-reporter=spec e2e/ 2>&1 | tee target/e2e-tests.log

stage "summary"
grep -hE "^test result:" target/native-tests.log target/wasm-tests.log || true
node scripts/summary.mjs target/native-tests.log target/wasm-tests.log target/e2e-tests.log
