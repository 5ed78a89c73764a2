//! The limits of a read (`max_records`, `max_members`, `max_depth`,
//! `max_errors`): each form of input meets each limit with one `too_large`
//! error at the record or list where it was met, strict or lenient, and a
//! hostile input is refused before it takes memory.

mod common;

use common::{assert_contains, located};
use coopkit::io::{Loaded, ReadOptions, LIMITS};
use coopkit::{Error, InputError, InputErrorCode as Code};
use serde_json::Value;

/// A cooperative `c{i}` with `members` members, as one JSON line.
fn coop(i: usize, members: usize) -> String {
    let m: Vec<String> = (0..members)
        .map(|j| format!(r#"{{"id":"m{j}","type":"individual","sex":"female"}}"#))
        .collect();
    format!(
        r#"{{"id":"c{i}","name":"HTX","kind":"cooperative","sector":"agriculture","members":[{}]}}"#,
        m.join(",")
    )
}

fn registry(coops: &[String]) -> String {
    format!(r#"{{"cooperatives":[{}]}}"#, coops.join(","))
}

fn limit(name: &str, value: u64) -> ReadOptions {
    ReadOptions::new().limit(name, value).unwrap()
}

/// The one error of a read, which must fail.
fn only_error(read: Result<Loaded, Error>) -> InputError {
    let err = read.map(|l| l.registry.len()).expect_err("the read fails");
    let errors = err.input_errors();
    assert_eq!(errors.len(), 1, "{err}");
    errors[0].clone()
}

fn assert_too_large(e: &InputError, path: &str, name: &str) {
    assert_eq!((e.path.as_str(), e.code), (path, Code::TooLarge), "{}", e.message);
    assert_contains(&e.message, name);
}

#[test]
fn every_limit_has_a_default_and_both_spellings() {
    let values: Vec<(&str, u64)> = ReadOptions::new()
        .limits()
        .iter()
        .map(|(l, v)| (l.name, *v))
        .collect();
    assert_eq!(
        values,
        [
            ("max_bytes", 4 << 30),
            ("max_records", 1_000_000),
            ("max_members", 1_000_000),
            ("max_depth", 64),
            ("max_errors", 10_000),
        ]
    );
    for (i, l) in LIMITS.iter().enumerate() {
        for name in [l.name, l.js_name] {
            let set = ReadOptions::new().limit(name, 7).unwrap().limits();
            assert_eq!((set[i].0.name, set[i].1), (l.name, 7), "{name}");
        }
    }
    let err = ReadOptions::new().limit("max_rows", 1).unwrap_err();
    assert!(matches!(err, Error::Parameter { .. }), "{err:?}");
    assert_contains(&err.to_string(), "max_records");
}

#[test]
fn records_past_the_limit_are_refused_in_every_form() {
    let three: Vec<String> = (0..3).map(|i| coop(i, 1)).collect();
    let two = limit("max_records", 2);
    for lenient in [false, true] {
        let o = two.clone().lenient(lenient);
        let e = only_error(o.read_json(&registry(&three)));
        assert_too_large(&e, "cooperatives[2]", "max_records");
        // The streaming reader stops where the third record begins.
        assert_contains(&e.message, "line 1, column");
        let e = only_error(o.read_json(&(three.join("\n") + "\n")));
        assert_too_large(&e, "cooperatives[2]", "max_records");
        assert_contains(&e.message, "line 3");
        let csv = b"id,name,kind,sector\nc0,A,cooperative,agriculture\nc1,B,cooperative,agriculture\nc2,C,cooperative,agriculture\n";
        let e = only_error(o.read_csv(csv, None, None));
        assert_too_large(&e, "cooperatives.csv:4", "max_records");
    }
    // Exactly at the limit is inside it.
    let loaded = limit("max_records", 3).read_json(&registry(&three)).unwrap();
    assert_eq!(loaded.registry.len(), 3);
    let values = three
        .iter()
        .map(|t| Ok(serde_json::from_str::<Value>(t).unwrap()))
        .collect();
    let e = only_error(two.read_values(values));
    assert_too_large(&e, "cooperatives[2]", "max_records");
}

#[test]
fn members_past_the_limit_name_the_cooperative_and_its_list() {
    let text = registry(&[coop(0, 2), coop(1, 3)]);
    let o = limit("maxMembers", 2);
    for lenient in [false, true] {
        let e = only_error(o.clone().lenient(lenient).read_json(&text));
        assert_too_large(&e, "cooperatives[1].members", "max_members");
    }
    assert_eq!(
        limit("max_members", 3).read_json(&text).unwrap().registry.len(),
        2
    );
    let c = b"id,name,kind,sector\nc0,A,cooperative,agriculture\nc1,B,cooperative,agriculture\n";
    let m = b"cooperative_id,id,type,sex\nc1,a,individual,female\nc1,b,individual,female\nc1,c,individual,female\n";
    let e = only_error(o.read_csv(c, Some(m), None));
    assert_too_large(&e, "cooperatives.csv:3.members", "max_members");
    assert_contains(&e.message, "3 members in one cooperative");
}

#[test]
fn ten_million_empty_members_are_refused_while_parsing() {
    // 30 MB of `{},`: decoding them would take gigabytes; the parser stops
    // at the default limit, a million, before building the rest.
    let mut text = String::from(
        r#"{"cooperatives":[{"id":"a","name":"x","kind":"cooperative","sector":"agriculture","members":["#,
    );
    text.push_str(&["{}"; 10_000_000].join(","));
    text.push_str("]}]}");
    let e = only_error(ReadOptions::new().read_json(&text));
    assert_too_large(&e, "cooperatives[0].members", "max_members");
    assert_contains(&e.message, "1000000");
}

#[test]
fn deep_nesting_is_refused_with_a_short_path() {
    let deep = |n: usize| {
        format!(
            r#"{{"cooperatives":[{{"id":"a","name":"x","kind":"cooperative","sector":"agriculture","extra":{}1{}}}]}}"#,
            "[".repeat(n),
            "]".repeat(n)
        )
    };
    let e = only_error(ReadOptions::new().read_json(&deep(100)));
    assert_eq!(e.code, Code::TooLarge);
    assert_contains(&e.message, "max_depth");
    // The unknown key is not shown, and the path is cut after eight steps
    // inside the record.
    assert_eq!(e.path, "cooperatives[0].<field not shown>[0][0][0][0][0][0][0]…");
    // Depth counts from each record: one record meets the limit at one
    // depth whether it is in a list, on its own, or a line of JSON Lines.
    let record = |n: usize| {
        format!(
            r#"{{"id":"a","name":"x","kind":"cooperative","sector":"agriculture","extra":{}1{}}}"#,
            "[".repeat(n),
            "]".repeat(n)
        )
    };
    for (n, code) in [(63, Code::UnknownField), (64, Code::TooLarge)] {
        for text in [
            format!(r#"{{"cooperatives":[{}]}}"#, record(n)),
            record(n),
            format!("{}\n{}\n", record(n), record(0)),
        ] {
            let err = ReadOptions::new().read_json(&text).unwrap_err();
            let first = &err.input_errors()[0];
            assert_eq!(first.code, code, "{n}: {err}");
            assert!(
                first.path.starts_with("cooperatives[0].<field not shown>"),
                "{}",
                first.path
            );
        }
    }
    let e =
        only_error(ReadOptions::new().read_json(&format!("{}{}", "[".repeat(100_000), "]".repeat(100_000))));
    assert_eq!(e.code, Code::TooLarge);
    // Under the limit the nesting is an unknown field, not a limit.
    let err = limit("max_depth", 200).read_json(&deep(100)).unwrap_err();
    assert_eq!(
        located(&err),
        [("cooperatives[0].<field not shown>", Code::UnknownField)]
    );
}

#[test]
fn errors_past_the_limit_are_counted_in_one_last_error() {
    let bad: Vec<String> = (0..30)
        .map(|i| format!(r#"{{"id":"c{i}","name":"x","kind":"nope","sector":"agriculture"}}"#))
        .collect();
    let text = registry(&bad);
    let err = limit("max_errors", 10).read_json(&text).unwrap_err();
    let errors = err.input_errors();
    assert_eq!(errors.len(), 11);
    assert!(errors[..10].iter().all(|e| e.code == Code::InvalidValue));
    assert_eq!(errors[9].path, "cooperatives[9].kind");
    assert_eq!(errors[10].code, Code::TooLarge);
    assert_contains(&errors[10].message, "20 more errors");
    // Lenient: every record is rejected and kept, each with its own error.
    let loaded = limit("max_errors", 10).lenient(true).read_json(&text).unwrap();
    assert_eq!(loaded.rejected.len(), 30);
    // One record's errors are capped too.
    let members: Vec<String> = (0..50)
        .map(|j| format!(r#"{{"id":"m{j}","type":"individual","sex":"x"}}"#))
        .collect();
    let one = format!(
        r#"{{"id":"c","name":"x","kind":"cooperative","sector":"agriculture","members":[{}]}}"#,
        members.join(",")
    );
    let loaded = limit("max_errors", 5)
        .lenient(true)
        .read_json(&registry(&[one]))
        .unwrap();
    let errors = &loaded.rejected[0].errors;
    assert_eq!(errors.len(), 6, "{errors:?}");
    assert_eq!(errors[5].code, Code::TooLarge);
    assert_contains(&errors[5].message, "45 more errors");
}
