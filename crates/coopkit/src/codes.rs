//! The contract's code lists (CONTRACT.md §1): the snake_case name of each
//! value of the model's enums, one table each. The readers and writers
//! ([`crate::io`]) and the messages of the rules and classification read
//! them from here.

use crate::classify::SizeClass;
use crate::model::{
    CircularType, GeneralMeeting, Governance, IloType, Kind, MemberKind, MemberType, Role, Sector, Sex,
};

/// Cooperative kinds.
pub(crate) const KIND: &[(&str, Kind)] = &[
    ("cooperative", Kind::Cooperative),
    ("cooperative_group", Kind::CooperativeGroup),
    ("union", Kind::Union),
];
/// Sectors.
pub(crate) const SECTOR: &[(&str, Sector)] = &[
    ("agriculture", Sector::Agriculture),
    ("industry_construction", Sector::IndustryConstruction),
    ("trade_services", Sector::TradeServices),
];
/// Governance structures.
pub(crate) const GOVERNANCE: &[(&str, Governance)] =
    &[("full", Governance::Full), ("simplified", Governance::Simplified)];
/// General meetings.
pub(crate) const GENERAL_MEETING: &[(&str, GeneralMeeting)] = &[
    ("plenary", GeneralMeeting::Plenary),
    ("delegates", GeneralMeeting::Delegates),
];
/// ILO types.
pub(crate) const ILO_TYPE: &[(&str, IloType)] = &[
    ("producer", IloType::Producer),
    ("consumer", IloType::Consumer),
    ("worker", IloType::Worker),
    ("multi_stakeholder", IloType::MultiStakeholder),
];
/// Circular 01/2020 types.
pub(crate) const CIRCULAR_TYPE: &[(&str, CircularType)] = &[
    ("production", CircularType::Production),
    ("consumption", CircularType::Consumption),
    ("job_creation", CircularType::JobCreation),
    ("mixed", CircularType::Mixed),
];
/// Member types.
pub(crate) const MEMBER_TYPE: &[(&str, MemberType)] = &[
    ("individual", MemberType::Individual),
    ("household", MemberType::Household),
    ("legal_entity", MemberType::LegalEntity),
    ("cooperative", MemberType::Cooperative),
    ("cooperative_group", MemberType::CooperativeGroup),
    ("foreign_invested_org", MemberType::ForeignInvestedOrg),
];
/// Member kinds.
pub(crate) const MEMBER_KIND: &[(&str, MemberKind)] = &[
    ("official", MemberKind::Official),
    ("associate_capital", MemberKind::AssociateCapital),
    ("associate_noncapital", MemberKind::AssociateNoncapital),
];
/// Sexes.
pub(crate) const SEX: &[(&str, Sex)] = &[("female", Sex::Female), ("male", Sex::Male)];
/// Roles.
pub(crate) const ROLE: &[(&str, Role)] = &[
    ("board_chair", Role::BoardChair),
    ("board_member", Role::BoardMember),
    ("director", Role::Director),
    ("deputy_director", Role::DeputyDirector),
    ("supervisory_head", Role::SupervisoryHead),
    ("supervisory_member", Role::SupervisoryMember),
    ("controller", Role::Controller),
    ("chief_accountant", Role::ChiefAccountant),
];

/// Size classes.
pub(crate) const SIZE_CLASS: &[(&str, SizeClass)] = &[
    ("micro", SizeClass::Micro),
    ("small", SizeClass::Small),
    ("medium", SizeClass::Medium),
    ("large", SizeClass::Large),
];

/// The values of a table, in its order, as an array; fails to compile when
/// `N` is not the table's length.
const fn values<T: Copy, const N: usize>(table: &[(&'static str, T)]) -> [T; N] {
    assert!(table.len() == N, "the code table and the array differ in length");
    let mut out = [table[0].1; N];
    let mut i = 0;
    while i < N {
        out[i] = table[i].1;
        i += 1;
    }
    out
}

/// `ALL`, `as_str` and `parse` of an enum, from its table above.
macro_rules! codes {
    ($($ty:ident, $table:ident, $n:literal, $example:literal;)+) => {$(
        impl $ty {
            /// Every value, in contract order.
            pub const ALL: [$ty; $n] = values($table);

            #[doc = concat!("The contract name, for example `", $example, "`.")]
            pub fn as_str(self) -> &'static str {
                name_of($table, self)
            }

            /// The value of a contract name; `None` for any other text.
            pub fn parse(s: &str) -> Option<$ty> {
                $table.iter().find(|(n, _)| *n == s).map(|(_, v)| *v)
            }
        }
    )+};
}

codes! {
    Kind, KIND, 3, "\"cooperative_group\"";
    Sector, SECTOR, 3, "\"trade_services\"";
    Governance, GOVERNANCE, 2, "\"simplified\"";
    GeneralMeeting, GENERAL_MEETING, 2, "\"delegates\"";
    IloType, ILO_TYPE, 4, "\"multi_stakeholder\"";
    CircularType, CIRCULAR_TYPE, 4, "\"job_creation\"";
    MemberType, MEMBER_TYPE, 6, "\"legal_entity\"";
    MemberKind, MEMBER_KIND, 3, "\"associate_capital\"";
    Sex, SEX, 2, "\"female\"";
    Role, ROLE, 8, "\"board_chair\"";
    SizeClass, SIZE_CLASS, 4, "\"micro\"";
}

/// The contract name of a value.
pub(crate) fn name_of<T: PartialEq + Copy>(table: &[(&'static str, T)], value: T) -> &'static str {
    table.iter().find(|(_, v)| *v == value).map_or("", |(n, _)| n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;

    /// Each table gives the name serde gives the value.
    fn agrees<T: Serialize + Copy + PartialEq>(table: &[(&'static str, T)]) {
        for &(name, v) in table {
            assert_eq!(serde_json::to_value(v).unwrap(), name);
            assert_eq!(name_of(table, v), name);
        }
    }

    #[test]
    fn tables_agree_with_the_model() {
        agrees(KIND);
        agrees(SECTOR);
        agrees(GOVERNANCE);
        agrees(GENERAL_MEETING);
        agrees(ILO_TYPE);
        agrees(CIRCULAR_TYPE);
        agrees(MEMBER_TYPE);
        agrees(MEMBER_KIND);
        agrees(SEX);
        agrees(ROLE);
        agrees(SIZE_CLASS);
    }

    /// `parse` inverts `as_str` on every value, `ALL` lists each value once,
    /// and other text parses to nothing.
    #[test]
    fn names_round_trip() {
        fn round_trip<T: Copy + PartialEq + std::fmt::Debug>(
            all: &[T],
            table: &[(&'static str, T)],
            as_str: fn(T) -> &'static str,
            parse: fn(&str) -> Option<T>,
        ) {
            assert_eq!(all.len(), table.len());
            for (i, &v) in all.iter().enumerate() {
                assert_eq!(parse(as_str(v)), Some(v));
                assert_eq!(as_str(v), table[i].0);
                assert!(all[..i].iter().all(|w| *w != v), "{v:?} twice");
            }
            assert_eq!(parse(""), None);
            assert_eq!(parse("Agriculture"), None);
        }
        round_trip(&Kind::ALL, KIND, Kind::as_str, Kind::parse);
        round_trip(&Sector::ALL, SECTOR, Sector::as_str, Sector::parse);
        round_trip(
            &Governance::ALL,
            GOVERNANCE,
            Governance::as_str,
            Governance::parse,
        );
        round_trip(
            &GeneralMeeting::ALL,
            GENERAL_MEETING,
            GeneralMeeting::as_str,
            GeneralMeeting::parse,
        );
        round_trip(&IloType::ALL, ILO_TYPE, IloType::as_str, IloType::parse);
        round_trip(
            &CircularType::ALL,
            CIRCULAR_TYPE,
            CircularType::as_str,
            CircularType::parse,
        );
        round_trip(
            &MemberType::ALL,
            MEMBER_TYPE,
            MemberType::as_str,
            MemberType::parse,
        );
        round_trip(
            &MemberKind::ALL,
            MEMBER_KIND,
            MemberKind::as_str,
            MemberKind::parse,
        );
        round_trip(&Sex::ALL, SEX, Sex::as_str, Sex::parse);
        round_trip(&Role::ALL, ROLE, Role::as_str, Role::parse);
        round_trip(&SizeClass::ALL, SIZE_CLASS, SizeClass::as_str, SizeClass::parse);
        assert_eq!(
            Sector::parse("industry_construction"),
            Some(Sector::IndustryConstruction)
        );
        assert_eq!(SizeClass::Medium.as_str(), "medium");
    }
}
