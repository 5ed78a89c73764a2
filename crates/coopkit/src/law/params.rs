//! Legal thresholds as data: each value with its law, start and end dates and
//! citation, in the spirit of OpenFisca's parameters. (Filled in by the law work.)

use super::{CheckReport, LawChoice};
use crate::model::{Cooperative, Date};

/// A table of dated legal parameters.
#[derive(Debug, Clone, Default)]
pub struct Parameters {}

impl Parameters {
    /// The built-in table (Law 23/2012, Law 17/2023, Decree 113/2024, Circular 01/2020).
    pub fn builtin() -> &'static Parameters {
        static P: std::sync::OnceLock<Parameters> = std::sync::OnceLock::new();
        P.get_or_init(Parameters::default)
    }

    /// Checks `coop` under `law` on `as_of` with this table.
    pub fn check(&self, coop: &Cooperative, law: LawChoice, as_of: Date) -> CheckReport {
        super::rules::check(self, coop, law.resolve(as_of), as_of)
    }
}
