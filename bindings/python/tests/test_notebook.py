"""The example notebook runs top to bottom (nbclient, the venv's kernel), and
its HTML reads well in a real browser: exported by nbconvert, opened in
headless Chromium at 1280 px, screenshotted under target/notebook/."""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[3]
NOTEBOOK = REPO / "examples" / "notebooks" / "quang_ngai.ipynb"
SHOTS = REPO / "target" / "notebook"

# Run in the page once it has laid out: every table (coopkit's and pandas') and image
# must fit in the 1280 px window (nothing runs off to the right).
_MEASURE = """
<script>
window.addEventListener("load", () => {
  const wide = [...document.querySelectorAll("table, img")]
    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
    .map(e => e.tagName + "." + e.className);
  const out = document.createElement("pre");
  out.id = "coopkit-measure";
  out.textContent = JSON.stringify({
    width: window.innerWidth, scroll: document.documentElement.scrollWidth,
    height: document.documentElement.scrollHeight,
    tables: document.querySelectorAll("table.coopkit").length, wide });
  document.body.appendChild(out);
});
</script>
"""


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Path]:
    """The notebook run once, in Vietnamese, with its files in a temporary folder."""
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    out = tmp_path_factory.mktemp("notebook")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("COOPKIT_NOTEBOOK_OUT", str(out))
        env.setenv("COOPKIT_LANG", "vi")
        env.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
        nb = nbformat.read(NOTEBOOK, as_version=4)
        client = nbclient.NotebookClient(
            nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOK.parent)}}
        )
        client.execute()
    return nb, out


def _outputs(nb: Any, kind: str) -> list[str]:
    return [o["data"][kind] for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
            if kind in o.get("data", {})]


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if os.environ.get("COOPKIT_BROWSER_REQUIRED") == "1":
        pytest.fail("headless Chromium is required (bindings/python/run-tests.sh installs Debian's chromium)")
    pytest.skip("no chromium on PATH")


def _browser(*args: str) -> str:
    done = subprocess.run(
        [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
         "--disable-extensions", "--disable-background-networking", *args],
        capture_output=True, text=True, timeout=120, check=True,
    )
    return done.stdout


def test_notebook_runs_top_to_bottom(executed: tuple[Any, Path]) -> None:
    nb, folder = executed
    out = folder / "quang_ngai_indicators.csv"
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    by_id = {r["indicator"]: r for r in rows}
    # the five figures the example data reproduces (examples/data/README.md)
    assert float(by_id["cooperatives"]["value"]) == 16
    assert float(by_id["members_female"]["value"]) == 145
    assert float(by_id["board_female"]["value"]) == 48
    assert float(by_id["coops_with_minority_member"]["value"]) == 6
    findings = list(csv.DictReader((folder / "quang_ngai_findings.csv").open(encoding="utf-8")))
    assert {r["cooperative"] for r in findings if r["status"] == "fail"} >= {"QN08", "QN14"}
    # Three charts, and the tables in the chosen language.
    assert len(_outputs(nb, "image/png")) == 3
    html = "\n".join(_outputs(nb, "text/html"))
    assert "Luật Hợp tác xã số 17/2023/QH15" in html and "Số thành viên nữ" in html
    text = re.sub(r"<[^>]+>", " ", re.sub(r"<style>.*?</style>", "", html, flags=re.S))
    assert not re.search(r"\de[+-]\d", text), "a number in scientific notation"
    # Chart 3 compares a share with thresholds of the same kind, never a
    # percentage of a percentage; chart 2 the province with itself.
    source = "".join(c.source for c in nb.cells)
    assert "of the target" not in source and "30_000" not in source
    # The report, written as a page and a workbook, and shown as the page.
    page = (folder / "bao-cao.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Tỉnh Quảng Ngãi: hợp tác xã do phụ nữ tham gia quản lý" in page
    assert (folder / "bao-cao.xlsx").read_bytes()[:2] == b"PK"
    assert "<iframe srcdoc=" in html


def test_notebook_html_fits_1280_px_in_chromium(executed: tuple[Any, Path]) -> None:
    """The executed notebook as a reader sees it: its HTML (nbconvert's lab
    template, without its scripts from the network) in headless Chromium
    1280 px wide; every coopkit table and chart fits, and a screenshot is
    saved to look at."""
    nbconvert = pytest.importorskip("nbconvert")
    _chromium()
    nb, _ = executed
    body, _ = nbconvert.HTMLExporter(template_name="lab").from_notebook_node(nb)
    # Offline: the template's scripts (require.js, MathJax, mermaid, all from
    # a CDN) go; coopkit's output has none of its own, and its styles stay.
    body = re.sub(r"<script\b.*?</script>", "", body, flags=re.S)
    body = re.sub(r"<link[^>]*\bhref=\"https?://[^\"]*\"[^>]*>", "", body)
    assert "https://cdn" not in body
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = SHOTS / "quang_ngai.html"
    page.write_text(body.replace("</body>", _MEASURE + "</body>"), encoding="utf-8")
    dom = _browser("--window-size=1280,900", "--virtual-time-budget=5000", "--dump-dom", page.as_uri())
    found = re.search(r'<pre id="coopkit-measure">(.*?)</pre>', dom, re.S)
    assert found, "the measuring script did not run"
    measure = json.loads(found.group(1).replace("&quot;", '"'))
    assert measure["width"] == 1280 and measure["tables"] >= 3, measure
    assert measure["wide"] == [] and measure["scroll"] <= 1280, measure
    shot = SHOTS / "quang_ngai.png"
    shot.unlink(missing_ok=True)
    # The whole page, top to bottom, as one picture.
    _browser(f"--window-size=1280,{min(measure['height'] + 50, 16000)}", f"--screenshot={shot}", page.as_uri())
    assert shot.stat().st_size > 50_000
