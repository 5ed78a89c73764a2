//! capital.* rules: exact caps at 20/30/40 %, foreign-linked capital, and
//! the sum against the charter capital.

mod common;

use common::assert_contains;
use common::law::*;
use coopkit::{Comparison, Cooperative, Country, Kind, Law, LawChoice, MemberType, Status, Value};

const CAP: &str = "capital.member_cap";
const FOREIGN: &str = "capital.foreign_cap";
const SUM: &str = "capital.sum_matches_charter";

/// A record of `kind` with charter capital 1,000,000,000 đồng, member m0
/// holding `big` and the rest spread over the others so the sum matches.
fn with_largest(kind: Kind, big: u64) -> Cooperative {
    let n = 10;
    let mut c = coop(kind, n);
    let charter = 1_000_000_000u64;
    c.charter_capital_vnd = Some(charter);
    let rest = charter - big;
    let ms = c.members.as_mut().unwrap();
    let each = rest / (n as u64 - 1);
    for (i, m) in ms.iter_mut().enumerate() {
        m.capital_vnd = Some(match i {
            0 => big,
            1 => rest - each * (n as u64 - 2),
            _ => each,
        });
    }
    c
}

#[test]
fn member_cap_is_exact_at_the_threshold() {
    // (kind, law, date, cap %)
    let cases = [
        (Kind::Cooperative, Law::Vn2012, LAST_2012, 20),
        (Kind::Union, Law::Vn2012, LAST_2012, 30),
        (Kind::Cooperative, Law::Vn2023, FIRST_2023, 30),
        (Kind::Union, Law::Vn2023, FIRST_2023, 40),
    ];
    for (kind, law, on, cap) in cases {
        let at = cap * 10_000_000;
        let c = with_largest(kind, at);
        let r = auto(&c, on);
        assert_eq!(r.law, law);
        assert_eq!(status(&r, SUM), Status::Pass, "setup: sums match");
        let f = one(&r, CAP);
        assert_eq!(f.status, Status::Pass, "{kind:?} {law} exactly at {cap} %");
        assert_eq!(f.required, Some(Value::Percent(cap)));
        assert_eq!(f.comparison, Some(Comparison::AtMost));
        assert_eq!(f.measured, Some(Value::Share(coopkit::num::Ratio::percent(cap))));

        let r = auto(&with_largest(kind, at + 1), on);
        let f = about(&r, CAP, "m0");
        assert_eq!(f.status, Status::Fail, "{kind:?} {law} one đồng over {cap} %");
        assert_eq!(r.rule(CAP).count(), 1, "only m0 is over");
        assert_contains(&f.message.en, &format!("{cap} %"));
        assert_contains(&f.message.vi, "đồng");
        assert!(!r.ok);
    }
}

#[test]
fn thirty_percent_fails_under_2012_and_passes_under_2023() {
    let c = with_largest(Kind::Cooperative, 300_000_000);
    assert_eq!(about(&auto(&c, LAST_2012), CAP, "m0").status, Status::Fail);
    assert_eq!(status(&auto(&c, FIRST_2023), CAP), Status::Pass);
}

#[test]
fn missing_capital_data_is_not_assessable() {
    let mut c = with_largest(Kind::Cooperative, 100_000_000);
    c.charter_capital_vnd = None;
    let r = auto(&c, FIRST_2023);
    let f = one(&r, CAP);
    assert_eq!(f.status, Status::NotAssessable);
    assert!(f.message.en.contains("charter_capital_vnd"));
    assert_eq!(status(&r, SUM), Status::NotAssessable);
    assert!(one(&r, SUM).message.vi.contains("charter_capital_vnd"));

    let mut c = with_largest(Kind::Cooperative, 100_000_000);
    c.members.as_mut().unwrap()[4].capital_vnd = None;
    let r = auto(&c, FIRST_2023);
    let f = about(&r, CAP, "m4");
    assert_eq!(f.status, Status::NotAssessable);
    assert!(f.message.en.contains("members[4].capital_vnd"));
    assert!(one(&r, SUM).message.en.contains("members[4].capital_vnd"));
}

#[test]
fn a_member_known_to_contribute_no_capital_counts_as_zero() {
    let mut c = with_largest(Kind::Cooperative, 100_000_000);
    let mut m = official("m10", 0);
    m.capital_vnd = None;
    m.contributes_capital = Some(false);
    c.members.as_mut().unwrap().push(m);
    let r = auto(&c, FIRST_2023);
    assert_eq!(status(&r, CAP), Status::Pass);
    assert_eq!(status(&r, SUM), Status::Pass);
}

#[test]
fn capital_rules_do_not_apply_to_cooperative_groups() {
    let g = coop(Kind::CooperativeGroup, 3);
    for on in [LAST_2012, FIRST_2023] {
        let r = auto(&g, on);
        for rule in [CAP, FOREIGN, SUM] {
            assert_eq!(status(&r, rule), Status::NotApplicable, "{rule} {on}");
        }
    }
}

fn foreign(c: &mut Cooperative, i: usize) {
    let m = &mut c.members.as_mut().unwrap()[i];
    m.nationality = Country::parse("KR").unwrap();
    m.investment_certificate = Some(true);
}

#[test]
fn foreign_linked_capital_is_capped_at_thirty_percent_under_2023() {
    // m0 holds exactly 30 %, foreign: passes; one đồng more fails.
    let mut c = with_largest(Kind::Cooperative, 300_000_000);
    foreign(&mut c, 0);
    let r = auto(&c, FIRST_2023);
    let f = one(&r, FOREIGN);
    assert_eq!(f.status, Status::Pass);
    assert_eq!(f.required, Some(Value::Percent(30)));
    // Two foreign-linked members adding up to 30 % + 1 đồng: each within its own cap, together over.
    let mut c = htx(10);
    c.charter_capital_vnd = Some(1_000_000_000);
    let capitals = [
        200_000_000,
        100_000_001,
        87_500_000,
        87_500_000,
        87_500_000,
        87_500_000,
        87_500_000,
        87_500_000,
        87_500_000,
        87_499_999,
    ];
    for (m, cap) in c.members.as_mut().unwrap().iter_mut().zip(capitals) {
        m.capital_vnd = Some(cap);
    }
    foreign(&mut c, 0);
    c.members.as_mut().unwrap()[1].member_type = MemberType::ForeignInvestedOrg;
    let r = auto(&c, FIRST_2023);
    assert_eq!(status(&r, SUM), Status::Pass, "setup: sums match");
    assert_eq!(status(&r, CAP), Status::Pass, "each member within 30 %");
    let f = one(&r, FOREIGN);
    assert_eq!(f.status, Status::Fail);
    assert_contains(&f.message.en, "300,000,001 VND");
    // The 2012 law has no such rule.
    assert_eq!(status(&auto(&c, LAST_2012), FOREIGN), Status::NotApplicable);
}

#[test]
fn foreign_cap_without_foreign_members_needs_no_capital_data() {
    let mut c = htx(7);
    c.charter_capital_vnd = None;
    assert_eq!(status(&auto(&c, FIRST_2023), FOREIGN), Status::Pass);
    foreign(&mut c, 3);
    let f = auto(&c, FIRST_2023).rule(FOREIGN).next().cloned().unwrap();
    assert_eq!(f.status, Status::NotAssessable);
    assert_contains(&f.message.en, "charter_capital_vnd");
}

#[test]
fn sum_against_charter_names_the_difference_in_dong() {
    let mut c = htx(7);
    c.charter_capital_vnd = Some(7_000_001);
    let r = auto(&c, FIRST_2023);
    let f = one(&r, SUM);
    assert_eq!(f.status, Status::Fail);
    assert_eq!(f.measured, Some(Value::Vnd(7_000_000)));
    assert_eq!(f.required, Some(Value::Vnd(7_000_001)));
    assert_eq!(f.comparison, Some(Comparison::Equal));
    assert_contains(&f.message.en, "1 VND less");
    assert!(
        f.message.vi.contains("ít hơn") && f.message.vi.contains("1 đồng"),
        "{}",
        f.message.vi
    );
    c.charter_capital_vnd = Some(6_500_000);
    let f = auto(&c, FIRST_2023).rule(SUM).next().cloned().unwrap();
    assert_contains(&f.message.en, "500,000 VND more");
    // A member who has left no longer counts.
    let mut c = htx(7);
    c.members.as_mut().unwrap()[0].left = Some(d("2024-01-01"));
    c.charter_capital_vnd = Some(6_000_000);
    assert_eq!(
        status(&check(&c, LawChoice::Law(Law::Vn2023), "2024-07-01"), SUM),
        Status::Pass
    );
}

#[test]
fn huge_amounts_do_not_overflow() {
    let mut c = htx(7);
    for m in c.members.as_mut().unwrap() {
        m.capital_vnd = Some(u64::MAX);
    }
    c.charter_capital_vnd = Some(u64::MAX);
    let r = auto(&c, FIRST_2023);
    assert_eq!(status(&r, SUM), Status::Fail);
    assert_eq!(one(&r, SUM).measured, None, "the sum does not fit in u64");
    assert_eq!(r.rule(CAP).filter(|f| f.status == Status::Fail).count(), 7);
}

/// A charter capital of 0 has no shares: the caps are not assessable (a
/// failure used to set the member's đồng against a percentage), and the
/// sum rule still says the members' capital does not match it.
#[test]
fn a_charter_capital_of_zero_is_not_assessable_for_the_caps() {
    let mut c = with_largest(Kind::Cooperative, 100_000_000);
    c.charter_capital_vnd = Some(0);
    c.members.as_mut().unwrap()[1].nationality = Country::parse("LA").unwrap();
    let r = auto(&c, FIRST_2023);
    let f = one(&r, CAP);
    assert_eq!((f.status, f.measured.as_ref()), (Status::NotAssessable, None));
    assert_contains(&f.message.en, "charter_capital_vnd is 0");
    assert_contains(&f.message.vi, "charter_capital_vnd bằng 0");
    let f = one(&r, FOREIGN);
    assert_eq!((f.status, f.measured.as_ref()), (Status::NotAssessable, None));
    assert_eq!(status(&r, SUM), Status::Fail);
}
