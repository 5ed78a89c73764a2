//! The categories of each disaggregation, and which category a member falls in.

use super::ids::Disaggregation;
use crate::model::{age_in_years, ETHNIC_GROUPS};
use crate::registry::{code, MemberColumns, NO_DATE};

/// The categories of `d`, in output order. Every list has `unknown`, which
/// also takes the counts of cooperatives known only by summary counts (they
/// cannot be split), and all but `sex` have `employee` for non-member
/// workers (in `jobs_female`).
pub fn categories(d: Disaggregation) -> Vec<&'static str> {
    match d {
        Disaggregation::Sex => vec!["female", "male", "organisation", "unknown"],
        Disaggregation::EthnicGroup => {
            let mut v: Vec<&'static str> = ETHNIC_GROUPS.iter().map(|g| g.code).collect();
            v.extend(["organisation", "unknown", "employee"]);
            v
        }
        Disaggregation::KinhVsMinority => vec!["kinh", "minority", "organisation", "unknown", "employee"],
        Disaggregation::MemberKind => vec![
            "official",
            "associate_capital",
            "associate_noncapital",
            "unknown",
            "employee",
        ],
        Disaggregation::AgeBand => vec![
            "under_18",
            "18_29",
            "30_44",
            "45_59",
            "60_plus",
            "organisation",
            "unknown",
            "employee",
        ],
    }
}

/// A category that has a row whenever its indicator has a total: every
/// category but the individual GSO ethnic codes, which are listed only when
/// some member has them (54 rows of zeros per indicator and group would
/// swamp the table; an absent code is a known zero).
pub(crate) fn always_listed(d: Disaggregation, category: &str) -> bool {
    !(d == Disaggregation::EthnicGroup && ETHNIC_GROUPS.iter().any(|g| g.code == category))
}

/// Finds categories by name for one disaggregation.
pub(crate) struct Categorizer {
    d: Disaggregation,
    pub(crate) unknown: usize,
    pub(crate) employee: usize,
    organisation: usize,
    as_of: crate::model::Date,
}

impl Categorizer {
    pub(crate) fn new(d: Disaggregation, as_of: crate::model::Date) -> Self {
        let cats = categories(d);
        let at = |n: &str| cats.iter().position(|&c| c == n);
        Categorizer {
            d,
            unknown: at("unknown").unwrap_or(0),
            // Women employees are women: under `sex` they go to `female`.
            employee: at("employee").or_else(|| at("female")).unwrap_or(0),
            organisation: at("organisation").unwrap_or(0),
            as_of,
        }
    }

    /// Category of member row `i`.
    #[inline]
    pub(crate) fn of(&self, m: &MemberColumns, i: usize) -> usize {
        let person = code::is_person(m.member_type[i]);
        match self.d {
            Disaggregation::Sex => match (person, m.sex[i]) {
                (false, _) => self.organisation,
                (true, code::SEX_FEMALE) => 0,
                (true, code::SEX_MALE) => 1,
                _ => self.unknown,
            },
            Disaggregation::EthnicGroup => match (person, m.ethnicity[i]) {
                (false, _) => self.organisation,
                (true, 0) => self.unknown,
                (true, e) => usize::from(e) - 1,
            },
            Disaggregation::KinhVsMinority => match (person, m.ethnicity[i]) {
                (false, _) => self.organisation,
                (true, 0) => self.unknown,
                (true, 1) => 0,
                (true, _) => 1,
            },
            Disaggregation::MemberKind => match m.kind[i] {
                0 => self.unknown,
                k => usize::from(k) - 1,
            },
            Disaggregation::AgeBand => {
                if !person {
                    return self.organisation;
                }
                let b = m.birth[i];
                let age = (b != NO_DATE)
                    .then(|| chrono::NaiveDate::from_num_days_from_ce_opt(b))
                    .flatten()
                    .and_then(|birth| age_in_years(birth, self.as_of));
                match age {
                    None => self.unknown,
                    Some(a) if a < 18 => 0,
                    Some(a) if a < 30 => 1,
                    Some(a) if a < 45 => 2,
                    Some(a) if a < 60 => 3,
                    Some(_) => 4,
                }
            }
        }
    }
}
