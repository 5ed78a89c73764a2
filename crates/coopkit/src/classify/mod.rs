//! Classification: size class (Decree 113/2024 from 1 Nov 2024, Circular
//! 01/2020 before, as the parameter table dates them), ILO type, minority
//! membership, and whether a cooperative is women-managed under each named
//! rule.
//!
//! Each rule first computes a small outcome (the value and the facts that
//! explain it: counts, posts held, missing fields, class tests run); the
//! bilingual reason is written from it only when asked for.
//! [`women_managed`] and [`size_class`] give value and reason;
//! [`women_managed_value`] and [`size_class_value`] give the same value
//! without writing the reason, for classifying many cooperatives.

mod size;
mod women_managed;

pub use size::{law_2023_classes_in_force, size_class, size_class_value, CIRCULAR_01_2020, DECREE_113_2024};
pub(crate) use size::{ListCounts, SizeFacts, SizeRules};
pub(crate) use women_managed::{management_value, women_owned_value, Management, Post, Stake};
pub use women_managed::{women_managed, women_managed_value};

pub use crate::codes::{SizeClass, SizeStatus, WomenManagedRule};

use crate::logic;
use crate::model::{Cooperative, Date, IloType, Member};
use crate::params::Parameters;
use crate::text::Message;
use serde::Serialize;

/// The size class, or why it cannot be determined.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SizeClassResult {
    /// The class, when determinable.
    pub class: Option<SizeClass>,
    /// The instrument used, for example `"Decree 113/2024/NĐ-CP, Art. 5"`.
    pub basis: String,
    /// Why the class was or was not determined.
    pub reason: Message,
    /// The outcome, for grouping and tests (the reason says it in words).
    pub status: SizeStatus,
    /// Data fields whose absence kept the class from being determined
    /// (`official_members`, `members`, `annual_revenue_vnd`,
    /// `total_capital_vnd`), in the order the tests met them; empty when
    /// none, and then not serialised.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<String>,
}

/// Whether a cooperative is women-managed under one rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WomenManaged {
    /// The rule used.
    pub rule: WomenManagedRule,
    /// Yes, no, or `None` when the data needed is missing.
    pub value: Option<bool>,
    /// Why.
    pub reason: Message,
}

/// Everything [`classify`] says about one cooperative.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Classification {
    /// The cooperative's id.
    pub cooperative: String,
    /// The date classified for.
    pub as_of: Date,
    /// Size class.
    pub size_class: SizeClassResult,
    /// ILO type, recorded or mapped from the Circular 01/2020 type.
    pub ilo_type: Option<IloType>,
    /// At least one current member of an ethnic minority; `None` when unknown.
    pub has_minority_member: Option<bool>,
    /// One entry for each rule, in [`WomenManagedRule::ALL`] order.
    pub women_managed: Vec<WomenManaged>,
}

/// Classifies `coop` on `as_of` with the built-in parameter table.
///
/// ```
/// use coopkit::{classify, Cooperative, Kind, Member, MemberType, Position, Role, Sector, Sex, SizeClass};
///
/// let mut coop = Cooperative::new("htx-1", "HTX Nông nghiệp Ba Tơ", Kind::Cooperative, Sector::Agriculture);
/// let mut chair = Member::new("m1", MemberType::Individual);
/// chair.sex = Some(Sex::Female);
/// chair.kind = Some(coopkit::MemberKind::Official);
/// coop.members = Some(vec![chair]);
/// coop.positions = Some(vec![Position::member(Role::BoardChair, "m1")]);
/// coop.annual_revenue_vnd = Some(3_000_000_000);
///
/// let c = classify(&coop, "2025-01-01".parse().unwrap());
/// // One official member is below every Decree 113 threshold for agriculture.
/// assert_eq!(c.size_class.class, Some(SizeClass::Micro));
/// assert_eq!(c.size_class.basis, "Decree 113/2024/NĐ-CP, Art. 5");
/// // The default rule: the board chair is a woman.
/// assert_eq!(c.women_managed[0].value, Some(true));
/// // Nobody's ethnicity is recorded.
/// assert_eq!(c.has_minority_member, None);
/// ```
pub fn classify(coop: &Cooperative, as_of: Date) -> Classification {
    classify_with(Parameters::builtin(), coop, as_of)
}

/// Classifies `coop` on `as_of` with `params` (for user-supplied thresholds).
pub fn classify_with(params: &Parameters, coop: &Cooperative, as_of: Date) -> Classification {
    Classification {
        cooperative: coop.id.clone(),
        as_of,
        size_class: size_class(params, coop, as_of),
        ilo_type: coop.ilo_type.or(coop.circular_type.map(|c| c.ilo_type())),
        has_minority_member: has_minority_member(coop, as_of),
        women_managed: WomenManagedRule::ALL
            .iter()
            .map(|&r| women_managed(coop, r, as_of))
            .collect(),
    }
}

/// At least one member current on `as_of` belongs to an ethnic minority
/// (any group but Kinh).
///
/// With a member list: `Some(true)` if a current member is of a minority,
/// `None` if none is but some current member's ethnicity is unknown,
/// `Some(false)` if every current member is known to be Kinh (or there is
/// no current member). Without one: `summary.members_minority > 0`, or
/// `None` when the summary does not say.
pub fn has_minority_member(coop: &Cooperative, as_of: Date) -> Option<bool> {
    match coop.members_on(as_of) {
        // "Some member is of a minority", three-valued: OR over the members.
        Some(members) => members.map(Member::is_minority).fold(Some(false), logic::or),
        None => coop.summary.and_then(|s| s.members_minority).map(|n| n > 0),
    }
}
