//! Members and the three facts that decide a member's kind (Law 17/2023 Art. 4(16)–(19)).

use super::{Date, Ethnicity, MemberKind, MemberType, Sex};
use chrono::Datelike;
use serde::{Serialize, Serializer};

impl MemberKind {
    /// The kind the three facts give, if they give one.
    ///
    /// Facts are three-valued: `None` is unknown. The answer is `Ok(None)` when
    /// the known facts do not settle the kind, and `Err(())` when they settle
    /// that the member is no kind at all (no capital, no services, no labour).
    #[allow(clippy::result_unit_err)]
    pub fn from_facts(
        capital: Option<bool>,
        services: Option<bool>,
        labour: Option<bool>,
    ) -> Result<Option<MemberKind>, ()> {
        let participates = match (services, labour) {
            (Some(true), _) | (_, Some(true)) => Some(true),
            (Some(false), Some(false)) => Some(false),
            _ => None,
        };
        Ok(match (capital, participates) {
            (Some(true), Some(true)) => Some(MemberKind::Official),
            (Some(true), Some(false)) => Some(MemberKind::AssociateCapital),
            (Some(false), Some(true)) => Some(MemberKind::AssociateNoncapital),
            (Some(false), Some(false)) => return Err(()),
            _ => None,
        })
    }
}

/// An ISO 3166-1 alpha-2 country code, upper case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Country([u8; 2]);

impl Country {
    /// Viet Nam.
    pub const VN: Country = Country(*b"VN");

    /// Parses two ASCII letters, either case.
    pub fn parse(s: &str) -> Option<Country> {
        let b = s.trim().as_bytes();
        if b.len() == 2 && b.iter().all(u8::is_ascii_alphabetic) {
            Some(Country([b[0].to_ascii_uppercase(), b[1].to_ascii_uppercase()]))
        } else {
            None
        }
    }

    /// The code, for example `"VN"`.
    pub fn as_str(&self) -> &str {
        // Only ASCII letters are ever stored.
        std::str::from_utf8(&self.0).unwrap_or("??")
    }
}

impl Default for Country {
    fn default() -> Self {
        Country::VN
    }
}

impl std::fmt::Display for Country {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Country {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

fn is_vn(c: &Country) -> bool {
    *c == Country::VN
}

/// A member of a cooperative group, cooperative or union.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Member {
    /// Unique in its cooperative.
    pub id: String,
    /// Individual, household, legal entity, ...
    #[serde(rename = "type")]
    pub member_type: MemberType,
    /// Of the person, or of a household's representative.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sex: Option<Sex>,
    /// Personal data: never echoed in errors or logs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<Date>,
    /// Ethnic group (GSO 2008 list).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ethnicity: Option<Ethnicity>,
    /// Nationality; Viet Nam when not given.
    #[serde(skip_serializing_if = "is_vn")]
    pub nationality: Country,
    /// A foreign individual investor holds an investment registration certificate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub investment_certificate: Option<bool>,
    /// Contributes capital.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contributes_capital: Option<bool>,
    /// Uses the cooperative's products or services.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uses_services: Option<bool>,
    /// Contributes labour.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contributes_labour: Option<bool>,
    /// Declared kind; derived from the three facts when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<MemberKind>,
    /// Capital contributed, đồng.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capital_vnd: Option<u64>,
    /// Date of joining.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub joined: Option<Date>,
    /// Date of leaving: no longer a member from this date on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub left: Option<Date>,
}

impl Member {
    /// A member with only the required fields set (Vietnamese, nothing else known).
    pub fn new(id: impl Into<String>, member_type: MemberType) -> Self {
        Member {
            id: id.into(),
            member_type,
            sex: None,
            birth_date: None,
            ethnicity: None,
            nationality: Country::VN,
            investment_certificate: None,
            contributes_capital: None,
            uses_services: None,
            contributes_labour: None,
            kind: None,
            capital_vnd: None,
            joined: None,
            left: None,
        }
    }

    /// The kind the three facts give (see [`MemberKind::from_facts`]).
    #[allow(clippy::result_unit_err)]
    pub fn derived_kind(&self) -> Result<Option<MemberKind>, ()> {
        MemberKind::from_facts(
            self.contributes_capital,
            self.uses_services,
            self.contributes_labour,
        )
    }

    /// The declared kind, or else the derived one.
    pub fn effective_kind(&self) -> Option<MemberKind> {
        self.kind.or_else(|| self.derived_kind().ok().flatten())
    }

    /// An official member (Law 17/2023 Art. 4(16)): by the declared kind,
    /// else by the three facts; facts that settle "no kind at all" settle
    /// "not official" too. `None` when neither settles it.
    pub(crate) fn is_official(&self) -> Option<bool> {
        Member::official_by(
            self.kind,
            self.contributes_capital,
            self.uses_services,
            self.contributes_labour,
        )
    }

    /// [`Member::is_official`] from the declared kind and the three facts
    /// (capital, services, labour), for members held as columns.
    pub(crate) fn official_by(
        kind: Option<MemberKind>,
        capital: Option<bool>,
        services: Option<bool>,
        labour: Option<bool>,
    ) -> Option<bool> {
        match kind {
            Some(k) => Some(k == MemberKind::Official),
            None => match MemberKind::from_facts(capital, services, labour) {
                Ok(kind) => kind.map(|k| k == MemberKind::Official),
                Err(()) => Some(false),
            },
        }
    }

    /// Membership is current on `date`: joined on or before, not yet left.
    pub fn is_member_on(&self, date: Date) -> bool {
        self.joined.is_none_or(|j| j <= date) && self.left.is_none_or(|l| date < l)
    }

    /// Age in whole years on `date`, if the birth date is known and not after `date`.
    pub fn age_on(&self, date: Date) -> Option<u32> {
        age_in_years(self.birth_date?, date)
    }

    /// Not of Vietnamese nationality, or a foreign-invested organisation.
    pub fn is_foreign_linked(&self) -> bool {
        self.nationality != Country::VN || self.member_type == MemberType::ForeignInvestedOrg
    }

    /// Of an ethnic minority (any group but Kinh); `None` when unknown.
    pub fn is_minority(&self) -> Option<bool> {
        self.ethnicity.map(|e| e.is_minority())
    }
}

/// Whole years from `birth` to `on`; `None` if `birth` is after `on`.
///
/// A person born on 29 February turns a year older on 1 March in common years.
pub fn age_in_years(birth: Date, on: Date) -> Option<u32> {
    if birth > on {
        return None;
    }
    let mut years = on.year() - birth.year();
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    u32::try_from(years).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn kind_from_facts_follows_article_4() {
        use MemberKind::*;
        let t = Some(true);
        let f = Some(false);
        assert_eq!(MemberKind::from_facts(t, t, f), Ok(Some(Official)));
        assert_eq!(MemberKind::from_facts(t, f, t), Ok(Some(Official)));
        assert_eq!(MemberKind::from_facts(t, f, f), Ok(Some(AssociateCapital)));
        assert_eq!(MemberKind::from_facts(f, t, f), Ok(Some(AssociateNoncapital)));
        assert_eq!(MemberKind::from_facts(f, f, f), Err(()));
        assert_eq!(MemberKind::from_facts(None, t, t), Ok(None));
        assert_eq!(MemberKind::from_facts(t, None, f), Ok(None));
        assert_eq!(MemberKind::from_facts(t, None, t), Ok(Some(Official)));
    }

    #[test]
    fn age_counts_whole_years_and_leap_days() {
        assert_eq!(age_in_years(d("2006-07-01"), d("2024-07-01")), Some(18));
        assert_eq!(age_in_years(d("2006-07-02"), d("2024-07-01")), Some(17));
        assert_eq!(age_in_years(d("2004-02-29"), d("2022-02-28")), Some(17));
        assert_eq!(age_in_years(d("2004-02-29"), d("2022-03-01")), Some(18));
        assert_eq!(age_in_years(d("2030-01-01"), d("2024-07-01")), None);
    }

    #[test]
    fn membership_window_is_half_open() {
        let mut m = Member::new("m1", MemberType::Individual);
        m.joined = Some(d("2020-01-01"));
        m.left = Some(d("2024-07-01"));
        assert!(!m.is_member_on(d("2019-12-31")));
        assert!(m.is_member_on(d("2020-01-01")));
        assert!(m.is_member_on(d("2024-06-30")));
        assert!(!m.is_member_on(d("2024-07-01")));
    }
}
