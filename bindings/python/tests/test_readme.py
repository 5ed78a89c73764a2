"""The README's Python quick start runs as written, from the repository's
root, start to finish: a snippet that drifts from the API fails here."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[3] / "README.md"


def test_the_readme_python_quick_start_runs_as_written(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pandas")
    pytest.importorskip("polars")
    text = README.read_text(encoding="utf-8")
    section = text.split("## Python quick start", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```python\n(.*?)```", section, re.S)
    assert blocks, "the Python quick start has no python block"
    monkeypatch.chdir(README.parent)
    namespace: dict[str, object] = {}
    exec(compile("\n".join(blocks), str(README), "exec"), namespace)  # noqa: S102
    # The last lines put the registry onto the 2026 units.
    remap = namespace["report"]
    assert isinstance(remap, dict) and "unmapped" in remap
    assert len(namespace["on_2026"]) == len(namespace["reg"]) == 16  # type: ignore[arg-type]
    assert os.getcwd() == str(README.parent)


@pytest.mark.skipif("COOPKIT_WHEEL" not in os.environ, reason="run-tests.sh sets COOPKIT_WHEEL to the built wheel")
def test_the_readme_python_quick_start_runs_in_a_fresh_environment(tmp_path: Path) -> None:
    """As a new user does it: a fresh virtual environment, the wheel and the
    optional packages the quick start uses, nothing else; then the block."""
    import subprocess
    import sys
    import venv

    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    py = env_dir / "bin" / "python"
    subprocess.run(
        [str(py), "-m", "pip", "install", "--quiet", os.environ["COOPKIT_WHEEL"], "pandas", "polars", "pyarrow"],
        check=True,
    )
    section = README.read_text(encoding="utf-8").split("## Python quick start", 1)[1].split("\n## ", 1)[0]
    script = tmp_path / "quick_start.py"
    script.write_text("\n".join(re.findall(r"```python\n(.*?)```", section, re.S)), encoding="utf-8")
    done = subprocess.run([str(py), str(script)], cwd=README.parent, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert sys.prefix != str(env_dir)
