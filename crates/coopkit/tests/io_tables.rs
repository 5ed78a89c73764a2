//! Tables handed over cell by cell (`coopkit::io::Table`, what the Python
//! binding's data frames and Arrow tables become): the same registry as the
//! CSV text they stand for, whether cells are text or typed and however the
//! rows are chunked; on invalid tables, the CSV reader's errors, put on the
//! tables' rows (`members[17].birth_date`).

mod common;

use common::{all, assert_same_registry as assert_same};
use coopkit::io::{
    registry_from_csv_dir, registry_from_csv_lenient, registry_from_tables, registry_from_tables_lenient,
    registry_to_csv, Cell, RowTable, Table,
};
use coopkit::{Date, Error, InputErrorCode, Registry};
use proptest::prelude::*;
use std::path::Path;

/// A CSV file's header and rows, as text.
struct Text {
    columns: Vec<String>,
    rows: Vec<Vec<String>>,
}

fn parse(csv_text: &str) -> Text {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(csv_text.as_bytes());
    let columns = rdr.headers().unwrap().iter().map(str::to_string).collect();
    let rows = rdr
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    Text { columns, rows }
}

/// Rows in chunks of any size.
struct Chunked<'a> {
    columns: Vec<String>,
    chunks: Vec<Vec<Vec<Cell<'a>>>>,
}

impl Table for Chunked<'_> {
    fn columns(&self) -> Vec<String> {
        self.columns.clone()
    }
    fn chunks(&self) -> usize {
        self.chunks.len()
    }
    fn rows(&self, chunk: usize) -> usize {
        self.chunks[chunk].len()
    }
    fn cell(&self, chunk: usize, column: usize, row: usize) -> Cell<'_> {
        self.chunks[chunk][row][column]
    }
}

/// Days since 1970-01-01.
fn days(d: Date) -> i32 {
    (d - common::d("1970-01-01")).num_days() as i32
}

/// A cell for a CSV cell's text: `Null` for an empty cell; with `typed`, a
/// typed value wherever the value's own text is exactly this text (so the
/// meaning cannot change), else the text.
fn cell(s: &str, typed: bool) -> Cell<'_> {
    if s.is_empty() {
        return Cell::Null;
    }
    if typed {
        if let Ok(n) = s.parse::<i64>() {
            if n.to_string() == s {
                return if n >= 0 && n % 2 == 0 {
                    Cell::UInt(n as u64)
                } else {
                    Cell::Int(n)
                };
            }
        }
        if s == "true" || s == "false" {
            return Cell::Bool(s == "true");
        }
        if let Ok(d) = s.parse::<Date>() {
            if d.to_string() == s {
                return Cell::Date(days(d));
            }
        }
    }
    Cell::Text(s)
}

fn table(t: &Text, typed: bool, chunk: usize) -> Chunked<'_> {
    let rows: Vec<Vec<Cell<'_>>> = t
        .rows
        .iter()
        .map(|r| r.iter().map(|s| cell(s, typed)).collect())
        .collect();
    let chunks = if rows.is_empty() {
        vec![]
    } else {
        rows.chunks(chunk.max(1)).map(<[_]>::to_vec).collect()
    };
    Chunked {
        columns: t.columns.clone(),
        chunks,
    }
}

/// Reads the three CSV texts as tables.
fn read_tables(
    c: &str,
    m: Option<&str>,
    p: Option<&str>,
    typed: bool,
    chunk: usize,
) -> Result<Registry, Error> {
    let (c, m, p) = (parse(c), m.map(parse), p.map(parse));
    let m = m.as_ref().map(|m| table(m, typed, chunk));
    let p = p.as_ref().map(|p| table(p, typed, chunk));
    registry_from_tables(
        &table(&c, typed, chunk),
        m.as_ref().map(|m| m as _),
        p.as_ref().map(|p| p as _),
    )
}

#[test]
fn the_fixture_folder_reads_the_same_as_tables() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/csv_registry");
    let want = registry_from_csv_dir(&dir).unwrap();
    let f = |n: &str| std::fs::read_to_string(dir.join(n)).unwrap();
    let (c, m, p) = (f("cooperatives.csv"), f("members.csv"), f("positions.csv"));
    for typed in [false, true] {
        for chunk in [1, 2, 7, 10_000] {
            let got = read_tables(&c, Some(&m), Some(&p), typed, chunk).unwrap();
            assert_same(&got, &want);
        }
    }
}

#[test]
fn a_member_table_without_rows_leaves_lists_unknown() {
    let coops = parse("id,name,kind,sector\nA,HTX A,cooperative,agriculture\n");
    let members = RowTable::new(&["cooperative_id", "id", "type"]);
    let coops = table(&coops, false, 10);
    let no_chunks = Chunked {
        columns: members.columns.clone(),
        chunks: vec![],
    };
    let r = registry_from_tables(&coops, Some(&no_chunks), None).unwrap();
    assert_eq!(r.get(0).unwrap().members, None);
}

#[test]
fn a_row_table_built_in_code() {
    let mut coops = RowTable::new(&["id", "name", "kind", "sector", "established"]);
    coops.rows.push(vec![
        Cell::Text("A"),
        Cell::Text("HTX A"),
        Cell::Text("cooperative"),
        Cell::Text("agriculture"),
        Cell::Date(days(common::d("2019-05-02"))),
    ]);
    let mut members = RowTable::new(&[
        "cooperative_id",
        "id",
        "type",
        "sex",
        "capital_vnd",
        "contributes_capital",
    ]);
    for (id, sex, capital) in [("m1", "female", 5_000_000u64), ("m2", "male", 7_000_000)] {
        members.rows.push(vec![
            Cell::Text("A"),
            Cell::Text(id),
            Cell::Text("individual"),
            Cell::Text(sex),
            Cell::UInt(capital),
            Cell::Bool(true),
        ]);
    }
    let r = registry_from_tables(&coops, Some(&members), None).unwrap();
    let c = r.get(0).unwrap();
    assert_eq!(c.established, Some(common::d("2019-05-02")));
    let ms = c.members.unwrap();
    assert_eq!(ms.len(), 2);
    assert_eq!(ms[1].capital_vnd, Some(7_000_000));
    assert_eq!(ms[0].contributes_capital, Some(true));
}

/// What the typed cells of a member row mean when they cannot stand for a
/// valid value: each error is on its row and column.
#[test]
fn typed_cells_that_are_not_valid_values() {
    let coops = parse("id,name,kind,sector\nA,HTX A,cooperative,agriculture\n");
    let coops = table(&coops, false, 10);
    let mut members = RowTable::new(&[
        "cooperative_id",
        "id",
        "type",
        "capital_vnd",
        "birth_date",
        "uses_services",
    ]);
    let row = |id, capital, birth, uses| {
        vec![
            Cell::Text("A"),
            Cell::Text(id),
            Cell::Text("individual"),
            capital,
            birth,
            uses,
        ]
    };
    members.rows = vec![
        row("m0", Cell::Float(5.0), Cell::Null, Cell::Null),
        row("m1", Cell::Int(-5), Cell::Null, Cell::Null),
        // 10000-01-01: not a date of the interchange format.
        row("m2", Cell::Null, Cell::Date(2_932_897), Cell::Null),
        row("m3", Cell::Null, Cell::Null, Cell::Int(2)),
        // NaN is pandas' empty cell; 1 is true as in CSV.
        row("m4", Cell::Float(f64::NAN), Cell::Null, Cell::Int(1)),
        row("m5", Cell::Null, Cell::Int(20_240_101), Cell::Null),
    ];
    let got = common::error_list(registry_from_tables(&coops, Some(&members), None));
    assert_eq!(
        got,
        vec![
            ("members[0].capital_vnd".to_string(), InputErrorCode::InvalidType),
            ("members[1].capital_vnd".to_string(), InputErrorCode::OutOfRange),
            ("members[2].birth_date".to_string(), InputErrorCode::InvalidDate),
            (
                "members[3].uses_services".to_string(),
                InputErrorCode::InvalidType
            ),
            ("members[5].birth_date".to_string(), InputErrorCode::InvalidDate),
        ]
    );
    // The good row alone reads, with NaN as absent.
    members.rows = vec![members.rows[4].clone()];
    let r = registry_from_tables(&coops, Some(&members), None).unwrap();
    let m = &r.get(0).unwrap().members.unwrap()[0];
    assert_eq!((m.capital_vnd, m.uses_services), (None, Some(true)));
}

#[test]
fn errors_are_on_the_tables_rows_and_columns() {
    let coops = "id,name,kind,sector\nA,HTX A,cooperative,agriculture\nB,HTX B,cooperative,agriculture\nA,HTX A2,cooperative,agriculture\n";
    let members =
        "cooperative_id,id,type,birth_date\nA,m1,individual,\nB,m1,individual,2024-02-30\nZ,m2,individual,\n";
    let err = read_tables(coops, Some(members), None, false, 2).unwrap_err();
    let errors = err.input_errors();
    let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "members[1].birth_date",
            "cooperatives[2].id",
            "members[2].cooperative_id"
        ]
    );
    common::assert_contains(&errors[1].message, "first used at cooperatives[0].id");
    common::assert_contains(&errors[2].message, "the cooperatives table");
    // Personal data is never quoted.
    assert!(errors.iter().all(|e| !e.message.contains("2024-02-30")));
    let header = read_tables(coops, Some("cooperative_id,id,type,brith_date\n"), None, false, 2).unwrap_err();
    assert_eq!(
        common::located(&header),
        [("members.brith_date", InputErrorCode::UnknownField)]
    );
}

/// Every invalid input of the CSV reader's tests, as tables: the same
/// errors (codes, in order), on table rows instead of file lines, and the
/// same rejections in lenient mode.
#[test]
fn invalid_tables_give_the_csv_readers_errors() {
    let coops = "id,name,kind,sector\nA,HTX A,cooperative,agriculture\nB,HTX B,cooperative,agriculture\n";
    let mh = "cooperative_id,id,type,sex,birth_date,capital_vnd,contributes_capital\n";
    let cases = [
        "A,m1,individual,female,2024-02-30,,\n",
        "A,m1,individual,f,,,\n",
        "A,m1,,female,,,\n",
        "A,m1,individual,,,-5,\n",
        "A,m1,individual,,,1.5e9,\n",
        "A,m1,individual,,,18446744073709551616,\n",
        "A,m1,individual,,,,yes\n",
        "A,m1,individual,female,,,\nB,m1,individual,,,,\nA,m1,household,,,,\n",
        "A,m1,individual,,,,\nZ,m1,individual,,,,\nZ,m2,individual,,2024-02-30,,\n,m3,individual,,,,\n",
        "A,,individual,,,,\n",
    ];
    for rows in cases {
        let m = format!("{mh}{rows}");
        let csv = common::error_list(registry_from_csv_dir_text(coops, &m));
        assert!(!csv.is_empty(), "{rows}");
        for typed in [false, true] {
            let got = common::error_list(read_tables(coops, Some(&m), None, typed, 1));
            let codes = |v: &[(String, InputErrorCode)]| v.iter().map(|e| e.1).collect::<Vec<_>>();
            assert_eq!(codes(&got), codes(&csv), "{rows}");
            for ((table_path, _), (csv_path, _)) in got.iter().zip(&csv) {
                assert_eq!(table_path, &csv_place(csv_path), "{rows}");
            }
            // Lenient: the same cooperatives rejected, the valid ones kept.
            let (ct, mt) = (parse(coops), parse(&m));
            let loaded =
                registry_from_tables_lenient(&table(&ct, typed, 1), Some(&table(&mt, typed, 1)), None);
            let want = registry_from_csv_lenient(coops.as_bytes(), Some(m.as_bytes()), None);
            // Rows of an unknown cooperative fail a lenient read of either form.
            let (loaded, want) = match (loaded, want) {
                (Ok(l), Ok(w)) => (l, w),
                (Err(l), Err(w)) => {
                    assert_eq!(
                        codes(&common::error_list(Err::<(), _>(l))),
                        codes(&common::error_list(Err::<(), _>(w))),
                        "{rows}"
                    );
                    continue;
                }
                (l, w) => panic!("{rows}: tables {:?}, CSV {:?}", l.is_ok(), w.is_ok()),
            };
            assert_eq!(all(&loaded.registry), all(&want.registry));
            let ids = |l: &coopkit::io::Loaded| {
                l.rejected
                    .iter()
                    .map(|r| (r.index, r.id.clone()))
                    .collect::<Vec<_>>()
            };
            assert_eq!(ids(&loaded), ids(&want));
        }
    }
}

fn registry_from_csv_dir_text(c: &str, m: &str) -> Result<Registry, Error> {
    coopkit::io::registry_from_csv(c.as_bytes(), Some(m.as_bytes()), None)
}

/// `members.csv:4.sex` as a table place, `members[2].sex` (line 1 is the
/// header): the oracle for the tables' paths, written out here on purpose.
fn csv_place(p: &str) -> String {
    let (file, rest) = p.split_once(".csv:").unwrap();
    let (line, field) = rest.split_once('.').map_or((rest, None), |(l, f)| (l, Some(f)));
    let line: usize = line.parse().unwrap();
    let row = if line == 1 {
        String::new()
    } else {
        format!("[{}]", line - 2)
    };
    match field {
        Some(f) => format!("{file}{row}.{f}"),
        None => format!("{file}{row}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn generated_registries_read_the_same_as_tables(
        cs in common::strategies::cooperatives(6),
        typed in any::<bool>(),
        chunk in 1usize..40,
    ) {
        let r = Registry::from_cooperatives(cs.clone()).unwrap();
        let (c, m, p) = registry_to_csv(&r);
        let got = read_tables(&c, Some(&m), Some(&p), typed, chunk).unwrap();
        prop_assert_eq!(all(&got), cs);
        assert_same(&got, &r);
    }

    /// One cell replaced by arbitrary text: the tables agree with the CSV
    /// reader on the registry or on every error's code.
    #[test]
    fn damaged_tables_give_the_csv_result(
        cs in common::strategies::cooperatives(3),
        file in 0usize..3,
        at in any::<prop::sample::Index>(),
        cell in "[^\",\r\n]{0,12}",
        typed in any::<bool>(),
    ) {
        let [c, m, p] = common::damaged_csv(cs, file, at, &cell);
        let csv = coopkit::io::registry_from_csv(c.as_bytes(), Some(m.as_bytes()), Some(p.as_bytes()));
        // Tables have a cell for every column: damage that broke a quoted
        // cell (rows of the wrong length) has no table form.
        let whole = |t: &Text| t.rows.iter().all(|r| r.len() == t.columns.len());
        prop_assume!(whole(&parse(&c)) && whole(&parse(&m)) && whole(&parse(&p)));
        let tables = read_tables(&c, Some(&m), Some(&p), typed, 3);
        match (csv, tables) {
            (Ok(a), Ok(b)) => assert_same(&a, &b),
            (a, b) => {
                let codes = |r| common::error_list(r).into_iter().map(|e| e.1).collect::<Vec<_>>();
                prop_assert_eq!(codes(a), codes(b));
            }
        }
    }
}
