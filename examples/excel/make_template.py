"""Writes the Excel template a union officer starts from: the example
province (Quảng Ngãi, 2024) in the sheets coopkit reads, with Vietnamese
headers and labels, a sheet of instructions, drop-down lists for the coded
columns and frozen header rows. Every name comes from coopkit itself
(`coopkit._coopkit._excel_names()`, the code lists' Vietnamese labels), so the
template and the reader cannot disagree.

    python examples/excel/make_template.py [OUT.xlsx]
    (default examples/excel/mau-htx-quang-ngai.xlsx; needs coopkit and openpyxl)
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

import coopkit

HERE = Path(__file__).resolve().parent
EXAMPLE = HERE.parent / "data" / "quang-ngai-2024.json"
# The code list of each coded column, by table (the reader's own pairing).
CODED = {
    "cooperatives": {"kind": "kind", "sector": "sector", "governance": "governance",
                     "general_meeting": "general_meeting", "ilo_type": "ilo_type", "circular_type": "circular_type"},
    "members": {"type": "member_type", "kind": "member_kind", "sex": "sex"},
    "positions": {"role": "role", "sex": "sex"},
}
BOOLEAN = {"members_listed", "positions_listed", "declared_women_managed", "investment_certificate",
           "contributes_capital", "uses_services", "contributes_labour", "summary_chair_female", "summary_director_female"}
YES, NO = "Có", "Không"
INSTRUCTIONS = [
    ("Mẫu danh sách hợp tác xã", "Cooperatives template"),
    ("", ""),
    ("Mỗi hợp tác xã một dòng ở sheet «Hợp tác xã»; mỗi thành viên một dòng ở sheet «Thành viên»; "
     "mỗi chức danh (Chủ tịch HĐQT, Giám đốc, ...) một dòng ở sheet «Chức danh».",
     "One row per cooperative, per member and per position, in their sheets."),
    ("Cột «Mã HTX» nối thành viên và chức danh với hợp tác xã của họ.",
     "The cooperative's id links its members and positions to it."),
    ("Các cột có danh sách chọn: chọn một giá trị trong danh sách, đừng gõ khác đi.",
     "Columns with a drop-down: pick a value from the list."),
    ("Ngày ghi dạng ngày của Excel hoặc YYYY-MM-DD; số tiền là số đồng, không có phần lẻ.",
     "Dates as Excel dates or YYYY-MM-DD; amounts in whole dong."),
    ("Không ghép ô (merge) và không để công thức chưa tính: coopkit báo lỗi ở đúng ô.",
     "No merged cells, no formulas without a value: coopkit reports them at their cell."),
    ("Không ghi họ tên thành viên: coopkit chỉ cần mã, giới tính, ngày sinh và dân tộc.",
     "No member names: coopkit needs only ids, sex, birth dates and ethnicity."),
]


def capital(label: str) -> str:
    """A label as a cell shows it, first letter capital (`Nữ`, `Hợp tác xã`); the reader folds case."""
    return label[:1].upper() + label[1:]


def header(names: dict[str, Any], table: str, column: str) -> str:
    vi = names["headers"].get(table, {}).get(column)
    return vi[0] if vi else column


def value(labels: dict[str, dict[str, str]], table: str, column: str, v: Any) -> Any:
    if v is None:
        return None
    if column in BOOLEAN:
        return YES if v else NO
    if isinstance(v, dt.date) and not isinstance(v, dt.datetime):
        return dt.datetime(v.year, v.month, v.day)
    coded = CODED.get(table, {}).get(column)
    if coded and isinstance(v, str):
        return capital(labels[coded].get(v, v))
    return v


def main(out: Path) -> None:
    names = coopkit._coopkit._excel_names()
    labels = coopkit._coopkit._vocabulary("vi")
    frames = coopkit.Registry.from_json(EXAMPLE).to_frames()
    wb = openpyxl.Workbook()
    wb.properties.creator = "coopkit"
    guide = wb.active
    guide.title = "Hướng dẫn"
    for vi, en in INSTRUCTIONS:
        guide.append([vi, en])
    guide["A1"].font = guide["B1"].font = Font(bold=True, size=14)
    guide.column_dimensions["A"].width = guide.column_dimensions["B"].width = 90

    lists = wb.create_sheet("Danh mục")
    lists.sheet_state = "hidden"
    list_ranges: dict[str, str] = {}
    for i, coded in enumerate(sorted({c for t in CODED.values() for c in t.values()} | {"yes_no"})):
        values = [YES, NO] if coded == "yes_no" else [capital(v) for v in labels[coded].values()]
        col = openpyxl.utils.get_column_letter(i + 1)
        lists[f"{col}1"] = coded
        for r, v in enumerate(values, start=2):
            lists[f"{col}{r}"] = v
        list_ranges[coded] = f"'Danh mục'!${col}$2:${col}${len(values) + 1}"

    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    for table, sheet_names in names["sheets"].items():
        frame = frames[table]
        ws = wb.create_sheet(sheet_names[1])  # the Vietnamese name
        columns = frame.columns
        ws.append([header(names, table, c) for c in columns])
        for cell in ws[1]:
            cell.font, cell.fill = bold, fill
        for row in frame.to_dicts():
            ws.append([value(labels, table, c, row[c]) for c in columns])
        ws.freeze_panes = "A2"
        for i, c in enumerate(columns, start=1):
            letter = openpyxl.utils.get_column_letter(i)
            ws.column_dimensions[letter].width = max(12, len(str(ws[f"{letter}1"].value)) + 4)
            coded = CODED.get(table, {}).get(c) or ("yes_no" if c in BOOLEAN else None)
            if coded:
                dv = DataValidation(type="list", formula1=f"={list_ranges[coded]}", allow_blank=True)
                dv.add(f"{letter}2:{letter}5000")
                ws.add_data_validation(dv)
            if c in ("birth_date", "joined", "left", "established", "dissolved", "start", "end"):
                for cell in ws[letter][1:]:
                    cell.number_format = "dd/mm/yyyy"
    wb.save(out)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "mau-htx-quang-ngai.xlsx")
