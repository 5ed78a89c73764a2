#!/usr/bin/env bash
# Builds the npm package and the offline page, then tests them: Node tests
# of every function, option and error (node --test), the answers against
# the native Rust ones, the TypeScript types under tsc --strict, and the
# page and the main job's HTML report in a real headless Chromium
# (screenshots under target/web/ and target/report/, with a printed PDF).
# Installs what it needs (Debian's chromium, the pinned npm tools) and is
# safe to run twice. Usage: bindings/wasm/run-tests.sh
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/scripts/lib.sh"
cd "$ROOT"

if [[ "${COOPKIT_SKIP_CLIPPY:-0}" != "1" ]]; then
  log "cargo fmt --check, cargo clippy (bindings/wasm)"
  (cd bindings/wasm && cargo fmt -- --check)
  (cd bindings/wasm && CARGO_TARGET_DIR="$ROOT/target/wasm-native" cargo clippy --quiet -- -D warnings)
fi

apt_need chromium
npm_tools

log "the native answers the package must give (examples/parity.rs)"
cargo run --quiet --release -p coopkit-examples --example parity -- target/parity.json

log "the package and the page"
bash scripts/web.sh

log "the main job's report as HTML and text, for the browser test (target/report/)"
mkdir -p target/report
bash scripts/report.sh --lang vi --html target/report/bao-cao.html > target/report/bao-cao.txt
bash scripts/report.sh --lang en --html target/report/report-en.html > target/report/report-en.txt

log "node --test: the API, parity with Rust, the TypeScript types, the page and the report in headless Chromium"
(cd bindings/wasm && node --test tests/)
