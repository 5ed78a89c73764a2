"""Excel workbooks: one written by another tool (openpyxl) with Vietnamese
sheet names, headers and labels, Excel dates and numbers reads as the same
registry as the example JSON; every bad cell is an error at its sheet and
cell; bytes or a path; lenient reads."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest

import coopkit
from conftest import EXAMPLE_JSON

openpyxl = pytest.importorskip("openpyxl")

SHEETS = {"cooperatives": "Hợp tác xã", "members": "Thành viên", "positions": "Chức danh"}
# A few Vietnamese headers, as an officer writes them; other columns keep the contract's names.
HEADERS = {
    "cooperatives": {"id": "Mã HTX", "name": "Tên HTX", "kind": "Loại hình", "province": "Tỉnh"},
    "members": {"cooperative_id": "Mã HTX", "id": "Mã thành viên", "sex": "Giới tính", "birth_date": "Ngày sinh",
                "ethnicity": "Dân tộc", "capital_vnd": "Vốn góp"},
    "positions": {"cooperative_id": "Mã HTX", "role": "Chức danh", "member": "Mã thành viên", "sex": "Giới tính"},
}
LABELS = {"sex": {"female": "Nữ", "male": "Nam"}, "kind": {"cooperative": "Hợp tác xã", "cooperative_group": "Tổ hợp tác"}}


def _cell(column: str, v: Any) -> Any:
    if v is None:
        return None
    if isinstance(v, dt.date) and not isinstance(v, dt.datetime):
        return dt.datetime(v.year, v.month, v.day)  # an Excel date
    if isinstance(v, bool):
        return v
    if isinstance(v, int):
        return float(v)  # Excel keeps every number as a float
    if isinstance(v, str):
        return LABELS.get(column, {}).get(v, v)
    return v


def _saved(wb: Any) -> bytes:
    """The bytes of an openpyxl workbook, as a file would hold them."""
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _workbook(reg: coopkit.Registry) -> bytes:
    wb = openpyxl.Workbook()
    wb.active.title = "Hướng dẫn"
    for table, frame in reg.to_frames().items():
        rows = frame.to_dicts()
        columns = frame.columns
        ws = wb.create_sheet(SHEETS[table])
        ws.append([HEADERS[table].get(c, c) for c in columns])
        for r in rows:
            ws.append([_cell(c, r[c]) for c in columns])
    return _saved(wb)


def test_a_vietnamese_workbook_reads_as_the_example_json(tmp_path: Path) -> None:
    example = coopkit.Registry.from_json(EXAMPLE_JSON)
    data = _workbook(example)
    from_bytes = coopkit.Registry.from_excel(data)
    assert from_bytes.to_json() == example.to_json()
    (tmp_path / "tinh.xlsx").write_bytes(data)
    assert coopkit.Registry.from_excel(tmp_path / "tinh.xlsx").to_json() == example.to_json()
    assert coopkit.Registry.from_excel(str(tmp_path / "tinh.xlsx"), lenient=True).rejected == []


def test_bad_cells_are_errors_at_their_sheet_and_cell() -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Hợp tác xã"
    ws.append(["Mã HTX", "Tên HTX", "Loại hình", "Lĩnh vực", "Vốn điều lệ", "Ngày thành lập"])
    ws.append(["A", "Nguyễn Thị Lan", "Hợp tác xã", "agriculture", 1000.5, dt.datetime(2020, 1, 1)])
    ws.append(["B", "HTX B", "Câu lạc bộ", "agriculture", 5e8, dt.datetime(2020, 1, 1, 13, 30)])
    ws.append(["C", "HTX C", "Hợp tác xã", "agriculture", "=1/0", None])
    data = _saved(wb)
    with pytest.raises(coopkit.InputError) as e:
        coopkit.Registry.from_excel(data)
    # The cells Excel cannot give a value for first: a time of day, a formula never computed.
    assert [(p.path, p.code) for p in e.value.errors] == [
        ("Hợp tác xã!F3.established", "invalid_value"),
        ("Hợp tác xã!E4.charter_capital_vnd", "invalid_value"),
    ]
    ws["F3"] = dt.datetime(2020, 1, 1)
    ws["E4"] = None
    data = _saved(wb)
    with pytest.raises(coopkit.InputError) as e:
        coopkit.Registry.from_excel(data)
    assert [(p.path, p.code) for p in e.value.errors] == [
        ("Hợp tác xã!E2.charter_capital_vnd", "invalid_type"),
        ("Hợp tác xã!C3.kind", "invalid_value"),
    ]
    assert "Nguyễn" not in str(e.value) and "Câu lạc bộ" not in str(e.value)
    lenient = coopkit.Registry.from_excel(data, lenient=True)
    assert lenient.ids() == ["C"] and [r["index"] for r in lenient.rejected] == [0, 1]
    assert lenient.rejected[1]["errors"][0]["path"] == "Hợp tác xã!C3.kind"


def test_what_is_not_a_workbook_is_an_error_of_the_library() -> None:
    with pytest.raises(coopkit.InputError) as e:
        coopkit.Registry.from_excel(b"id,name\nA,x\n")
    assert [(p.path, p.code) for p in e.value.errors] == [("workbook", "syntax")]
    with pytest.raises(coopkit.ParameterError) as p:
        coopkit.Registry.from_excel(42)  # type: ignore[arg-type]
    assert p.value.path == "source"
    with pytest.raises(coopkit.CoopkitError) as big:
        coopkit.Registry.from_excel(b"x" * 100, max_bytes=10)
    assert "max_bytes" in str(big.value)


TEMPLATE = EXAMPLE_JSON.parents[1] / "excel" / "mau-htx-quang-ngai.xlsx"


def test_the_template_is_the_example_province_and_reads_back(tmp_path: Path) -> None:
    import subprocess
    import sys

    example = coopkit.Registry.from_json(EXAMPLE_JSON).to_json()
    assert coopkit.Registry.from_excel(TEMPLATE).to_json() == example
    # The script that made it makes it again (it takes every name from coopkit).
    out = tmp_path / "mau.xlsx"
    subprocess.run([sys.executable, str(TEMPLATE.parent / "make_template.py"), str(out)], check=True, timeout=120)
    assert coopkit.Registry.from_excel(out).to_json() == example
    wb = openpyxl.load_workbook(TEMPLATE)
    assert wb.sheetnames[0] == "Hướng dẫn" and {"Hợp tác xã", "Thành viên", "Chức danh"} <= set(wb.sheetnames)
    members = wb["Thành viên"]
    assert members.freeze_panes == "A2"
    headers = [c.value for c in members[1]]
    assert "Giới tính" in headers and "Ngày sinh" in headers
    sex = openpyxl.utils.get_column_letter(headers.index("Giới tính") + 1)
    lists = [dv for dv in members.data_validations.dataValidation if any(str(r).startswith(sex) for r in dv.sqref.ranges)]
    assert lists and lists[0].type == "list"
    # The drop-down's values are the labels the reader takes.
    assert {members[f"{sex}{r}"].value for r in range(2, members.max_row + 1)} <= {"Nữ", "Nam", None}


def test_result_tables_are_written_as_workbooks_in_the_chosen_language(tmp_path: Path) -> None:
    reg = coopkit.Registry.from_json(EXAMPLE_JSON)
    table = reg.indicators(as_of="2024-10-16")
    table.to_excel(tmp_path / "chi-tieu.xlsx", lang="vi")
    ws = openpyxl.load_workbook(tmp_path / "chi-tieu.xlsx").active
    header = [c.value for c in ws[1]]
    assert "chỉ tiêu" in header and "giá trị" in header and ws.freeze_panes == "A2"
    value, unit = header.index("giá trị"), header.index("đơn vị")
    rows = list(ws.iter_rows(min_row=2))
    assert len(rows) == len(table)
    for cells, row in zip(rows, table):
        if row["value"] is None:
            assert cells[value].value is None
        elif row["unit"] == "percent":
            # A percentage is a number Excel shows as one: 36.6 % is 0.366.
            assert cells[value].value == pytest.approx(row["value"] / 100) and cells[value].number_format == "0.0%"
        else:
            assert cells[value].value == pytest.approx(row["value"])
    assert {r[unit].value for r in rows} <= {"số lượng", "phần trăm", "tỷ số", None}
    findings = reg.findings(as_of="2024-10-16")
    findings.to_excel(tmp_path / "ket-qua.xlsx", lang="en")
    ws = openpyxl.load_workbook(tmp_path / "ket-qua.xlsx").active
    assert ws.max_row == len(findings) + 1
    assert isinstance(ws.cell(2, [c.value for c in ws[1]].index("Date of assessment") + 1).value, dt.datetime)


def test_csv_with_a_byte_order_mark_for_excel_reads_back(tmp_path: Path) -> None:
    reg = coopkit.Registry.from_json(EXAMPLE_JSON)
    reg.to_csv(tmp_path / "csv", bom=True)
    assert (tmp_path / "csv" / "members.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert coopkit.Registry.from_csv(tmp_path / "csv").to_json() == reg.to_json()
    reg.indicators(as_of="2024-10-16").to_csv(tmp_path / "t.csv", bom=True)
    assert (tmp_path / "t.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    reg.to_csv(tmp_path / "plain")
    assert not (tmp_path / "plain" / "members.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_an_officers_own_headers_are_added_and_checked() -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Hợp tác xã"
    ws.append(["Mã HTX", "Tên HTX", "Loại hình", "Ngành hoạt động"])
    ws.append(["A", "HTX A", "Hợp tác xã", "agriculture"])
    data = _saved(wb)
    with pytest.raises(coopkit.InputError) as e:
        coopkit.Registry.from_excel(data)
    # Not a header coopkit knows, and not a field name: named by its cell alone.
    assert [(p.path, p.code) for p in e.value.errors] == [
        ("Hợp tác xã!D1", "unknown_field"),
        ("Hợp tác xã!1.sector", "missing_field"),
    ]
    reg = coopkit.Registry.from_excel(data, headers={"cooperatives": {"sector": ["Ngành hoạt động"]}})
    assert reg.ids() == ["A"]
    with pytest.raises(coopkit.ParameterError) as p:
        coopkit.Registry.from_excel(data, headers={"people": {"sector": "x"}})
    assert p.value.path == "table"
    with pytest.raises(coopkit.ParameterError) as p:
        coopkit.Registry.from_excel(data, headers={"cooperatives": "sector"})  # type: ignore[dict-item]
    assert p.value.path == "headers"


# The single-sheet form: one row per member, the cooperative's fields on its
# first row (left empty after it), the member's posts in a `Chức danh`
# column, as officers often keep it.
SINGLE_COOP = {"id": "Mã HTX", "name": "Tên HTX", "kind": "Loại hình", "sector": "Lĩnh vực", "province": "Tỉnh"}
SINGLE_MEMBER = {"id": "Mã TV", "type": "Loại thành viên", "sex": "Giới tính", "birth_date": "Ngày sinh",
                 "ethnicity": "Dân tộc", "capital_vnd": "Vốn góp", "contributes_capital": "Góp vốn",
                 "uses_services": "Sử dụng dịch vụ", "contributes_labour": "Góp sức lao động", "joined": "Ngày gia nhập"}
ROLES_VI = {"board_chair": "Chủ tịch HĐQT", "board_member": "Thành viên HĐQT", "director": "Giám đốc",
            "supervisory_head": "Trưởng BKS", "controller": "Kiểm soát viên", "chief_accountant": "Kế toán trưởng"}


def _single_sheet(coops: list[dict[str, Any]]) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Danh sách thành viên HTX"
    ws.append([*SINGLE_COOP.values(), *SINGLE_MEMBER.values(), "Chức danh"])
    for c in coops:
        for i, m in enumerate(c["members"]):
            roles = [ROLES_VI[p["role"]] for p in c.get("positions", []) if p.get("member") == m["id"]]
            coop = [_cell(k, c.get(k)) if i == 0 or k == "id" else None for k in SINGLE_COOP]
            member = [_cell(k, m.get(k)) for k in SINGLE_MEMBER]
            member[3] = _cell("birth_date", dt.date.fromisoformat(m["birth_date"])) if m.get("birth_date") else None
            ws.append([*coop, *member, "; ".join(roles) or None])
    return _saved(wb)


def _members_only(c: dict[str, Any]) -> dict[str, Any]:
    """What the single sheet holds of a cooperative: its listed fields,
    its members and the posts its members hold."""
    keep = {k: c[k] for k in SINGLE_COOP if k in c}
    keep["members"] = c["members"]
    keep["positions"] = [p for p in c.get("positions", []) if "member" in p and p["role"] in ROLES_VI]
    return keep


def test_a_single_sheet_of_members_reads_as_the_same_cooperatives() -> None:
    example = coopkit.Registry.from_json(EXAMPLE_JSON)
    coops = [_members_only(c.to_dict()) for c in example if c.to_dict().get("members")]
    got = coopkit.Registry.from_excel(_single_sheet(coops))
    want = coopkit.Registry.from_records(coops)
    assert got.ids() == want.ids()
    for a, b in zip(got, want):
        da, db = a.to_dict(), b.to_dict()
        key = lambda p: (p["role"], p.get("member", ""))  # noqa: E731
        assert sorted(da.pop("positions", []), key=key) == sorted(db.pop("positions", []), key=key)
        assert da == db
    # The same findings on the workshop's date.
    assert got.findings(as_of="2024-10-16").to_dicts() == want.findings(as_of="2024-10-16").to_dicts()


def test_a_single_sheet_reports_every_problem_at_its_cell() -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    ws.append(["Mã HTX", "Tên HTX", "Loại hình", "Lĩnh vực", "Mã TV", "Loại thành viên", "Giới tính", "Chức danh"])
    ws.append(["H1", "HTX Lúa", "HTX", "Nông nghiệp", "m1", "Cá nhân", "Nữ", "CT HĐQT; GĐ"])
    ws.append(["H1", None, None, "Thương mại – dịch vụ", "m2", "Cá nhân", "Nam", "Thành viên HĐQT"])
    ws.append(["H1", None, None, None, "m3", "Cá nhân", "x", None])
    ws.append([None, None, None, None, "m4", "Cá nhân", "Nữ", None])
    ws.append(["H1", None, None, None, "m5", "Cá nhân", "Nữ", "Trưởng nhóm"])
    with pytest.raises(coopkit.InputError) as e:
        coopkit.Registry.from_excel(_saved(wb), lenient=True)
    assert [(p.loc, p.type) for p in e.value.errors] == [
        (("Danh sách!D3", "sector"), "inconsistent"),
        (("Danh sách!A5", "cooperative_id"), "missing_field"),
        (("Danh sách!G4", "sex"), "invalid_value"),
        (("Danh sách!H6", "role"), "invalid_value"),
    ]
    # No value a user typed is echoed.
    assert "Trưởng nhóm" not in str(e.value)
