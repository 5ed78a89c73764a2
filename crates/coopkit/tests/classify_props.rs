//! Properties of the women-managed rules: adding a woman never takes a
//! "women-managed" answer away where the rule says it should not.

use coopkit::classify::women_managed;
use coopkit::{
    Cooperative, Date, Governance, Kind, Member, MemberType, Position, Role, Sector, Sex, Summary,
    WomenManagedRule,
};
use proptest::prelude::*;

fn on() -> Date {
    "2025-06-01".parse().unwrap()
}

fn sex() -> impl Strategy<Value = Option<Sex>> {
    prop_oneof![Just(None), Just(Some(Sex::Female)), Just(Some(Sex::Male))]
}

fn role() -> impl Strategy<Value = Role> {
    prop_oneof![
        Just(Role::BoardChair),
        Just(Role::BoardMember),
        Just(Role::Director),
        Just(Role::DeputyDirector),
        Just(Role::Controller),
    ]
}

/// A position held by member `i` (modulo the member count; an id outside the
/// list when there are none) or by a non-member.
fn position() -> impl Strategy<Value = (Role, Option<usize>, Option<Sex>)> {
    (role(), proptest::option::of(0usize..12), sex())
}

fn summary() -> impl Strategy<Value = Option<Summary>> {
    proptest::option::of(
        (
            proptest::option::of(0u32..8),
            proptest::option::of(0u32..8),
            proptest::option::of(any::<bool>()),
            proptest::option::of(any::<bool>()),
        )
            .prop_map(|(seats, female, chair, director)| Summary {
                board_seats: seats,
                board_female: match (seats, female) {
                    (Some(s), Some(f)) => Some(f.min(s)),
                    (_, f) => f,
                },
                chair_female: chair,
                director_female: director,
                ..Summary::default()
            }),
    )
}

prop_compose! {
    fn cooperative()(
        members in proptest::option::of(proptest::collection::vec((sex(), proptest::option::of(0u64..1_000)), 0..12)),
        positions in proptest::option::of(proptest::collection::vec(position(), 0..8)),
        summary in summary(),
        simplified in any::<bool>(),
        declared in proptest::option::of(any::<bool>()),
        charter in proptest::option::of(1u64..5_000),
    ) -> Cooperative {
        let mut c = Cooperative::new("htx", "HTX", Kind::Cooperative, Sector::Agriculture);
        let n = members.as_ref().map_or(0, Vec::len);
        c.members = members.map(|ms| ms.into_iter().enumerate().map(|(i, (sex, capital))| {
            let mut m = Member::new(format!("m{i}"), MemberType::Individual);
            m.sex = sex;
            m.capital_vnd = capital;
            m
        }).collect());
        c.positions = positions.map(|ps| ps.into_iter().map(|(role, member, sex)| match member {
            Some(i) if n > 0 => Position::member(role, format!("m{}", i % n)),
            Some(i) => Position::member(role, format!("absent{i}")),
            None => Position::external(role, sex),
        }).collect());
        c.summary = summary;
        c.governance = Some(if simplified { Governance::Simplified } else { Governance::Full });
        c.declared_women_managed = declared;
        c.charter_capital_vnd = charter;
        c
    }
}

fn woman(id: &str) -> Member {
    let mut m = Member::new(id, MemberType::Individual);
    m.sex = Some(Sex::Female);
    m.contributes_capital = Some(false);
    m
}

proptest! {
    #[test]
    fn adding_a_woman_member_without_capital_changes_neither_chair_or_director_nor_declared(c in cooperative()) {
        let mut more = c.clone();
        more.members.get_or_insert_with(Vec::new).push(woman("new-woman"));
        for rule in [WomenManagedRule::ChairOrDirector, WomenManagedRule::Declared] {
            prop_assert_eq!(women_managed(&c, rule, on()), women_managed(&more, rule, on()));
        }
    }

    #[test]
    fn adding_a_woman_board_member_never_turns_management_majority_false(c in cooperative(), as_member in any::<bool>()) {
        let before = women_managed(&c, WomenManagedRule::ManagementMajority, on()).value;
        let mut more = c.clone();
        match more.positions.as_mut() {
            Some(ps) => {
                if as_member {
                    more.members.get_or_insert_with(Vec::new).push(woman("new-woman"));
                    ps.push(Position::member(Role::BoardMember, "new-woman"));
                } else {
                    ps.push(Position::external(Role::BoardMember, Some(Sex::Female)));
                }
            }
            None => {
                if let Some(s) = more.summary.as_mut() {
                    // With no seats before, the one new seat is known to be a woman's.
                    s.board_female = match (s.board_seats, s.board_female) {
                        (Some(0), _) => Some(1),
                        (_, f) => f.map(|n| n + 1),
                    };
                    s.board_seats = s.board_seats.map(|n| n + 1);
                }
            }
        }
        let after = women_managed(&more, WomenManagedRule::ManagementMajority, on()).value;
        if before == Some(true) {
            prop_assert_eq!(after, Some(true));
        }
        // Never from unknown to no either.
        if before.is_none() {
            prop_assert_ne!(after, Some(false));
        }
    }

    #[test]
    fn women_owned_true_needs_the_exact_share(c in cooperative()) {
        if women_managed(&c, WomenManagedRule::WomenOwned, on()).value == Some(true) {
            let charter = u128::from(c.charter_capital_vnd.unwrap());
            let women: u128 = c.members.as_ref().unwrap().iter()
                .filter(|m| m.sex == Some(Sex::Female))
                .filter_map(|m| m.capital_vnd)
                .map(u128::from)
                .sum();
            prop_assert!(100 * women >= 51 * charter);
        }
    }
}
