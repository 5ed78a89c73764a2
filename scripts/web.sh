#!/usr/bin/env bash
# Builds the offline page examples/web: the npm package (scripts/wasm.sh)
# copied to examples/web/pkg and the example province to examples/web/data.
# Then serve the folder with any static server:
#   cd examples/web && python3 -m http.server 8000
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
bash scripts/wasm.sh
web="$ROOT/examples/web"
rm -rf "$web/pkg" && mkdir -p "$web/pkg/glue" "$web/data"
cp bindings/wasm/pkg/*.js "$web/pkg/"
cp bindings/wasm/pkg/glue/coopkit.js bindings/wasm/pkg/glue/coopkit_bg.wasm "$web/pkg/glue/"
cp examples/data/quang-ngai-2024.json "$web/data/"
log "examples/web is ready: cd examples/web && python3 -m http.server 8000, then open http://localhost:8000"
