#!/usr/bin/env bash
# Builds the npm package `coopkit` into bindings/wasm/pkg: the core and its
# binding for wasm32 (Debian's rustc-web, std built from source, panics
# unwinding as WebAssembly exceptions so that the module survives one),
# twice: small for browsers, fast for Node; wasm-bindgen (the CLI of the
# crate's pinned version, installed under target/tools), wasm-opt, then the
# package's own JavaScript and types.
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

# binaryen from npm (pinned in bindings/wasm/package.json): Debian's 108
# breaks wasm-bindgen's externref table.
wasm_opt() {
  bindings/wasm/node_modules/.bin/wasm-opt "$@" --strip-debug --strip-producers --enable-bulk-memory \
    --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    --enable-exception-handling --enable-multivalue --enable-reference-types
}

# build_module TARGET_DIR OPT_LEVEL [STD_FEATURES]: the binding for wasm32.
# No file paths of panic locations in the module (-Zlocation-detail=none).
build_module() {
  (cd bindings/wasm && CARGO_PROFILE_RELEASE_OPT_LEVEL="$2" WASM_TARGET_DIR="$1" \
    WASM_RUSTFLAGS="-Cpanic=unwind -Ctarget-feature=+exception-handling -Zlocation-detail=none" \
    WASM_BUILD_STD=std,panic_unwind,panic_abort wasm_cargo build --quiet --release --lib ${3:+-Zbuild-std-features=$3} 2>&1 \
    | grep -v "unstable feature specified\|not stably supported\|^  |$\|^  = note\|^warning: .* generated 1 warning" || true)
  [ -f "$1/wasm32-unknown-unknown/release/coopkit_wasm.wasm" ] || { echo "wasm build failed" >&2; exit 1; }
}

pkg="$ROOT/bindings/wasm/pkg"
mkdir -p "$pkg"

# The module of pages: as small as it goes (opt-level z, std's
# optimize_for_size, wasm-opt -Oz).
log "building the wasm module for browsers (small)"
build_module "$ROOT/target/wasm" z optimize_for_size
"$tools/bin/wasm-bindgen" --target web --out-dir "$pkg/glue" --out-name coopkit \
  "$ROOT/target/wasm/wasm32-unknown-unknown/release/coopkit_wasm.wasm"
wasm_opt -Oz "$pkg/glue/coopkit_bg.wasm" -o "$pkg/glue/coopkit_bg.wasm"

# The module of Node, where size matters less than speed: the same code at
# opt-level 3, behind the same glue (checked: the two glues must be the same).
log "building the wasm module for Node (fast)"
build_module "$ROOT/target/wasm-fast" 3
fast="$ROOT/target/wasm-fast/glue"
"$tools/bin/wasm-bindgen" --target web --out-dir "$fast" --out-name coopkit \
  "$ROOT/target/wasm-fast/wasm32-unknown-unknown/release/coopkit_wasm.wasm"
cmp -s "$fast/coopkit.js" "$pkg/glue/coopkit.js" || { echo "the two modules' glues differ" >&2; exit 1; }
wasm_opt -O3 "$fast/coopkit_bg.wasm" -o "$pkg/glue/coopkit_bg.node.wasm"

cp bindings/wasm/js/*.js bindings/wasm/js/*.d.ts bindings/wasm/js/package.json bindings/wasm/README.md "$pkg/"
cp LICENSE* "$pkg/" 2>/dev/null || true
rm -f "$pkg/glue/.gitignore" "$pkg/glue/package.json"
for m in coopkit_bg.wasm coopkit_bg.node.wasm; do
  size=$(stat -c %s "$pkg/glue/$m")
  gz=$(gzip -9 -c "$pkg/glue/$m" | wc -c)
  log "bindings/wasm/pkg: $m $((size / 1000)) kB, $((gz / 1000)) kB gzipped"
done
