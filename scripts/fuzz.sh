#!/usr/bin/env bash
# Fuzzing: runs each cargo-fuzz target of fuzz/ for a while, seeded from the
# project's own inputs (fuzz/seed.py), and fails on the first crash, hang or
# memory blow-up, leaving the input under target/fuzz-artifacts/TARGET/.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]    (default 20 s, every target)
#
# Installs cargo-fuzz; the stable compiler builds the sanitized targets with
# RUSTC_BOOTSTRAP=1 (../shared/toolchain/FUZZ.md). The corpus grows in
# target/fuzz-corpus/TARGET and is kept between runs. Safe to run twice.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

seconds="${1:-20}"
shift || true
all=(json jsonl csv xlsx check classify indicators registry_props)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")

if ! cargo fuzz --version 2>/dev/null | grep -q "0.13.2"; then
  log "installing cargo-fuzz 0.13.2"
  cargo install --quiet --locked cargo-fuzz --version 0.13.2
fi

export RUSTC_BOOTSTRAP=1
fuzz_dir="$ROOT/target/fuzz"
mkdir -p "$fuzz_dir"
log "building the fuzz targets (address sanitizer, optimised)"
(cd fuzz && cargo fuzz build -O --target-dir "$fuzz_dir" >"$ROOT/target/fuzz-build.log" 2>&1) || {
  tail -n 40 "$ROOT/target/fuzz-build.log" >&2
  exit 1
}

python3 fuzz/seed.py "$ROOT/target/fuzz-seeds" >/dev/null
for t in "${targets[@]}"; do
  corpus="$ROOT/target/fuzz-corpus/$t"
  artifacts="$ROOT/target/fuzz-artifacts/$t"
  mkdir -p "$corpus" "$artifacts"
  log "fuzzing $t for $seconds s"
  # -rss_limit_mb: a memory blow-up is a failure; -timeout: so is a hang
  # (one input taking 10 s); -max_len keeps inputs within what the
  # targets' 1 MiB read limit lets through.
  (cd fuzz && cargo fuzz run -O --target-dir "$fuzz_dir" "$t" "$corpus" "$ROOT/target/fuzz-seeds/$t" -- \
    -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len=262144 \
    -artifact_prefix="$artifacts/" -print_final_stats=1 2> "$ROOT/target/fuzz-$t.log") || {
    tail -n 60 "$ROOT/target/fuzz-$t.log" >&2
    log "fuzz target $t failed: the input is in $artifacts"
    exit 1
  }
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$ROOT/target/fuzz-$t.log" | tr '\n' ' ' >&2
  echo >&2
done
