#!/usr/bin/env bash
# Creates or updates the project's Python virtual environment at <repo>/.venv
# with everything the Python binding, its tests and the example notebook need.
#
# Idempotent: a second run with nothing changed only compares a stamp and exits.
# Usage: scripts/python-env.sh        (prints the venv's path on the last line)
#        PYTHON=python3.12 scripts/python-env.sh
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${COOPKIT_VENV:-$repo/.venv}"
python="${PYTHON:-python3}"

# What the environment needs, as ranges: Python 3.11 (abi3-py311 wheel), and
# tools recent enough to know the Arrow PyCapsule interface (pyarrow 14,
# polars 1.0, pandas 2.2). The environment is installed from the exact pins
# of bindings/python/requirements.lock, made from these ranges; after a
# change here, remake it (COOPKIT_RELOCK=1 scripts/python-env.sh).
requirements=(
  "maturin>=1.7,<2"
  "ziglang>=0.13"
  "pytest>=8"
  "mypy>=1.10"
  "pyright>=1.1.380"
  "pandas>=2.2"
  "polars>=1.0"
  "pyarrow>=14"
  "matplotlib>=3.8"
  "nbclient>=0.10"
  "nbformat>=5.10"
  "ipykernel>=6.29"
  "notebook>=7"
  "openpyxl>=3.1"
)

if ! "$python" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
  echo "python-env: $python is missing or older than 3.11; set PYTHON=..." >&2
  exit 1
fi

lock="$repo/bindings/python/requirements.lock"
stamp="$venv/.coopkit-requirements"
want="$("$python" -c 'import sys; print(sys.version.split()[0])') ${requirements[*]} $(sha256sum "$lock" | cut -c1-16)"
pins() { grep -v '^#' "$1" | sort; }
frozen() { "$venv/bin/python" -m pip freeze --exclude-editable | grep -v '^coopkit'; }

if [[ -x "$venv/bin/python" && -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
  echo "$venv"
  exit 0
fi

if [[ ! -x "$venv/bin/python" ]]; then
  "$python" -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
if [[ "${COOPKIT_RELOCK:-0}" == 1 ]]; then
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade "${requirements[@]}"
  { grep '^#' "$lock"; frozen; } >"$lock.new"
  mv "$lock.new" "$lock"
  want="${want% *} $(sha256sum "$lock" | cut -c1-16)"
else
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$lock"
fi
# The lock must hold the whole environment, consistently.
"$venv/bin/python" -m pip check >/dev/null
if ! diff <(pins "$lock") <(frozen | sort) >&2; then
  echo "python-env: the environment differs from $lock (above); remake it with COOPKIT_RELOCK=1" >&2
  exit 1
fi
# The notebook test runs the kernel named python3 from this environment.
"$venv/bin/python" -m ipykernel install --sys-prefix --name python3 >/dev/null
printf '%s' "$want" >"$stamp"
echo "$venv"
