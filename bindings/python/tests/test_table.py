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
