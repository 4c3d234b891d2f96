#!/usr/bin/env bash
# Every benchmark (figures, not pass/fail; docs/performance.md has the tables):
#  1. criterion: the model, native (target/criterion/)
#  2. a benchmark build of the app (target/dist-bench/): the release build
#     plus window.workforceGap.benchmark, which the published app leaves out
#  3. the browser benchmark against it: load, input-to-paint, the JS API, the
#     model inside wasm and its ratio to native (e2e/bench/results.json)
#   bash scripts/bench.sh            (BENCH_N=10 for a quicker browser run)
set -euo pipefail
source "$(dirname "$0")/setup.sh"
cd "$ROOT"
say "cargo bench --bench model (criterion, native)"
cargo bench --bench model
say "trunk build --release --features bench-api (target/dist-bench)"
wasm_env trunk build --release --offline --features bench-api --dist target/dist-bench
say "browser benchmark (Chromium)"
BENCH_DIST=target/dist-bench node e2e/bench/browser-bench.mjs
