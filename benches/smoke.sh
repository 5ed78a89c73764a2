#!/usr/bin/env bash
# Quick check that coopkit, polars and pandas agree on a 1 % registry
# (about 1,350 cooperatives and groups, 52,000 members). Needs the venv of
# the README. Exits non-zero when any cell differs.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
cargo build -q -p coopkit-benches --release --bins
dir=target/bench-smoke
./target/release/gen --scale 0.01 --seed 1 --out "$dir"
"$PY" benches/compare.py --dir "$dir" --repeat 1
