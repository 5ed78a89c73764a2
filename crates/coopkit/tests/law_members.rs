//! members.* rules at their boundaries under both laws.

mod common;

use common::assert_contains;
use common::law::*;
use coopkit::law::rules::RULE_IDS;
use coopkit::{
    Comparison, Cooperative, Country, Kind, Law, LawChoice, Member, MemberKind, MemberType, Status, Summary,
    Value,
};

const MINIMUM: &str = "members.minimum";
const ELIGIBLE: &str = "members.eligible_type";
const AGE: &str = "members.individual_age";
const KIND: &str = "members.kind_consistent";

#[test]
fn cooperative_minimum_moves_from_seven_members_to_five_official_on_1_july_2024() {
    // (members, status on 2024-06-30 under the 2012 law, on 2024-07-01 under the 2023 law)
    let cases = [
        (4, Status::Fail, Status::Fail),
        (5, Status::Fail, Status::Pass),
        (6, Status::Fail, Status::Pass),
        (7, Status::Pass, Status::Pass),
    ];
    for (n, before, after) in cases {
        let c = htx(n);
        let r = auto(&c, LAST_2012);
        assert_eq!(r.law, Law::Vn2012);
        let f = one(&r, MINIMUM);
        assert_eq!(f.status, before, "{n} members on {LAST_2012}");
        assert_eq!(f.measured, Some(Value::Count(n as u64)));
        assert_eq!(f.required, Some(Value::Count(7)));
        assert_eq!(f.citation, "Law 23/2012/QH13, Art. 3");

        let r = auto(&c, FIRST_2023);
        assert_eq!(r.law, Law::Vn2023);
        let f = one(&r, MINIMUM);
        assert_eq!(f.status, after, "{n} members on {FIRST_2023}");
        assert_eq!(f.required, Some(Value::Count(5)));
        assert_eq!(f.comparison, Some(Comparison::AtLeast));
        assert_eq!(f.citation, "Law 17/2023/QH15, Art. 4(7)");
    }
}

#[test]
fn minimum_message_states_measured_and_required_in_both_languages() {
    let r = auto(&htx(4), FIRST_2023);
    let f = one(&r, MINIMUM);
    assert_eq!(
        f.message.vi,
        "Hợp tác xã có 4 thành viên chính thức; Luật Hợp tác xã năm 2023 yêu cầu tối thiểu 5."
    );
    assert!(
        f.message.en.contains("4 official members") && f.message.en.contains("at least 5"),
        "{}",
        f.message.en
    );
}

#[test]
fn under_2023_only_official_members_count() {
    let mut c = htx(5);
    // One member turns into a capital-only associate: 4 official members remain.
    let m = &mut c.members.as_mut().unwrap()[4];
    m.uses_services = Some(false);
    let r = auto(&c, FIRST_2023);
    assert_eq!(status(&r, MINIMUM), Status::Fail);
    assert_eq!(one(&r, MINIMUM).measured, Some(Value::Count(4)));
    // Under 2012 all 5 members count (and 5 < 7 fails for another reason).
    assert_eq!(one(&auto(&c, LAST_2012), MINIMUM).measured, Some(Value::Count(5)));
}

#[test]
fn members_who_left_or_have_not_joined_do_not_count() {
    let mut c = htx(6);
    let ms = c.members.as_mut().unwrap();
    ms[0].left = Some(d(FIRST_2023));
    ms[1].joined = Some(d("2024-07-02"));
    let r = auto(&c, FIRST_2023);
    assert_eq!(one(&r, MINIMUM).measured, Some(Value::Count(4)));
    assert_eq!(status(&r, MINIMUM), Status::Fail);
    assert_eq!(
        one(&auto(&c, "2024-07-02"), MINIMUM).measured,
        Some(Value::Count(5))
    );
}

#[test]
fn unknown_kinds_make_the_minimum_not_assessable_only_when_they_matter() {
    let mut c = htx(6);
    for m in &mut c.members.as_mut().unwrap()[3..] {
        m.uses_services = None;
        m.contributes_labour = None;
    }
    // 3 certain, 3 unknown: 5 is reachable but not certain.
    let r = auto(&c, FIRST_2023);
    let f = one(&r, MINIMUM);
    assert_eq!(f.status, Status::NotAssessable);
    assert_contains(&f.message.en, "members[3].kind");
    assert_contains(&f.message.vi, "members[5].kind");
    // 5 certain, 1 unknown: passes.
    c.members.as_mut().unwrap()[3].uses_services = Some(true);
    c.members.as_mut().unwrap()[4].uses_services = Some(true);
    assert_eq!(status(&auto(&c, FIRST_2023), MINIMUM), Status::Pass);
    // 2 certain + 2 unknown < 5: fails whatever the unknowns are.
    let mut small = htx(4);
    for m in &mut small.members.as_mut().unwrap()[2..] {
        m.uses_services = None;
        m.contributes_labour = None;
    }
    assert_eq!(status(&auto(&small, FIRST_2023), MINIMUM), Status::Fail);
}

#[test]
fn facts_that_give_no_kind_settle_not_official() {
    // Four official members and one who contributes no capital, uses no
    // services and contributes no labour: no kind of member at all, so
    // certainly not official. The minimum of five fails; the kind is not
    // "unknown".
    let mut c = htx(5);
    let m = &mut c.members.as_mut().unwrap()[4];
    m.contributes_capital = Some(false);
    m.uses_services = Some(false);
    m.contributes_labour = Some(false);
    m.capital_vnd = Some(0);
    let r = auto(&c, FIRST_2023);
    let f = one(&r, MINIMUM);
    assert_eq!(f.status, Status::Fail);
    assert_eq!(f.measured, Some(Value::Count(4)));
    assert!(!f.message.en.contains("members[4].kind"), "{}", f.message.en);
    // The member itself is reported by members.kind_consistent.
    assert_eq!(about(&r, KIND, "m4").status, Status::Fail);
}

#[test]
fn cooperative_group_needs_two_members_under_both_laws() {
    for (n, want) in [(1, Status::Fail), (2, Status::Pass)] {
        let c = coop(Kind::CooperativeGroup, n);
        let r = auto(&c, LAST_2012);
        assert_eq!(status(&r, MINIMUM), want);
        assert_eq!(one(&r, MINIMUM).citation, "Decree 77/2019/NĐ-CP");
        let r = auto(&c, FIRST_2023);
        assert_eq!(status(&r, MINIMUM), want);
        assert_eq!(one(&r, MINIMUM).citation, "Law 17/2023/QH15, Art. 4(21)");
    }
}

#[test]
fn union_minimum_is_four_cooperatives_then_three_official_cooperatives() {
    let cases = [
        (2, Status::Fail, Status::Fail),
        (3, Status::Fail, Status::Pass),
        (4, Status::Pass, Status::Pass),
    ];
    for (n, before, after) in cases {
        let c = coop(Kind::Union, n);
        assert_eq!(status(&auto(&c, LAST_2012), MINIMUM), before, "{n}");
        assert_eq!(status(&auto(&c, FIRST_2023), MINIMUM), after, "{n}");
    }
    // A legal entity is not a cooperative: it does not count towards the union minimum.
    let mut c = coop(Kind::Union, 3);
    c.members.as_mut().unwrap()[0].member_type = MemberType::LegalEntity;
    assert_eq!(
        one(&auto(&c, FIRST_2023), MINIMUM).measured,
        Some(Value::Count(2))
    );
}

fn summary_only(kind: Kind, summary: Summary) -> Cooperative {
    let mut c = coop(kind, 0);
    c.members = None;
    c.positions = None;
    c.summary = Some(summary);
    c
}

#[test]
fn summary_counts_stand_in_for_the_member_list() {
    let s = Summary {
        members: Some(8),
        official_members: Some(4),
        ..Summary::default()
    };
    let c = summary_only(Kind::Cooperative, s);
    // 2012 counts all members (8 ≥ 7), 2023 official members (4 < 5).
    assert_eq!(status(&auto(&c, LAST_2012), MINIMUM), Status::Pass);
    let r = auto(&c, FIRST_2023);
    assert_eq!(status(&r, MINIMUM), Status::Fail);
    assert_eq!(one(&r, MINIMUM).measured, Some(Value::Count(4)));
    // Only a total given: the 2023 minimum is not assessable and says which field is missing.
    let c = summary_only(
        Kind::Cooperative,
        Summary {
            members: Some(8),
            ..Summary::default()
        },
    );
    let f = auto(&c, FIRST_2023).rule(MINIMUM).next().cloned().unwrap();
    assert_eq!(f.status, Status::NotAssessable);
    assert_contains(&f.message.en, "summary.official_members");
    assert_contains(&f.message.vi, "summary.official_members");
}

#[test]
fn summary_only_records_cannot_be_checked_where_member_detail_is_needed() {
    let c = summary_only(
        Kind::Cooperative,
        Summary {
            members: Some(10),
            official_members: Some(10),
            ..Summary::default()
        },
    );
    for on in [LAST_2012, FIRST_2023] {
        let r = auto(&c, on);
        assert_well_formed(&r);
        for rule in [ELIGIBLE, AGE, "capital.member_cap", "capital.sum_matches_charter"] {
            let f = one(&r, rule);
            assert_eq!(f.status, Status::NotAssessable, "{rule} on {on}");
            assert!(f.message.en.contains("(members)"), "{rule}: {}", f.message.en);
        }
        assert!(r.ok, "nothing failed, so the report is ok");
    }
    assert_eq!(status(&auto(&c, FIRST_2023), KIND), Status::NotAssessable);
}

#[test]
fn eligible_types_under_2012() {
    let mut c = htx(7);
    let ms = c.members.as_mut().unwrap();
    ms[1].member_type = MemberType::Household;
    ms[2].member_type = MemberType::LegalEntity;
    ms[3].member_type = MemberType::CooperativeGroup;
    ms[4].nationality = Country::parse("FR").unwrap();
    let r = auto(&c, LAST_2012);
    assert_eq!(statuses(&r, ELIGIBLE), vec![Status::Fail, Status::NotAssessable]);
    let f = about(&r, ELIGIBLE, "m3");
    assert_eq!(f.status, Status::Fail);
    assert_eq!(f.measured, Some(Value::Text("cooperative_group".into())));
    // A foreign individual must be legally resident: not in the data.
    let f = about(&r, ELIGIBLE, "m4");
    assert_eq!(f.status, Status::NotAssessable);
    assert_contains(&f.message.en, "resident");
    assert!(!r.ok);
}

#[test]
fn eligible_types_under_2023_and_foreign_investors() {
    let mut c = htx(7);
    let ms = c.members.as_mut().unwrap();
    ms[1].member_type = MemberType::CooperativeGroup;
    ms[2].member_type = MemberType::ForeignInvestedOrg;
    ms[3].nationality = Country::parse("KR").unwrap();
    ms[3].investment_certificate = Some(true);
    let r = auto(&c, FIRST_2023);
    assert_eq!(statuses(&r, ELIGIBLE), vec![Status::Pass]);
    assert_eq!(one(&r, ELIGIBLE).citation, "Law 17/2023/QH15, Art. 30");

    let ms = c.members.as_mut().unwrap();
    ms[3].investment_certificate = None;
    ms[4].nationality = Country::parse("JP").unwrap();
    ms[4].investment_certificate = Some(false);
    ms[5].member_type = MemberType::LegalEntity;
    ms[5].nationality = Country::parse("SG").unwrap();
    let r = auto(&c, FIRST_2023);
    assert_eq!(about(&r, ELIGIBLE, "m3").status, Status::NotAssessable);
    assert!(about(&r, ELIGIBLE, "m3")
        .message
        .en
        .contains("members[3].investment_certificate"));
    assert_eq!(about(&r, ELIGIBLE, "m4").status, Status::Fail);
    assert_eq!(about(&r, ELIGIBLE, "m5").status, Status::Fail);
    assert_eq!(r.rule(ELIGIBLE).count(), 3, "no pass finding beside fails");
}

#[test]
fn eligible_types_for_unions_and_groups() {
    let mut u = coop(Kind::Union, 4);
    u.members.as_mut().unwrap()[0].member_type = MemberType::Household;
    let r = auto(&u, LAST_2012);
    assert_eq!(about(&r, ELIGIBLE, "m0").status, Status::Fail);
    assert_eq!(
        about(&r, ELIGIBLE, "m0").required,
        Some(Value::List(vec!["cooperative".into()]))
    );
    // Under 2023 unions are judged by union.member_types.
    assert_eq!(status(&auto(&u, FIRST_2023), ELIGIBLE), Status::NotApplicable);
    let g = coop(Kind::CooperativeGroup, 3);
    assert_eq!(status(&auto(&g, LAST_2012), ELIGIBLE), Status::NotApplicable);
    assert_eq!(status(&auto(&g, FIRST_2023), ELIGIBLE), Status::NotApplicable);
}

fn with_birth(birth: &str) -> Cooperative {
    let mut c = htx(7);
    c.members.as_mut().unwrap()[6].birth_date = Some(d(birth));
    c
}

#[test]
fn members_turn_eighteen_on_their_birthday() {
    for (on, birth) in [
        (LAST_2012, "2006-06-30"),
        (FIRST_2023, "2006-07-01"),
        ("2025-03-01", "2007-03-01"),
    ] {
        let r = auto(&with_birth(birth), on);
        assert_eq!(statuses(&r, AGE), vec![Status::Pass], "{on}");
        // The pass is about the cooperative: no age measured, the bound in the message.
        let pass = one(&r, AGE);
        assert_eq!((&pass.measured, &pass.required), (&None, &None));
        assert_contains(&pass.message.en, "at least 18");
        assert_contains(&pass.message.vi, "từ đủ 18 tuổi");
        // The day before the birthday: under 18.
        let day_after = d(birth).succ_opt().unwrap().to_string();
        let r = auto(&with_birth(&day_after), on);
        let f = about(&r, AGE, "m6");
        assert_eq!(f.status, Status::Fail, "{on}");
        assert_eq!(f.required, Some(Value::Count(18)));
        assert!(f.message.en.contains("under 18") && f.message.vi.contains("chưa đủ 18 tuổi"));
        // Nor in the Vietnamese form of a date (dd/mm/yyyy).
        let day_after_vi = d(&day_after).format("%d/%m/%Y").to_string();
        for text in [&f.message.en, &f.message.vi] {
            assert!(!text.contains(&day_after), "birth date leaked: {text}");
            assert!(!text.contains(&day_after_vi), "birth date leaked: {text}");
        }
    }
}

#[test]
fn a_member_born_on_29_february_is_eighteen_on_1_march() {
    let mut c = htx(7);
    c.members.as_mut().unwrap()[6].birth_date = Some(d("2008-02-29"));
    assert_eq!(about(&auto(&c, "2026-02-28"), AGE, "m6").status, Status::Fail);
    assert_eq!(statuses(&auto(&c, "2026-03-01"), AGE), vec![Status::Pass]);
}

#[test]
fn missing_birth_date_is_not_assessable_for_that_member() {
    let mut c = htx(7);
    c.members.as_mut().unwrap()[2].birth_date = None;
    let r = auto(&c, FIRST_2023);
    let f = about(&r, AGE, "m2");
    assert_eq!(f.status, Status::NotAssessable);
    assert_contains(&f.message.en, "members[2].birth_date");
    assert_contains(&f.message.vi, "members[2].birth_date");
    assert_eq!(r.rule(AGE).count(), 1);
}

#[test]
fn under_2023_non_contributing_associates_are_not_bound_by_the_age_rule() {
    let mut c = with_birth("2010-01-01");
    let m = &mut c.members.as_mut().unwrap()[6];
    m.contributes_capital = Some(false);
    m.capital_vnd = None;
    c.charter_capital_vnd = Some(6_000_000);
    assert_eq!(statuses(&auto(&c, FIRST_2023), AGE), vec![Status::Pass]);
    // Under 2012 every individual member must be 18.
    assert_eq!(about(&auto(&c, LAST_2012), AGE, "m6").status, Status::Fail);
    // Kind unknown: a minor might be a non-contributing associate.
    c.members.as_mut().unwrap()[6].contributes_capital = None;
    assert_eq!(
        about(&auto(&c, FIRST_2023), AGE, "m6").status,
        Status::NotAssessable
    );
}

#[test]
fn declared_kinds_must_agree_with_the_facts() {
    let mut c = htx(7);
    let ms = c.members.as_mut().unwrap();
    ms[0].kind = Some(MemberKind::Official);
    ms[1].kind = Some(MemberKind::AssociateCapital); // facts say official
    ms[2].contributes_capital = Some(false);
    ms[2].uses_services = Some(false);
    ms[2].contributes_labour = Some(false); // no kind at all
    ms[3].kind = Some(MemberKind::Official);
    ms[3].contributes_capital = None; // cannot be checked
    let r = auto(&c, FIRST_2023);
    let f = about(&r, KIND, "m1");
    assert_eq!(f.status, Status::Fail);
    assert_eq!(f.measured, Some(Value::Text("associate_capital".into())));
    assert_eq!(f.required, Some(Value::Text("official".into())));
    assert_eq!(about(&r, KIND, "m2").status, Status::Fail);
    let na = about(&r, KIND, "cooperative");
    assert_eq!(na.status, Status::NotAssessable);
    assert_contains(&na.message.en, "members[3].contributes_capital");
    assert!(r.rule(KIND).all(|f| f.subject.as_str() != "m0"));
    // Under 2012 there is one kind of member.
    assert_eq!(
        status(&check(&c, LawChoice::Law(Law::Vn2012), FIRST_2023), KIND),
        Status::NotApplicable
    );
}

#[test]
fn declared_kind_contradicted_by_partial_facts_fails() {
    let mut c = htx(7);
    let m: &mut Member = &mut c.members.as_mut().unwrap()[0];
    m.kind = Some(MemberKind::AssociateNoncapital);
    m.contributes_capital = Some(true);
    m.uses_services = None;
    m.contributes_labour = None;
    assert_eq!(about(&auto(&c, FIRST_2023), KIND, "m0").status, Status::Fail);
}

/// A cooperative established after the date: the report says so, and every
/// rule gives one not-applicable finding with the reason; nothing fails.
#[test]
fn a_cooperative_not_yet_established_is_not_checked() {
    let mut c = htx(2); // would fail the minimum of 5
    c.established = Some(d("2025-03-01"));
    let r = auto(&c, "2024-10-16");
    assert!(!r.established_on_as_of);
    assert_well_formed(&r);
    assert_eq!(r.findings.len(), RULE_IDS.len());
    assert!(r.ok);
    for f in &r.findings {
        assert_eq!(f.status, Status::NotApplicable, "{f:?}");
        assert_contains(&f.message.en, "established on 2025-03-01, after 2024-10-16");
        assert_contains(&f.message.vi, "thành lập ngày 01/03/2025, sau ngày 16/10/2024");
    }
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["established_on_as_of"], false);

    // On the day it is established, and with no date at all, it is checked.
    for established in [Some(d("2024-10-16")), None] {
        c.established = established;
        let r = auto(&c, "2024-10-16");
        assert!(r.established_on_as_of);
        assert_eq!(status(&r, "members.minimum"), Status::Fail);
    }
}
