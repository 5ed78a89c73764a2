"""The package itself: docstrings, stubs, install into a fresh venv."""

from __future__ import annotations

import inspect
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

import coopkit

HERE = Path(__file__).resolve().parent


def test_every_public_name_has_a_docstring() -> None:
    missing = []
    for name in coopkit.__all__:
        obj = getattr(coopkit, name)
        if name == "__version__" or name in coopkit._types.__all__:
            continue  # type aliases: documented in coopkit._types
        if not (inspect.getdoc(obj) or "").strip():
            missing.append(name)
        if inspect.isclass(obj):
            for attr, member in vars(obj).items():
                if attr.startswith("_"):
                    continue
                if not (inspect.getdoc(member) or "").strip():
                    missing.append(f"{name}.{attr}")
    assert missing == []


def test_help_shows_the_docs() -> None:
    text = __import__("pydoc").render_doc(coopkit.check, renderer=__import__("pydoc").plaintext)
    assert "law in force" in text


def test_stub_names_match_the_module() -> None:
    # The compiled part has its stub; the rest is typed Python. stubtest
    # (run by run-tests.sh) checks the stub against the module itself.
    stub = (Path(coopkit.__file__).parent / "_coopkit.pyi").read_text(encoding="utf-8")
    for name in coopkit.__all__:
        if hasattr(coopkit._coopkit, name):
            assert f"{name}" in stub, name
    assert (Path(coopkit.__file__).parent / "py.typed").exists()


def test_typed_usage_passes_mypy_strict() -> None:
    pytest.importorskip("mypy")
    r = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "typed_usage.py"],
        cwd=HERE, capture_output=True, text=True,
    )
    assert r.returncode == 0, r.stdout + r.stderr


def test_typed_usage_runs() -> None:
    r = subprocess.run([sys.executable, "typed_usage.py"], cwd=HERE, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


@pytest.mark.skipif("COOPKIT_WHEEL" not in os.environ, reason="run-tests.sh sets COOPKIT_WHEEL to the built wheel")
def test_wheel_installs_into_a_fresh_venv_without_optional_packages(tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    py = env_dir / "bin" / "python"
    # Nothing on the PATH, so no Rust: the wheel needs no compiler to install.
    empty = tmp_path / "empty-path"
    empty.mkdir()
    bare = {k: v for k, v in os.environ.items() if not k.startswith(("CARGO", "RUSTUP"))} | {"PATH": str(empty)}
    assert subprocess.run(["/bin/sh", "-c", "command -v cargo rustc"], env=bare, capture_output=True).stdout == b""
    subprocess.run(
        [str(py), "-m", "pip", "install", "--quiet", "--no-index", os.environ["COOPKIT_WHEEL"]], check=True, env=bare
    )
    code = (
        "import coopkit, sys\n"
        "r = coopkit.check({'id': 'A', 'name': 'A', 'kind': 'cooperative', 'sector': 'agriculture'}, as_of='2025-01-01')\n"
        "assert r.cooperative == 'A'\n"
        "assert 'pandas' not in sys.modules and 'pyarrow' not in sys.modules and 'polars' not in sys.modules\n"
        "try:\n"
        "    coopkit.IndicatorTable({'a': [1]}).to_pandas()\n"
        "except coopkit.MissingDependencyError as e:\n"
        "    assert 'pip install pandas' in str(e)\n"
        "else:\n"
        "    raise SystemExit('pandas should be missing')\n"
    )
    r = subprocess.run([str(py), "-c", code], capture_output=True, text=True, cwd=tmp_path, env=bare)
    assert r.returncode == 0, r.stdout + r.stderr
