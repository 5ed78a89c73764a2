//! The CSV folder form: the fixture folder, and one test per kind of error
//! with its exact `file:line.column` path.

mod common;

use common::{assert_contains, error_list, located, one_error as one};
use coopkit::io::{registry_from_csv, registry_from_csv_dir, registry_from_csv_lenient, registry_from_path};
use coopkit::{Error, Holder, InputErrorCode as Code, Sex};
use std::path::Path;

const COOPS: &str = "id,name,kind,sector\nA,HTX A,cooperative,agriculture\nB,HTX B,cooperative,agriculture\n";
const MEMBERS: &str = "cooperative_id,id,type,sex,birth_date,capital_vnd,contributes_capital\n";

fn errors(coops: &str, members: Option<&str>, positions: Option<&str>) -> Vec<(String, Code)> {
    error_list(registry_from_csv(
        coops.as_bytes(),
        members.map(str::as_bytes),
        positions.map(str::as_bytes),
    ))
}

fn member_errors(rows: &str) -> Vec<(String, Code)> {
    errors(COOPS, Some(&format!("{MEMBERS}{rows}")), None)
}

fn fixture() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/csv_registry")
}

#[test]
fn the_fixture_folder_reads() {
    let r = registry_from_csv_dir(&fixture()).unwrap();
    assert_eq!(r.len(), 3);
    let a = r.get(0).unwrap();
    assert_eq!(a.charter_capital_vnd, Some(500_000_000));
    let ms = a.members.as_ref().unwrap();
    assert_eq!(ms.len(), 3);
    assert_eq!(ms[0].ethnicity.unwrap().code(), "18");
    assert_eq!(ms[1].uses_services, Some(false));
    assert_eq!(ms[2].left.unwrap().to_string(), "2023-06-30");
    let ps = a.positions.as_ref().unwrap();
    assert_eq!(ps[0].holder, Holder::Member("a".into()));
    assert_eq!(a.holder_sex(&ps[1]), Some(Sex::Female));
    // members_listed=true with no rows: a list known to be empty.
    let b = r.get(1).unwrap();
    assert_eq!(b.name, "Tổ hợp tác Dệt thổ cẩm, Ba Tơ");
    assert_eq!(b.members, Some(vec![]));
    assert_eq!(b.positions, None);
    // No rows and no members_listed: no list; the summary carries the counts.
    let c = r.get(2).unwrap();
    assert_eq!(c.members, None);
    let s = c.summary.unwrap();
    assert_eq!(
        (s.members, s.members_female, s.chair_female),
        (Some(24), Some(9), Some(true))
    );
    // The same through registry_from_path.
    assert_eq!(registry_from_path(&fixture()).unwrap().len(), 3);
}

#[test]
fn member_and_position_files_are_optional() {
    let r = registry_from_csv(COOPS.as_bytes(), None, None).unwrap();
    assert_eq!(r.len(), 2);
    assert_eq!(r.get(0).unwrap().members, None);
    let dir = std::env::temp_dir().join(format!("coopkit-io-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("cooperatives.csv"), COOPS).unwrap();
    let r = registry_from_csv_dir(&dir);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(r.unwrap().len(), 2);
    let missing = registry_from_csv_dir(&fixture().join("nowhere")).unwrap_err();
    assert_eq!(missing.code(), "io");
}

#[test]
fn field_errors_name_file_line_and_column() {
    // (member row, path, code)
    let cases = [
        (
            "A,m1,individual,female,2024-02-30,,\n",
            "members.csv:2.birth_date",
            Code::InvalidDate,
        ),
        ("A,m1,individual,f,,,\n", "members.csv:2.sex", Code::InvalidValue),
        ("A,m1,,female,,,\n", "members.csv:2.type", Code::MissingField),
        (
            "A,m1,individual,,,-5,\n",
            "members.csv:2.capital_vnd",
            Code::OutOfRange,
        ),
        (
            "A,m1,individual,,,1.5e9,\n",
            "members.csv:2.capital_vnd",
            Code::InvalidType,
        ),
        (
            "A,m1,individual,,,\"1,000\",\n",
            "members.csv:2.capital_vnd",
            Code::InvalidType,
        ),
        (
            "A,m1,individual,,,18446744073709551616,\n",
            "members.csv:2.capital_vnd",
            Code::Overflow,
        ),
        (
            "A,m1,individual,,,,yes\n",
            "members.csv:2.contributes_capital",
            Code::InvalidType,
        ),
    ];
    for (row, path, code) in cases {
        assert_eq!(member_errors(row), one(path, code), "{row}");
    }
    assert_eq!(
        member_errors("A,m1,individual,,,,TRUE\nA,m2,individual,,,,0\n"),
        vec![]
    );
    let bad = errors("id,name,kind,sector\nA,HTX A,htx,agriculture\n", None, None);
    assert_eq!(bad, one("cooperatives.csv:2.kind", Code::InvalidValue));
}

#[test]
fn line_numbers_count_quoted_newlines() {
    let coops = "id,name,kind,sector\nA,\"HTX\nA\",cooperative,agriculture\nB,HTX B,cooperative,farming\n";
    assert_eq!(
        errors(coops, None, None),
        one("cooperatives.csv:4.sector", Code::InvalidValue)
    );
}

#[test]
fn cross_field_errors_point_at_rows() {
    let rows = "A,m1,individual,female,,,\nB,m1,individual,,,,\nA,m1,household,,,,\n";
    let err = registry_from_csv(
        COOPS.as_bytes(),
        Some(format!("{MEMBERS}{rows}").as_bytes()),
        None,
    )
    .unwrap_err();
    let e = &err.input_errors()[0];
    assert_eq!((e.path.as_str(), e.code), ("members.csv:4.id", Code::DuplicateId));
    assert_contains(&e.message, "members.csv:2.id");

    let coops =
        "id,name,kind,sector,summary_members,summary_members_female\nA,HTX A,cooperative,agriculture,2,2\n";
    let members = "cooperative_id,id,type,sex,left\nA,m1,individual,female,\nA,m2,individual,male,\nA,m3,individual,female,2020-01-01\n";
    assert_eq!(
        errors(coops, Some(members), None),
        one("cooperatives.csv:2.summary_members_female", Code::Inconsistent)
    );
    let positions =
        "cooperative_id,role,member,start,end\nA,board_chair,m9,,\nA,director,m1,2024-01-01,2023-01-01\n";
    assert_eq!(
        errors(
            coops.replace(",2\n", ",1\n").as_str(),
            Some(members),
            Some(positions)
        ),
        vec![
            ("positions.csv:2.member".to_string(), Code::UnknownReference),
            ("positions.csv:3.end".to_string(), Code::Inconsistent),
        ]
    );
    let positions = "cooperative_id,role,member,sex\nA,director,m1,female\n";
    assert_eq!(
        errors(
            coops.replace(",2\n", ",1\n").as_str(),
            Some(members),
            Some(positions)
        ),
        one("positions.csv:2.sex", Code::Inconsistent)
    );
}

#[test]
fn members_listed_false_with_rows_is_inconsistent() {
    let coops = "id,name,kind,sector,members_listed\nA,HTX A,cooperative,agriculture,false\n";
    let members = "cooperative_id,id,type\nA,m1,individual\n";
    assert_eq!(
        errors(coops, Some(members), None),
        one("cooperatives.csv:2.members_listed", Code::Inconsistent)
    );
}

#[test]
fn rows_of_unknown_cooperatives_are_errors_never_dropped() {
    let members = format!("{MEMBERS}A,m1,individual,,,,\nZ,m1,individual,,,,\nZ,m2,individual,,2024-02-30,,\n,m3,individual,,,,\n");
    let got = errors(COOPS, Some(&members), None);
    assert_eq!(
        got,
        vec![
            ("members.csv:3.cooperative_id".to_string(), Code::UnknownReference),
            ("members.csv:4.cooperative_id".to_string(), Code::UnknownReference),
            ("members.csv:4.birth_date".to_string(), Code::InvalidDate),
            ("members.csv:5.cooperative_id".to_string(), Code::MissingField),
        ]
    );
    // Lenient too: such rows are no cooperative's record, so rejecting them
    // would break kept + rejected == rows, and leaving them out would take
    // members from the cooperative they belong to.
    let lenient = registry_from_csv_lenient(COOPS.as_bytes(), Some(members.as_bytes()), None);
    assert_eq!(error_list(lenient), got);
}

#[test]
fn lenient_mode_rejects_each_ragged_row_as_its_own_record() {
    let coops =
        "id,name,kind,sector\nA,HTX A,cooperative,agriculture\nB,x\nC,y,cooperative,agriculture,extra\n";
    let members = format!("{MEMBERS}A,m1,individual,,,,\nA,m2\n");
    let loaded = registry_from_csv_lenient(coops.as_bytes(), Some(members.as_bytes()), None).unwrap();
    assert_eq!(loaded.registry.len(), 0);
    let rejected = common::rejected_paths(&loaded);
    // A's own row is fine; its ragged member row rejects it.
    assert_eq!(
        rejected,
        [
            (0, Some("A"), vec!["members.csv:3"]),
            (1, Some("B"), vec!["cooperatives.csv:3"]),
            (2, Some("C"), vec!["cooperatives.csv:4"]),
        ]
    );
}

#[test]
fn lenient_mode_rejects_a_cooperative_with_its_bad_member_rows() {
    let members = format!("{MEMBERS}A,m1,individual,,,,\nB,m1,individual,x,,,\nB,m2,robot,,,,\n");
    let loaded = registry_from_csv_lenient(COOPS.as_bytes(), Some(members.as_bytes()), None).unwrap();
    assert_eq!(loaded.registry.len(), 1);
    assert_eq!(loaded.registry.get(0).unwrap().id, "A");
    assert_eq!(loaded.rejected.len(), 1);
    let r = &loaded.rejected[0];
    assert_eq!((r.index, r.id.as_deref()), (1, Some("B")));
    let paths: Vec<_> = r.errors.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(paths, ["members.csv:3.sex", "members.csv:4.type"]);
}

#[test]
fn header_errors_make_the_file_unreadable() {
    let members = "cooperative_id,id,type,brith_date,sex,sex\n";
    for lenient in [false, true] {
        let err = if lenient {
            registry_from_csv_lenient(COOPS.as_bytes(), Some(members.as_bytes()), None).unwrap_err()
        } else {
            registry_from_csv(COOPS.as_bytes(), Some(members.as_bytes()), None).unwrap_err()
        };
        let got = located(&err);
        assert_eq!(
            got,
            vec![
                ("members.csv:1.brith_date", Code::UnknownField),
                ("members.csv:1.sex", Code::DuplicateId)
            ]
        );
    }
    let err = registry_from_csv("id,name,kind\n".as_bytes(), None, None).unwrap_err();
    assert_eq!(err.path(), Some("cooperatives.csv:1.sector"));
    assert_eq!(err.input_errors()[0].code, Code::MissingField);
}

#[test]
fn rows_of_the_wrong_length_and_bad_bytes() {
    let members = format!("{MEMBERS}A,m1,individual\n");
    assert_eq!(
        errors(COOPS, Some(&members), None),
        one("members.csv:2", Code::Syntax)
    );
    let mut bytes = format!("{MEMBERS}A,m1,individual,female,,,\n").into_bytes();
    let at = bytes.len() - 5;
    bytes[at] = 0xff; // inside "female"
    let err = registry_from_csv(COOPS.as_bytes(), Some(bytes.as_slice()), None).unwrap_err();
    assert_eq!(err.path(), Some("members.csv:2.sex"));
    assert!(matches!(err, Error::Input(_)));
}

#[test]
fn every_error_of_the_three_files_is_reported() {
    let coops = "id,name,kind,sector,charter_capital_vnd\nA,HTX A,cooperative,agriculture,1000.0\nA,HTX A2,union,agriculture,\n";
    let members =
        "cooperative_id,id,type,joined,left\nA,m1,individual,2020-01-01,2019-01-01\nQ,m2,individual,,\n";
    let positions = "cooperative_id,role,member\nA,boss,m1\n";
    let got = errors(coops, Some(members), Some(positions));
    assert_eq!(
        got,
        vec![
            (
                "cooperatives.csv:2.charter_capital_vnd".to_string(),
                Code::InvalidType
            ),
            ("positions.csv:2.role".to_string(), Code::InvalidValue),
            ("cooperatives.csv:3.id".to_string(), Code::DuplicateId),
            ("members.csv:3.cooperative_id".to_string(), Code::UnknownReference),
        ]
    );
}

#[test]
fn cross_field_errors_are_reported_alongside_cooperative_field_errors() {
    let coops = "id,name,kind,sector,charter_capital_vnd\nA,HTX A,cooperative,agriculture,-1\n";
    let members = "cooperative_id,id,type,joined,left\nA,m1,individual,2020-01-01,2019-01-01\n";
    assert_eq!(
        errors(coops, Some(members), None),
        vec![
            (
                "cooperatives.csv:2.charter_capital_vnd".to_string(),
                Code::OutOfRange
            ),
            ("members.csv:2.left".to_string(), Code::Inconsistent),
        ]
    );
}

#[test]
fn cooperative_ids_match_across_unicode_forms() {
    let coops = "id,name,kind,sector\nHo\u{00e0} Bình,HTX Ho\u{00e0} Bình,cooperative,agriculture\n";
    let members = "cooperative_id,id,type\nHoa\u{0300} Bi\u{0300}nh,m1,individual\n";
    let r = registry_from_csv(coops.as_bytes(), Some(members.as_bytes()), None).unwrap();
    assert_eq!(r.get(0).unwrap().members.unwrap().len(), 1);
    assert_eq!(r.index_of("Ho\u{00e0} B\u{00ec}nh"), Some(0));
}

/// Spreadsheets save "CSV UTF-8" with a byte order mark and CRLF line ends.
#[test]
fn byte_order_mark_and_crlf_are_accepted() {
    let coops = "\u{feff}id,name,kind,sector\r\nA,HTX A,cooperative,agriculture\r\n";
    let members = "\u{feff}cooperative_id,id,type,contributes_capital\r\nA,m1,individual,TRUE\r\n";
    let r = registry_from_csv(coops.as_bytes(), Some(members.as_bytes()), None).unwrap();
    assert_eq!(
        r.get(0).unwrap().members.unwrap()[0].contributes_capital,
        Some(true)
    );
}

/// A file that cannot be opened is an I/O error that keeps the operating
/// system's error as its source.
#[test]
fn a_missing_folder_keeps_the_system_error_as_source() {
    let dir = std::path::Path::new("/nonexistent/coopkit-folder");
    let e = coopkit::io::registry_from_csv_dir(dir).unwrap_err();
    assert_eq!(e.code(), "io");
    assert_eq!(e.path(), Some("/nonexistent/coopkit-folder/cooperatives.csv"));
    let source = std::error::Error::source(&e).expect("the system error is kept");
    let io = source
        .downcast_ref::<coopkit::error::IoSource>()
        .expect("an IoSource");
    assert_eq!(io.kind(), std::io::ErrorKind::NotFound);
}

/// A cooperative that says its members (or posts) are listed, with no file
/// for them, is an error at that cell: the file is missing, the list is not
/// empty (it used to load with zero members everywhere). Without the flag
/// the missing file just means no list.
#[test]
fn a_list_said_to_be_given_without_its_file_is_an_error() {
    let coops = "id,name,kind,sector,members_listed,positions_listed\n\
                 A,HTX A,cooperative,agriculture,true,\n\
                 B,HTX B,cooperative,agriculture,,true\n";
    let err = registry_from_csv(coops.as_bytes(), None, None).unwrap_err();
    let got: Vec<(&str, Code)> = err
        .input_errors()
        .iter()
        .map(|e| (e.path.as_str(), e.code))
        .collect();
    assert_eq!(
        got,
        [
            ("cooperatives.csv:2.members_listed", Code::Inconsistent),
            ("cooperatives.csv:3.positions_listed", Code::Inconsistent)
        ]
    );
    assert_contains(&err.input_errors()[0].message, "true, but members.csv is missing");
    let plain = "id,name,kind,sector\nA,HTX A,cooperative,agriculture\n";
    let r = registry_from_csv(plain.as_bytes(), None, None).unwrap();
    assert_eq!(r.get(0).unwrap().members, None);
}

/// A members.csv whose header row is missing: the first row's cells (a
/// name, a birth date) stand where column names belong and are not echoed;
/// the columns are named by position.
#[test]
fn a_missing_header_row_echoes_no_cell() {
    let coops = "id,name,kind,sector\nA,HTX A,cooperative,agriculture\n";
    let members = "A,m1,individual,female,1990-05-01\nA,m2,individual,male,1985-01-01\n";
    let err = registry_from_csv(coops.as_bytes(), Some(members.as_bytes()), None).unwrap_err();
    let text = err.to_string();
    assert!(
        !text.contains("1990-05-01") && !text.contains("individual"),
        "{text}"
    );
    assert_contains(&text, "members.csv:1.<column 5>");
    assert_contains(&text, "is the header row missing?");
}

/// A header of a hundred thousand columns is a hundred problems and a
/// count, not a hundred thousand (the message and memory stay small).
#[test]
fn a_huge_header_is_summarised() {
    let header: Vec<String> = (0..100_000).map(|i| format!("c{i}")).collect();
    let coops = format!(
        "id,name,kind,sector,{}\nA,HTX A,cooperative,agriculture\n",
        header.join(",")
    );
    let err = registry_from_csv(coops.as_bytes(), None, None).unwrap_err();
    assert_eq!(err.input_errors().len(), 101);
    assert_contains(
        &err.input_errors()[100].message,
        "and 99900 more unknown or unreadable columns",
    );
    assert!(err.to_string().len() < 10_000, "{}", err.to_string().len());
}
