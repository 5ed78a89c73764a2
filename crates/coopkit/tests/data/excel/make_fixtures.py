"""Writes the Excel fixtures of crates/coopkit/tests/io_excel.rs with openpyxl,
as another tool (Excel, LibreOffice) would: `registry_vi.xlsx` holds the
CSV fixture `../csv_registry` with Vietnamese sheet names, headers and
labels, dates as Excel dates and numbers as Excel numbers; `bad.xlsx` and
`bad_values.xlsx` hold the mistakes an officer's workbook has (in its cells;
in its values).

    python make_fixtures.py      (needs openpyxl; run again after a change)
"""

import csv
import datetime as dt
from pathlib import Path

import openpyxl

HERE = Path(__file__).parent
CSV = HERE.parent / "csv_registry"
HEADERS = {
    "cooperatives": {"id": "Mã HTX", "name": "Tên HTX", "kind": "Loại hình", "sector": "Lĩnh vực", "province": "Tỉnh",
                     "established": "Ngày thành lập", "charter_capital_vnd": "Vốn điều lệ"},
    "members": {"cooperative_id": "Mã HTX", "id": "Mã thành viên", "type": "Loại thành viên", "sex": "Giới tính",
                "birth_date": "Ngày sinh", "ethnicity": "Dân tộc", "capital_vnd": "Vốn góp", "joined": "Ngày gia nhập",
                "contributes_capital": "Góp vốn", "uses_services": "Sử dụng dịch vụ"},
    "positions": {"cooperative_id": "Mã HTX", "role": "Chức danh", "member": "Mã thành viên", "sex": "Giới tính"},
}
SHEETS = {"cooperatives": "Hợp tác xã", "members": "Thành viên", "positions": "Chức danh"}
LABELS = {"female": "Nữ", "male": "Nam", "cooperative": "Hợp tác xã", "cooperative_group": "Tổ hợp tác"}
DATES = {"established", "birth_date", "joined", "left", "start", "end"}
TEXT = {"id", "cooperative_id", "member", "province", "district", "commune", "ethnicity", "name"}


def value(column: str, text: str) -> object:
    if text == "":
        return None
    if column in DATES:
        return dt.datetime.strptime(text, "%Y-%m-%d")
    if text.isdigit() and column not in TEXT:
        return float(text)  # Excel keeps every number as a float
    if column in ("sex", "kind"):
        return LABELS.get(text, text)
    if text.lower() in ("true", "1"):
        return "Có" if column in ("contributes_capital", "uses_services") else True
    if text.lower() in ("false", "0"):
        return "Không" if column in ("contributes_capital", "uses_services") else False
    return text


def book() -> openpyxl.Workbook:
    wb = openpyxl.Workbook()
    wb.properties.created = wb.properties.modified = dt.datetime(2026, 1, 1)
    wb.active.title = "Hướng dẫn"
    wb.active["A1"] = "Điền mỗi hợp tác xã một dòng."
    return wb


def main() -> None:
    wb = book()
    for table, sheet in SHEETS.items():
        rows = list(csv.reader((CSV / f"{table}.csv").open(encoding="utf-8")))
        header, body = rows[0], rows[1:]
        ws = wb.create_sheet(sheet)
        # Vietnamese headers where the table has them, the contract's names elsewhere.
        ws.append([HEADERS[table].get(h, h) for h in header])
        for r in body:
            ws.append([value(h, cell) for h, cell in zip(header, r)])
    wb.save(HERE / "registry_vi.xlsx")

    wb = book()
    ws = wb.create_sheet("cooperatives")
    ws.append(["id", "name", "kind", "sector", "charter_capital_vnd", "established"])
    ws.append(["A", "HTX A", "cooperative", "agriculture", 1000.5, dt.datetime(2020, 1, 1, 13, 30)])
    ws.append(["B", "HTX B", "Câu lạc bộ", "agriculture", "=1/0", dt.datetime(2020, 1, 1)])
    ws = wb.create_sheet("members")
    ws.append(["cooperative_id", "id", "type", "Giới tính", "ngay sinh", "brith_date"])
    ws.append(["A", "m1", "individual", "Nữ", dt.datetime(1980, 5, 1), None])
    wb.save(HERE / "bad.xlsx")

    wb = book()
    ws = wb.create_sheet("Hợp tác xã")
    ws.append(["Mã HTX", "Tên HTX", "Loại hình", "Lĩnh vực", "Vốn điều lệ"])
    ws.append(["A", "HTX A", "Hợp tác xã", "agriculture", 1000.5])
    ws.append(["B", "HTX B", "Câu lạc bộ", "agriculture", 5e8])
    ws.append(["C", "HTX C", "Tổ hợp tác", "agriculture", None])
    ws = wb.create_sheet("Thành viên")
    ws.append(["Mã HTX", "Mã thành viên", "Loại thành viên", "Giới tính", "Ngày sinh"])
    ws.append(["C", "m1", "individual", "Nữ", "1980-02-30"])
    ws.append(["C", "m2", "individual", "Nam", dt.datetime(1981, 1, 2)])
    wb.save(HERE / "bad_values.xlsx")


if __name__ == "__main__":
    main()
