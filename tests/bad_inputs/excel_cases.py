"""Writes excel.json, the catalogue's Excel cases: each workbook is made
here with openpyxl, as another tool would write it, and kept in the case as
hex; the outcomes are written by hand below. Run again after a change:

    python tests/bad_inputs/excel_cases.py      (needs openpyxl)
"""

import datetime as dt
import io
import json
from pathlib import Path

import openpyxl

HERE = Path(__file__).parent
def book(sheets):
    wb = openpyxl.Workbook()
    wb.properties.created = wb.properties.modified = dt.datetime(2026, 1, 1)
    first = True
    for name, rows in sheets.items():
        ws = wb.active if first else wb.create_sheet(name)
        ws.title = name; first = False
        for r in rows: ws.append(r)
    return wb
def hexof(wb):
    out = io.BytesIO(); wb.save(out); return {"hex": out.getvalue().hex()}
C = ["id", "name", "kind", "sector"]
A = ["A", "HTX A", "cooperative", "agriculture"]
M = ["cooperative_id", "id", "type", "sex", "birth_date"]
cases = []
def X(name, wb, error=None, loaded=None, options=None):
    c = {"name": name, "read": "xlsx", "input": hexof(wb), "runtimes": ["rust", "python"]}
    if options: c["options"] = options
    if error: c["error"] = {"class": "InputError", "errors": error}
    if loaded: c["loaded"] = loaded
    cases.append(c)
X("Vietnamese sheets, headers and labels, dates as Excel dates or as text", book({
    "Hợp tác xã": [["Mã HTX", "Tên HTX", "Loại hình", "Lĩnh vực"], ["A", "HTX A", "Hợp tác xã", "agriculture"]],
    "Thành viên": [["Mã HTX", "Mã thành viên", "Loại thành viên", "Giới tính", "Ngày sinh"],
                   ["A", "m1", "individual", "Nữ", dt.datetime(1980, 5, 1)], ["A", "m2", "individual", "Nam", "1981-02-03"]]}),
  loaded={"accepted": ["A"], "rejected": []})
wb = book({"cooperatives": [C, A], "members": [M, ["A", "m1", "individual", "female", None], [None, "m2", "individual", "male", None]]})
wb["members"].merge_cells("A2:A3")
X("merged cells are an error at their first cell, not a value for every row", wb, [["members!A2.cooperative_id", "invalid_value"]])
X("a formula whose value was never saved is an error at its cell", book({"cooperatives": [C + ["charter_capital_vnd"], A + ["=1/0"]]}),
  [["cooperatives!E2.charter_capital_vnd", "invalid_value"]])
X("an error cell (#N/A) is an error at its cell", book({"cooperatives": [C + ["charter_capital_vnd"], A + ["#N/A"]]}),
  [["cooperatives!E2.charter_capital_vnd", "invalid_value"]])
X("a date stored as text the Vietnamese way is not guessed", book({"cooperatives": [C, A], "members": [M, ["A", "m1", "individual", "female", "01/05/1980"]]}),
  [["members!E2.birth_date", "invalid_date"]])
X("a date with a time of day is not cut to its day", book({"cooperatives": [C, A], "members": [M, ["A", "m1", "individual", "female", dt.datetime(1980, 5, 1, 8, 0)]]}),
  [["members!E2.birth_date", "invalid_value"]])
X("a fractional amount of dong is not rounded", book({"cooperatives": [C + ["charter_capital_vnd"], A + [1000.5]]}),
  [["cooperatives!E2.charter_capital_vnd", "invalid_type"]])
X("a whole amount stored as a float is whole", book({"cooperatives": [C + ["charter_capital_vnd"], A + [500000000.0]]}),
  loaded={"accepted": ["A"], "rejected": []})
X("no sheet of cooperatives", book({"Sheet1": [C, A]}), [["workbook", "missing_field"]])
X("a misspelt header is named at its cell", book({"cooperatives": [C, A], "members": [M[:4] + ["brith_date"], ["A", "m1", "individual", "female", None]]}),
  [["members!E1.brith_date", "unknown_field"]])
X("a header holding personal data is not shown", book({"cooperatives": [C + ["Nguyễn Thị Lan"], A + [1]]}),
  [["cooperatives!E1", "unknown_field"]])
X("lenient: each bad cooperative rejected with its cells", book({
    "cooperatives": [C + ["charter_capital_vnd"], A + [1.5], ["B", "HTX B", "club", "agriculture", None], ["C", "HTX C", "cooperative", "agriculture", None]]}),
  loaded={"accepted": ["C"], "rejected": [[0, "A", [["cooperatives!E2.charter_capital_vnd", "invalid_type"]]], [1, "B", [["cooperatives!C3.kind", "invalid_value"]]]]},
  options={"lenient": True})
X("more cooperatives than max_records", book({"cooperatives": [C, A, ["B", "HTX B", "cooperative", "agriculture"]]}),
  [["cooperatives!3", "too_large"]], options={"max_records": 1})
# The single-sheet form: one row per member, the cooperative's fields on its first row.
S = ["Mã HTX", "Tên HTX", "Loại hình", "Lĩnh vực", "Mã TV", "Loại thành viên", "Giới tính", "Chức danh"]
X("a single sheet of members: the cooperative's fields on its first row, posts in short forms", book({"Danh sách": [S,
    ["A", "HTX A", "HTX", "Nông nghiệp", "m1", "Cá nhân", "Nữ", "CT HĐQT; GĐ"],
    ["A", None, None, None, "m2", "Cá nhân", "Nam", "TV HĐQT"],
    ["B", "HTX B", "Tổ hợp tác", "Thương mại – dịch vụ", "b1", "Cá nhân", "Nữ", None]]}),
  loaded={"accepted": ["A", "B"], "rejected": []})
X("a single sheet: a cooperative's field that differs on a later row, a row without its cooperative, an unknown post", book({"Danh sách": [S,
    ["A", "HTX A", "HTX", "Nông nghiệp", "m1", "Cá nhân", "Nữ", None],
    ["A", None, None, "Thương mại – dịch vụ", "m2", "Cá nhân", "Nam", None],
    [None, None, None, None, "m3", "Cá nhân", "Nữ", None],
    ["A", None, None, None, "m4", "Cá nhân", "Nữ", "Trưởng nhóm"]]}),
  [["Danh sách!D3.sector", "inconsistent"], ["Danh sách!A4.cooperative_id", "missing_field"], ["Danh sách!H5.role", "invalid_value"]],
  options={"lenient": True})
cases.append({"name": "bytes that are not a workbook", "read": "xlsx", "input": {"hex": b"id,name\nA,x\n".hex()}, "runtimes": ["rust", "python"],
  "error": {"class": "InputError", "errors": [["workbook", "syntax"]]}})
json.dump({"about": "Excel workbooks (.xlsx), written by openpyxl as another tool would (the WebAssembly package reads none yet)", "cases": cases},
          open(HERE / "excel.json", "w"), ensure_ascii=False, indent=1)
open(HERE / "excel.json", "a").write("\n")
print(len(cases), "cases written to excel.json")
