//! The law: dated parameters with citations, and the rules that check a
//! cooperative's membership, capital and governance against them.

mod finding;
pub mod rules;

pub use crate::codes::{Comparison, Law, LawChoice, Status};
pub use crate::params;
pub use crate::params::Parameters;
pub use crate::text::Message;
pub use finding::{CheckReport, Finding, ParameterUse, Subject, Value};

use crate::model::{Cooperative, Date};

impl Parameters {
    /// Checks `coop` under `law` on `as_of` with this table.
    pub fn check(&self, coop: &Cooperative, law: LawChoice, as_of: Date) -> CheckReport {
        rules::check(self, coop, law.resolve(as_of), as_of)
    }
}

/// Checks `coop` under `law` on `as_of` with the built-in parameter table.
///
/// Every rule of the catalogue ([`rules::RULE_IDS`]) gives at least one
/// finding, in catalogue order; `ok` is false when any finding failed. With
/// [`LawChoice::Auto`] the law is the one in force on `as_of`: Law 23/2012
/// before 1 Jul 2024, Law 17/2023 from then on. To use other thresholds,
/// lay a user table over the built-in one and call [`Parameters::check`].
///
/// ```
/// use coopkit::{check, Cooperative, Kind, Law, LawChoice, Member, MemberType, Sector, Status, Value};
///
/// let mut coop = Cooperative::new("htx-1", "HTX Dệt thổ cẩm", Kind::Cooperative, Sector::Agriculture);
/// coop.members = Some(
///     (0..5)
///         .map(|i| {
///             let mut m = Member::new(format!("m{i}"), MemberType::Individual);
///             m.contributes_capital = Some(true);
///             m.uses_services = Some(true);
///             m
///         })
///         .collect(),
/// );
///
/// // Five official members: too few under the 2012 law, enough under the 2023 law.
/// let before = check(&coop, LawChoice::Auto, "2024-06-30".parse().unwrap());
/// let after = check(&coop, LawChoice::Auto, "2024-07-01".parse().unwrap());
/// assert_eq!((before.law, after.law), (Law::Vn2012, Law::Vn2023));
///
/// let minimum = after.rule("members.minimum").next().unwrap();
/// assert_eq!(minimum.status, Status::Pass);
/// assert_eq!(minimum.citation, "Law 17/2023/QH15, Art. 4(7)");
/// assert_eq!(minimum.required, Some(Value::Count(5)));
/// assert_eq!(before.rule("members.minimum").next().unwrap().status, Status::Fail);
/// assert!(!before.ok);
///
/// // Birth dates are missing, so the age rule cannot be assessed, and says why.
/// let age = after.rule("members.individual_age").next().unwrap();
/// assert_eq!(age.status, Status::NotAssessable);
/// assert!(age.message.en.contains("members[0].birth_date"));
/// ```
pub fn check(coop: &Cooperative, law: LawChoice, as_of: Date) -> CheckReport {
    Parameters::builtin().check(coop, law, as_of)
}
