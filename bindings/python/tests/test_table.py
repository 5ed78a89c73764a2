"""IndicatorTable: conversions, optional packages, HTML, CSV."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest

import coopkit

COLUMNS = {
    "province": ["51", "51", "52"],
    "indicator": ["members_female_share", "members", "members_female_share"],
    "numerator": [3, 10, 0],
    "denominator": [10, None, 4],
    "value": [30.0, 10.0, 0.0],
}


def table() -> coopkit.IndicatorTable:
    return coopkit.IndicatorTable(COLUMNS)


def test_rows_and_columns() -> None:
    t = table()
    assert len(t) == 3 and t.columns == list(COLUMNS)
    assert t.to_dicts()[0] == {"province": "51", "indicator": "members_female_share",
                               "numerator": 3, "denominator": 10, "value": 30.0}
    assert t.to_columns() == COLUMNS
    assert repr(t).startswith("<IndicatorTable 3 rows × 5 columns")
    with pytest.raises(ValueError):
        coopkit.IndicatorTable({"a": [1], "b": [1, 2]})


def test_to_arrow_polars_pandas() -> None:
    pa = pytest.importorskip("pyarrow")
    pl = pytest.importorskip("polars")
    pd = pytest.importorskip("pandas")
    t = table()
    at = t.to_arrow()
    assert isinstance(at, pa.Table) and at.column_names == list(COLUMNS) and at.num_rows == 3
    assert at.column("denominator").to_pylist() == [10, None, 4]
    pf = t.to_polars()
    assert isinstance(pf, pl.DataFrame) and pf.columns == list(COLUMNS)
    assert pf["numerator"].to_list() == [3, 10, 0]
    df = t.to_pandas()
    assert isinstance(df, pd.DataFrame) and list(df.columns) == list(COLUMNS)
    assert df["value"].tolist() == [30.0, 10.0, 0.0]


@pytest.mark.parametrize(
    "method,package", [("to_pandas", "pandas"), ("to_polars", "polars"), ("to_arrow", "pyarrow")]
)
def test_missing_package_is_named(monkeypatch: pytest.MonkeyPatch, method: str, package: str) -> None:
    monkeypatch.setitem(sys.modules, package, None)
    with pytest.raises(coopkit.MissingDependencyError) as e:
        getattr(table(), method)()
    assert f"'{package}'" in str(e.value) and f"pip install {package}" in str(e.value)


def test_to_csv_and_html(tmp_path: Path) -> None:
    f = tmp_path / "t.csv"
    table().to_csv(f)
    rows = list(csv.reader(f.open(encoding="utf-8")))
    assert rows[0] == list(COLUMNS) and rows[1] == ["51", "members_female_share", "3", "10", "30.0"]
    assert rows[2][3] == ""
    html = table()._repr_html_()
    assert html.count("<tr>") == 4 and "members_female_share" in html


def test_html_reads_well_in_either_language() -> None:
    """Headings and codes in the reader's language, numbers with their unit and
    separators on the right, text on the left, never `1.778e+05`."""
    import re

    t = coopkit.Table(
        {"indicator": ["members", "members_female_share"], "value": [177800.0, 36.6], "unit": ["count", "percent"],
         "numerator": [177800, 61], "suppressed": [False, True]},
        types={"indicator": "code", "value": "number", "unit": "code", "numerator": "count", "suppressed": "flag"},
    )
    vi, en = t.to_html("vi"), t.to_html("en")
    assert '<td class="num">177.800</td>' in vi and '<td class="num">36,6 %</td>' in vi
    assert '<td class="num">177,800</td>' in en and '<td class="num">36.6 %</td>' in en
    assert '<th title="indicator">chỉ tiêu</th>' in vi and '<th title="value" class="num">giá trị</th>' in vi
    assert '<span title="members_female_share">Tỷ lệ nữ trong thành viên</span>' in vi
    assert '<span title="percent">phần trăm</span>' in vi and "<td>có</td>" in vi and "<td>yes</td>" in en
    assert not re.search(r"\de[+-]\d", vi + en)
    many = coopkit.Table({"n": list(range(1234))}, types={"n": "count"})
    assert "… 1.184 dòng nữa" in many.to_html("vi") and "… 1,184 more rows" in many.to_html("en")


def test_to_csv_escapes_what_a_spreadsheet_would_run(tmp_path: Path) -> None:
    """CSV injection: a text cell starting with =, +, -, @ is written as text
    (a leading apostrophe); numbers, negative ones too, stay numbers."""
    t = coopkit.Table({"name": ["=HYPERLINK(\"x\")", "@SUM(A1)", "+1", "-2", "HTX Hoa Sen"], "n": [1, -2, 3, 4, 5]},
                      types={"name": "text", "n": "count"})
    out = tmp_path / "t.csv"
    t.to_csv(out)
    rows = list(csv.reader(out.open(encoding="utf-8")))[1:]
    assert [r[0] for r in rows] == ["'=HYPERLINK(\"x\")", "'@SUM(A1)", "'+1", "'-2", "HTX Hoa Sen"]
    assert [r[1] for r in rows] == ["1", "-2", "3", "4", "5"]
    t.to_csv(out, escape_formulas=False)
    assert list(csv.reader(out.open(encoding="utf-8")))[1][0] == "=HYPERLINK(\"x\")"
