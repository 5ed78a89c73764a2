//! `ReadOptions`: one reader for every input form, strict or lenient, with
//! the CSV options; the same registries and errors as the functions it
//! stands behind.

mod common;

use common::{assert_same_registry, located};
use coopkit::io::{
    registry_from_csv_dir, registry_from_csv_dir_lenient, registry_from_json, registry_from_json_lenient,
    registry_to_json, ReadOptions,
};
use coopkit::InputErrorCode as Code;
use std::path::{Path, PathBuf};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/csv_registry")
}

fn file(name: &str) -> Vec<u8> {
    std::fs::read(fixture().join(name)).unwrap()
}

/// A CSV file written again with `delimiter` between cells (quoting kept
/// right by the csv crate).
fn with_delimiter(text: &[u8], delimiter: u8) -> Vec<u8> {
    let mut rdr = csv::ReaderBuilder::new().has_headers(false).from_reader(text);
    let mut w = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(Vec::new());
    for rec in rdr.byte_records() {
        w.write_byte_record(&rec.unwrap()).unwrap();
    }
    w.into_inner().unwrap()
}

#[test]
fn every_option_reads_the_fixture_folder_as_the_functions_do() {
    let expected = registry_from_csv_dir(&fixture()).unwrap();
    for options in [
        ReadOptions::new(),
        ReadOptions::new().lenient(true),
        ReadOptions::new().columnar(false),
        ReadOptions::new().threads(1),
        ReadOptions::new().lenient(true).columnar(false),
    ] {
        let loaded = options.read_csv_dir(&fixture()).unwrap();
        assert!(loaded.rejected.is_empty(), "{options:?}");
        assert_same_registry(&loaded.registry, &expected);
        let (c, m, p) = (
            file("cooperatives.csv"),
            file("members.csv"),
            file("positions.csv"),
        );
        let loaded = options.read_csv(&c, Some(&m), Some(&p)).unwrap();
        assert_same_registry(&loaded.registry, &expected);
        assert_same_registry(&options.read_path(&fixture()).unwrap().registry, &expected);
    }
    assert_eq!(
        registry_from_csv_dir_lenient(&fixture()).unwrap().registry.len(),
        expected.len()
    );
}

#[test]
fn semicolons_and_tabs_read_as_commas_do() {
    let expected = registry_from_csv_dir(&fixture()).unwrap();
    for delimiter in [b';', b'\t'] {
        let [c, m, p] =
            ["cooperatives.csv", "members.csv", "positions.csv"].map(|f| with_delimiter(&file(f), delimiter));
        assert_ne!(c, file("cooperatives.csv"));
        for options in [ReadOptions::new(), ReadOptions::new().lenient(true)] {
            let loaded = options
                .delimiter(delimiter)
                .read_csv(&c, Some(&m), Some(&p))
                .unwrap();
            assert!(loaded.rejected.is_empty());
            assert_same_registry(&loaded.registry, &expected);
        }
        // Read with commas, the header is one unknown column.
        let err = ReadOptions::new().read_csv(&c, Some(&m), Some(&p)).unwrap_err();
        assert!(located(&err)
            .iter()
            .any(|(_, code)| *code == Code::UnknownField || *code == Code::MissingField));
    }
}

#[test]
fn lenient_and_strict_json_are_the_json_functions() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/data/quang-ngai-2024.json"),
    )
    .unwrap();
    let strict = ReadOptions::new().read_json(&text).unwrap();
    assert!(strict.rejected.is_empty());
    assert_eq!(
        registry_to_json(&strict.registry),
        registry_to_json(&registry_from_json(&text).unwrap())
    );

    let bad = text.replacen("\"sector\": \"agriculture\"", "\"sector\": \"farming\"", 1);
    assert_ne!(bad, text);
    let strict = ReadOptions::new().read_json(&bad).unwrap_err();
    assert_eq!(strict, registry_from_json(&bad).unwrap_err());
    let lenient = ReadOptions::new().lenient(true).read_json(&bad).unwrap();
    let expected = registry_from_json_lenient(&bad).unwrap();
    assert_eq!(lenient.rejected, expected.rejected);
    assert_eq!(lenient.rejected.len(), 1);
    assert_eq!(lenient.registry.len(), 15);
}
