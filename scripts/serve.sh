#!/usr/bin/env bash
# Set up what is missing, then serve the app on http://127.0.0.1:8080 with
# live reload.   bash scripts/serve.sh [extra trunk serve flags]
set -euo pipefail
source "$(dirname "$0")/setup.sh"
cd "$ROOT"
say "Serving on http://127.0.0.1:8080 (Ctrl+C to stop)"
wasm_env trunk serve --offline --address 127.0.0.1 --port 8080 "$@"
