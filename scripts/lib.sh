# Shared helpers for the project's scripts. Source it; do not run it.
# Every step is idempotent: safe to run twice, quick the second time.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT

log() { printf '\n==> %s\n' "$*" >&2; }

# apt_need PKG...: installs the Debian packages that are missing (as root, or with sudo).
apt_need() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing Debian packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# wasm_toolchain: Debian's rustc-web with its std source, for wasm32 builds
# (the rustup toolchain here has no wasm32 std and cannot download one).
wasm_toolchain() {
  apt_need rustc-web cargo-web rust-web-src lld-22
}

# wasm_cargo ARGS...: cargo for wasm32-unknown-unknown, std built from source.
wasm_cargo() {
  RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 RUSTFLAGS="${WASM_RUSTFLAGS:-}" \
    CARGO_TARGET_DIR="${WASM_TARGET_DIR:-$ROOT/target/wasm}" \
    /usr/bin/cargo "$@" --target wasm32-unknown-unknown -Zbuild-std="${WASM_BUILD_STD:-std,panic_abort}"
}

# npm_tools: the build and test tools of the wasm package (binaryen's
# wasm-opt, TypeScript, playwright-core), pinned by bindings/wasm's
# package-lock.json, into bindings/wasm/node_modules.
npm_tools() {
  local dir="$ROOT/bindings/wasm"
  if [ ! -f "$dir/node_modules/.installed" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.installed" ]; then
    log "installing the wasm package's npm tools"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    touch "$dir/node_modules/.installed"
  fi
}
