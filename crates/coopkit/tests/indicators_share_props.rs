//! Adding a woman never lowers a female share: a woman who joins raises (or
//! keeps) women's share of members and of official members, and a woman who
//! takes a board seat raises (or keeps) women's share of board seats and of
//! management. Shares are compared exactly, as fractions.

mod common;

use common::strategies::cooperative;
use coopkit::indicators::{IndicatorId as I, Query};
use coopkit::{Cooperative, Date, Ethnicity, Member, MemberType, Position, Registry, Role, Sex};
use proptest::prelude::*;
use std::cmp::Ordering;

/// A woman about whom everything the indicators use is known: an adult
/// official member, current on every date.
fn woman(id: &str) -> Member {
    let mut m = Member::new(id, MemberType::Individual);
    m.sex = Some(Sex::Female);
    m.ethnicity = Some(Ethnicity::KINH);
    m.birth_date = Some("1980-01-01".parse().unwrap());
    m.contributes_capital = Some(true);
    m.uses_services = Some(true);
    m.contributes_labour = Some(true);
    m
}

/// The share `(numerator, denominator)` of `id`, when it has a value.
fn share(c: &Cooperative, id: I, as_of: Date) -> Option<(u64, u64)> {
    let reg = Registry::from_cooperatives(vec![c.clone()]).unwrap();
    let table = reg.indicators(&Query::new(as_of).ids([id])).unwrap();
    let row = table.find(id, &[])?;
    row.value?;
    Some((row.numerator?, row.denominator?))
}

/// `a ≤ b` for fractions, exactly.
fn not_lower((an, ad): (u64, u64), (bn, bd): (u64, u64)) -> bool {
    (u128::from(an) * u128::from(bd)).cmp(&(u128::from(bn) * u128::from(ad))) != Ordering::Greater
}

fn as_of() -> impl Strategy<Value = Date> {
    (0u32..3000).prop_map(|d| Date::from_ymd_opt(2018, 1, 1).unwrap() + chrono::Days::new(u64::from(d)))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn a_woman_joining_never_lowers_womens_share_of_members(c in cooperative(), d in as_of()) {
        let mut more = c.clone();
        // Summary counts would have to be edited too; compare lists only.
        more.summary = None;
        let mut before = c.clone();
        before.summary = None;
        more.members.get_or_insert_with(Vec::new).push(woman("new-woman"));
        for id in [I::MembersFemaleShare, I::OfficialMembersFemaleShare] {
            if let (Some(a), Some(b)) = (share(&before, id, d), share(&more, id, d)) {
                prop_assert!(not_lower(a, b), "{id:?}: {a:?} then {b:?}");
            }
        }
    }

    #[test]
    fn a_woman_on_the_board_never_lowers_womens_share_of_seats(c in cooperative(), d in as_of()) {
        let mut before = c.clone();
        before.summary = None;
        let mut more = before.clone();
        more.members.get_or_insert_with(Vec::new).push(woman("new-woman"));
        more.positions.get_or_insert_with(Vec::new).push(Position::member(Role::BoardMember, "new-woman"));
        for id in [I::BoardFemaleShare, I::ManagementFemaleShare] {
            if let (Some(a), Some(b)) = (share(&before, id, d), share(&more, id, d)) {
                prop_assert!(not_lower(a, b), "{id:?}: {a:?} then {b:?}");
            }
        }
    }
}
