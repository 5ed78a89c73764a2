//! What a check returns: findings that explain themselves (measured value,
//! required value, citation, message in English and Vietnamese).

use crate::codes::{
    Code, Comparison, Governance, Law, MemberKind, MemberType, Role, SizeClass, Status, Term,
};
use crate::model::Date;
use crate::num::Ratio;
use crate::text::Message;
use crate::text::{self, Lang};
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

/// A measured or required value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// A count or a whole number (members, years, seats).
    Count(u64),
    /// An amount in đồng.
    Vnd(u64),
    /// An exact share, shown as a percentage.
    Share(Ratio),
    /// A share bound: `≤` or `≥` this percentage (whole percent).
    Percent(u64),
    /// A yes/no value.
    Bool(bool),
    /// A code or a name.
    Text(String),
    /// Several codes.
    List(Vec<String>),
    /// An inclusive range of counts.
    Range {
        /// Lowest allowed.
        min: u64,
        /// Highest allowed.
        max: u64,
    },
}

impl Value {
    /// The unit of the value: `count`, `vnd`, `percent`, `bool` or `code`.
    pub fn unit(&self) -> &'static str {
        match self {
            Value::Count(_) | Value::Range { .. } => "count",
            Value::Vnd(_) => "vnd",
            Value::Share(_) | Value::Percent(_) => "percent",
            Value::Bool(_) => "bool",
            Value::Text(_) | Value::List(_) => "code",
        }
    }
}

impl Value {
    /// The value as a person reads it in `lang`: numbers in the language's
    /// style with their unit (`1.500`, `155.000.000 đồng`, `33,33 %`;
    /// `1,500`, `155,000,000 VND`, `33.33 %`), yes and no, codes by their
    /// labels (`cá nhân`, `siêu nhỏ`).
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Value::Count(n) => text::count(*n).text(lang).to_owned(),
            Value::Vnd(n) => text::vnd(*n).text(lang).to_owned(),
            Value::Share(r) => text::percent(*r).text(lang).to_owned(),
            Value::Percent(p) => text::whole_percent(*p).text(lang).to_owned(),
            Value::Bool(b) => Term::yes_no(Some(*b)).label(lang).to_owned(),
            Value::Text(t) => code_label(t, lang).to_owned(),
            Value::List(l) => l
                .iter()
                .map(|t| code_label(t, lang))
                .collect::<Vec<_>>()
                .join(", "),
            Value::Range { min, max } => {
                format!(
                    "{}–{}",
                    text::count(*min).text(lang),
                    text::count(*max).text(lang)
                )
            }
        }
    }
}

/// The label of a code a finding's value holds (a size class, a
/// structure, a member kind, a role, a member type); other text as it is.
fn code_label(t: &str, lang: Lang) -> &str {
    SizeClass::from_code(t)
        .map(|c| c.label(lang))
        .or_else(|| Governance::from_code(t).map(|c| c.label(lang)))
        .or_else(|| MemberKind::from_code(t).map(|c| c.label(lang)))
        .or_else(|| Role::from_code(t).map(|c| c.label(lang)))
        .or_else(|| MemberType::from_code(t).map(|c| c.label(lang)))
        .unwrap_or(t)
}

/// Plain and language-neutral, for tables and logs: digits without grouping
/// (`1500000`), a share with a decimal point (`33.33 %`), a range `3–15`.
/// Messages do not use it: they write numbers in each language's style.
impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Count(n) | Value::Vnd(n) => write!(f, "{n}"),
            Value::Share(r) => f.write_str(&crate::text::percent(*r).en),
            Value::Percent(p) => write!(f, "{p} %"),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Text(t) => f.write_str(t),
            Value::List(l) => f.write_str(&l.join(", ")),
            Value::Range { min, max } => write!(f, "{min}–{max}"),
        }
    }
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Count(n) | Value::Vnd(n) | Value::Percent(n) => s.serialize_u64(*n),
            Value::Share(r) => r.serialize(s),
            Value::Bool(b) => s.serialize_bool(*b),
            Value::Text(t) => s.serialize_str(t),
            Value::List(l) => l.serialize(s),
            Value::Range { min, max } => {
                let mut m = s.serialize_map(Some(2))?;
                m.serialize_entry("min", min)?;
                m.serialize_entry("max", max)?;
                m.end()
            }
        }
    }
}

/// A parameter a finding rests on: its id in the parameter table, whether a
/// public source confirms it, and the table's own note (what is and is not
/// confirmed about it, for example the article).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParameterUse {
    /// Dotted id, for example `capital.member_cap.cooperative`.
    pub id: String,
    /// Confirmed in a public source; `false` for a user-supplied value.
    pub confirmed: bool,
    /// The parameter's note, when the table has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The note in Vietnamese, when the table has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note_vi: Option<String>,
}

impl From<&crate::params::Parameter> for ParameterUse {
    fn from(p: &crate::params::Parameter) -> Self {
        ParameterUse {
            id: p.id.clone(),
            confirmed: p.confirmed,
            note: p.note.clone(),
            note_vi: p.note_vi.clone(),
        }
    }
}

/// What a finding is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Subject {
    /// The record as a whole.
    Cooperative,
    /// A member, by id.
    Member(String),
    /// A position, by its id or, failing that, `positions[i]`.
    Position(String),
}

impl Subject {
    /// `"cooperative"` or the member's or position's id.
    pub fn as_str(&self) -> &str {
        match self {
            Subject::Cooperative => "cooperative",
            Subject::Member(id) | Subject::Position(id) => id,
        }
    }
}

impl Subject {
    /// What the finding is about, in `lang`: `hợp tác xã`, `thành viên m12`,
    /// `chức danh p3` (ids as they are).
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Subject::Cooperative => Term::Cooperative.label(lang).to_owned(),
            Subject::Member(id) => format!("{} {id}", Term::MemberSubject.label(lang)),
            Subject::Position(id) => format!("{} {id}", Term::PositionSubject.label(lang)),
        }
    }
}

impl Serialize for Subject {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// The result of one rule for one subject.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Rule id, for example `members.minimum`.
    pub rule: &'static str,
    /// The law applied.
    pub law: Law,
    /// Pass, fail, not assessable or not applicable.
    pub status: Status,
    /// Law, article, clause: `Law 17/2023/QH15, Art. 4(7)`.
    pub citation: String,
    /// The citation as Vietnamese legal texts write it: `khoản 7 Điều 4
    /// Luật Hợp tác xã số 17/2023/QH15` (see [`crate::text::citation_vi`];
    /// a parameter table's `citation_vi` where it gives one).
    pub citation_vi: String,
    /// What the data shows, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub measured: Option<Value>,
    /// What the law requires, when it is a value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub required: Option<Value>,
    /// How `measured` must stand to `required`; set exactly when `required` is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comparison: Option<Comparison>,
    /// The parameters the rule read, in the order it read them; empty (and
    /// not serialised) when the rule has no threshold.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parameters: Vec<ParameterUse>,
    /// `cooperative`, or the member or position concerned.
    pub subject: Subject,
    /// Explanation in English and Vietnamese.
    pub message: Message,
}

/// All findings for one cooperative under one law on one date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckReport {
    /// The cooperative's id.
    pub cooperative: String,
    /// The law applied.
    pub law: Law,
    /// The date the check is for.
    pub as_of: Date,
    /// The applied law was in force on `as_of` (false when a law was named
    /// explicitly for a date outside its period).
    pub law_in_force: bool,
    /// The cooperative existed on `as_of`: false only when the record's
    /// `established` date is after `as_of` (an unknown date counts as
    /// established). When false, every rule gives one not-applicable finding
    /// saying so, and nothing is checked.
    pub established_on_as_of: bool,
    /// The cooperative was dissolved on or before `as_of` (its `dissolved`
    /// date; it counts up to the day before). When true, every rule gives
    /// one not-applicable finding saying so, and nothing is checked.
    pub dissolved_on_as_of: bool,
    /// No finding failed.
    pub ok: bool,
    /// Every finding, in rule-catalogue order.
    pub findings: Vec<Finding>,
}

impl Finding {
    /// The required value with its direction, as a person reads it in
    /// `lang`: `≥ 5`, `≤ 30 %`, `3–15`, `một trong cá nhân, hộ gia đình`;
    /// `None` when nothing is required.
    pub fn required_text(&self, lang: Lang) -> Option<String> {
        let r = self.required.as_ref()?;
        let several = matches!(r, Value::List(l) if l.len() > 1);
        Some(match self.comparison {
            Some(Comparison::OneOf) if several => format!("{} {}", Term::OneOf.label(lang), r.text(lang)),
            Some(Comparison::AllOf) if several => format!("{} {}", Term::AllOf.label(lang), r.text(lang)),
            Some(c) if !c.sign().is_empty() => format!("{} {}", c.sign(), r.text(lang)),
            _ => r.text(lang),
        })
    }
}

impl CheckReport {
    /// Findings with this status.
    pub fn with_status(&self, status: Status) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(move |f| f.status == status)
    }

    /// Findings of this rule.
    pub fn rule(&self, rule: &str) -> impl Iterator<Item = &Finding> + '_ {
        let rule = rule.to_owned();
        self.findings.iter().filter(move |f| f.rule == rule)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Values as a reader of each language writes them, with their units.
    #[test]
    fn values_read_in_each_language() {
        let cases = [
            (Value::Vnd(155_000_000), "155,000,000 VND", "155.000.000 đồng"),
            (Value::Count(1500), "1,500", "1.500"),
            (Value::Share(Ratio::new(366, 1000).unwrap()), "36.6 %", "36,6 %"),
            (Value::Percent(30), "30 %", "30 %"),
            (Value::Bool(true), "yes", "có"),
            (Value::Text("micro".into()), "micro", "siêu nhỏ"),
            (
                Value::List(vec!["individual".into(), "household".into()]),
                "individual, household",
                "cá nhân, hộ gia đình",
            ),
            (Value::Range { min: 3, max: 1500 }, "3–1,500", "3–1.500"),
        ];
        for (v, en, vi) in cases {
            assert_eq!(
                (v.text(Lang::En).as_str(), v.text(Lang::Vi).as_str()),
                (en, vi),
                "{v:?}"
            );
        }
        assert_eq!(Subject::Member("m12".into()).text(Lang::Vi), "thành viên m12");
        assert_eq!(Subject::Cooperative.text(Lang::Vi), "hợp tác xã");
    }
}
