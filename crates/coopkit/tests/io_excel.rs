//! Excel workbooks: a workbook written by another tool (openpyxl, see
//! `tests/data/excel/make_fixtures.py`) with Vietnamese sheet names, headers
//! and labels, Excel dates and numbers, reads as the same registry as the
//! CSV folder it was made from; every bad cell is reported at its sheet and
//! cell; lenient reads and limits as for the other forms.

#![cfg(feature = "excel")]

mod common;

use common::{assert_same_registry, located, rejected_paths};
use coopkit::io::{registry_from_csv_dir, registry_from_xlsx, ReadOptions};
use coopkit::InputErrorCode as Code;
use std::path::{Path, PathBuf};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

#[test]
fn a_vietnamese_workbook_reads_as_the_csv_folder_it_was_made_from() {
    let bytes = std::fs::read(data("excel/registry_vi.xlsx")).unwrap();
    let from_excel = registry_from_xlsx(&bytes).unwrap();
    let from_csv = registry_from_csv_dir(&data("csv_registry")).unwrap();
    assert_same_registry(&from_excel, &from_csv);
    // From a file, lenient: nothing rejected.
    let loaded = ReadOptions::new()
        .lenient(true)
        .read_xlsx_file(&data("excel/registry_vi.xlsx"))
        .unwrap();
    assert!(loaded.rejected.is_empty());
    assert_eq!(loaded.registry.len(), from_csv.len());
}

#[test]
fn every_bad_cell_is_reported_at_its_sheet_and_cell() {
    let bytes = std::fs::read(data("excel/bad.xlsx")).unwrap();
    let err = registry_from_xlsx(&bytes).unwrap_err();
    let got = located(&err);
    // The error cell and the time of day first (their values are unknown or
    // would be cut), each at its cell; then the table reader's errors, put
    // on their cells too.
    assert_eq!(
        got,
        [
            ("cooperatives!F2.established", Code::InvalidValue),
            ("cooperatives!E3.charter_capital_vnd", Code::InvalidValue),
        ]
    );
    // No cell's text is quoted.
    assert!(!err.to_string().contains("Câu lạc bộ"), "{err}");
}

#[test]
fn the_table_readers_errors_are_put_on_their_cells_strict_and_lenient() {
    let bytes = std::fs::read(data("excel/bad_values.xlsx")).unwrap();
    let err = registry_from_xlsx(&bytes).unwrap_err();
    let got = located(&err);
    assert_eq!(
        got,
        [
            ("Hợp tác xã!E2.charter_capital_vnd", Code::InvalidType),
            ("Hợp tác xã!C3.kind", Code::InvalidValue),
            ("Thành viên!E2.birth_date", Code::InvalidDate),
        ]
    );
    let loaded = ReadOptions::new().lenient(true).read_xlsx(&bytes).unwrap();
    assert_eq!(loaded.registry.len(), 0);
    let rejected = rejected_paths(&loaded);
    assert_eq!(
        rejected,
        [
            (0, Some("A"), vec!["Hợp tác xã!E2.charter_capital_vnd"]),
            (1, Some("B"), vec!["Hợp tác xã!C3.kind"]),
            (2, Some("C"), vec!["Thành viên!E2.birth_date"]),
        ]
    );
}

#[test]
fn what_is_not_a_workbook_is_one_error() {
    let err = registry_from_xlsx(b"id,name\nA,x\n").unwrap_err();
    let got = located(&err);
    assert_eq!(got, [("workbook", Code::Syntax)]);
    let err = ReadOptions::new()
        .limit("max_bytes", 10)
        .unwrap()
        .read_xlsx(&[0; 100])
        .unwrap_err();
    assert!(err.to_string().contains("max_bytes"), "{err}");
}
