"""`Registry.report(...)`: the core's province report, as text, as one
self-contained HTML page, as a workbook and as data, the same figures in
each, Vietnamese by default."""

from __future__ import annotations

import datetime
import io
import re
from pathlib import Path

import openpyxl
import pytest

import coopkit
from conftest import EXAMPLE_JSON

WORKSHOP = datetime.date(2024, 10, 16)
INTERIM = EXAMPLE_JSON.parents[1] / "params" / "interim-2024.toml"


@pytest.fixture(scope="module")
def registry() -> coopkit.Registry:
    return coopkit.Registry.from_json(EXAMPLE_JSON)


def flat(text: str) -> str:
    return " ".join(text.split())


def test_vietnamese_by_default_with_the_province_in_the_title(registry: coopkit.Registry) -> None:
    report = registry.report(as_of=WORKSHOP)
    assert report.lang == "vi"
    assert report.title == "Tỉnh Quảng Ngãi: hợp tác xã do phụ nữ tham gia quản lý"
    text = str(report)
    assert text == report.to_text()
    assert "Tính đến ngày               16/10/2024" in text
    # 145 women among 396 members, written the Vietnamese way.
    assert "members_female_share 145 396 36,6 % phần trăm" in flat(text)
    assert "Tỷ lệ nữ trong thành viên và trong hội đồng quản trị, theo hợp tác xã" in text
    assert [s["id"] for s in report.to_dict()["sections"]] == ["indicators", "programme", "cooperatives", "notes"]


def test_the_failed_findings_are_those_of_the_main_job(registry: coopkit.Registry) -> None:
    report = registry.report(as_of=WORKSHOP, lang="en")
    coops = next(s for s in report.to_dict()["sections"] if s["id"] == "cooperatives")
    failed = {
        (b["heading"].split()[0], item["text"].split(":")[0])
        for b in coops["blocks"]
        if b["type"] == "findings"
        for item in b["items"]
        if item["status"] == "fail"
    }
    # Every failure of the findings table, and no other; QN08 and QN14
    # among them, as in the main job's report.
    assert {"QN08", "QN14"} <= {coop for coop, _ in failed}
    table = registry.findings(as_of=WORKSHOP).to_dicts()
    expected = {(r["cooperative"], r["rule"]) for r in table if r["status"] == "fail"}
    assert failed == expected


def test_a_parameter_table_is_applied_and_flagged(registry: coopkit.Registry) -> None:
    text = flat(registry.report(as_of=WORKSHOP, lang="en", parameters=INTERIM.read_text()).to_text())
    assert "✗ governance.structure_allowed: measured 66; required 0–49" in text
    assert "rests on a value from the user's parameter table that no public source confirms" in text


def test_the_html_page_is_self_contained_and_holds_the_text_figures(registry: coopkit.Registry, tmp_path: Path) -> None:
    report = registry.report(as_of=WORKSHOP)
    path = tmp_path / "bao-cao.html"
    page = report.to_html(path)
    assert path.read_text(encoding="utf-8") == page
    assert page.startswith("<!DOCTYPE html>") and '<html lang="vi">' in page
    for outside in ("<script", "<link", "<img", "src=", "url(", "@import"):
        assert outside not in page, outside
    assert re.findall(r"https?://[^\"' ]+", page) == ["http://www.w3.org/2000/svg"] * page.count("<svg")
    assert page.count("<svg") == 2
    assert "@page{size:A4" in page
    # Every cooperative has its bars, with the same shares as the text.
    text = report.to_text()
    for coop in registry:
        line = next(l for l in text.splitlines() if l.startswith(f"  {coop.id} █") or l.startswith(f"  {coop.id} ·"))
        shares = re.findall(r"\d+,\d %|—", line)
        for share in shares:
            assert f"<title>{coop.id}: {share}</title>" in page
    assert "<iframe srcdoc=" in report._repr_html_()


def test_the_workbook_has_the_indicators_findings_and_classifications(registry: coopkit.Registry, tmp_path: Path) -> None:
    report = registry.report(as_of=WORKSHOP)
    data = report.to_excel()
    assert isinstance(data, bytes)
    path = tmp_path / "bao-cao.xlsx"
    assert report.to_excel(path) is None
    assert path.read_bytes()[:2] == b"PK"
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Chỉ tiêu", "Kết quả", "Phân loại"]
    share = next(r for r in book["Chỉ tiêu"].iter_rows(values_only=True) if r[0] == "Tỷ lệ nữ trong thành viên")
    assert share[1:3] == (145, 396)
    assert share[3] == pytest.approx(145 / 396, abs=1e-12)
    assert book["Phân loại"].max_row == 1 + len(registry)


def test_bad_options_are_parameter_errors_and_the_next_call_works(registry: coopkit.Registry) -> None:
    with pytest.raises(coopkit.ParameterError) as e:
        registry.report(as_of=WORKSHOP, lang="fr")  # type: ignore[arg-type]
    assert e.value.path == "lang" and "fr" not in str(e.value)
    with pytest.raises(coopkit.ParameterError):
        registry.report(as_of="16/10/2024")
    assert registry.report(as_of=WORKSHOP, lang="en").title == "Quảng Ngãi province: cooperatives managed by women"


def test_title_source_and_several_provinces() -> None:
    records = [
        {"id": f"c{i}", "name": f"HTX {i}", "kind": "cooperative", "sector": "agriculture", "province": p,
         "summary": {"members": 10, "members_female": 4 + i}}
        for i, p in enumerate(["51", "01"])
    ]
    reg = coopkit.Registry.from_records(records)
    report = reg.report(as_of="2025-01-01", source="hai-tinh.xlsx")
    assert report.title == "Hợp tác xã do phụ nữ tham gia quản lý"
    assert "hai-tinh.xlsx: 2 hợp tác xã" in report.to_text()
    assert reg.report(as_of="2025-01-01", title="Báo cáo quý IV").title == "Báo cáo quý IV"
