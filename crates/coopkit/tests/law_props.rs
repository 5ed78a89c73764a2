//! Properties of the rule set over generated cooperatives.

mod common;

use common::law::*;
use coopkit::{
    CheckReport, Cooperative, Country, Date, GeneralMeeting, Governance, Kind, LawChoice, Member, MemberKind,
    MemberType, Position, Role, Sector, Summary,
};
use proptest::prelude::*;

fn date_between(from: &str, days: u64) -> impl Strategy<Value = Date> {
    let start = d(from);
    (0..days).prop_map(move |k| start.checked_add_days(chrono::Days::new(k)).unwrap())
}

fn any_kind() -> impl Strategy<Value = Kind> {
    prop_oneof![
        Just(Kind::Cooperative),
        Just(Kind::CooperativeGroup),
        Just(Kind::Union)
    ]
}

fn any_law() -> impl Strategy<Value = LawChoice> {
    prop_oneof![
        Just(LawChoice::Auto),
        Just(LawChoice::Law(coopkit::Law::Vn2012)),
        Just(LawChoice::Law(coopkit::Law::Vn2023)),
    ]
}

fn any_member_type() -> impl Strategy<Value = MemberType> {
    prop_oneof![
        Just(MemberType::Individual),
        Just(MemberType::Household),
        Just(MemberType::LegalEntity),
        Just(MemberType::Cooperative),
        Just(MemberType::CooperativeGroup),
        Just(MemberType::ForeignInvestedOrg),
    ]
}

fn any_member_kind() -> impl Strategy<Value = Option<MemberKind>> {
    proptest::option::of(prop_oneof![
        Just(MemberKind::Official),
        Just(MemberKind::AssociateCapital),
        Just(MemberKind::AssociateNoncapital),
    ])
}

/// Anything a record may hold, including missing and contradictory data.
fn any_member() -> impl Strategy<Value = Member> {
    (
        any_member_type(),
        proptest::option::of(date_between("1940-01-01", 30_000)),
        prop_oneof![Just("VN"), Just("VN"), Just("KR")],
        proptest::option::of(any::<bool>()),
        (
            proptest::option::of(any::<bool>()),
            proptest::option::of(any::<bool>()),
            proptest::option::of(any::<bool>()),
        ),
        any_member_kind(),
        proptest::option::of(0u64..2_000_000),
        (
            proptest::option::of(date_between("2010-01-01", 6_000)),
            proptest::option::of(date_between("2010-01-01", 6_000)),
        ),
    )
        .prop_map(
            |(t, birth, nat, cert, (c, s, l), kind, capital, (joined, left))| {
                let mut m = Member::new("", t);
                m.birth_date = birth;
                m.nationality = Country::parse(nat).unwrap();
                m.investment_certificate = cert;
                m.contributes_capital = c;
                m.uses_services = s;
                m.contributes_labour = l;
                m.kind = kind;
                m.capital_vnd = capital;
                m.joined = joined;
                m.left = left;
                m
            },
        )
}

fn any_role() -> impl Strategy<Value = Role> {
    proptest::sample::select(Role::ALL.to_vec())
}

fn any_coop() -> impl Strategy<Value = Cooperative> {
    (
        any_kind(),
        proptest::option::of(proptest::collection::vec(any_member(), 0..14)),
        proptest::option::of(proptest::collection::vec((any_role(), 0usize..14), 0..8)),
        proptest::option::of(prop_oneof![Just(Governance::Full), Just(Governance::Simplified)]),
        proptest::option::of(prop_oneof![
            Just(GeneralMeeting::Plenary),
            Just(GeneralMeeting::Delegates)
        ]),
        proptest::option::of(0u64..20_000_000),
        proptest::option::of((0u32..200, 0u32..200, 0u32..20)),
    )
        .prop_map(|(kind, members, posts, governance, meeting, charter, summary)| {
            let mut c = Cooperative::new("c", "Generated", kind, Sector::Agriculture);
            c.members = members.map(|ms| {
                ms.into_iter()
                    .enumerate()
                    .map(|(i, mut m)| {
                        m.id = format!("m{i}");
                        m
                    })
                    .collect()
            });
            c.positions = posts.map(|ps| {
                ps.into_iter()
                    .map(|(r, i)| Position::member(r, format!("m{i}")))
                    .collect()
            });
            c.governance = governance;
            c.general_meeting = meeting;
            c.charter_capital_vnd = charter;
            c.summary = summary.map(|(members, official, board)| Summary {
                members: Some(members),
                official_members: Some(official),
                board_seats: Some(board),
                ..Summary::default()
            });
            c
        })
}

/// What a finding says, without its message (which names list positions).
fn gist(r: &CheckReport) -> Vec<String> {
    let mut v: Vec<String> = r
        .findings
        .iter()
        .map(|f| {
            format!(
                "{} {:?} {} {:?} {:?}",
                f.rule,
                f.status,
                f.subject.as_str(),
                f.measured,
                f.required
            )
        })
        .collect();
    v.sort();
    v
}

/// A cooperative that passes every rule by construction: `n` adult
/// Vietnamese official members of nearly equal capital, full structure,
/// a board of `seats`, delegates only from 100 members.
fn valid_coop(kind: Kind, capitals: &[u64], seats: usize) -> Cooperative {
    let n = capitals.len();
    let mut c = coop(kind, n);
    for (m, &cap) in c.members.as_mut().unwrap().iter_mut().zip(capitals) {
        m.capital_vnd = Some(cap);
    }
    c.charter_capital_vnd = Some(capitals.iter().sum());
    let mut ps = vec![
        Position::member(Role::BoardChair, "m0"),
        Position::member(Role::Director, "m1"),
        Position::member(Role::SupervisoryHead, "m2"),
    ];
    ps.extend((1..seats).map(|i| Position::member(Role::BoardMember, format!("m{i}"))));
    c.positions = Some(ps);
    if n >= 100 {
        c.general_meeting = Some(GeneralMeeting::Delegates);
    }
    c
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn every_finding_has_a_citation_and_both_messages(
        c in any_coop(),
        law in any_law(),
        on in date_between("2012-01-01", 6_000),
    ) {
        let r = coopkit::check(&c, law, on);
        assert_well_formed(&r);
        prop_assert_eq!(r.law_in_force, r.law.in_force_on(on));
        // No birth date is ever echoed.
        for m in c.members.iter().flatten() {
            if let Some(birth) = m.birth_date {
                let b = birth.to_string();
                // Vietnamese messages write dates as dd/mm/yyyy.
                let b_vi = birth.format("%d/%m/%Y").to_string();
                for f in &r.findings {
                    prop_assert!(!f.message.en.contains(&b) || birth == on, "{}", f.message.en);
                    prop_assert!(!f.message.vi.contains(&b) || birth == on, "{}", f.message.vi);
                    prop_assert!(!f.message.vi.contains(&b_vi) || birth == on, "{}", f.message.vi);
                }
            }
        }
    }

    #[test]
    fn findings_do_not_depend_on_the_order_of_members(
        (c, shuffled) in any_coop().prop_flat_map(|c| {
            let ms = c.members.clone().unwrap_or_default();
            (Just(c), Just(ms).prop_shuffle())
        }),
        law in any_law(),
        on in date_between("2012-01-01", 6_000),
    ) {
        let mut other = c.clone();
        if other.members.is_some() {
            other.members = Some(shuffled);
        }
        let a = coopkit::check(&c, law, on);
        let b = coopkit::check(&other, law, on);
        prop_assert_eq!(a.ok, b.ok);
        prop_assert_eq!(gist(&a), gist(&b));
    }

    #[test]
    fn a_passing_cooperative_stays_passing_when_a_valid_official_member_joins(
        kind in any_kind(),
        capitals in proptest::collection::vec(100_000u64..=110_000, 7..130),
        seats in 3usize..=15,
        on in date_between("2013-07-01", 5_000),
    ) {
        let mut c = valid_coop(kind, &capitals, seats);
        let before = auto(&c, &on.to_string());
        prop_assert!(before.ok, "{:#?}", before.with_status(coopkit::Status::Fail).collect::<Vec<_>>());
        // The newcomer brings the smallest capital and the charter grows by it,
        // so no share grows and the sum still matches.
        let cap = *capitals.iter().min().unwrap();
        let id = format!("m{}", capitals.len());
        let newcomer = match kind {
            Kind::Union => member_coop(&id, cap),
            _ => official(&id, cap),
        };
        c.members.as_mut().unwrap().push(newcomer);
        c.charter_capital_vnd = c.charter_capital_vnd.map(|x| x + cap);
        let after = auto(&c, &on.to_string());
        prop_assert!(after.ok, "{:#?}", after.with_status(coopkit::Status::Fail).collect::<Vec<_>>());
    }
}
