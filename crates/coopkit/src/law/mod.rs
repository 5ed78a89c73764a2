//! The law: dated parameters with citations, and the rules that check a
//! cooperative's membership, capital and governance against them.

mod finding;
pub mod params;
pub mod rules;

pub use finding::{CheckReport, Finding, Law, LawChoice, Message, Status, Subject, Value};
pub use params::Parameters;

use crate::model::{Cooperative, Date};

/// Checks `coop` under `law` on `as_of` with the built-in parameter table.
pub fn check(coop: &Cooperative, law: LawChoice, as_of: Date) -> CheckReport {
    Parameters::builtin().check(coop, law, as_of)
}
