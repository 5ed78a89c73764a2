//! The contract's code lists (CONTRACT.md §1): the snake_case name of each
//! value of the model's enums, one table each. The readers and writers
//! ([`crate::io`]) and the messages of the rules and classification read
//! them from here.

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
        assert_eq!(ROLE.len(), Role::ALL.len());
        assert!(Role::ALL.iter().all(|r| name_of(ROLE, *r) == r.as_str()));
    }
}
