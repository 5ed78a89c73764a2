//! The built-in parameter tables against the reference, user overlays, and
//! laws named outside their period.

mod common;

use common::assert_contains;
use common::law::*;
use coopkit::law::params::Unit;
use coopkit::law::rules::RULE_IDS;
use coopkit::{Law, LawChoice, Parameters, Status, Value};

/// (id, law, value, citation) as REFERENCE.md §3 gives them.
const EXPECTED: &[(&str, Law, u64, &str)] = &[
    (
        "members.minimum.cooperative_group",
        Law::Vn2012,
        2,
        "Decree 77/2019/NĐ-CP",
    ),
    (
        "members.minimum.cooperative",
        Law::Vn2012,
        7,
        "Law 23/2012/QH13, Art. 3",
    ),
    ("members.minimum.union", Law::Vn2012, 4, "Law 23/2012/QH13"),
    ("members.minimum_age", Law::Vn2012, 18, "Law 23/2012/QH13"),
    (
        "capital.member_cap.cooperative",
        Law::Vn2012,
        20,
        "Law 23/2012/QH13",
    ),
    ("capital.member_cap.union", Law::Vn2012, 30, "Law 23/2012/QH13"),
    (
        "governance.control_board_from.cooperative",
        Law::Vn2012,
        30,
        "Law 23/2012/QH13",
    ),
    (
        "governance.control_board_from.union",
        Law::Vn2012,
        10,
        "Law 23/2012/QH13",
    ),
    ("meeting.delegates_from", Law::Vn2012, 100, "Law 23/2012/QH13"),
    (
        "members.minimum.cooperative_group",
        Law::Vn2023,
        2,
        "Law 17/2023/QH15, Art. 4(21)",
    ),
    (
        "members.minimum.cooperative",
        Law::Vn2023,
        5,
        "Law 17/2023/QH15, Art. 4(7)",
    ),
    ("members.minimum.union", Law::Vn2023, 3, "Law 17/2023/QH15"),
    (
        "members.minimum_age",
        Law::Vn2023,
        18,
        "Law 17/2023/QH15, Art. 30",
    ),
    (
        "capital.member_cap.cooperative",
        Law::Vn2023,
        30,
        "Law 17/2023/QH15",
    ),
    ("capital.member_cap.union", Law::Vn2023, 40, "Law 17/2023/QH15"),
    ("capital.foreign_cap", Law::Vn2023, 30, "Law 17/2023/QH15"),
    (
        "governance.board_size.min",
        Law::Vn2023,
        3,
        "Law 17/2023/QH15, Art. 65",
    ),
    (
        "governance.board_size.max",
        Law::Vn2023,
        15,
        "Law 17/2023/QH15, Art. 65",
    ),
    (
        "governance.full_structure_min_members.union",
        Law::Vn2023,
        10,
        "Law 17/2023/QH15, Art. 56",
    ),
    (
        "meeting.delegates_from",
        Law::Vn2023,
        50,
        "Law 17/2023/QH15, Art. 57",
    ),
];

#[test]
fn builtin_law_tables_hold_the_reference_values_for_their_whole_period() {
    let p = Parameters::builtin();
    for &(id, law, value, citation) in EXPECTED {
        let (first, last) = match law {
            Law::Vn2012 => ("2013-07-01", LAST_2012),
            Law::Vn2023 => (FIRST_2023, "2099-12-31"),
        };
        for on in [first, last] {
            let e = p
                .get(id, Some(law), d(on))
                .unwrap_or_else(|| panic!("{id} {law} on {on}"));
            assert_eq!((e.value, e.citation.as_str()), (value, citation), "{id} {law}");
            assert!(e.confirmed);
        }
        // Nothing of the 2012 law is in force from 1 Jul 2024, nor of 2023 before.
        match law {
            Law::Vn2012 => assert!(p.get(id, Some(law), d(FIRST_2023)).is_none(), "{id}"),
            Law::Vn2023 => assert!(p.get(id, Some(law), d(LAST_2012)).is_none(), "{id}"),
        }
    }
    let law_entries: Vec<_> = p.entries().iter().filter(|e| e.law.is_some()).collect();
    assert_eq!(
        law_entries.len(),
        EXPECTED.len(),
        "no value beyond the reference's confirmed ones"
    );
}

#[test]
fn citations_without_an_article_say_so_in_a_note() {
    for e in Parameters::builtin().entries().iter().filter(|e| e.law.is_some()) {
        assert!(matches!(e.unit, Unit::Count | Unit::Percent), "{}", e.id);
        if !e.citation.contains("Art.") {
            let note = e.note.as_deref().unwrap_or("");
            assert!(
                note.contains("not confirmed") || note.contains("without an article"),
                "{}: {note}",
                e.id
            );
        }
    }
}

#[test]
fn an_overlay_table_changes_the_outcome() {
    let c = htx(4);
    assert_eq!(status(&auto(&c, FIRST_2023), "members.minimum"), Status::Fail);
    let p = overlay("members.minimum.cooperative", "vn-2023", 4, "count");
    let r = p.check(&c, LawChoice::Auto, d(FIRST_2023));
    let f = one(&r, "members.minimum");
    assert_eq!(f.status, Status::Pass);
    assert_eq!(f.required, Some(Value::Count(4)));
    assert_eq!(f.citation, "User table");

    // A 25 % cap instead of 20 % under the 2012 law: a 25 % member passes.
    let c = htx(4);
    assert_eq!(
        statuses(&auto(&c, LAST_2012), "capital.member_cap"),
        vec![Status::Fail; 4]
    );
    let p = overlay("capital.member_cap.cooperative", "vn-2012", 25, "percent");
    assert_eq!(
        status(&p.check(&c, LawChoice::Auto, d(LAST_2012)), "capital.member_cap"),
        Status::Pass
    );

    // Delegates from 40 official members.
    let mut c = htx(45);
    c.general_meeting = Some(coopkit::GeneralMeeting::Delegates);
    assert_eq!(
        status(&auto(&c, FIRST_2023), "meeting.delegates_allowed"),
        Status::Fail
    );
    let p = overlay("meeting.delegates_from", "vn-2023", 40, "count");
    assert_eq!(
        status(
            &p.check(&c, LawChoice::Auto, d(FIRST_2023)),
            "meeting.delegates_allowed"
        ),
        Status::Pass
    );

    // A board of at most 2 seats.
    let p = overlay("governance.board_size.max", "vn-2023", 2, "count");
    assert_eq!(
        status(
            &p.check(&htx(7), LawChoice::Auto, d(FIRST_2023)),
            "governance.board_size"
        ),
        Status::Fail
    );
}

#[test]
fn findings_name_the_parameters_they_read() {
    // Built-in: the member cap reads one parameter, confirmed, with the
    // table's note saying the article is not confirmed.
    let r = auto(&htx(4), FIRST_2023);
    for f in r.rule("capital.member_cap") {
        let ids: Vec<&str> = f.parameters.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["capital.member_cap.cooperative"], "{f:?}");
        assert!(f.parameters[0].confirmed);
        assert_contains(
            f.parameters[0].note.as_deref().unwrap_or(""),
            "article is not confirmed",
        );
    }
    // The board size reads both bounds.
    let ids: Vec<&str> = one(&r, "governance.board_size")
        .parameters
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(ids, ["governance.board_size.min", "governance.board_size.max"]);
    // A rule without a threshold reads none, and says none.
    let f = one(&r, "governance.required_posts");
    assert!(f.parameters.is_empty(), "{f:?}");
    let json = serde_json::to_value(f).unwrap();
    assert!(json.get("parameters").is_none(), "{json}");

    // A user's value is unconfirmed, and the finding says so.
    let p = overlay("members.minimum.cooperative", "vn-2023", 4, "count");
    let r = p.check(&htx(4), LawChoice::Auto, d(FIRST_2023));
    let used = &one(&r, "members.minimum").parameters;
    assert_eq!(used.len(), 1);
    assert_eq!(
        (used[0].id.as_str(), used[0].confirmed),
        ("members.minimum.cooperative", false)
    );
    let json = serde_json::to_value(one(&r, "members.minimum")).unwrap();
    assert_eq!(json["parameters"][0]["id"], "members.minimum.cooperative");
    assert_eq!(json["parameters"][0]["confirmed"], false);
}

#[test]
fn a_table_without_a_threshold_makes_its_rules_not_assessable() {
    let empty = Parameters::from_toml_str("").unwrap();
    let r = empty.check(&htx(7), LawChoice::Auto, d(FIRST_2023));
    assert_well_formed(&r);
    let f = one(&r, "members.minimum");
    assert_eq!(f.status, Status::NotAssessable);
    assert_contains(&f.message.en, "members.minimum.cooperative");
    assert_eq!(f.citation, "Law 17/2023/QH15");
    assert!(r.ok);
}

#[test]
fn a_law_named_outside_its_period_is_applied_and_flagged() {
    let c = htx(5);
    let r = check(&c, LawChoice::Law(Law::Vn2023), LAST_2012);
    assert!(!r.law_in_force);
    assert_eq!(r.law, Law::Vn2023);
    assert_eq!(
        status(&r, "members.minimum"),
        Status::Pass,
        "2023 thresholds apply"
    );
    assert!(r.findings.iter().all(|f| f.law == Law::Vn2023));

    let r = check(&c, LawChoice::Law(Law::Vn2012), FIRST_2023);
    assert!(!r.law_in_force);
    assert_eq!(one(&r, "members.minimum").required, Some(Value::Count(7)));
    let r = check(&c, LawChoice::Law(Law::Vn2012), "2010-01-01");
    assert!(!r.law_in_force);
    assert_eq!(one(&r, "members.minimum").required, Some(Value::Count(7)));

    for on in [LAST_2012, FIRST_2023] {
        assert!(auto(&c, on).law_in_force);
    }
    assert!(check(&c, LawChoice::Law(Law::Vn2012), LAST_2012).law_in_force);
}

#[test]
fn findings_serialise_in_the_contract_shape() {
    let r = auto(&htx(4), FIRST_2023);
    let v = serde_json::to_value(one(&r, "members.minimum")).unwrap();
    assert_eq!(v["rule"], "members.minimum");
    assert_eq!(v["law"], "vn-2023");
    assert_eq!(v["status"], "fail");
    assert_eq!(v["citation"], "Law 17/2023/QH15, Art. 4(7)");
    assert_eq!(v["measured"], 4);
    assert_eq!(v["required"], 5);
    assert_eq!(v["subject"], "cooperative");
    assert!(v["message"]["en"].is_string() && v["message"]["vi"].is_string());
    let report = serde_json::to_value(&r).unwrap();
    assert_eq!(report["ok"], false);
    assert_eq!(report["findings"].as_array().unwrap().len(), r.findings.len());
}

#[test]
fn every_rule_of_the_catalogue_reports_on_every_kind_under_both_laws() {
    assert_eq!(RULE_IDS.len(), 12);
    for kind in [
        coopkit::Kind::Cooperative,
        coopkit::Kind::CooperativeGroup,
        coopkit::Kind::Union,
    ] {
        for on in [LAST_2012, FIRST_2023] {
            assert_well_formed(&auto(&coop(kind, 7), on));
        }
    }
}
