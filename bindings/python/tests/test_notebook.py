"""The example notebook runs top to bottom (nbclient, the venv's kernel)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parents[3] / "examples" / "notebooks" / "quang_ngai.ipynb"


def test_notebook_runs_top_to_bottom(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    monkeypatch.setenv("COOPKIT_NOTEBOOK_OUT", str(tmp_path))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOK.parent)}}
    )
    client.execute()
    out = tmp_path / "quang_ngai_indicators.csv"
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    by_id = {r["indicator"]: r for r in rows}
    # the five figures the example data reproduces (examples/data/README.md)
    assert float(by_id["cooperatives"]["value"]) == 16
    assert float(by_id["members_female"]["value"]) == 145
    assert float(by_id["board_female"]["value"]) == 48
    assert float(by_id["coops_with_minority_member"]["value"]) == 6
    images = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
              if "image/png" in o.get("data", {})]
    assert len(images) == 2
