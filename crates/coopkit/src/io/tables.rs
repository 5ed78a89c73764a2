//! Tables handed over column by column: data frames, Arrow tables,
//! JavaScript arrays. A binding describes its table by the [`Table`] trait
//! (column names, chunks of rows, and one [`Cell`] at a time); the core does
//! the rest, so every binding reads tables by the same rules.
//!
//! # The rules
//!
//! The tables are the CSV folder form of the contract (see [`crate::io`]):
//! the same three tables (`cooperatives`, `members`, `positions`), the same
//! columns, and the same meaning for every cell. A cell means exactly what its
//! text would mean in the CSV file, where its text is:
//!
//! - [`Cell::Null`]: an empty cell (absent);
//! - [`Cell::Text`]: the text itself;
//! - [`Cell::Int`] and [`Cell::UInt`]: the decimal digits (`-` for a negative);
//! - [`Cell::Float`]: the number with its decimal point (`5.0`), so a float
//!   in a money or count column is an error as in JSON; NaN (pandas' empty
//!   cell) is empty;
//! - [`Cell::Bool`]: `true` or `false`;
//! - [`Cell::Date`] (days since 1970-01-01): `YYYY-MM-DD`.
//!
//! # Paths
//!
//! Problems are put on their table and row, rows counted from 0 across
//! chunks: `members[17].birth_date`, `cooperatives[3].id`; a problem with a
//! column as a whole (an unknown or missing column) is `members.brith_date`.
//!
//! # How
//!
//! Valid tables (the usual case) go straight into the registry's columns:
//! member rows are decoded cell by cell, dates, money and booleans from
//! their typed values, and never become text (two threads, one on wasm32).
//! At the first doubt the tables are written as CSV text and read by the
//! record reader, which finds and locates every error; the result is the
//! same either way (tested).

use super::csv::columnar::{self as columns, GiveUp, Interner, RowCells, Sink, Staged};
use super::{finish_strict_loaded, registry_from_csv_bytes_lenient, Loaded};
use crate::error::{Error, InputError, InputErrors};
use crate::model::Date;
use crate::registry::Registry;
use chrono::Datelike;
use std::borrow::Cow;

/// One cell of a [`Table`]. Its meaning is that of its text in the CSV form
/// (see [Tables](crate::io#tables)).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell<'a> {
    /// No value: an empty cell.
    Null,
    /// Text.
    Text(&'a str),
    /// A signed integer.
    Int(i64),
    /// An unsigned integer.
    UInt(u64),
    /// A floating-point number.
    Float(f64),
    /// A boolean.
    Bool(bool),
    /// A date, as days since 1970-01-01 (Arrow's `date32`).
    Date(i32),
}

/// A table handed over column by column. Rows come in chunks (an Arrow
/// table's record batches; one chunk is fine) and are numbered from 0 across
/// chunks in error paths.
pub trait Table: Sync {
    /// The column names, in order.
    fn columns(&self) -> Vec<String>;
    /// How many chunks of rows there are.
    fn chunks(&self) -> usize;
    /// How many rows chunk `chunk` has.
    fn rows(&self, chunk: usize) -> usize;
    /// The cell of column `column` in row `row` of chunk `chunk`.
    fn cell(&self, chunk: usize, column: usize, row: usize) -> Cell<'_>;

    /// Every cell of row `row` of chunk `chunk`, one per column, into
    /// `out` (as long as there are columns). The readers call this once per
    /// row; the default asks [`Table::cell`] for each column.
    fn fill<'s>(&'s self, chunk: usize, row: usize, out: &mut [Cell<'s>]) {
        for (column, cell) in out.iter_mut().enumerate() {
            *cell = self.cell(chunk, column, row);
        }
    }
}

/// A table held row by row: the simplest [`Table`], for tests and for small
/// tables built in code.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RowTable<'a> {
    /// The column names.
    pub columns: Vec<String>,
    /// The rows, each with one cell per column.
    pub rows: Vec<Vec<Cell<'a>>>,
}

impl RowTable<'_> {
    /// A table with these columns and no rows.
    pub fn new(columns: &[&str]) -> Self {
        RowTable {
            columns: columns.iter().map(|c| (*c).to_string()).collect(),
            rows: Vec::new(),
        }
    }
}

impl Table for RowTable<'_> {
    fn columns(&self) -> Vec<String> {
        self.columns.clone()
    }
    fn chunks(&self) -> usize {
        1
    }
    fn rows(&self, _: usize) -> usize {
        self.rows.len()
    }
    /// A row shorter than the header has empty cells at its end.
    fn cell(&self, _: usize, column: usize, row: usize) -> Cell<'_> {
        self.rows[row].get(column).copied().unwrap_or(Cell::Null)
    }
}

/// Reads a registry from its tables, strictly: every error of every table is
/// reported, located by table, row and column (`members[17].birth_date`).
pub fn registry_from_tables(
    cooperatives: &dyn Table,
    members: Option<&dyn Table>,
    positions: Option<&dyn Table>,
) -> Result<Registry, Error> {
    finish_strict_loaded(registry_from_tables_lenient(cooperatives, members, positions)?)
}

/// [`registry_from_tables`], keeping the valid cooperatives and returning the
/// rejected rows with their errors (as [`super::registry_from_csv_lenient`]
/// does; a problem with a column as a whole is still an error).
pub fn registry_from_tables_lenient(
    cooperatives: &dyn Table,
    members: Option<&dyn Table>,
    positions: Option<&dyn Table>,
) -> Result<Loaded, Error> {
    // Id columns of a type ids cannot have are whole-table errors. The
    // small tables are looked at first; the member table only when the fast
    // path gave up (it gives up on such a cell), so valid input costs no
    // extra pass over millions of rows.
    let small = [("cooperatives", Some(cooperatives)), ("positions", positions)];
    let mut odd = odd_id_columns(&small);
    if !odd.is_empty() {
        odd.extend(odd_id_columns(&[("members", members)]));
        return Err(Error::Input(InputErrors::new(odd).expect("an error")));
    }
    let (fast, c, p) = columnar(cooperatives, members, positions);
    if let Ok(registry) = fast {
        return Ok(Loaded {
            registry,
            rejected: Vec::new(),
        });
    }
    if let Some(e) = InputErrors::new(odd_id_columns(&[("members", members)])) {
        return Err(Error::Input(e));
    }
    let m = members.map(to_csv);
    let m: Option<[&[u8]; 1]> = m.as_deref().map(|m| [m]);
    let tables: Vec<(&str, &dyn Table, Vec<String>)> = [
        ("cooperatives", Some(cooperatives)),
        ("members", members),
        ("positions", positions),
    ]
    .into_iter()
    .filter_map(|(n, t)| t.map(|t| (n, t, t.columns())))
    .collect();
    let explain = |e: &InputError| hint_whole_float(relocate(e), &tables);
    match registry_from_csv_bytes_lenient(&c, m.as_ref().map(|m| &m[..]), p.as_deref()) {
        Ok(mut loaded) => {
            for r in &mut loaded.rejected {
                r.errors = r.errors.iter().map(explain).collect();
            }
            Ok(loaded)
        }
        Err(Error::Input(e)) => {
            let all = e.errors().iter().map(explain).collect();
            Err(Error::Input(InputErrors::new(all).unwrap_or(e)))
        }
        Err(other) => Err(other),
    }
}

/// Id columns holding decimals or yes/no values: an id is text (or a whole
/// number, read as its digits), and `1.0` would not join `1`, nor `true`
/// be anyone's id. A problem with the column as a whole (`members.id`).
fn odd_id_columns(tables: &[(&str, Option<&dyn Table>)]) -> Vec<InputError> {
    use crate::error::InputErrorCode;
    let mut out = Vec::new();
    for &(name, table) in tables {
        let Some(table) = table else { continue };
        let ids: &[&str] = match name {
            "cooperatives" => &["id"],
            "members" => &["cooperative_id", "id"],
            _ => &["cooperative_id", "member", "id"],
        };
        let columns = table.columns();
        for (k, column) in columns
            .iter()
            .enumerate()
            .filter(|(_, c)| ids.contains(&c.as_str()))
        {
            let odd = (0..table.chunks()).any(|chunk| {
                (0..table.rows(chunk))
                    .any(|row| matches!(table.cell(chunk, k, row), Cell::Float(_) | Cell::Bool(_)))
            });
            if odd {
                out.push(InputError::new(
                    format!("{name}.{column}"),
                    InputErrorCode::InvalidType,
                    "an id column holding decimals or yes/no values: ids are text or whole numbers \
                     (1.0 would not join 1); cast the column to text or to a nullable integer type",
                ));
            }
        }
    }
    out
}

/// The fast path: valid tables straight into the registry's columns. The
/// small tables are read as CSV text, written and read while the members
/// are decoded; the text is returned for the record reader, should the
/// fast path give up.
fn columnar(
    cooperatives: &dyn Table,
    members: Option<&dyn Table>,
    positions: Option<&dyn Table>,
) -> (Result<Registry, GiveUp>, Vec<u8>, Option<Vec<u8>>) {
    let options = super::CsvOptions::default();
    let heads = || {
        let (c, p) = (to_csv(cooperatives), positions.map(to_csv));
        (
            columns::heads(c.as_slice(), members.is_some(), p.as_deref()),
            c,
            p,
        )
    };
    let lists = || match members {
        Some(m) => member_rows(m, options.threads > 1),
        None => Ok(Staged::default()),
    };
    let ((heads, c, p), staged) = columns::both(options.threads > 1, heads, lists);
    let registry = heads.and_then(|h| columns::assemble(h, staged?, &options));
    (registry, c, p)
}

/// The member table decoded into columns, its rows split between two
/// threads when `threads`.
fn member_rows(table: &dyn Table, threads: bool) -> Result<Staged, GiveUp> {
    let names = table.columns();
    let header = ::csv::ByteRecord::from(names.iter().map(String::as_str).collect::<Vec<_>>());
    let cx = columns::Context {
        cells: columns::member_cells(&header)?,
    };
    // Where each chunk starts, counting rows from the table's first.
    let mut starts = Vec::with_capacity(table.chunks() + 1);
    let mut total = 0;
    for k in 0..table.chunks() {
        starts.push(total);
        total += table.rows(k);
    }
    // Rows `from..to` of the table, whichever chunks they are in.
    let decode = |from: usize, to: usize, source: u32| -> Result<(Staged, Interner), GiveUp> {
        let mut ids = Interner::default();
        let mut sink = Sink::new(&cx, 0, source, &mut ids);
        sink.st.cols.reserve(to - from, 0);
        let mut cells = vec![Cell::Null; names.len()];
        for (chunk, &start) in starts.iter().enumerate() {
            let end = start + table.rows(chunk);
            for row in from.max(start)..to.min(end) {
                table.fill(chunk, row - start, &mut cells);
                sink.row(&TableRow { cells: &cells })?;
            }
        }
        let staged = sink.st;
        Ok((staged, ids))
    };
    // Two halves of the rows, on two threads: a single large chunk (what
    // polars hands over) is split too.
    let (mut staged, ids) = if threads && total >= 2 {
        let (upper, lower) = columns::both(true, || decode(total / 2, total, 1), || decode(0, total / 2, 0));
        let ((mut lower, lower_ids), (upper, upper_ids)) = (lower?, upper?);
        lower.append(upper)?;
        (lower, vec![lower_ids, upper_ids])
    } else {
        let (staged, ids) = decode(0, total, 0)?;
        (staged, vec![ids])
    };
    staged.set_ids(ids);
    staged.cols.shrink_to_fit();
    Ok(staged)
}

/// One row of a [`Table`], its cells in column order.
struct TableRow<'a, 'c> {
    cells: &'a [Cell<'c>],
}

impl TableRow<'_, '_> {
    fn cell(&self, i: usize) -> Cell<'_> {
        self.cells[i]
    }
}

impl RowCells for TableRow<'_, '_> {
    /// A decimal or yes/no id (`1.0` would join nothing): give up, so that
    /// [`odd_id_columns`] names the column.
    fn id(&self, i: usize) -> Result<Cow<'_, str>, GiveUp> {
        match self.cell(i) {
            Cell::Float(_) | Cell::Bool(_) => Err(GiveUp),
            _ => self.text(i),
        }
    }

    fn text(&self, i: usize) -> Result<Cow<'_, str>, GiveUp> {
        Ok(match self.cell(i) {
            Cell::Text(s) => Cow::Borrowed(s),
            Cell::Null => Cow::Borrowed(""),
            other => {
                let mut out = Vec::new();
                write_cell(other, &mut out);
                Cow::Owned(String::from_utf8(out).map_err(|_| GiveUp)?)
            }
        })
    }

    /// A date straight from its days, where its text would be `YYYY-MM-DD`
    /// (years 0–9999).
    fn date(&self, i: Option<usize>) -> Result<Option<Date>, GiveUp> {
        match i.map(|i| self.cell(i)) {
            Some(Cell::Date(days)) => date_of(days)
                .filter(|d| (0..=9999).contains(&d.year()))
                .map(Some)
                .ok_or(GiveUp),
            _ => self.opt(i, |s| super::decode::parse_date(s).ok()),
        }
    }

    /// Money straight from an integer (a negative is an error).
    fn money(&self, i: Option<usize>) -> Result<Option<u64>, GiveUp> {
        match i.map(|i| self.cell(i)) {
            Some(Cell::UInt(n)) => Ok(Some(n)),
            Some(Cell::Int(n)) => u64::try_from(n).map(Some).map_err(|_| GiveUp),
            _ => self.opt(i, |s| super::decode::text_u64(s).ok()),
        }
    }

    fn flag(&self, i: Option<usize>) -> Result<Option<bool>, GiveUp> {
        match i.map(|i| self.cell(i)) {
            Some(Cell::Bool(b)) => Ok(Some(b)),
            _ => self.opt(i, super::decode::text_bool),
        }
    }
}

/// The bytes that make a CSV field need quotes.
const SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    t[b',' as usize] = true;
    t[b'"' as usize] = true;
    t[b'\n' as usize] = true;
    t[b'\r' as usize] = true;
    t
};

/// Text as a CSV field: as it is, or quoted (with quotes doubled) when it
/// holds a comma, a quote or a line end.
fn push_text(out: &mut Vec<u8>, s: &str) {
    let b = s.as_bytes();
    if !b.iter().any(|&c| SPECIAL[usize::from(c)]) {
        out.extend_from_slice(b);
        return;
    }
    out.push(b'"');
    for &c in b {
        if c == b'"' {
            out.push(b'"');
        }
        out.push(c);
    }
    out.push(b'"');
}

/// Appends a cell's text as a CSV field (nothing for an empty cell).
fn write_cell(cell: Cell<'_>, out: &mut Vec<u8>) {
    use std::io::Write;
    // Writing to a `Vec` cannot fail.
    let _ = match cell {
        Cell::Null => Ok(()),
        Cell::Text(s) => {
            push_text(out, s);
            Ok(())
        }
        Cell::Int(n) => out.write_all(itoa::Buffer::new().format(n).as_bytes()),
        Cell::UInt(n) => out.write_all(itoa::Buffer::new().format(n).as_bytes()),
        Cell::Float(x) if x.is_nan() => Ok(()),
        // `{:?}` keeps the decimal point (`5.0`), so the reader sees a
        // number that is not whole.
        Cell::Float(x) => write!(out, "{x:?}"),
        Cell::Bool(b) => out.write_all(if b { b"true" } else { b"false" }),
        // Outside years 0–9999 chrono writes a sign (`+10000-01-01`), which
        // no reader takes as a date, so the error is reported at the cell.
        Cell::Date(days) => match date_of(days) {
            Some(d) => write!(out, "{d}"),
            None => write!(out, "out-of-range-date"),
        },
    };
}

/// The date `days` after 1970-01-01, where chrono has one.
fn date_of(days: i32) -> Option<Date> {
    /// 1970-01-01 as days from 0001-01-01, day 1.
    const UNIX_EPOCH_FROM_CE: i32 = 719_163;
    Date::from_num_days_from_ce_opt(days.checked_add(UNIX_EPOCH_FROM_CE)?)
}

/// The table as CSV text with a header row.
fn to_csv(table: &dyn Table) -> Vec<u8> {
    let names = table.columns();
    let mut out = Vec::new();
    for (j, name) in names.iter().enumerate() {
        if j > 0 {
            out.push(b',');
        }
        push_text(&mut out, name);
    }
    out.push(b'\n');
    if names.is_empty() {
        // A table with no columns has no rows to write either.
        return out;
    }
    for chunk in 0..table.chunks() {
        for row in 0..table.rows(chunk) {
            for col in 0..names.len() {
                if col > 0 {
                    out.push(b',');
                }
                write_cell(table.cell(chunk, col, row), &mut out);
            }
            out.push(b'\n');
        }
    }
    out
}

/// A text of the CSV reader's with its CSV places put back on the tables:
/// `members.csv:42.birth_date` (line 1 the header) becomes
/// `members[40].birth_date`, `members.csv:1.brith_date` becomes
/// `members.brith_date`, and a bare `cooperatives.csv` the `cooperatives`
/// table.
fn relocate_text(s: &str) -> String {
    const FILES: [&str; 3] = ["cooperatives.csv", "members.csv", "positions.csv"];
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    'scan: while !rest.is_empty() {
        for file in FILES {
            let Some(after) = rest.strip_prefix(file) else {
                continue;
            };
            let name = &file[..file.len() - 4];
            let digits = after
                .strip_prefix(':')
                .map_or(0, |a| a.bytes().take_while(u8::is_ascii_digit).count());
            if digits == 0 {
                // A path that is the file alone is the table; in a sentence,
                // "the cooperatives table".
                if s == file {
                    out.push_str(name);
                } else {
                    out.push_str("the ");
                    out.push_str(name);
                    out.push_str(" table");
                }
                rest = after;
                continue 'scan;
            }
            let line: usize = after[1..=digits].parse().unwrap_or(0);
            out.push_str(name);
            if line >= 2 {
                out.push('[');
                out.push_str(&(line - 2).to_string());
                out.push(']');
            }
            rest = &after[1 + digits..];
            continue 'scan;
        }
        let ch = rest.chars().next().unwrap_or_default();
        out.push(ch);
        rest = &rest[ch.len_utf8()..];
    }
    out
}

/// An error of the CSV reader put back on the tables ([`relocate_text`] on
/// its path and its message).
fn relocate(e: &InputError) -> InputError {
    InputError::new(relocate_text(&e.path), e.code, relocate_text(&e.message))
}

/// What a whole number held as a float means in a table, and what to do.
const WHOLE_FLOAT: &str = "a whole number held as a decimal (a float column): amounts and counts \
     must be whole numbers; a column with gaps needs a nullable integer type \
     (pandas Int64, polars Int64), not float64";

/// `e` (a relocated error, `members[17].capital_vnd`) with the reason a
/// data frame usually has for it: its cell is a whole number held as a
/// float, as pandas holds an integer column with an empty cell.
fn hint_whole_float(e: InputError, tables: &[(&str, &dyn Table, Vec<String>)]) -> InputError {
    use crate::error::{InputErrorCode, Loc};
    if e.code != InputErrorCode::InvalidType {
        return e;
    }
    let [Loc::Name(name), Loc::Index(row), Loc::Name(field)] = &e.loc()[..] else {
        return e;
    };
    let Some((_, table, columns)) = tables.iter().find(|(n, ..)| n == name) else {
        return e;
    };
    let Some(column) = columns.iter().position(|c| c == field) else {
        return e;
    };
    let Ok(mut row) = usize::try_from(*row) else {
        return e;
    };
    for chunk in 0..table.chunks() {
        if row < table.rows(chunk) {
            return match table.cell(chunk, column, row) {
                Cell::Float(x) if x.is_finite() && x.fract() == 0.0 => InputError {
                    message: WHOLE_FLOAT.into(),
                    ..e
                },
                _ => e,
            };
        }
        row -= table.rows(chunk);
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A cooperatives table of one valid cooperative, `A`.
    fn one_cooperative() -> RowTable<'static> {
        let mut coops = RowTable::new(&["id", "name", "kind", "sector"]);
        coops.rows.push(vec![
            Cell::Text("A"),
            Cell::Text("HTX A"),
            Cell::Text("cooperative"),
            Cell::Text("agriculture"),
        ]);
        coops
    }

    /// Valid tables take the fast path, typed cells or text, in any chunks.
    #[test]
    fn valid_tables_go_straight_into_columns() {
        let coops = one_cooperative();
        let columns = [
            "cooperative_id",
            "id",
            "type",
            "birth_date",
            "capital_vnd",
            "uses_services",
        ];
        let mut typed = RowTable::new(&columns);
        let mut text = RowTable::new(&columns);
        for k in 0..5 {
            let row = |birth, capital, uses| {
                vec![
                    Cell::Text("A"),
                    Cell::Text(["m0", "m1", "m2", "m3", "m4"][k]),
                    Cell::Text("individual"),
                    birth,
                    capital,
                    uses,
                ]
            };
            typed
                .rows
                .push(row(Cell::Date(-3650), Cell::Int(1_000_000), Cell::Bool(true)));
            text.rows.push(row(
                Cell::Text("1960-01-04"),
                Cell::Text("1000000"),
                Cell::Text("true"),
            ));
        }
        let a = columnar(&coops, Some(&typed), None)
            .0
            .expect("valid typed cells take the fast path");
        let b = columnar(&coops, Some(&text), None)
            .0
            .expect("valid text cells take the fast path");
        assert_eq!(a.get(0), b.get(0));
        let m = &a.get(0).unwrap().members.unwrap()[4];
        assert_eq!(m.birth_date, Date::from_ymd_opt(1960, 1, 4));
        // One bad cell: the fast path gives up (the record reader reports it).
        typed.rows[3][4] = Cell::Int(-1);
        assert!(columnar(&coops, Some(&typed), None).0.is_err());
    }

    #[test]
    fn csv_places_become_table_places() {
        assert_eq!(
            relocate_text("members.csv:42.birth_date"),
            "members[40].birth_date"
        );
        assert_eq!(relocate_text("members.csv:1.brith_date"), "members.brith_date");
        assert_eq!(relocate_text("cooperatives.csv:1"), "cooperatives");
        assert_eq!(relocate_text("positions.csv:2"), "positions[0]");
        assert_eq!(
            relocate_text("duplicate cooperative id, first used at cooperatives.csv:3.id"),
            "duplicate cooperative id, first used at cooperatives[1].id"
        );
        assert_eq!(
            relocate_text("no cooperative with this id in cooperatives.csv"),
            "no cooperative with this id in the cooperatives table"
        );
        assert_eq!(relocate_text("summary.members"), "summary.members");
    }

    #[test]
    fn cells_are_written_as_their_csv_text() {
        let text = |c| {
            let mut out = Vec::new();
            write_cell(c, &mut out);
            String::from_utf8(out).unwrap()
        };
        assert_eq!(text(Cell::Null), "");
        assert_eq!(text(Cell::Text("a,\"b\"")), "\"a,\"\"b\"\"\"");
        assert_eq!(text(Cell::Int(-5)), "-5");
        assert_eq!(text(Cell::UInt(u64::MAX)), "18446744073709551615");
        assert_eq!(text(Cell::Float(5.0)), "5.0");
        assert_eq!(text(Cell::Float(f64::NAN)), "");
        assert_eq!(text(Cell::Bool(true)), "true");
        assert_eq!(text(Cell::Date(0)), "1970-01-01");
        assert_eq!(text(Cell::Date(-719_529)), "-0001-12-31");
    }

    /// A float or boolean id column is refused as a whole: its ids would be
    /// their text (`1.0`), which joins nothing.
    #[test]
    fn decimal_or_boolean_ids_are_refused_as_a_column() {
        let coops = one_cooperative();
        let mut members = RowTable::new(&["cooperative_id", "id", "type"]);
        members
            .rows
            .push(vec![Cell::Text("A"), Cell::Float(1.0), Cell::Text("individual")]);
        members
            .rows
            .push(vec![Cell::Text("A"), Cell::Bool(true), Cell::Text("individual")]);
        let Err(Error::Input(e)) = registry_from_tables(&coops, Some(&members), None) else {
            panic!("odd ids are errors")
        };
        let got: Vec<&str> = e.errors().iter().map(|x| x.path.as_str()).collect();
        assert_eq!(got, ["members.id"]);
        members.rows = vec![vec![Cell::Text("A"), Cell::Int(7), Cell::Text("individual")]];
        let reg = registry_from_tables(&coops, Some(&members), None).unwrap();
        assert_eq!(reg.get(0).unwrap().members.unwrap()[0].id, "7");
    }

    /// A whole number held as a float (pandas' integer column with a gap)
    /// is told as such, with what to do; a decimal with a fraction keeps
    /// the plain message. Every row is still reported.
    #[test]
    fn a_whole_float_says_to_use_a_nullable_integer_column() {
        let coops = one_cooperative();
        let mut members = RowTable::new(&["cooperative_id", "id", "type", "capital_vnd"]);
        for capital in [
            Cell::Float(5.0),
            Cell::Float(f64::NAN),
            Cell::Float(2.5),
            Cell::Float(7.0),
        ] {
            let id = ["m0", "m1", "m2", "m3"][members.rows.len()];
            members.rows.push(vec![
                Cell::Text("A"),
                Cell::Text(id),
                Cell::Text("individual"),
                capital,
            ]);
        }
        let Err(Error::Input(e)) = registry_from_tables(&coops, Some(&members), None) else {
            panic!("float amounts are errors")
        };
        let got: Vec<(&str, bool)> = e
            .errors()
            .iter()
            .map(|x| (x.path.as_str(), x.message == WHOLE_FLOAT))
            .collect();
        assert_eq!(
            got,
            [
                ("members[0].capital_vnd", true),
                ("members[2].capital_vnd", false),
                ("members[3].capital_vnd", true)
            ]
        );
    }
}
