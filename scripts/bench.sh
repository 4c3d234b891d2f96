#!/usr/bin/env bash
# Every benchmark (figures, not pass/fail; docs/performance.md has the tables):
#  1. criterion: the model, native (target/criterion/)
#  2. a benchmark build of the app (target/dist-bench/): the release build
#     plus window.workforceGap.benchmark, which the published app leaves out
#  3. the browser benchmark against it: load (plain, 4x CPU, 4x CPU + slow
#     4G) against the bare Yew counter, keystroke-to-repaint over 200 edits
#     (plain and 4x CPU), the JS API, the model inside wasm and its ratio to
#     native (e2e/bench/results.json)
#  4. sizes: the first load in gzip and brotli against the bare counter
#  5. the full soak: 5,000 random edits with undo and redo in one page
#   bash scripts/bench.sh            (BENCH_N=10 for a quicker browser run)
set -euo pipefail
source "$(dirname "$0")/setup.sh"
cd "$ROOT"
say "cargo bench --bench model --features workbook (criterion, native)"
cargo bench --bench model --features workbook
say "cargo bench --bench staff_import --features staff-import (a 200 MB CSV in 4 MB chunks: MB/s, peak memory)"
cargo bench --bench staff_import --features staff-import
say "trunk build --release --features bench-api (target/dist-bench)"
wasm_env trunk build --release --offline --features bench-api --dist target/dist-bench
say "the bare Yew counter, built the same way (tools/size-baseline)"
build_size_baseline
say "browser benchmark (Chromium)"
BENCH_DIST=target/dist-bench node e2e/bench/browser-bench.mjs
say "sizes of the published build (dist/), gzip and brotli"
wasm_env trunk build --release --offline --dist dist >target/trunk-build.log 2>&1
node scripts/sizes.mjs dist --baseline tools/size-baseline/dist
say "soak: 5,000 random edits with undo and redo"
SOAK_EDITS=5000 node --test --test-reporter=spec e2e/soak.test.mjs
