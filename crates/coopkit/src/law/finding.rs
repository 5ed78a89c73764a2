//! What a check returns: findings that explain themselves (measured value,
//! required value, citation, message in English and Vietnamese).

use crate::model::Date;
use crate::num::Ratio;
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

/// A law the rules know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Law {
    /// Law on Cooperatives 23/2012/QH13, in force 1 Jul 2013 – 30 Jun 2024.
    Vn2012,
    /// Law on Cooperatives 17/2023/QH15, in force from 1 Jul 2024.
    Vn2023,
}

impl Law {
    /// `"vn-2012"` or `"vn-2023"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Law::Vn2012 => "vn-2012",
            Law::Vn2023 => "vn-2023",
        }
    }

    /// The law's own citation, for example `"Law 17/2023/QH15"`.
    pub fn title(self) -> &'static str {
        match self {
            Law::Vn2012 => "Law 23/2012/QH13",
            Law::Vn2023 => "Law 17/2023/QH15",
        }
    }

    /// Parses `"vn-2012"` or `"vn-2023"`.
    pub fn parse(s: &str) -> Option<Law> {
        match s {
            "vn-2012" => Some(Law::Vn2012),
            "vn-2023" => Some(Law::Vn2023),
            _ => None,
        }
    }

    /// First day in force.
    pub fn start(self) -> Date {
        match self {
            Law::Vn2012 => Date::from_ymd_opt(2013, 7, 1),
            Law::Vn2023 => Date::from_ymd_opt(2024, 7, 1),
        }
        .expect("valid date")
    }

    /// First day no longer in force, if repealed.
    pub fn end(self) -> Option<Date> {
        match self {
            Law::Vn2012 => Date::from_ymd_opt(2024, 7, 1),
            Law::Vn2023 => None,
        }
    }

    /// In force on `date`.
    pub fn in_force_on(self, date: Date) -> bool {
        self.start() <= date && self.end().is_none_or(|e| date < e)
    }

    /// The law in force on `date`: the 2023 law from 1 Jul 2024, else the 2012 law.
    pub fn in_force(date: Date) -> Law {
        if date >= Law::Vn2023.start() {
            Law::Vn2023
        } else {
            Law::Vn2012
        }
    }
}

impl std::fmt::Display for Law {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Law {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// Which law to apply: a named one, or the one in force on the date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum LawChoice {
    /// The law in force on `as_of`.
    #[default]
    Auto,
    /// This law, whatever the date.
    Law(Law),
}

impl LawChoice {
    /// Parses `"auto"`, `"vn-2012"` or `"vn-2023"`.
    pub fn parse(s: &str) -> Option<LawChoice> {
        match s {
            "auto" => Some(LawChoice::Auto),
            s => Law::parse(s).map(LawChoice::Law),
        }
    }

    /// The law this choice gives on `as_of`.
    pub fn resolve(self, as_of: Date) -> Law {
        match self {
            LawChoice::Auto => Law::in_force(as_of),
            LawChoice::Law(l) => l,
        }
    }
}

impl std::str::FromStr for LawChoice {
    type Err = crate::Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        LawChoice::parse(s)
            .ok_or_else(|| crate::Error::parameter("law", "expected \"auto\", \"vn-2012\" or \"vn-2023\""))
    }
}

/// Outcome of one rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The rule is met.
    Pass,
    /// The rule is not met.
    Fail,
    /// The data needed is missing; the message says which.
    NotAssessable,
    /// The rule does not apply to this record under this law.
    NotApplicable,
}

impl Status {
    /// The snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pass => "pass",
            Status::Fail => "fail",
            Status::NotAssessable => "not_assessable",
            Status::NotApplicable => "not_applicable",
        }
    }
}

/// A message in English and Vietnamese.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Message {
    /// English.
    pub en: String,
    /// Vietnamese.
    pub vi: String,
}

impl Message {
    /// A message from its two languages.
    pub fn new(en: impl Into<String>, vi: impl Into<String>) -> Self {
        Message {
            en: en.into(),
            vi: vi.into(),
        }
    }

    /// The text in `lang` (`"vi"`, otherwise English).
    pub fn get(&self, lang: &str) -> &str {
        if lang == "vi" {
            &self.vi
        } else {
            &self.en
        }
    }
}

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

/// How the measured value must stand to the required one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparison {
    /// Measured ≥ required (a minimum).
    AtLeast,
    /// Measured ≤ required (a cap).
    AtMost,
    /// Measured inside the required range, bounds included.
    Within,
    /// Measured is one of the required codes.
    OneOf,
    /// Every required code is present in the measured ones.
    AllOf,
    /// Measured equals required.
    Equal,
}

impl Comparison {
    /// The snake_case name: `"at_least"`, `"at_most"`, `"within"`, `"one_of"`,
    /// `"all_of"` or `"equal"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Comparison::AtLeast => "at_least",
            Comparison::AtMost => "at_most",
            Comparison::Within => "within",
            Comparison::OneOf => "one_of",
            Comparison::AllOf => "all_of",
            Comparison::Equal => "equal",
        }
    }

    /// A short sign to write before the required value: `≥`, `≤`, `=`, or
    /// nothing for a range or a list (whose own form says it).
    pub fn sign(self) -> &'static str {
        match self {
            Comparison::AtLeast => "≥",
            Comparison::AtMost => "≤",
            Comparison::Equal => "=",
            Comparison::Within | Comparison::OneOf | Comparison::AllOf => "",
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
}

impl From<&super::params::Parameter> for ParameterUse {
    fn from(p: &super::params::Parameter) -> Self {
        ParameterUse {
            id: p.id.clone(),
            confirmed: p.confirmed,
            note: p.note.clone(),
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
    /// Law, article, clause.
    pub citation: String,
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
    /// No finding failed.
    pub ok: bool,
    /// Every finding, in rule-catalogue order.
    pub findings: Vec<Finding>,
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
