#!/usr/bin/env bash
# Every test: Rust (fmt, clippy, unit, property, doc and integration tests),
# the Python package, and the WebAssembly package with its page (Node and
# headless Chromium). Installs what it needs
# (Debian packages, a Python venv at .venv) and is safe to run twice.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
start=$(date +%s)

log "pinned versions: every Cargo.lock and package-lock.json agrees with its manifest"
for manifest in Cargo.toml bindings/python/Cargo.toml bindings/wasm/Cargo.toml fuzz/Cargo.toml; do
  cargo metadata --locked --format-version 1 --manifest-path "$manifest" >/dev/null
done
(cd bindings/wasm && npm ci --dry-run --no-audit --no-fund --loglevel=error >/dev/null)

log "rustfmt"
cargo fmt --all -- --check
cargo fmt --manifest-path fuzz/Cargo.toml -- --check

log "clippy (warnings are errors)"
cargo clippy --workspace --all-targets --quiet -- -D warnings

log "Rust tests"
cargo test --workspace --quiet

log "cargo doc (warnings are errors)"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --quiet

log "minimum Rust version: no standard-library item newer than rust-version (clippy incompatible_msrv)"
cargo clippy -p coopkit --quiet -- -D clippy::incompatible_msrv

if [ -x bindings/python/run-tests.sh ]; then
  log "Python package"
  bindings/python/run-tests.sh
fi

log "WebAssembly package and the offline page"
bindings/wasm/run-tests.sh

log "benchmark smoke: coopkit, polars and pandas agree on a 1 % synthetic registry"
PYTHON="$("$ROOT/scripts/python-env.sh" | tail -n 1)/bin/python" benches/smoke.sh

log "fuzzing: each target of fuzz/ for 20 s (scripts/fuzz.sh SECONDS for longer runs)"
scripts/fuzz.sh 20

log "all tests passed in $(( $(date +%s) - start )) s"
