//! Cooperatives built for the law rules, and short ways to read a check
//! report.

use coopkit::law::rules::RULE_IDS;
use coopkit::{
    CheckReport, Cooperative, Finding, GeneralMeeting, Governance, Kind, LawChoice, Member, MemberKind,
    MemberType, Parameters, Position, Role, Sector, Status,
};

pub use super::d;

/// Last day of Law 23/2012 and first day of Law 17/2023.
pub const LAST_2012: &str = "2024-06-30";
pub const FIRST_2023: &str = "2024-07-01";

/// An adult Vietnamese individual who contributes capital and uses the
/// services: an official member under Law 17/2023.
pub fn official(id: &str, capital: u64) -> Member {
    let mut m = Member::new(id, MemberType::Individual);
    m.birth_date = Some(d("1980-05-10"));
    m.contributes_capital = Some(true);
    m.uses_services = Some(true);
    m.contributes_labour = Some(false);
    m.capital_vnd = Some(capital);
    m
}

/// A member cooperative of a union, official, with capital.
pub fn member_coop(id: &str, capital: u64) -> Member {
    let mut m = Member::new(id, MemberType::Cooperative);
    m.contributes_capital = Some(true);
    m.uses_services = Some(true);
    m.capital_vnd = Some(capital);
    m
}

/// Full-structure posts held by the first members: chair m0, board members
/// m1 and m2, director m3, supervisory head m4 (by member id `m{i}`).
pub fn full_posts() -> Vec<Position> {
    vec![
        Position::member(Role::BoardChair, "m0"),
        Position::member(Role::BoardMember, "m1"),
        Position::member(Role::BoardMember, "m2"),
        Position::member(Role::Director, "m3"),
        Position::member(Role::SupervisoryHead, "m4"),
    ]
}

/// A valid-looking cooperative of `kind` with `n` official members of equal
/// capital 1,000,000 đồng, charter capital their sum, full structure,
/// plenary meeting.
pub fn coop(kind: Kind, n: usize) -> Cooperative {
    let mut c = Cooperative::new("c1", "HTX Thử nghiệm", kind, Sector::Agriculture);
    let members = (0..n)
        .map(|i| {
            let id = format!("m{i}");
            match kind {
                Kind::Union => member_coop(&id, 1_000_000),
                _ => official(&id, 1_000_000),
            }
        })
        .collect::<Vec<_>>();
    c.charter_capital_vnd = Some(1_000_000 * n as u64);
    c.members = Some(members);
    c.positions = Some(full_posts());
    c.governance = Some(Governance::Full);
    c.general_meeting = Some(GeneralMeeting::Plenary);
    c
}

pub fn htx(n: usize) -> Cooperative {
    coop(Kind::Cooperative, n)
}

pub fn check(c: &Cooperative, law: LawChoice, on: &str) -> CheckReport {
    coopkit::check(c, law, d(on))
}

pub fn auto(c: &Cooperative, on: &str) -> CheckReport {
    check(c, LawChoice::Auto, on)
}

/// The one finding of `rule`; panics if there is not exactly one.
pub fn one<'a>(r: &'a CheckReport, rule: &str) -> &'a Finding {
    let fs: Vec<_> = r.rule(rule).collect();
    assert_eq!(fs.len(), 1, "expected one finding of {rule}, got {fs:#?}");
    fs[0]
}

/// Statuses of `rule`'s findings, in order.
pub fn statuses(r: &CheckReport, rule: &str) -> Vec<Status> {
    r.rule(rule).map(|f| f.status).collect()
}

/// Status of the one finding of `rule`.
pub fn status(r: &CheckReport, rule: &str) -> Status {
    one(r, rule).status
}

/// The finding of `rule` about `subject`.
pub fn about<'a>(r: &'a CheckReport, rule: &str, subject: &str) -> &'a Finding {
    r.rule(rule)
        .find(|f| f.subject.as_str() == subject)
        .unwrap_or_else(|| panic!("no {rule} finding about {subject}: {:#?}", r.findings))
}

/// Every rule of the catalogue has at least one finding, in catalogue order,
/// and each has a citation and both messages.
pub fn assert_well_formed(r: &CheckReport) {
    let order: Vec<usize> = r
        .findings
        .iter()
        .map(|f| {
            RULE_IDS
                .iter()
                .position(|id| *id == f.rule)
                .expect("known rule id")
        })
        .collect();
    assert!(
        order.windows(2).all(|w| w[0] <= w[1]),
        "findings out of catalogue order"
    );
    for id in RULE_IDS {
        assert!(r.rule(id).next().is_some(), "no finding for {id}");
    }
    for f in &r.findings {
        assert!(!f.citation.trim().is_empty(), "{f:?}");
        assert_eq!(
            f.required.is_some(),
            f.comparison.is_some(),
            "comparison exactly with required: {f:?}"
        );
        assert!(
            !f.message.en.trim().is_empty() && !f.message.vi.trim().is_empty(),
            "{f:?}"
        );
    }
    assert_eq!(r.ok, r.findings.iter().all(|f| f.status != Status::Fail));
}

/// A table with one user value laid over the built-in one.
pub fn overlay(id: &str, law: &str, value: u64, unit: &str) -> Parameters {
    let user = Parameters::from_toml_str(&format!(
        "[[parameter]]\nid = \"{id}\"\nlaw = \"{law}\"\nstart = \"2000-01-01\"\n\
         value = {value}\nunit = \"{unit}\"\ncitation = \"User table\"\n"
    ))
    .expect("user table");
    Parameters::builtin().overlay(&user)
}

pub fn set_kind(m: &mut Member, k: MemberKind) {
    m.kind = Some(k);
}
