//! The cooperative model: cooperative groups (THT), cooperatives (HTX) and
//! unions of cooperatives, with their members, positions, employees and, where
//! member lists are not available, per-cooperative summary counts.
//!
//! Field names follow the interchange format of the public contract; the
//! JSON written by [`Cooperative`]'s `Serialize` is read back losslessly by
//! [`crate::io::cooperative_from_json`].

mod ethnicity;
mod member;
mod position;

pub use ethnicity::{fold_name, Ethnicity, ETHNIC_GROUPS};
pub use member::{age_in_years, Country, Member};
pub use position::{Holder, Position};

pub use crate::codes::{
    CircularType, GeneralMeeting, Governance, IloType, Kind, MemberKind, MemberType, Role, Sector, Sex,
    SizeClass,
};

use chrono::NaiveDate;
use serde::Serialize;

/// A calendar date (ISO 8601 in every interchange format).
pub type Date = NaiveDate;

impl CircularType {
    /// The ILO type this Circular 01/2020 type maps onto (roughly, as the
    /// reference says): production → producer, consumption → consumer,
    /// job creation → worker, mixed → multi-stakeholder.
    pub fn ilo_type(self) -> IloType {
        match self {
            CircularType::Production => IloType::Producer,
            CircularType::Consumption => IloType::Consumer,
            CircularType::JobCreation => IloType::Worker,
            CircularType::Mixed => IloType::MultiStakeholder,
        }
    }
}

/// Workers who are not members.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Employees {
    /// Women employees.
    pub female: u32,
    /// Men employees.
    pub male: u32,
}

/// Per-cooperative counts, for registries that hold no member lists.
///
/// Every field is optional: an absent count is unknown, never zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Summary {
    /// All members.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub members: Option<u32>,
    /// Women members.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub members_female: Option<u32>,
    /// Official members (Law 17/2023 Art. 4(16)).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub official_members: Option<u32>,
    /// Women official members.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub official_members_female: Option<u32>,
    /// Members of an ethnic minority (any group but Kinh).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub members_minority: Option<u32>,
    /// Board seats (chair plus board members).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub board_seats: Option<u32>,
    /// Board seats held by women.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub board_female: Option<u32>,
    /// The board chair is a woman.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chair_female: Option<bool>,
    /// The director is a woman.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub director_female: Option<bool>,
}

/// A cooperative group, cooperative or union of cooperatives.
///
/// `members` and `positions` are `None` when the source holds no list (then
/// `summary` may carry counts); `Some(vec![])` is a list known to be empty.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cooperative {
    /// Unique in a registry.
    pub id: String,
    /// Registered name.
    pub name: String,
    /// Cooperative group, cooperative or union.
    pub kind: Kind,
    /// Decree 113 sector group.
    pub sector: Sector,
    /// Province code (valid at the registry's date).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub province: Option<String>,
    /// District code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub district: Option<String>,
    /// Commune code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commune: Option<String>,
    /// Date of establishment.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub established: Option<Date>,
    /// Date of dissolution: the cooperative counts up to the day before.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dissolved: Option<Date>,
    /// Charter capital, đồng.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub charter_capital_vnd: Option<u64>,
    /// Total capital, đồng.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total_capital_vnd: Option<u64>,
    /// Annual revenue, đồng.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub annual_revenue_vnd: Option<u64>,
    /// The year `annual_revenue_vnd` refers to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub annual_revenue_year: Option<u16>,
    /// The year `total_capital_vnd` refers to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total_capital_year: Option<u16>,
    /// Full or simplified structure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub governance: Option<Governance>,
    /// Plenary or delegate general meeting.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub general_meeting: Option<GeneralMeeting>,
    /// ILO type, when recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ilo_type: Option<IloType>,
    /// Circular 01/2020 type, when recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub circular_type: Option<CircularType>,
    /// Recorded as women-managed by the Women's Union.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub declared_women_managed: Option<bool>,
    /// Member list, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub members: Option<Vec<Member>>,
    /// Posts and who holds them, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub positions: Option<Vec<Position>>,
    /// Non-member workers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub employees: Option<Employees>,
    /// Counts, for when member lists are not available.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<Summary>,
}

impl Cooperative {
    /// A record with only the required fields set.
    pub fn new(id: impl Into<String>, name: impl Into<String>, kind: Kind, sector: Sector) -> Self {
        Cooperative {
            id: id.into(),
            name: name.into(),
            kind,
            sector,
            province: None,
            district: None,
            commune: None,
            established: None,
            dissolved: None,
            charter_capital_vnd: None,
            total_capital_vnd: None,
            annual_revenue_vnd: None,
            annual_revenue_year: None,
            total_capital_year: None,
            governance: None,
            general_meeting: None,
            ilo_type: None,
            circular_type: None,
            declared_women_managed: None,
            members: None,
            positions: None,
            employees: None,
            summary: None,
        }
    }

    /// Members whose membership is current on `date` (joined on or before it,
    /// not left on or before it), or `None` when there is no member list.
    pub fn members_on(&self, date: Date) -> Option<impl Iterator<Item = &Member> + '_> {
        self.members
            .as_ref()
            .map(move |ms| ms.iter().filter(move |m| m.is_member_on(date)))
    }

    /// Positions held on `date` (undated positions are always held).
    pub fn positions_on(&self, date: Date) -> Option<impl Iterator<Item = &Position> + '_> {
        self.positions
            .as_ref()
            .map(move |ps| ps.iter().filter(move |p| p.is_held_on(date)))
    }

    /// The member with this id, if the list holds one.
    pub fn member(&self, id: &str) -> Option<&Member> {
        self.members.as_ref()?.iter().find(|m| m.id == id)
    }

    /// The sex of whoever holds `position`: the member's, or the non-member's.
    pub fn holder_sex(&self, position: &Position) -> Option<Sex> {
        match &position.holder {
            Holder::Member(id) => self.member(id).and_then(|m| m.sex),
            Holder::External { sex, .. } => *sex,
        }
    }
}
