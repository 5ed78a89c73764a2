//! The columnar CSV reader (tried first by `registry_from_csv` and
//! `registry_from_csv_dir`) against the record reader: the same registry on
//! valid input, whatever the number of threads, the block size or the order
//! of member rows; on invalid input it gives up, and the errors reported are
//! exactly the record reader's.

mod common;

use common::{all, assert_same_registry as assert_same};
use coopkit::io::{
    registry_from_csv_bytes_lenient, registry_from_csv_columnar, registry_from_csv_dir_lenient,
    registry_from_csv_dir_with, registry_from_csv_lenient, registry_from_csv_with, registry_to_csv,
    CsvOptions,
};
use coopkit::{Cooperative, Error, Registry};
use proptest::prelude::*;
use std::path::Path;

fn record() -> CsvOptions {
    CsvOptions {
        columnar: false,
        ..CsvOptions::default()
    }
}

fn columnar(threads: usize, block_bytes: usize) -> CsvOptions {
    CsvOptions {
        threads,
        block_bytes,
        columnar: true,
        ..Default::default()
    }
}

fn fixture() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/csv_registry")
}

fn read_fixture() -> (Vec<u8>, Vec<u8>, Vec<u8>) {
    let f = |n: &str| std::fs::read(fixture().join(n)).unwrap();
    (f("cooperatives.csv"), f("members.csv"), f("positions.csv"))
}

#[test]
fn the_fixture_folder_reads_the_same_through_both_readers() {
    let want = registry_from_csv_dir_with(&fixture(), &record()).unwrap();
    let (c, m, p) = read_fixture();
    for opts in [
        columnar(1, 64),
        columnar(2, 64),
        columnar(3, 1 << 20),
        CsvOptions::default(),
    ] {
        let fast = registry_from_csv_columnar(&c, Some(&m), Some(&p), &opts)
            .expect("the fixture is valid: the columnar reader reads it");
        assert_same(&fast, &want);
        assert_same(&registry_from_csv_dir_with(&fixture(), &opts).unwrap(), &want);
    }
}

/// Spreadsheet exports and other valid oddities are read by the columnar
/// reader, into the record reader's registry.
#[test]
fn line_ends_quotes_blank_lines_and_unicode_forms() {
    let coops = "\u{feff}id,name,kind,sector\r\nHo\u{00e0},\"HTX\nHoa\",cooperative,agriculture\r\nB,HTX B,union,agriculture\r\n";
    let members = [
        "\u{feff}cooperative_id,id,type,sex\r\nHoa\u{0300},m1,individual,female\r\nB,m2,individual,\r\n",
        "cooperative_id,id,type,sex\nB,m2,individual,\n\n\nHo\u{00e0},\"m 1\",individual,female",
        "cooperative_id,id,type,sex\rB,m2,individual,\rHo\u{00e0},\"m,\"\"1\"\"\",household,male\r",
        "cooperative_id,id,type,sex\nB,m2,individual,\nB,m3,individual,male\nHo\u{00e0},m1,individual,female\nB,m4,individual,\n",
    ];
    for m in members {
        let want = registry_from_csv_with(coops.as_bytes(), Some(m.as_bytes()), None, &record()).unwrap();
        for opts in [columnar(1, 64), columnar(2, 64), columnar(2, 1 << 20)] {
            let fast = registry_from_csv_columnar(coops.as_bytes(), Some(m.as_bytes()), None, &opts);
            assert_same(&fast.expect(m), &want);
        }
    }
}

/// Every invalid input of `io_csv.rs`, and a few more.
fn invalid_inputs() -> Vec<(String, Option<String>, Option<String>)> {
    let coops = "id,name,kind,sector\nA,HTX A,cooperative,agriculture\nB,HTX B,cooperative,agriculture\n";
    let mh = "cooperative_id,id,type,sex,birth_date,capital_vnd,contributes_capital\n";
    let s = |x: &str| x.to_string();
    let mut cases: Vec<(String, Option<String>, Option<String>)> = [
        "A,m1,individual,female,2024-02-30,,\n",
        "A,m1,individual,f,,,\n",
        "A,m1,,female,,,\n",
        "A,m1,individual,,,-5,\n",
        "A,m1,individual,,,1.5e9,\n",
        "A,m1,individual,,,\"1,000\",\n",
        "A,m1,individual,,,18446744073709551616,\n",
        "A,m1,individual,,,,yes\n",
        "A,m1,individual,female,,,\nB,m1,individual,,,,\nA,m1,household,,,,\n",
        "A,m1,individual,,,,\nZ,m1,individual,,,,\nZ,m2,individual,,2024-02-30,,\n,m3,individual,,,,\n",
        "A,m1,individual\n",
        "A,,individual,,,,\n",
    ]
    .iter()
    .map(|rows| (s(coops), Some(format!("{mh}{rows}")), None))
    .collect();
    let summary =
        "id,name,kind,sector,summary_members,summary_members_female\nA,HTX A,cooperative,agriculture,2,2\n";
    let members = "cooperative_id,id,type,sex,left\nA,m1,individual,female,\nA,m2,individual,male,\nA,m3,individual,female,2020-01-01\n";
    cases.push((s(summary), Some(s(members)), None));
    cases.push((
        summary.replace(",2\n", ",1\n"),
        Some(s(members)),
        Some(s(
            "cooperative_id,role,member,start,end\nA,board_chair,m9,,\nA,director,m1,2024-01-01,2023-01-01\n",
        )),
    ));
    cases.push((
        summary.replace(",2\n", ",1\n"),
        Some(s(members)),
        Some(s("cooperative_id,role,member,sex\nA,director,m1,female\n")),
    ));
    cases.push((
        s("id,name,kind,sector,members_listed\nA,HTX A,cooperative,agriculture,false\n"),
        Some(s("cooperative_id,id,type\nA,m1,individual\n")),
        None,
    ));
    cases.push((
        s(coops),
        Some(s("cooperative_id,id,type,brith_date,sex,sex\n")),
        None,
    ));
    cases.push((s("id,name,kind\n"), None, None));
    cases.push((
        s("id,name,kind,sector,charter_capital_vnd\nA,HTX A,cooperative,agriculture,1000.0\nA,HTX A2,union,agriculture,\n"),
        Some(s("cooperative_id,id,type,joined,left\nA,m1,individual,2020-01-01,2019-01-01\nQ,m2,individual,,\n")),
        Some(s("cooperative_id,role,member\nA,boss,m1\n")),
    ));
    cases.push((
        s(coops),
        Some(s(
            "cooperative_id,id,type,joined,left\nB,m1,individual,,\nA,m1,individual,2020-01-01,2019-01-01\n",
        )),
        None,
    ));
    cases
}

fn errors(r: Result<Registry, Error>) -> Vec<coopkit::InputError> {
    match r {
        Ok(_) => vec![],
        Err(e) => e.input_errors().to_vec(),
    }
}

#[test]
fn invalid_input_gives_the_record_readers_errors() {
    for (c, m, p) in invalid_inputs() {
        let (mb, pb) = (m.as_deref().map(str::as_bytes), p.as_deref().map(str::as_bytes));
        for opts in [columnar(1, 64), columnar(2, 64)] {
            assert!(
                registry_from_csv_columnar(c.as_bytes(), mb, pb, &opts).is_none(),
                "{c}\n{m:?}\n{p:?}"
            );
            let want = errors(registry_from_csv_with(c.as_bytes(), mb, pb, &record()));
            assert!(!want.is_empty(), "{c}\n{m:?}\n{p:?}");
            let got = errors(registry_from_csv_with(c.as_bytes(), mb, pb, &opts));
            assert_eq!(got, want);
        }
    }
}

/// Lenient reading takes the columnar reader on valid input (nothing
/// rejected, the same registry) and still rejects exactly the cooperatives
/// with errors on invalid input.
#[test]
fn lenient_reading_agrees_with_strict_reading() {
    let (c, m, p) = read_fixture();
    let loaded = registry_from_csv_lenient(c.as_slice(), Some(m.as_slice()), Some(p.as_slice())).unwrap();
    assert!(loaded.rejected.is_empty());
    assert_same(
        &loaded.registry,
        &registry_from_csv_dir_with(&fixture(), &record()).unwrap(),
    );
    let mut rejected_some = 0;
    for (c, m, p) in invalid_inputs() {
        let (mb, pb) = (m.as_deref().map(str::as_bytes), p.as_deref().map(str::as_bytes));
        let strict = errors(registry_from_csv_with(c.as_bytes(), mb, pb, &record()));
        if let Ok(loaded) = registry_from_csv_lenient(c.as_bytes(), mb, pb) {
            let lenient: Vec<_> = loaded.rejected.iter().flat_map(|r| r.errors.clone()).collect();
            assert_eq!(lenient.len(), strict.len(), "{c}");
            rejected_some += usize::from(!loaded.rejected.is_empty());
        }
    }
    assert!(rejected_some > 5);
}

/// CSV text in memory with `members.csv` in pieces (cut anywhere, even
/// inside a row or a quoted cell, empty pieces too) reads exactly as the
/// whole text through `registry_from_csv_lenient`, valid or not.
#[test]
fn members_in_pieces_read_as_the_whole_text() {
    let (c, m, p) = read_fixture();
    let mut inputs: Vec<(String, Option<String>, Option<String>)> = vec![(
        String::from_utf8(c).unwrap(),
        Some(String::from_utf8(m).unwrap()),
        Some(String::from_utf8(p).unwrap()),
    )];
    inputs.extend(invalid_inputs());
    let mut compared = 0;
    for (c, m, p) in inputs {
        let (mb, pb) = (m.as_deref().map(str::as_bytes), p.as_deref().map(str::as_bytes));
        let whole = registry_from_csv_lenient(c.as_bytes(), mb, pb);
        let Some(m) = mb else { continue };
        for cut in [
            0,
            1,
            m.len() / 3,
            m.len() / 2 + 1,
            m.len().saturating_sub(1),
            m.len(),
        ] {
            let cut2 = (cut + 7).min(m.len());
            let parts: [&[u8]; 4] = [&m[..cut], &[], &m[cut..cut2], &m[cut2..]];
            let pieces = registry_from_csv_bytes_lenient(c.as_bytes(), Some(&parts), pb);
            match (&whole, &pieces) {
                (Ok(a), Ok(b)) => {
                    assert_same(&a.registry, &b.registry);
                    assert_eq!(a.rejected, b.rejected, "{c}");
                }
                (Err(a), Err(b)) => assert_eq!(a.input_errors(), b.input_errors(), "{c}"),
                _ => panic!("one read failed, the other did not: {c}"),
            }
            compared += 1;
        }
    }
    assert!(compared > 30);
}

/// A folder with errors: `registry_from_csv_dir` gives exactly the record
/// reader's errors.
#[test]
fn an_invalid_folder_gives_the_record_readers_errors() {
    let dir = std::env::temp_dir().join(format!("coopkit-columnar-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut checked = 0;
    for (c, m, p) in invalid_inputs() {
        let _ = std::fs::remove_file(dir.join("members.csv"));
        let _ = std::fs::remove_file(dir.join("positions.csv"));
        std::fs::write(dir.join("cooperatives.csv"), &c).unwrap();
        if let Some(m) = &m {
            std::fs::write(dir.join("members.csv"), m).unwrap();
        }
        if let Some(p) = &p {
            std::fs::write(dir.join("positions.csv"), p).unwrap();
        }
        let want = errors(registry_from_csv_with(
            c.as_bytes(),
            m.as_deref().map(str::as_bytes),
            p.as_deref().map(str::as_bytes),
            &record(),
        ));
        for opts in [columnar(1, 64), columnar(2, 64), record()] {
            assert_eq!(errors(registry_from_csv_dir_with(&dir, &opts)), want, "{c}");
        }
        // The folder read leniently: what the in-memory lenient reader gives.
        let in_memory = registry_from_csv_lenient(
            c.as_bytes(),
            m.as_deref().map(str::as_bytes),
            p.as_deref().map(str::as_bytes),
        );
        match (registry_from_csv_dir_lenient(&dir), in_memory) {
            (Ok(a), Ok(b)) => {
                assert_eq!(a.rejected, b.rejected, "{c}");
                assert_eq!(all(&a.registry), all(&b.registry), "{c}");
                assert!(!a.rejected.is_empty(), "{c}");
            }
            (Err(a), Err(b)) => assert_eq!(errors(Err(a)), errors(Err(b)), "{c}"),
            (a, b) => panic!("{c}: {:?} vs {:?}", a.is_ok(), b.is_ok()),
        }
        checked += 1;
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(checked > 10);
}

/// Member rows of the same cooperatives split over two files and joined:
/// the rows of a cooperative are no longer together (the first part of
/// every list, then the rest), but keep their order.
fn interleaved_members(cs: &[Cooperative]) -> String {
    let part = |first: bool| {
        let half: Vec<Cooperative> = cs
            .iter()
            .map(|c| {
                let mut c = c.clone();
                c.positions = None;
                if let Some(ms) = &mut c.members {
                    let k = ms.len() / 2;
                    *ms = if first { ms[..k].to_vec() } else { ms[k..].to_vec() };
                }
                c
            })
            .collect();
        registry_to_csv(&Registry::from_cooperatives(half).unwrap()).1
    };
    let second = part(false);
    let (_, rows) = second.split_once('\n').unwrap();
    format!("{}{rows}", part(true))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn generated_registries_read_the_same_through_both_readers(
        cs in common::strategies::cooperatives(6),
        threads in 1usize..4,
        block in 64usize..2048,
    ) {
        let r = Registry::from_cooperatives(cs.clone()).unwrap();
        let (c, m, p) = registry_to_csv(&r);
        let slow = registry_from_csv_with(c.as_bytes(), Some(m.as_bytes()), Some(p.as_bytes()), &record()).unwrap();
        let fast = registry_from_csv_columnar(c.as_bytes(), Some(m.as_bytes()), Some(p.as_bytes()), &columnar(threads, block));
        prop_assert!(fast.is_some(), "the columnar reader gave up on valid input");
        let fast = fast.unwrap();
        prop_assert_eq!(all(&fast), cs);
        assert_same(&fast, &slow);
    }

    #[test]
    fn member_rows_in_any_order(cs in common::strategies::cooperatives(6), threads in 1usize..3) {
        let r = Registry::from_cooperatives(cs.clone()).unwrap();
        let (c, _, p) = registry_to_csv(&r);
        let m = interleaved_members(&cs);
        let slow = registry_from_csv_with(c.as_bytes(), Some(m.as_bytes()), Some(p.as_bytes()), &record()).unwrap();
        let fast = registry_from_csv_columnar(c.as_bytes(), Some(m.as_bytes()), Some(p.as_bytes()), &columnar(threads, 64));
        prop_assert!(fast.is_some(), "the columnar reader gave up on valid input");
        let fast = fast.unwrap();
        prop_assert_eq!(all(&fast), cs);
        assert_same(&fast, &slow);
    }

    /// One cell replaced by arbitrary text: the two readers agree on the
    /// registry or on every error.
    #[test]
    fn damaged_files_give_the_same_result(
        cs in common::strategies::cooperatives(3),
        file in 0usize..3,
        at in any::<prop::sample::Index>(),
        cell in "\\PC{0,12}",
    ) {
        let files = common::damaged_csv(cs, file, at, &cell);
        let [c, m, p] = &files;
        let read = |o: &CsvOptions| registry_from_csv_with(c.as_bytes(), Some(m.as_bytes()), Some(p.as_bytes()), o);
        match (read(&record()), read(&columnar(2, 64))) {
            (Ok(a), Ok(b)) => assert_same(&a, &b),
            (a, b) => prop_assert_eq!(errors(a), errors(b)),
        }
    }
}
