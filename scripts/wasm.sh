#!/usr/bin/env bash
# Builds the npm package `coopkit` into bindings/wasm/pkg: the core and its
# binding for wasm32 (Debian's rustc-web, std built from source, panics
# unwinding as WebAssembly exceptions so that the module survives one),
# wasm-bindgen (the CLI of the crate's pinned version, installed under
# target/tools), wasm-opt -Oz, then the package's own JavaScript and types.
# Safe to run twice; quick when nothing changed.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

wasm_toolchain
npm_tools

version=$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' bindings/wasm/Cargo.toml)
tools="$ROOT/target/tools"
if [ "$("$tools/bin/wasm-bindgen" --version 2>/dev/null | awk '{print $2}')" != "$version" ]; then
  log "installing wasm-bindgen-cli $version (about 2 minutes, once)"
  cargo install --quiet wasm-bindgen-cli --version "$version" --root "$tools"
fi

log "building the wasm module"
# No file paths of panic locations in the module (-Zlocation-detail=none);
# std's smaller implementations (optimize_for_size).
(cd bindings/wasm && WASM_RUSTFLAGS="-Cpanic=unwind -Ctarget-feature=+exception-handling -Zlocation-detail=none" \
  WASM_BUILD_STD=std,panic_unwind,panic_abort wasm_cargo build --quiet --release --lib -Zbuild-std-features=optimize_for_size 2>&1 \
  | grep -v "unstable feature specified\|not stably supported\|^  |$\|^  = note\|^warning: .* generated 1 warning" || true)
raw="$ROOT/target/wasm/wasm32-unknown-unknown/release/coopkit_wasm.wasm"
[ -f "$raw" ] || { echo "wasm build failed" >&2; exit 1; }

pkg="$ROOT/bindings/wasm/pkg"
mkdir -p "$pkg"
"$tools/bin/wasm-bindgen" --target web --out-dir "$pkg/glue" --out-name coopkit "$raw"
# binaryen from npm (pinned in bindings/wasm/package.json): Debian's 108
# breaks wasm-bindgen's externref table.
bindings/wasm/node_modules/.bin/wasm-opt -Oz --strip-debug --strip-producers --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-exception-handling --enable-multivalue --enable-reference-types \
  "$pkg/glue/coopkit_bg.wasm" -o "$pkg/glue/coopkit_bg.wasm"
cp bindings/wasm/js/*.js bindings/wasm/js/*.d.ts bindings/wasm/js/package.json bindings/wasm/README.md "$pkg/"
cp LICENSE* "$pkg/" 2>/dev/null || true
rm -f "$pkg/glue/.gitignore" "$pkg/glue/package.json"
size=$(stat -c %s "$pkg/glue/coopkit_bg.wasm")
gz=$(gzip -9 -c "$pkg/glue/coopkit_bg.wasm" | wc -c)
log "bindings/wasm/pkg: coopkit_bg.wasm $((size / 1024)) KiB, $((gz / 1024)) KiB gzipped"
