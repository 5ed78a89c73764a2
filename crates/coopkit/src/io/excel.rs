//! Excel workbooks (`.xlsx`) in the CSV folder form: a sheet of
//! cooperatives and, optionally, one of members and one of positions, read
//! by the rules of the tables ([`crate::io::Table`]) after the workbook's
//! names are put into the contract's.
//!
//! - **A single sheet** of members, as officers often keep it, when there
//!   is no sheet of cooperatives: the members' sheet by name, or else the
//!   workbook's first sheet if it has a cooperative id column (`Mã HTX`).
//!   One row per member; the cooperative's fields (`Tên HTX`, `Loại hình`,
//!   `Lĩnh vực`, `Tỉnh`, ...) on its rows, repeated or left empty after its
//!   first (another value on a later row is an `inconsistent` error at that
//!   cell); the member's posts in a `Chức danh` column, several separated
//!   by `;`. A column headed `Tên` alone is read as neither name: on a
//!   sheet of members it is more likely a person's.
//! - **Sheets** are found by name, folded for case, diacritics and spaces:
//!   `cooperatives` or `Hợp tác xã` / `HTX`, `members` or `Thành viên`,
//!   `positions` or `Chức danh` ([`SHEETS`]). Other sheets (instructions,
//!   lists) are not read.
//! - **Headers** are the first row of each sheet: the contract's column
//!   names, or their Vietnamese names (`Mã HTX`, `Tên HTX`, `Giới tính`,
//!   `Ngày sinh`, `Dân tộc`, ...: [`HEADERS`]), folded alike; a user adds
//!   their own with [`ReadOptions::excel_header`].
//! - **Values**: text; whole numbers, also when Excel stores them as floats
//!   (`12.0`), and a float that is not whole where a whole number belongs is
//!   an error, as in CSV; Excel dates on a whole day, or a date as text
//!   (`YYYY-MM-DD`); booleans, or `Có`/`Không`; in a coded column the code
//!   or its Vietnamese label (`Nữ`, `Hợp tác xã`, `Chủ tịch Hội đồng quản
//!   trị`) or a short form of [`SHORT_FORMS`] (`Chủ tịch HĐQT`, `GĐ`, `HTX`),
//!   folded.
//!   An error cell (`#N/A`, `#DIV/0!`), a formula whose value was not saved
//!   and merged cells are errors at their cell, in a lenient read too:
//!   the value of a cell is unknown, or only in the first row of the region.
//! - **Paths** name the sheet, the cell and the field:
//!   `Thành viên!E18.birth_date`; a header problem is on row 1.

use super::reader::ReadOptions;
use super::tables::{Cell, RowTable};
use super::{Loaded, Rejected};
use crate::codes::vocabulary;
use crate::error::{Error, InputError, InputErrorCode as Code, InputErrors};
use crate::model::fold_name;
use crate::text::Lang;
use calamine::{Data, Reader, Xlsx};

/// The tables of the CSV form and the sheet names that hold them.
pub const SHEETS: [(&str, &[&str]); 3] = [
    (
        "cooperatives",
        &[
            "cooperatives",
            "Hợp tác xã",
            "HTX",
            "Danh sách HTX",
            "Danh sách hợp tác xã",
        ],
    ),
    (
        "members",
        &["members", "Thành viên", "Danh sách thành viên", "Xã viên"],
    ),
    (
        "positions",
        &["positions", "Chức danh", "Chức vụ", "Ban quản trị"],
    ),
];

/// Vietnamese headers of each table's columns (the contract's own names are
/// always accepted): (table, column, names).
pub const HEADERS: &[(&str, &str, &[&str])] = &[
    ("cooperatives", "id", &["Mã HTX", "Mã hợp tác xã", "Mã"]),
    ("cooperatives", "name", &["Tên HTX", "Tên hợp tác xã", "Tên"]),
    ("cooperatives", "kind", &["Loại hình", "Loại hình tổ chức"]),
    ("cooperatives", "sector", &["Lĩnh vực", "Ngành", "Ngành nghề"]),
    ("cooperatives", "province", &["Tỉnh", "Mã tỉnh"]),
    ("cooperatives", "district", &["Huyện", "Mã huyện"]),
    ("cooperatives", "commune", &["Xã", "Mã xã"]),
    ("cooperatives", "established", &["Ngày thành lập"]),
    ("cooperatives", "dissolved", &["Ngày giải thể"]),
    (
        "cooperatives",
        "charter_capital_vnd",
        &["Vốn điều lệ", "Vốn điều lệ (đồng)"],
    ),
    (
        "cooperatives",
        "total_capital_vnd",
        &["Tổng vốn", "Tổng nguồn vốn"],
    ),
    (
        "cooperatives",
        "annual_revenue_vnd",
        &["Doanh thu", "Doanh thu năm"],
    ),
    ("cooperatives", "members_listed", &["Có danh sách thành viên"]),
    ("cooperatives", "positions_listed", &["Có danh sách chức danh"]),
    ("members", "cooperative_id", &["Mã HTX", "Mã hợp tác xã"]),
    ("members", "id", &["Mã thành viên", "Mã TV"]),
    ("members", "type", &["Loại thành viên"]),
    ("members", "sex", &["Giới tính"]),
    ("members", "birth_date", &["Ngày sinh"]),
    ("members", "ethnicity", &["Dân tộc"]),
    ("members", "nationality", &["Quốc tịch"]),
    ("members", "capital_vnd", &["Vốn góp", "Vốn góp (đồng)"]),
    ("members", "contributes_capital", &["Góp vốn"]),
    ("members", "uses_services", &["Sử dụng dịch vụ"]),
    ("members", "contributes_labour", &["Góp sức lao động", "Góp sức"]),
    ("members", "joined", &["Ngày gia nhập", "Ngày vào"]),
    ("members", "left", &["Ngày ra", "Ngày ra khỏi"]),
    ("positions", "cooperative_id", &["Mã HTX", "Mã hợp tác xã"]),
    ("positions", "role", &["Chức danh", "Chức vụ"]),
    ("positions", "member", &["Mã thành viên", "Mã TV"]),
    ("positions", "sex", &["Giới tính"]),
    ("positions", "ethnicity", &["Dân tộc"]),
    ("positions", "id", &["Mã chức danh"]),
    ("positions", "start", &["Ngày bắt đầu", "Từ ngày"]),
    ("positions", "end", &["Ngày kết thúc", "Đến ngày"]),
];

/// The code list of a coded column, by table and column, for reading a
/// Vietnamese label as its code.
fn code_list(table: &str, column: &str) -> Option<&'static str> {
    Some(match (table, column) {
        ("cooperatives", "kind") => "kind",
        ("cooperatives", "sector") => "sector",
        ("cooperatives", "governance") => "governance",
        ("cooperatives", "general_meeting") => "general_meeting",
        ("cooperatives", "ilo_type") => "ilo_type",
        ("cooperatives", "circular_type") => "circular_type",
        ("members", "type") => "member_type",
        ("members", "kind") => "member_kind",
        (_, "sex") => "sex",
        ("positions", "role") => "role",
        _ => return None,
    })
}

/// Short forms officers write for codes whose labels are long: (code list,
/// short form, code), read folded like the labels.
pub const SHORT_FORMS: &[(&str, &str, &str)] = &[
    ("role", "Chủ tịch HĐQT", "board_chair"),
    ("role", "CT HĐQT", "board_chair"),
    ("role", "Thành viên HĐQT", "board_member"),
    ("role", "Ủy viên HĐQT", "board_member"),
    ("role", "TV HĐQT", "board_member"),
    ("role", "GĐ", "director"),
    ("role", "Phó GĐ", "deputy_director"),
    ("role", "PGĐ", "deputy_director"),
    ("role", "Trưởng BKS", "supervisory_head"),
    ("role", "Trưởng ban kiểm soát", "supervisory_head"),
    ("role", "Thành viên BKS", "supervisory_member"),
    ("role", "KTT", "chief_accountant"),
    ("kind", "HTX", "cooperative"),
    ("kind", "THT", "cooperative_group"),
    ("kind", "Liên hiệp HTX", "union"),
    ("kind", "LH HTX", "union"),
];

/// Yes and no in Vietnamese, folded.
const YES_NO: [(&str, bool); 4] = [("co", true), ("khong", false), ("dung", true), ("sai", false)];

/// The most rows and columns read from one sheet (Excel's own limits are
/// 1,048,576 rows and 16,384 columns).
const MAX_CELLS: u64 = 200_000_000;

impl ReadOptions {
    /// An Excel workbook (`.xlsx`) in memory, strict or lenient as set,
    /// within the limits (see [the module](crate::io::excel)).
    ///
    /// Errors are at `sheet!cell.field` (`Thành viên!E18.birth_date`).
    pub fn read_xlsx(&self, bytes: &[u8]) -> Result<Loaded, Error> {
        let max = self.limits()[0].1;
        if bytes.len() as u64 > max {
            return Err(super::files::too_large("workbook", bytes.len() as u64, max));
        }
        let mut book = Xlsx::new(std::io::Cursor::new(bytes)).map_err(|_| not_a_workbook())?;
        let names = book.sheet_names();
        let mut sheets: Vec<Option<Sheet>> = Vec::new();
        for (table, aliases) in SHEETS {
            let found = names
                .iter()
                .find(|n| aliases.iter().any(|a| fold_name(a) == fold_name(n)));
            let sheet = match found {
                Some(name) => Some(open_sheet(&mut book, table, name, &self.excel_headers)?),
                None => None,
            };
            sheets.push(sheet);
        }
        let [c, mut m, p] = <[Option<Sheet>; 3]>::try_from(sheets).map_err(|_| not_a_workbook())?;
        // No sheet of cooperatives: one sheet of members with each
        // cooperative's fields repeated on its rows, as officers keep it
        // (the members' sheet by name, or else the workbook's first sheet).
        if let (None, None) = (&c, &p) {
            let sheet = match m.take() {
                Some(m) => Some(m),
                None => match names.first() {
                    Some(name) => Some(open_sheet(&mut book, "members", name, &self.excel_headers)?)
                        .filter(|s| s.columns.iter().any(|c| c == "cooperative_id")),
                    None => None,
                },
            };
            if let Some(sheet) = sheet {
                return self.read_single_sheet(sheet);
            }
        }
        let Some(c) = c else {
            let names: Vec<&str> = SHEETS[0].1.to_vec();
            return Err(Error::Input(
                InputErrors::new(vec![InputError::new(
                    "workbook",
                    Code::MissingField,
                    format!("no sheet of cooperatives (named one of: {})", names.join(", ")),
                )])
                .expect("one error"),
            ));
        };
        let mut bad = Vec::new();
        let tables: Vec<(&Sheet, RowTable<'_>)> = [Some(&c), m.as_ref(), p.as_ref()]
            .into_iter()
            .flatten()
            .map(|s| (s, s.table(&mut bad)))
            .collect();
        if let Some(e) = InputErrors::new(bad) {
            return Err(Error::Input(e));
        }
        let find = |t: &str| {
            tables
                .iter()
                .find(|(s, _)| s.table == t)
                .map(|(_, r)| r as &dyn super::Table)
        };
        let read = self.read_tables(
            find("cooperatives").expect("read above"),
            find("members"),
            find("positions"),
        );
        let sheets: Vec<&Sheet> = tables.iter().map(|(s, _)| *s).collect();
        let place = |e: InputError| InputError {
            path: locate(&sheets, &e.path),
            ..e
        };
        placed(read, place)
    }

    /// Another header of an Excel sheet's column, beside the built-in ones
    /// of [`HEADERS`]: `excel_header("members", "sex", "Phái")` reads a
    /// column headed `Phái` (or `PHAI`) as `sex` in the members' sheet.
    /// A table other than `cooperatives`, `members` and `positions`, or an
    /// empty header, is a parameter error.
    ///
    /// ```
    /// use coopkit::io::ReadOptions;
    /// let o = ReadOptions::new().excel_header("members", "sex", "Phái").unwrap();
    /// assert!(ReadOptions::new().excel_header("people", "sex", "Phái").is_err());
    /// # let _ = o;
    /// ```
    pub fn excel_header(mut self, table: &str, column: &str, header: &str) -> Result<Self, Error> {
        let Some((table, _)) = SHEETS.iter().find(|(t, _)| *t == table) else {
            return Err(Error::parameter(
                "table",
                "expected cooperatives, members or positions",
            ));
        };
        let folded = fold_name(header);
        if folded.is_empty() || column.is_empty() {
            return Err(Error::parameter("header", "expected a header and a column name"));
        }
        self.excel_headers.push((table, column.to_owned(), folded));
        Ok(self)
    }

    /// An Excel workbook read from a file ([`ReadOptions::read_xlsx`]).
    pub fn read_xlsx_file(&self, path: &std::path::Path) -> Result<Loaded, Error> {
        let bytes = super::files::read_bytes(path, self.limits()[0].1)?;
        self.read_xlsx(&bytes)
    }
}

impl ReadOptions {
    /// The single-sheet form: one row per member, the cooperative's fields
    /// (`Tên HTX`, `Loại hình`, `Lĩnh vực`, ...) repeated on its members'
    /// rows or left empty after its first. A column is a member's field when
    /// it is one, else a cooperative's; a cooperative is its first row's id.
    fn read_single_sheet(&self, mut sheet: Sheet) -> Result<Loaded, Error> {
        use super::decode::fields;
        let headers: Vec<Data> = sheet
            .range
            .rows()
            .next()
            .map(<[Data]>::to_vec)
            .unwrap_or_default();
        // Each column's table: the members' (as the sheet was read), the
        // positions' for the role, else the cooperatives' for their fields.
        for (i, h) in headers.iter().enumerate().take(sheet.columns.len()) {
            let member = sheet.columns[i].as_str();
            if member == "cooperative_id" || fields::MEMBER.contains(&member) {
                continue;
            }
            // The member's positions (`Chức danh`: one, or several with `;`).
            let first_role = !sheet.column_tables.contains(&"positions");
            if first_role && column_name("positions", h, &self.excel_headers) == "role" {
                sheet.columns[i] = "role".into();
                sheet.column_tables[i] = "positions";
                continue;
            }
            let coop = column_name("cooperatives", h, &self.excel_headers);
            // `Tên` alone on a sheet of members is more likely a person's
            // name than the cooperative's: not read as either.
            let bare_name = matches!(h, Data::String(t) if fold_name(t) == fold_name("Tên"));
            let is_coop = fields::COOPERATIVE_SCALARS.contains(&coop.as_str())
                || ["members_listed", "positions_listed"].contains(&coop.as_str())
                || coop.starts_with("summary_")
                || coop.starts_with("employees_");
            if coop != "id" && !bare_name && is_coop {
                sheet.columns[i] = coop;
                sheet.column_tables[i] = "cooperatives";
            }
        }
        let columns_of = |table: &str| -> Vec<usize> {
            (0..sheet.column_tables.len())
                .filter(|&i| sheet.column_tables[i] == table)
                .collect()
        };
        let (member_cols, coop_cols) = (columns_of("members"), columns_of("cooperatives"));
        let role_col = columns_of("positions").first().copied();
        let Some(id_col) = sheet.columns.iter().position(|c| c == "cooperative_id") else {
            return Err(not_a_workbook());
        };
        let mut bad = Vec::new();
        let all = sheet.table(&mut bad);
        fn pick<'a>(row: &[Cell<'a>], cols: &[usize]) -> Vec<Cell<'a>> {
            cols.iter()
                .map(|&i| row.get(i).copied().unwrap_or(Cell::Null))
                .collect()
        }
        let members = RowTable {
            columns: member_cols.iter().map(|&i| all.columns[i].clone()).collect(),
            rows: all.rows.iter().map(|r| pick(r, &member_cols)).collect(),
        };
        // One cooperative per id, in the order first met: its id, then its
        // fields, each from the first row that gives it; a later row that
        // gives another value is an error at its cell.
        let mut cols = vec![id_col];
        cols.extend(&coop_cols);
        let mut first_rows: Vec<usize> = Vec::new();
        let mut coop_rows: Vec<Vec<Cell<'_>>> = Vec::new();
        let mut given: Vec<Vec<Option<usize>>> = Vec::new();
        let mut index = std::collections::HashMap::new();
        for (r, row) in all.rows.iter().enumerate() {
            let id = row.get(id_col).copied().unwrap_or(Cell::Null);
            if id == Cell::Null {
                if row.iter().any(|c| *c != Cell::Null) {
                    bad.push(InputError::new(
                        format!("{}.cooperative_id", sheet.cell_ref(r + 1, id_col)),
                        Code::MissingField,
                        "no cooperative id: on a single sheet each member's row names its cooperative",
                    ));
                }
                continue;
            }
            let k = *index.entry(format!("{id:?}")).or_insert_with(|| {
                first_rows.push(r);
                coop_rows.push(vec![Cell::Null; cols.len()]);
                given.push(vec![None; cols.len()]);
                coop_rows.len() - 1
            });
            for (j, &c) in cols.iter().enumerate() {
                let v = row.get(c).copied().unwrap_or(Cell::Null);
                if v == Cell::Null {
                    continue;
                }
                match given[k][j] {
                    None => {
                        coop_rows[k][j] = v;
                        given[k][j] = Some(r);
                    }
                    Some(first) if coop_rows[k][j] != v => bad.push(InputError::new(
                        format!("{}.{}", sheet.cell_ref(r + 1, c), sheet.columns[c]),
                        Code::Inconsistent,
                        format!(
                            "not the value of row {} for the same cooperative: give a cooperative's fields the \
                             same on each of its rows, or leave them empty after the first",
                            sheet.origin.0 as usize + first + 2
                        ),
                    )),
                    Some(_) => {}
                }
            }
        }
        // One position per role named on a member's row (`positions[k]` is
        // the role at `position_cells[k]`).
        let member_id_col = sheet.columns.iter().position(|c| c == "id");
        let mut positions = RowTable::new(&["cooperative_id", "member", "role"]);
        let mut position_cells = Vec::new();
        if let Some(rc) = role_col {
            for (r, row) in all.rows.iter().enumerate() {
                let roles: Vec<Cell<'_>> = match row.get(rc).copied().unwrap_or(Cell::Null) {
                    Cell::Null => continue,
                    Cell::Text(t) => t
                        .split([';', ','])
                        .map(str::trim)
                        .filter(|p| !p.is_empty())
                        .map(|p| text("positions", "role", p))
                        .collect(),
                    other => vec![other],
                };
                // A row without its cooperative is reported above.
                if row.get(id_col).copied().unwrap_or(Cell::Null) == Cell::Null {
                    continue;
                }
                let member = member_id_col
                    .and_then(|c| row.get(c).copied())
                    .unwrap_or(Cell::Null);
                for role in roles {
                    positions
                        .rows
                        .push(vec![row.get(id_col).copied().unwrap_or(Cell::Null), member, role]);
                    position_cells.push(r);
                }
            }
        }
        let mut coop_columns = vec!["id".to_owned()];
        coop_columns.extend(coop_cols.iter().map(|&i| sheet.columns[i].clone()));
        let cooperatives = RowTable {
            columns: coop_columns,
            rows: coop_rows,
        };
        let positions = role_col.map(|_| &positions as &dyn super::Table);
        let read = self.read_tables(&cooperatives, Some(&members), positions);
        let place = |e: InputError| {
            let path = if let Some(rest) = e.path.strip_prefix("cooperatives") {
                locate_cooperative(&sheet, &cols, &first_rows, rest).unwrap_or(e.path.clone())
            } else if let Some(rest) = e.path.strip_prefix("positions[") {
                // A position is on its member's row: its role in the role
                // cell, its member in the member's id, its cooperative in
                // the cooperative's id.
                let (k, field) = rest.split_once(']').unwrap_or((rest, ""));
                let field = field.strip_prefix('.').unwrap_or(field);
                let column = match field {
                    "member" => member_id_col,
                    "cooperative_id" => Some(id_col),
                    _ => role_col,
                };
                let shown = if field.is_empty() { "role" } else { field };
                match (
                    k.parse::<usize>().ok().and_then(|k| position_cells.get(k)),
                    column,
                ) {
                    (Some(&r), Some(c)) => format!("{}.{shown}", sheet.cell_ref(r + 1, c)),
                    _ => e.path.clone(),
                }
            } else {
                locate(&[&sheet], &e.path)
            };
            InputError { path, ..e }
        };
        // The sheet's own problems (a cooperative's fields that disagree, a
        // row without its cooperative, error cells) fail the read, lenient
        // too, with every problem the table reader finds besides.
        if !bad.is_empty() {
            let more = match read {
                Err(Error::Input(e)) => e.into_vec(),
                Ok(loaded) => loaded.rejected.into_iter().flat_map(|r| r.errors).collect(),
                Err(other) => return Err(other),
            };
            for e in more.into_iter().map(place) {
                if !bad.iter().any(|b| b.path == e.path) {
                    bad.push(e);
                }
            }
            return Err(Error::Input(InputErrors::new(bad).expect("errors kept")));
        }
        placed(read, place)
    }
}

/// A read with every error's path put by `place` (the table reader's
/// paths as the sheet's cells).
fn placed(read: Result<Loaded, Error>, place: impl Fn(InputError) -> InputError) -> Result<Loaded, Error> {
    match read {
        Ok(mut loaded) => {
            loaded.rejected = std::mem::take(&mut loaded.rejected)
                .into_iter()
                .map(|r| Rejected {
                    errors: r.errors.into_iter().map(&place).collect(),
                    ..r
                })
                .collect();
            Ok(loaded)
        }
        Err(Error::Input(e)) => Err(Error::Input(
            InputErrors::new(e.into_vec().into_iter().map(&place).collect()).expect("errors kept"),
        )),
        Err(other) => Err(other),
    }
}

/// A cooperative's path of the single-sheet form (`[3].sector`, `[3]`,
/// `.sector`) as the cell of its first row: `Danh sách!D12.sector`.
fn locate_cooperative(sheet: &Sheet, cols: &[usize], first_rows: &[usize], rest: &str) -> Option<String> {
    let column = |field: &str| -> Option<usize> {
        match field {
            "id" => cols.first().copied(),
            f => cols.iter().copied().find(|&c| sheet.columns[c] == f),
        }
    };
    if let Some(field) = rest.strip_prefix('.') {
        return Some(format!("{}.{field}", sheet.cell_ref(0, column(field)?)));
    }
    let (row, field) = rest.strip_prefix('[')?.split_once(']')?;
    let first = *first_rows.get(row.parse::<usize>().ok()?)?;
    let field = field.strip_prefix('.').unwrap_or(field);
    Some(match column(field) {
        Some(c) => format!("{}.{field}", sheet.cell_ref(first + 1, c)),
        None if field.is_empty() => format!("{}!{}", sheet.name, sheet.origin.0 as usize + first + 2),
        None => format!("{}!{}.{field}", sheet.name, sheet.origin.0 as usize + first + 2),
    })
}

/// Reads a registry from an Excel workbook in memory, strictly.
pub fn registry_from_xlsx(bytes: &[u8]) -> Result<crate::registry::Registry, Error> {
    ReadOptions::new().read_xlsx(bytes).map(|l| l.registry)
}

/// The reader's own message may quote cell text: it is not shown.
fn not_a_workbook() -> Error {
    Error::Input(
        InputErrors::new(vec![InputError::new(
            "workbook",
            Code::Syntax,
            "not an Excel workbook (.xlsx) that can be read: save it again as \"Excel Workbook\"",
        )])
        .expect("one error"),
    )
}

/// The sheet `name` of the workbook, read as `table`.
fn open_sheet<R: std::io::Read + std::io::Seek>(
    book: &mut Xlsx<R>,
    table: &'static str,
    name: &str,
    extra: &[(&'static str, String, String)],
) -> Result<Sheet, Error> {
    let range = book.worksheet_range(name).map_err(|_| not_a_workbook())?;
    let formulas = book.worksheet_formula(name).map_err(|_| not_a_workbook())?;
    let merged = match book.worksheet_merge_cells(name) {
        Some(m) => m.map_err(|_| not_a_workbook())?,
        None => Vec::new(),
    };
    Sheet::new(table, name.to_owned(), range, &formulas, &merged, extra)
}

/// One sheet read: its table, its name in the workbook, its cells, and its
/// columns put into the contract's names.
struct Sheet {
    table: &'static str,
    name: String,
    range: calamine::Range<Data>,
    columns: Vec<String>,
    /// The table each column belongs to: the sheet's, or in the single-sheet
    /// form `cooperatives` for the cooperative's fields.
    column_tables: Vec<&'static str>,
    /// The sheet's first row and column (0-based), for cell references.
    origin: (u32, u32),
    /// Cells (absolute row and column) holding a formula with no saved value.
    unsaved: Vec<(u32, u32)>,
    /// Merged regions (first and last cell, absolute): only their first
    /// cell holds the value.
    merged: Vec<((u32, u32), (u32, u32))>,
}

impl Sheet {
    fn new(
        table: &'static str,
        name: String,
        range: calamine::Range<Data>,
        formulas: &calamine::Range<String>,
        merged: &[calamine::Dimensions],
        extra: &[(&'static str, String, String)],
    ) -> Result<Sheet, Error> {
        let (rows, cols) = range.get_size();
        if rows as u64 * cols as u64 > MAX_CELLS {
            return Err(Error::Input(
                InputErrors::new(vec![super::limits::exceeded(
                    name.clone(),
                    &format!("{rows} rows of {cols} columns"),
                    "max_bytes",
                    MAX_CELLS,
                )])
                .expect("one error"),
            ));
        }
        let origin = range.start().unwrap_or((0, 0));
        let columns: Vec<String> = range
            .rows()
            .next()
            .map(|header| header.iter().map(|h| column_name(table, h, extra)).collect())
            .unwrap_or_default();
        // A formula whose value was never saved (a file written by a tool,
        // not by Excel) reads as an empty cell: which it is not.
        let unsaved = formulas
            .used_cells()
            .filter(|(_, _, f)| !f.is_empty())
            .map(|(r, c, _)| {
                let at = (
                    formulas.start().map_or(0, |s| s.0) + r as u32,
                    formulas.start().map_or(0, |s| s.1) + c as u32,
                );
                let empty =
                    |v: &Data| matches!(v, Data::Empty) || matches!(v, Data::String(s) if s.is_empty());
                (at, range.get_value(at).is_none_or(empty))
            })
            .filter(|&(_, empty)| empty)
            .map(|(at, _)| at)
            .collect();
        Ok(Sheet {
            table,
            name,
            column_tables: vec![table; columns.len()],
            range,
            columns,
            origin,
            unsaved,
            merged: merged
                .iter()
                .filter(|d| d.start != d.end)
                .map(|d| (d.start, d.end))
                .collect(),
        })
    }

    /// The data rows as a table of cells; error cells are errors in `bad`.
    fn table(&self, bad: &mut Vec<InputError>) -> RowTable<'_> {
        let mut t = RowTable {
            columns: self.columns.clone(),
            rows: Vec::new(),
        };
        // A merged region reads as its first cell and empty ones: the rows
        // or columns it spans would silently lose the value.
        for &(start, end) in &self.merged {
            let (r, c) = (
                start.0.saturating_sub(self.origin.0),
                start.1.saturating_sub(self.origin.1),
            );
            let column = self.columns.get(c as usize).map_or("", String::as_str);
            let last = format!("{}{}", column_letters(end.1 as usize), end.0 + 1);
            bad.push(InputError::new(
                format!("{}.{column}", self.cell_ref(r as usize, c as usize)),
                Code::InvalidValue,
                format!("merged cells (to {last}): unmerge them and give each row its own value"),
            ));
        }
        for (r, row) in self.range.rows().enumerate().skip(1) {
            let cells = row
                .iter()
                .enumerate()
                .map(|(c, v)| {
                    let column = self.columns.get(c).map_or("", String::as_str);
                    let at = (self.origin.0 + r as u32, self.origin.1 + c as u32);
                    let read = match self.unsaved.binary_search(&at) {
                        Ok(_) => Err(
                            "a formula whose value was not saved in the file: open the workbook in Excel and save it"
                                .into(),
                        ),
                        Err(_) => cell(self.column_tables.get(c).copied().unwrap_or(self.table), column, v),
                    };
                    match read {
                        Ok(cell) => cell,
                        Err(why) => {
                            bad.push(InputError::new(
                                format!("{}.{column}", self.cell_ref(r, c)),
                                Code::InvalidValue,
                                why,
                            ));
                            Cell::Null
                        }
                    }
                })
                .collect();
            t.rows.push(cells);
        }
        t
    }

    /// `Sheet!B17` for row `r` and column `c` of the range (0-based).
    fn cell_ref(&self, r: usize, c: usize) -> String {
        let row = self.origin.0 as usize + r + 1;
        format!(
            "{}!{}{row}",
            self.name,
            column_letters(self.origin.1 as usize + c)
        )
    }
}

/// A header cell as a column name of `table`: a Vietnamese name put into
/// the contract's, anything else as it is written (the table reader then
/// reports it as unknown, without quoting what is not a column name).
fn column_name(table: &str, header: &Data, extra: &[(&'static str, String, String)]) -> String {
    let text = match header {
        Data::String(s) => s.trim().to_owned(),
        Data::Empty => String::new(),
        other => other.to_string(),
    };
    let folded = fold_name(&text);
    if let Some((_, column, _)) = extra.iter().find(|(t, _, h)| *t == table && *h == folded) {
        return column.clone();
    }
    HEADERS
        .iter()
        .find(|(t, _, names)| *t == table && names.iter().any(|n| fold_name(n) == folded))
        .map_or(text, |(_, column, _)| (*column).to_owned())
}

/// A value as a cell of the CSV form: its meaning kept, nothing rounded.
fn cell<'a>(table: &str, column: &str, v: &'a Data) -> Result<Cell<'a>, String> {
    Ok(match v {
        Data::Empty => Cell::Null,
        // An empty text is an empty cell, as in CSV.
        Data::String(s) if s.is_empty() => Cell::Null,
        Data::Bool(b) => Cell::Bool(*b),
        Data::Int(i) => Cell::Int(*i),
        // Excel stores every number as a float: a whole one is an integer.
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 9.0e15 => Cell::Int(*f as i64),
        Data::Float(f) => Cell::Float(*f),
        Data::String(s) => text(table, column, s),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.as_str()),
        Data::DateTime(d) => {
            let (y, m, day, h, mi, s, ms) = d.to_ymd_hms_milli();
            if d.is_duration() || (h, mi, s, ms) != (0, 0, 0, 0) {
                return Err("a date with a time of day, or a duration: give the day alone".into());
            }
            let date = chrono::NaiveDate::from_ymd_opt(i32::from(y), u32::from(m), u32::from(day))
                .ok_or("a date Excel cannot give as a day")?;
            let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).expect("a day");
            let days = i32::try_from((date - epoch).num_days()).map_err(|_| "a date out of range")?;
            Cell::Date(days)
        }
        Data::Error(_) => return Err("an error cell (#N/A, #DIV/0!, ...): its value is not known".into()),
    })
}

/// A text cell: in a coded column its Vietnamese label read as its code,
/// `Có`/`Không` as yes and no, else the text as it is.
fn text<'a>(table: &str, column: &str, s: &'a str) -> Cell<'a> {
    let folded = fold_name(s);
    if let Some(list) = code_list(table, column) {
        let vocabulary = vocabulary(Lang::Vi);
        let pairs = vocabulary.iter().find(|(name, _)| *name == list).map(|(_, p)| p);
        if let Some(code) = pairs.and_then(|p| p.iter().find(|(_, label)| fold_name(label) == folded)) {
            return Cell::Text(code.0);
        }
        if let Some((_, _, code)) = SHORT_FORMS
            .iter()
            .find(|(l, short, _)| *l == list && fold_name(short) == folded)
        {
            return Cell::Text(code);
        }
    }
    if super::decode::fields::YES_NO_COLUMNS.contains(&column) {
        if let Some((_, yes)) = YES_NO.iter().find(|(w, _)| *w == folded) {
            return Cell::Bool(*yes);
        }
    }
    Cell::Text(s)
}

/// `A`, `B`, ..., `Z`, `AA`, ... for a 0-based column.
fn column_letters(mut c: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// A table reader's path (`members[16].birth_date`, `members.type`,
/// `cooperatives[2]`) as the sheet and cell it names.
fn locate(sheets: &[&Sheet], path: &str) -> String {
    let (head, rest) = path.split_once(['[', '.']).unwrap_or((path, ""));
    let Some(sheet) = sheets.iter().find(|s| s.table == head) else {
        return path.to_owned();
    };
    let column_of = |field: &str| sheet.columns.iter().position(|c| c == field);
    if path[head.len()..].starts_with('[') {
        // A row: `[16]` or `[16].field`.
        let (row, field) = rest.split_once(']').unwrap_or((rest, ""));
        let Ok(row) = row.parse::<usize>() else {
            return path.to_owned();
        };
        let field = field.strip_prefix('.').unwrap_or(field);
        return match column_of(field) {
            Some(c) => format!("{}.{field}", sheet.cell_ref(row + 1, c)),
            None if field.is_empty() => format!("{}!{}", sheet.name, sheet.origin.0 as usize + row + 2),
            None => format!("{}!{}.{field}", sheet.name, sheet.origin.0 as usize + row + 2),
        };
    }
    // A column as a whole: on the header row; a header not shown
    // (`<column 4>`) by its cell alone.
    let unshown = rest
        .strip_prefix("<column ")
        .and_then(|r| r.strip_suffix('>'))
        .and_then(|n| n.parse::<usize>().ok())
        .filter(|&n| n > 0);
    match (column_of(rest), unshown) {
        (Some(c), _) => format!("{}.{rest}", sheet.cell_ref(0, c)),
        (None, Some(n)) => sheet.cell_ref(0, n - 1),
        (None, None) => format!("{}!1.{rest}", sheet.name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_lettered_as_excel_letters_them() {
        let got: Vec<String> = [0, 1, 25, 26, 27, 701, 702]
            .iter()
            .map(|&c| column_letters(c))
            .collect();
        assert_eq!(got, ["A", "B", "Z", "AA", "AB", "ZZ", "AAA"]);
    }

    #[test]
    fn vietnamese_headers_and_labels_are_the_contract_names_and_codes() {
        let h = |s: &str| column_name("members", &Data::String(s.into()), &[]);
        assert_eq!(h("Giới tính"), "sex");
        assert_eq!(h("NGÀY SINH"), "birth_date");
        assert_eq!(h("Mã HTX"), "cooperative_id");
        assert_eq!(
            column_name("cooperatives", &Data::String("Mã HTX".into()), &[]),
            "id"
        );
        let extra = [("members", "sex".to_owned(), fold_name("Phái"))];
        assert_eq!(
            column_name("members", &Data::String("PHÁI".into()), &extra),
            "sex"
        );
        assert_eq!(h("brith_date"), "brith_date");
        assert_eq!(text("members", "sex", "Nữ"), Cell::Text("female"));
        assert_eq!(text("members", "sex", "NAM"), Cell::Text("male"));
        assert_eq!(
            text("cooperatives", "kind", "Tổ hợp tác"),
            Cell::Text("cooperative_group")
        );
        assert_eq!(text("members", "uses_services", "Có"), Cell::Bool(true));
        assert_eq!(text("members", "id", "m1"), Cell::Text("m1"));
    }
}
