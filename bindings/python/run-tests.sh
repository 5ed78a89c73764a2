#!/usr/bin/env bash
# Builds the coopkit wheel from source, installs it into the project's venv
# and runs the Python tests (pytest, with the notebook opened in headless
# Chromium; mypy --strict and pyright strict on the typed example; stubtest).
# Installs what it needs (Debian's chromium, the venv) and is safe to run
# twice. Exits non-zero on any failure. Usage: bindings/python/run-tests.sh [pytest args]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
source "$repo/scripts/lib.sh"
apt_need chromium
export COOPKIT_BROWSER_REQUIRED=1  # the notebook's screenshot test must not skip
venv="$("$repo/scripts/python-env.sh" | tail -n 1)"
py="$venv/bin/python"
export PATH="$venv/bin:$PATH"  # maturin, for the no-isolation build

if [[ "${COOPKIT_SKIP_CLIPPY:-0}" != "1" ]]; then
  echo "== cargo fmt --check, cargo clippy (bindings/python)"
  (cd "$here" && cargo fmt -- --check)
  (cd "$here" && cargo clippy --quiet --all-targets -- -D warnings)
fi

echo "== cargo test (the binding's own Rust tests)"
(cd "$here" && cargo test --quiet)

echo "== building the manylinux abi3 wheel (maturin --zig: no Docker; the wheel users without Rust install)"
wheels="$here/target/wheels"
rm -rf "$wheels"
(cd "$here" && maturin build --quiet --release --strip --zig --compatibility manylinux2014 --out "$wheels")
wheel="$(ls "$wheels"/coopkit-*.whl | head -n 1)"
case "$(basename "$wheel")" in
  coopkit-*-cp311-abi3-manylinux*_x86_64*.whl) echo "wheel: $(basename "$wheel")" ;;
  *) echo "unexpected wheel tag: $(basename "$wheel")" >&2; exit 1 ;;
esac
"$py" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps "$wheel"

echo "== pytest"
export COOPKIT_WHEEL="$wheel"
# Run from the tests folder so that `import coopkit` is the installed wheel.
(cd "$here/tests" && "$py" -m pytest -q -p no:cacheprovider "$@")

echo "== mypy --strict (typed usage example against the stubs)"
(cd "$here/tests" && "$py" -m mypy --strict --no-incremental typed_usage.py)

echo "== pyright strict (the same example, as editors check it; tests/pyrightconfig.json)"
(cd "$here/tests" && "$venv/bin/pyright")

echo "== mypy.stubtest (the compiled module's stub against the module itself)"
(cd "$here/tests" && "$py" -m mypy.stubtest coopkit --allowlist "$here/tests/stubtest-allowlist.txt")
