//! JSON and JSON Lines readers: one test per kind of error, with the exact
//! path and code; every error reported; lenient mode; Unicode forms.

mod common;

use common::{assert_contains, error_list, located, one_error as one};
use coopkit::io::{
    cooperative_from_json, registry_from_json, registry_from_json_lenient, registry_from_path, validate,
};
use coopkit::{Error, InputErrorCode as Code, MemberKind, Sex, Summary};
use serde_json::{json, Value};

/// A valid cooperative with two members and a board, as JSON.
fn base() -> Value {
    json!({
        "id": "htx-1", "name": "HTX Hoa Sen", "kind": "cooperative", "sector": "agriculture",
        "members": [
            {"id": "m1", "type": "individual", "sex": "female", "ethnicity": "18",
             "birth_date": "1980-05-01", "joined": "2020-01-01"},
            {"id": "m2", "type": "household", "sex": "male", "ethnicity": "Kinh"}
        ],
        "positions": [
            {"role": "board_chair", "member": "m1"},
            {"role": "director", "sex": "female", "ethnicity": "Co"}
        ]
    })
}

fn with(path: &[&str], v: Value) -> Value {
    let mut doc = base();
    let mut at = &mut doc;
    for (i, key) in path.iter().enumerate() {
        let last = i == path.len() - 1;
        at = match key.parse::<usize>() {
            Ok(n) => &mut at[n],
            Err(_) if last => {
                at.as_object_mut().unwrap().insert(key.to_string(), v);
                return doc;
            }
            Err(_) => &mut at[*key],
        };
    }
    *at = v;
    doc
}

fn without(path: &[&str]) -> Value {
    let mut doc = base();
    let (last, parents) = path.split_last().unwrap();
    let mut at = &mut doc;
    for key in parents {
        at = match key.parse::<usize>() {
            Ok(n) => &mut at[n],
            Err(_) => &mut at[*key],
        };
    }
    at.as_object_mut().unwrap().remove(*last);
    doc
}

/// The (path, code) of every error of reading `doc` as a cooperative.
fn errors(doc: &Value) -> Vec<(String, Code)> {
    error_list(cooperative_from_json(&doc.to_string()))
}

fn message(doc: &Value) -> String {
    cooperative_from_json(&doc.to_string()).unwrap_err().to_string()
}

#[test]
fn the_base_record_is_valid() {
    let c = cooperative_from_json(&base().to_string()).unwrap();
    assert_eq!(c.members.as_ref().unwrap().len(), 2);
    assert_eq!(c.member("m1").unwrap().ethnicity.unwrap().code(), "18");
    assert_eq!(c.member("m2").unwrap().ethnicity.unwrap().code(), "01");
    assert_eq!(c.positions.as_ref().unwrap().len(), 2);
}

#[test]
fn syntax_errors_give_line_and_column() {
    let err = cooperative_from_json("{\"id\": \"a\",\n \"name\" \"b\"}").unwrap_err();
    let e = &err.input_errors()[0];
    assert_eq!((e.path.as_str(), e.code), ("", Code::Syntax));
    assert_contains(&e.message, "line 2, column 9");
}

#[test]
fn missing_required_fields() {
    assert_eq!(errors(&without(&["sector"])), one("sector", Code::MissingField));
    assert_eq!(errors(&without(&["id"])), one("id", Code::MissingField));
    assert_eq!(
        errors(&without(&["members", "1", "type"])),
        one("members[1].type", Code::MissingField)
    );
    assert_eq!(
        errors(&without(&["members", "0", "id"])),
        one("members[0].id", Code::MissingField)
    );
    assert_eq!(
        errors(&without(&["positions", "0", "role"])),
        one("positions[0].role", Code::MissingField)
    );
    // null is the same as absent.
    assert_eq!(
        errors(&with(&["name"], Value::Null)),
        one("name", Code::MissingField)
    );
}

#[test]
fn position_holder_may_be_unknown_but_not_both_kinds() {
    let doc = with(&["positions", "1"], json!({"role": "director"}));
    let c = cooperative_from_json(&doc.to_string()).unwrap();
    assert_eq!(
        c.positions.unwrap()[1].holder,
        coopkit::Holder::External {
            sex: None,
            ethnicity: None
        }
    );
    let doc = with(&["positions", "0", "sex"], json!("female"));
    assert_eq!(errors(&doc), one("positions[0].sex", Code::Inconsistent));
}

#[test]
fn unknown_fields_are_not_ignored() {
    assert_eq!(
        errors(&with(&["secter"], json!("agriculture"))),
        one("secter", Code::UnknownField)
    );
    let doc = with(&["members", "0", "brith_date"], json!("1980-01-01"));
    assert_eq!(errors(&doc), one("members[0].brith_date", Code::UnknownField));
    let doc = with(&["summary"], json!({"member": 2}));
    assert_eq!(errors(&doc), one("summary.member", Code::UnknownField));
}

#[test]
fn wrong_types() {
    assert_eq!(errors(&with(&["name"], json!(5))), one("name", Code::InvalidType));
    assert_eq!(
        errors(&with(&["members"], json!({}))),
        one("members", Code::InvalidType)
    );
    assert_eq!(
        errors(&with(&["members", "0"], json!("m1"))),
        one("members[0]", Code::InvalidType)
    );
    let doc = with(&["declared_women_managed"], json!("yes"));
    assert_eq!(errors(&doc), one("declared_women_managed", Code::InvalidType));
    assert_eq!(
        errors(&with(&["charter_capital_vnd"], json!("1000"))),
        one("charter_capital_vnd", Code::InvalidType)
    );
    assert_eq!(
        errors(&with(&["employees"], json!([1, 2]))),
        one("employees", Code::InvalidType)
    );
    let err = cooperative_from_json("[1]").unwrap_err();
    assert_eq!(
        (err.path(), err.input_errors()[0].code),
        (Some(""), Code::InvalidType)
    );
}

#[test]
fn unknown_enum_values_list_the_allowed_ones() {
    let doc = with(&["kind"], json!("htx"));
    assert_eq!(errors(&doc), one("kind", Code::InvalidValue));
    let m = message(&doc);
    assert!(
        // The allowed values, never the text given (it may be a name).
        m.contains("cooperative, cooperative_group, union") && !m.contains("htx"),
        "{m}"
    );
    let doc = with(&["positions", "0", "role"], json!("chair"));
    assert_eq!(errors(&doc), one("positions[0].role", Code::InvalidValue));
    // Member-level values are never quoted.
    let doc = with(&["members", "0", "sex"], json!("Nguyễn Thị Lan"));
    assert_eq!(errors(&doc), one("members[0].sex", Code::InvalidValue));
    let m = message(&doc);
    assert!(!m.contains("Nguyễn") && m.contains("female, male"), "{m}");
}

#[test]
fn invalid_dates_are_reported_without_the_date() {
    for bad in [
        "2024-02-30",
        "2023-02-29",
        "01/05/1980",
        "1980-5-1",
        "1980-05-01T00:00:00",
    ] {
        let doc = with(&["members", "0", "birth_date"], json!(bad));
        assert_eq!(
            errors(&doc),
            one("members[0].birth_date", Code::InvalidDate),
            "{bad}"
        );
        assert!(!message(&doc).contains(bad), "{bad}");
    }
    let doc = with(&["established"], json!(20200101));
    assert_eq!(errors(&doc), one("established", Code::InvalidType));
}

#[test]
fn amounts_are_whole_non_negative_dong() {
    let at = |v: Value| errors(&with(&["members", "0", "capital_vnd"], v));
    assert_eq!(at(json!(-5)), one("members[0].capital_vnd", Code::OutOfRange));
    assert_eq!(at(json!(1.5e9)), one("members[0].capital_vnd", Code::InvalidType));
    assert_eq!(
        at(json!(1000.0)),
        one("members[0].capital_vnd", Code::InvalidType)
    );
    assert_eq!(at(json!(0.5)), one("members[0].capital_vnd", Code::InvalidType));
    assert!(at(json!(u64::MAX)).is_empty());
    let text = base().to_string().replacen(
        "\"ethnicity\":\"18\"",
        "\"ethnicity\":\"18\",\"capital_vnd\":18446744073709551616",
        1,
    );
    let err = cooperative_from_json(&text).unwrap_err();
    assert_eq!(err.input_errors()[0].code, Code::Overflow);
    assert_eq!(err.path(), Some("members[0].capital_vnd"));
    let doc = with(&["summary"], json!({"members": 4_294_967_296u64}));
    assert_eq!(errors(&doc), one("summary.members", Code::Overflow));
    let doc = with(&["employees"], json!({"female": 3}));
    assert_eq!(errors(&doc), one("employees.male", Code::MissingField));
}

#[test]
fn duplicate_member_ids_also_across_unicode_forms() {
    let doc = with(&["members", "1", "id"], json!("m1"));
    assert_eq!(errors(&doc), one("members[1].id", Code::DuplicateId));
    // "Hoà" in NFC and in NFD is one id.
    let mut doc = base();
    doc["members"][0]["id"] = json!("Ho\u{00e0}");
    doc["members"][1]["id"] = json!("Hoa\u{0300}");
    doc["positions"][0]["member"] = json!("Hoa\u{0300}");
    assert_eq!(errors(&doc), one("members[1].id", Code::DuplicateId));
}

#[test]
fn text_is_read_as_nfc() {
    let mut doc = base();
    doc["name"] = json!("HTX Hoa\u{0300} Sen"); // NFD
    doc["members"][0]["id"] = json!("Ho\u{00e0}"); // NFC
    doc["positions"][0]["member"] = json!("Hoa\u{0300}"); // NFD: the same member
    let c = cooperative_from_json(&doc.to_string()).unwrap();
    assert_eq!(c.name, "HTX Ho\u{00e0} Sen");
    assert_eq!(c.holder_sex(&c.positions.as_ref().unwrap()[0]), Some(Sex::Female));
}

#[test]
fn positions_must_name_listed_members() {
    let doc = with(&["positions", "0", "member"], json!("m9"));
    assert_eq!(errors(&doc), one("positions[0].member", Code::UnknownReference));
    // Without a member list the reference cannot be checked.
    let doc = with(&["positions", "0", "member"], json!("m9"));
    let mut doc = doc;
    doc.as_object_mut().unwrap().remove("members");
    assert_eq!(errors(&doc), vec![]);
}

#[test]
fn dates_in_order() {
    let doc = with(&["members", "0", "left"], json!("2019-12-31"));
    assert_eq!(errors(&doc), one("members[0].left", Code::Inconsistent));
    assert!(errors(&with(&["members", "0", "left"], json!("2020-01-01"))).is_empty());
    let mut doc = with(&["positions", "0", "start"], json!("2022-01-01"));
    doc["positions"][0]["end"] = json!("2021-06-30");
    assert_eq!(errors(&doc), one("positions[0].end", Code::Inconsistent));
}

#[test]
fn ethnicity_and_nationality_codes() {
    let doc = with(&["members", "0", "ethnicity"], json!("55"));
    assert_eq!(errors(&doc), one("members[0].ethnicity", Code::InvalidValue));
    let doc = with(&["members", "0", "ethnicity"], json!("Klingon"));
    assert!(!message(&doc).contains("Klingon"));
    // Names in any Unicode form, case, with or without diacritics.
    for name in ["H'rê", "HRE\u{0302}", "hre"] {
        let doc = with(&["members", "0", "ethnicity"], json!(name));
        let c = cooperative_from_json(&doc.to_string()).unwrap();
        assert_eq!(c.members.unwrap()[0].ethnicity.unwrap().code(), "18", "{name}");
    }
    for bad in ["VNM", "Viet Nam", "V1", "", "XX", "UK"] {
        let doc = with(&["members", "0", "nationality"], json!(bad));
        assert_eq!(
            errors(&doc),
            one("members[0].nationality", Code::InvalidValue),
            "{bad:?}"
        );
    }
    let doc = with(&["members", "0", "nationality"], json!("la"));
    let c = cooperative_from_json(&doc.to_string()).unwrap();
    assert_eq!(c.members.unwrap()[0].nationality.as_str(), "LA");
}

#[test]
fn empty_strings_are_refused() {
    assert_eq!(
        errors(&with(&["province"], json!(""))),
        one("province", Code::InvalidValue)
    );
    assert_eq!(errors(&with(&["id"], json!(""))), one("id", Code::InvalidValue));
}

#[test]
fn a_declared_kind_the_facts_contradict_is_not_an_input_error() {
    let mut doc = base();
    doc["members"][0]["kind"] = json!("official");
    doc["members"][0]["contributes_capital"] = json!(false);
    doc["members"][0]["uses_services"] = json!(true);
    let c = cooperative_from_json(&doc.to_string()).unwrap();
    assert_eq!(c.members.unwrap()[0].kind, Some(MemberKind::Official));
}

#[test]
fn summary_must_agree_with_the_lists() {
    let ok = json!({"members": 2, "members_female": 1, "members_minority": 1,
                    "board_seats": 1, "board_female": 1, "chair_female": true, "director_female": true});
    assert_eq!(errors(&with(&["summary"], ok)), vec![]);

    let doc = with(
        &["summary"],
        json!({"members": 3, "members_female": 2, "board_seats": 2}),
    );
    assert_eq!(
        errors(&doc),
        vec![
            ("summary.members".to_string(), Code::Inconsistent),
            ("summary.members_female".to_string(), Code::Inconsistent),
            ("summary.board_seats".to_string(), Code::Inconsistent),
        ]
    );
    let doc = with(
        &["summary"],
        json!({"chair_female": false, "director_female": false}),
    );
    assert_eq!(
        errors(&doc),
        vec![
            ("summary.chair_female".to_string(), Code::Inconsistent),
            ("summary.director_female".to_string(), Code::Inconsistent),
        ]
    );
    // Official members: m1 and m2 have no facts, so between 0 and 2.
    assert!(errors(&with(&["summary"], json!({"official_members": 2}))).is_empty());
    // A member who has left is not counted.
    let mut doc = with(&["summary"], json!({"members": 1, "members_female": 1}));
    doc["members"][1]["left"] = json!("2024-01-01");
    assert_eq!(errors(&doc), vec![]);
    // Unknown sex leaves a range.
    let mut doc = with(&["summary"], json!({"members_female": 2}));
    doc["members"][1].as_object_mut().unwrap().remove("sex");
    assert_eq!(errors(&doc), vec![]);
}

#[test]
fn summary_counts_must_fit() {
    let mut doc = without(&["members"]);
    doc.as_object_mut().unwrap().remove("positions");
    doc["summary"] = json!({"members": 3, "members_female": 4, "board_seats": 0, "chair_female": true});
    assert_eq!(
        errors(&doc),
        vec![
            ("summary.members_female".to_string(), Code::Inconsistent),
            ("summary.chair_female".to_string(), Code::Inconsistent),
        ]
    );
    doc["summary"] = json!({"members": 3, "members_female": 2});
    let c = cooperative_from_json(&doc.to_string()).unwrap();
    assert_eq!(
        c.summary,
        Some(Summary {
            members: Some(3),
            members_female: Some(2),
            ..Summary::default()
        })
    );
}

#[test]
fn validate_checks_records_built_in_rust() {
    let mut c = cooperative_from_json(&base().to_string()).unwrap();
    assert!(validate(&c).is_empty());
    c.members.as_mut().unwrap()[1].id = "m1".into();
    c.positions.as_mut().unwrap()[1].holder = coopkit::Holder::External {
        sex: None,
        ethnicity: None,
    };
    let got: Vec<_> = validate(&c).into_iter().map(|e| (e.path, e.code)).collect();
    assert_eq!(got, vec![("members[1].id".to_string(), Code::DuplicateId),]);
}

/// Several errors in several records of one file: every one is reported.
#[test]
fn every_error_of_a_file_is_reported() {
    let mut a = base();
    a["members"][0]["birth_date"] = json!("2024-02-30");
    a["members"][1]["type"] = json!("person");
    a["sectr"] = json!("x");
    let b = with(&["charter_capital_vnd"], json!(-1));
    let mut c = base();
    c["id"] = json!("htx-2");
    c["positions"][0]["member"] = json!("m7");
    let text = json!({"cooperatives": [a, b, c]}).to_string();
    let err = registry_from_json(&text).unwrap_err();
    let got = located(&err);
    assert_eq!(
        got,
        vec![
            ("cooperatives[0].sectr", Code::UnknownField),
            ("cooperatives[0].members[0].birth_date", Code::InvalidDate),
            ("cooperatives[0].members[1].type", Code::InvalidValue),
            ("cooperatives[1].charter_capital_vnd", Code::OutOfRange),
            ("cooperatives[1].id", Code::DuplicateId),
            ("cooperatives[2].positions[0].member", Code::UnknownReference),
        ]
    );
    assert!(err.input_errors()[4].message.contains("cooperatives[0].id"));
    assert!(!err.to_string().contains("2024-02-30"));
}

#[test]
fn lenient_mode_keeps_valid_records() {
    let mut bad = base();
    bad["id"] = json!("htx-2");
    bad["members"][0]["sex"] = json!("f");
    let mut good = base();
    good["id"] = json!("htx-3");
    let text = json!({"cooperatives": [base(), bad, good, base()]}).to_string();
    let loaded = registry_from_json_lenient(&text).unwrap();
    let ids: Vec<_> = loaded.registry.iter().map(|c| c.id).collect();
    assert_eq!(ids, ["htx-1", "htx-3"]);
    let rejected: Vec<_> = loaded
        .rejected
        .iter()
        .map(|r| (r.index, r.id.as_deref(), r.errors[0].path.as_str()))
        .collect();
    assert_eq!(
        rejected,
        vec![
            (1, Some("htx-2"), "cooperatives[1].members[0].sex"),
            (3, Some("htx-1"), "cooperatives[3].id"),
        ]
    );
    // The whole text unreadable: an error, not an empty registry.
    assert!(registry_from_json_lenient("{\"cooperatives\": 5}").is_err());
    assert!(registry_from_json_lenient("{\"cooperatives\": [").is_err());
}

#[test]
fn duplicate_cooperative_ids_across_unicode_forms() {
    let mut a = base();
    a["id"] = json!("Ho\u{00e0}");
    let mut b = base();
    b["id"] = json!("Hoa\u{0300}");
    let err = registry_from_json(&json!({"cooperatives": [a, b]}).to_string()).unwrap_err();
    assert_eq!(err.path(), Some("cooperatives[1].id"));
    assert_eq!(err.input_errors()[0].code, Code::DuplicateId);
}

#[test]
fn registry_object_form_refuses_other_top_level_fields() {
    // "count" is no near miss of a field name, so it is not echoed.
    let err = registry_from_json(r#"{"cooperatives": [], "count": 0}"#).unwrap_err();
    assert_eq!(
        (err.path(), err.input_errors()[0].code),
        (Some("<field not shown>"), Code::UnknownField)
    );
    let err = registry_from_json(r#"{"cooperatives": [], "cooperative": []}"#).unwrap_err();
    assert_eq!(err.path(), Some("cooperative"));
    assert!(matches!(registry_from_json("[]"), Err(Error::Input(_))));
}

#[test]
fn json_lines_with_blank_lines_and_a_broken_line() {
    let mut b = base();
    b["id"] = json!("htx-2");
    let mut c = base();
    c["id"] = json!("htx-3");
    c["kind"] = json!("co-op");
    let text = format!("{}\n\n{}\n{{\"id\": \"x\",\n{}\n", base(), b, c);
    let err = registry_from_json(&text).unwrap_err();
    let got = located(&err);
    assert_eq!(
        got,
        vec![
            ("cooperatives[2]", Code::Syntax),
            ("cooperatives[3].kind", Code::InvalidValue)
        ]
    );
    assert!(
        err.input_errors()[0].message.contains("line 4"),
        "{}",
        err.input_errors()[0].message
    );

    let loaded = registry_from_json_lenient(&text).unwrap();
    assert_eq!(loaded.registry.len(), 2);
    assert_eq!(loaded.registry.index_of("htx-2"), Some(1));
    let idx: Vec<_> = loaded.rejected.iter().map(|r| (r.index, r.id.clone())).collect();
    assert_eq!(idx, vec![(2, None), (3, Some("htx-3".to_string()))]);

    // Pretty-printed object form with a syntax error is one error with a line.
    let err = registry_from_json("{\"cooperatives\": [\n  {\"id\": 1,}\n]}").unwrap_err();
    assert_eq!(err.input_errors()[0].code, Code::Syntax);
    assert!(err.to_string().contains("line 2"), "{err}");
}

#[test]
fn registry_from_a_json_lines_file() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/registry.jsonl");
    let r = registry_from_path(&path).unwrap();
    assert_eq!(r.len(), 3);
    let c = r.get(r.index_of("QN-003").unwrap()).unwrap();
    assert_eq!(c.members, None);
    assert_eq!(c.summary.unwrap().members_female, Some(9));
    let err = registry_from_path(&path.with_extension("txt")).unwrap_err();
    assert_eq!(err.code(), "io");
}

/// Cross-field checks still run when only cooperative-level fields are bad.
#[test]
fn cross_field_errors_are_reported_alongside_field_errors() {
    let mut doc = with(&["charter_capital_vnd"], json!(1.5));
    doc["positions"][0]["member"] = json!("m9");
    doc.as_object_mut().unwrap().remove("name");
    assert_eq!(
        errors(&doc),
        vec![
            ("name".to_string(), Code::MissingField),
            ("charter_capital_vnd".to_string(), Code::InvalidType),
            ("positions[0].member".to_string(), Code::UnknownReference),
        ]
    );
    // A bad member leaves the list incomplete: the reference is not judged.
    doc["members"][0]["sex"] = json!(1);
    doc["positions"][0]["member"] = json!("m1");
    assert_eq!(
        errors(&doc).last().unwrap(),
        &("members[0].sex".to_string(), Code::InvalidType)
    );
}

#[test]
fn dissolved_is_a_date_not_before_established() {
    let mut doc = with(&["dissolved"], json!("2025-06-30"));
    let c = cooperative_from_json(&doc.to_string()).unwrap();
    assert_eq!(c.dissolved, Some("2025-06-30".parse().unwrap()));
    // Written back to JSON and to the CSV folder form, and read again.
    let reg = coopkit::Registry::from_cooperatives(vec![c.clone()]).unwrap();
    let (coops, members, positions) = coopkit::io::registry_to_csv(&reg);
    assert!(coops.lines().next().unwrap().contains("dissolved"));
    let back = coopkit::io::registry_from_csv(
        coops.as_bytes(),
        Some(members.as_bytes()),
        Some(positions.as_bytes()),
    )
    .unwrap();
    assert_eq!(back.get(0).unwrap().dissolved, c.dissolved);
    doc["established"] = json!("2025-07-01");
    assert_eq!(errors(&doc), one("dissolved", Code::Inconsistent));
    doc["established"] = json!("2025-06-30");
    assert!(
        errors(&doc).is_empty(),
        "the same day is an empty period, allowed"
    );
    let doc = with(&["dissolved"], json!("30/06/2025"));
    assert_eq!(errors(&doc), one("dissolved", Code::InvalidDate));
}

#[test]
fn revenue_and_capital_may_carry_their_year() {
    let mut doc = with(&["annual_revenue_vnd"], json!(3_000_000_000u64));
    doc["annual_revenue_year"] = json!(2023);
    doc["total_capital_vnd"] = json!(900_000_000u64);
    doc["total_capital_year"] = json!(2024);
    let c = cooperative_from_json(&doc.to_string()).unwrap();
    assert_eq!(
        (c.annual_revenue_year, c.total_capital_year),
        (Some(2023), Some(2024))
    );
    let reason =
        coopkit::classify::size_class(coopkit::Parameters::builtin(), &c, "2025-01-01".parse().unwrap())
            .reason;
    assert!(
        reason.en.ends_with("(revenue of 2023, total capital of 2024)"),
        "{}",
        reason.en
    );
    assert!(
        reason
            .vi
            .ends_with("(doanh thu năm 2023, tổng nguồn vốn năm 2024)"),
        "{}",
        reason.vi
    );
    // Through the CSV form and back.
    let reg = coopkit::Registry::from_cooperatives(vec![c.clone()]).unwrap();
    let (coops, members, positions) = coopkit::io::registry_to_csv(&reg);
    let back = coopkit::io::registry_from_csv(
        coops.as_bytes(),
        Some(members.as_bytes()),
        Some(positions.as_bytes()),
    )
    .unwrap();
    assert_eq!(back.get(0).unwrap().annual_revenue_year, Some(2023));
    doc["annual_revenue_year"] = json!(23);
    assert_eq!(errors(&doc), one("annual_revenue_year", Code::OutOfRange));
    doc["annual_revenue_year"] = json!("2023");
    assert_eq!(errors(&doc), one("annual_revenue_year", Code::InvalidType));
}

/// A key given twice is an error, never last-wins: a second
/// `"cooperatives"` would silently drop the whole first list, a second
/// `"sex"` would change a member. The key itself is not quoted.
#[test]
fn a_key_given_twice_is_a_syntax_error_not_last_wins() {
    let twice = r#"{"cooperatives": [{"id": "A", "name": "A", "kind": "cooperative", "sector": "agriculture"}],
                    "cooperatives": []}"#;
    let err = registry_from_json(twice).unwrap_err();
    let e = &err.input_errors()[0];
    assert_eq!(e.code, Code::Syntax);
    assert_contains(&e.message, "a key given twice in one object");
    assert_contains(&e.message, "line 2");
    let member = r#"{"id": "A", "name": "A", "kind": "cooperative", "sector": "agriculture",
                     "members": [{"id": "m1", "type": "individual", "sex": "female", "sex": "male"}]}"#;
    let err = cooperative_from_json(member).unwrap_err();
    let e = &err.input_errors()[0];
    assert_eq!(e.code, Code::Syntax);
    assert!(!e.message.contains("\"sex\""), "{}", e.message);
    // JSON Lines too, on its own line.
    let lines = "{\"id\": \"A\", \"name\": \"A\", \"kind\": \"cooperative\", \"sector\": \"agriculture\"}\n\
                 {\"id\": \"B\", \"id\": \"C\", \"name\": \"B\", \"kind\": \"cooperative\", \"sector\": \"agriculture\"}\n";
    let err = registry_from_json(lines).unwrap_err();
    let e = &err.input_errors()[0];
    assert_eq!((e.path.as_str(), e.code), ("cooperatives[1]", Code::Syntax));
}

/// An id must have something visible in it and no control or invisible
/// character: `m0` and `m0` + U+200B would otherwise be two members that
/// look the same. The id is never quoted.
#[test]
fn ids_of_spaces_or_with_invisible_characters_are_refused() {
    for (bad, at) in [
        ("   ", "members[1].id"),
        ("m0\u{200B}", "members[1].id"),
        ("m\u{0}0", "members[1].id"),
        ("m\n0", "members[1].id"),
        ("\u{FEFF}m0", "members[1].id"),
    ] {
        let doc = with(&["members", "1", "id"], json!(bad));
        let err = cooperative_from_json(&doc.to_string()).unwrap_err();
        let e = &err.input_errors()[0];
        assert_eq!((e.path.as_str(), e.code), (at, Code::InvalidValue), "{bad:?}");
        assert!(!e.message.contains(bad), "{}", e.message);
    }
    let doc = with(&["id"], json!("\u{200D}"));
    assert_eq!(errors(&doc), vec![("id".to_string(), Code::InvalidValue)]);
    // A Vietnamese id is an id.
    assert!(errors(&with(&["members", "1", "id"], json!("Thành-viên-02"))).is_empty());
}

/// A date of birth before 1900 is a typing error, not a person (year 1 used
/// to pass the age rule); joining before being born is inconsistent.
#[test]
fn impossible_dates_of_birth_are_refused() {
    let early = with(&["members", "0", "birth_date"], json!("0001-01-01"));
    assert_eq!(
        errors(&early),
        vec![("members[0].birth_date".to_string(), Code::OutOfRange)]
    );
    let after = with(&["members", "0", "birth_date"], json!("2021-01-01"));
    assert_eq!(
        errors(&after),
        vec![("members[0].joined".to_string(), Code::Inconsistent)]
    );
    assert!(errors(&with(&["members", "0", "birth_date"], json!("1900-01-01"))).is_empty());
}

/// A 0-byte or blank `.json` file is an error (usually a failed export),
/// not an empty registry; a blank `.jsonl` file is JSON Lines with no
/// record, and `{"cooperatives": []}` is the empty registry.
#[test]
fn an_empty_json_file_is_an_error_not_an_empty_registry() {
    let dir = std::env::temp_dir().join(format!("coopkit-empty-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for text in ["", "   \n\n", "\u{feff}"] {
        std::fs::write(dir.join("r.json"), text).unwrap();
        let err = registry_from_path(&dir.join("r.json")).unwrap_err();
        assert_eq!(err.input_errors()[0].code, Code::Syntax, "{text:?}");
        assert_contains(&err.to_string(), "an empty file");
        std::fs::write(dir.join("r.jsonl"), text).unwrap();
        assert_eq!(registry_from_path(&dir.join("r.jsonl")).unwrap().len(), 0);
    }
    std::fs::write(dir.join("r.json"), r#"{"cooperatives": []}"#).unwrap();
    assert_eq!(registry_from_path(&dir.join("r.json")).unwrap().len(), 0);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A board has one chair at a time, a cooperative one director and one head
/// of the supervisory board, and a member one board seat: a second one in
/// an overlapping period is inconsistent (it used to be counted twice). A
/// successor whose period starts when the other's ends is fine.
#[test]
fn one_chair_one_director_one_seat_per_member_at_a_time() {
    let with_positions = |ps: Value| with(&["positions"], ps);
    let two_chairs = with_positions(json!([
        {"role": "board_chair", "member": "m1"},
        {"role": "board_chair", "member": "m2"}
    ]));
    assert_eq!(
        errors(&two_chairs),
        vec![("positions[1].role".to_string(), Code::Inconsistent)]
    );
    let succession = with_positions(json!([
        {"role": "board_chair", "member": "m1", "end": "2023-01-01"},
        {"role": "board_chair", "member": "m2", "start": "2023-01-01"},
        {"role": "director", "member": "m2"}
    ]));
    assert!(errors(&succession).is_empty());
    let two_seats = with_positions(json!([
        {"role": "board_member", "member": "m2"},
        {"role": "board_chair", "member": "m1"},
        {"role": "board_member", "member": "m1", "start": "2022-01-01"}
    ]));
    assert_eq!(
        errors(&two_seats),
        vec![("positions[2].member".to_string(), Code::Inconsistent)]
    );
    let two_directors = with_positions(json!([
        {"role": "director", "sex": "female"},
        {"role": "director", "member": "m1", "start": "2020-01-01", "end": "2021-01-01"}
    ]));
    assert_eq!(
        errors(&two_directors),
        vec![("positions[1].role".to_string(), Code::Inconsistent)]
    );
}

/// An unknown field is named when its name is written as a field name
/// (`brith_date`: a misspelling to fix); anything else (a name, a birth
/// date, a key of any length) is not echoed.
#[test]
fn unknown_field_names_are_shown_only_when_they_look_like_field_names() {
    let e = errors(&with(&["members", "0", "brith_date"], json!("1980-01-01")));
    assert_eq!(e, vec![("members[0].brith_date".to_string(), Code::UnknownField)]);
    let secret = "Nguyễn Thị Bí Mật 1990-01-01";
    let long = "k".repeat(10_000);
    for key in [secret, long.as_str()] {
        let doc = with(&["members", "0", key], json!(1));
        let err = cooperative_from_json(&doc.to_string()).unwrap_err();
        let text = err.to_string();
        assert!(
            !text.contains("Bí Mật") && !text.contains("kkkk") && text.len() < 600,
            "{text}"
        );
        assert_eq!(err.input_errors()[0].path, "members[0].<field not shown>");
    }
}
