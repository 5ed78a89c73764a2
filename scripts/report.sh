#!/usr/bin/env bash
# The main job: the Quảng Ngãi province report on the embedded example data.
# Needs only the Rust toolchain; safe to run any number of times.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
cargo run --quiet --release -p coopkit-examples --example quang_ngai -- "$@"
