//! Legal thresholds as data: each value with its law, start and end dates,
//! citation and confirmation status, in the spirit of OpenFisca's parameters.
//!
//! The built-in table is the TOML under `crates/coopkit/params/`, embedded at
//! compile time. Users load their own table with [`Parameters::from_toml_str`]
//! (for a new decree, or for a threshold the reference marks unconfirmed) and
//! lay it over the built-in one with [`Parameters::overlay`].
//!
//! ```toml
//! [[parameter]]
//! id = "members.minimum.cooperative"
//! law = "vn-2023"                 # optional: the law the value belongs to
//! start = "2024-07-01"            # first day in force
//! end = "2030-01-01"              # optional: first day no longer in force
//! value = 5
//! unit = "count"                  # count | percent | vnd
//! citation = "Law 17/2023/QH15, Art. 4(7)"
//! citation_vi = "khoản 7 Điều 4 Luật Hợp tác xã số 17/2023/QH15"  # optional:
//!                                 # derived from `citation` when it is left out
//! confirmed = true                # false: a user-supplied or unconfirmed value
//! note = "A cooperative has at least 5 official members."      # optional
//! note_vi = "Hợp tác xã có ít nhất 5 thành viên chính thức."   # optional
//! ```

use crate::codes::{code_list, Law};
use crate::error::{Error, InputError, InputErrorCode as Code};
use chrono::NaiveDate as Date;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

code_list! {
    /// The unit of a parameter's value.
    #[derive(Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Unit: "unit" {
        /// A number of members, cooperatives, seats or years.
        Count = "count", "count", "số lượng";
        /// A whole percentage (30 means 30 %).
        Percent = "percent", "percent", "phần trăm";
        /// An amount in đồng.
        Vnd = "vnd", "VND", "đồng";
    }
}

/// One dated value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Parameter {
    /// Dotted id, for example `capital.member_cap.cooperative`.
    pub id: String,
    /// The law the value belongs to; `None` for decrees and circulars that
    /// apply whatever law is chosen.
    pub law: Option<Law>,
    /// First day in force.
    pub start: Date,
    /// First day no longer in force.
    pub end: Option<Date>,
    /// The value, in `unit`.
    pub value: u64,
    /// What `value` counts.
    pub unit: Unit,
    /// Law, article, clause.
    pub citation: String,
    /// The citation in Vietnamese legal style, when the table gives one
    /// (otherwise findings derive it with [`crate::text::citation_vi`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub citation_vi: Option<String>,
    /// Confirmed in a public source. Unconfirmed values are never built in;
    /// they come only from a user's table.
    pub confirmed: bool,
    /// Free text: the source, or what the value means.
    pub note: Option<String>,
    /// The note in Vietnamese.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note_vi: Option<String>,
}

impl Parameter {
    /// In force on `date`.
    pub fn in_force_on(&self, date: Date) -> bool {
        self.start <= date && self.end.is_none_or(|e| date < e)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTable {
    #[serde(default)]
    parameter: Vec<RawParameter>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawParameter {
    id: String,
    law: Option<String>,
    start: String,
    end: Option<String>,
    value: i64,
    unit: Unit,
    citation: String,
    citation_vi: Option<String>,
    #[serde(default)]
    confirmed: bool,
    note: Option<String>,
    note_vi: Option<String>,
}

/// A table of dated legal parameters.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Parameters {
    entries: Vec<Parameter>,
}

/// The built-in tables, in load order: `params/*.toml`, turned into JSON
/// by the build script.
const BUILTIN: &[(&str, &str)] = &[
    (
        "params/vn-2012.toml",
        include_str!(concat!(env!("OUT_DIR"), "/vn-2012.json")),
    ),
    (
        "params/vn-2023.toml",
        include_str!(concat!(env!("OUT_DIR"), "/vn-2023.json")),
    ),
    (
        "params/classification.toml",
        include_str!(concat!(env!("OUT_DIR"), "/classification.json")),
    ),
];

/// The parameter ids that rules and classifications read (a user's table
/// may give any of them, including those the built-in table leaves out as
/// unconfirmed, such as Decree 113's medium and large bands).
pub fn is_read(id: &str) -> bool {
    use crate::codes::{Code, Kind, Sector};
    const FIXED: &[&str] = &[
        "members.minimum_age",
        "capital.foreign_cap",
        "governance.board_size.min",
        "governance.board_size.max",
        "meeting.delegates_from",
    ];
    const BY_KIND: &[&str] = &[
        "members.minimum.",
        "capital.member_cap.",
        "governance.full_structure_min_members.",
        "governance.control_board_from.",
    ];
    const CLASSES: [&str; 3] = ["large", "medium", "small"];
    if FIXED.contains(&id) {
        return true;
    }
    let of_kind = |rest: &str| Kind::from_code(rest).is_some();
    if BY_KIND.iter().any(|p| id.strip_prefix(p).is_some_and(of_kind)) {
        return true;
    }
    let parts: Vec<&str> = id.split('.').collect();
    match parts[..] {
        ["size", "d113", sector, class, what] => {
            Sector::from_code(sector).is_some()
                && CLASSES.contains(&class)
                && ["members", "revenue_vnd", "capital_vnd"].contains(&what)
        }
        ["size", "c01", class, what] => {
            CLASSES.contains(&class)
                && (["members", "capital_vnd"].contains(&what)
                    || (class, what) == ("small", "capital_below_vnd"))
        }
        _ => false,
    }
}

impl Parameters {
    /// The built-in table: Law 23/2012, Law 17/2023, Decree 113/2024 and
    /// Circular 01/2020, confirmed values only.
    pub fn builtin() -> &'static Parameters {
        static P: OnceLock<Parameters> = OnceLock::new();
        P.get_or_init(|| {
            let mut all = Parameters::default();
            for (name, json) in BUILTIN {
                let raw = serde_json::from_str(json).map_err(|e| Error::parameter(*name, e.to_string()));
                match raw.and_then(|raw| Parameters::from_raw(raw, name)) {
                    Ok(p) => all.entries.extend(p.entries),
                    // The built-in files are tested; a broken one is a bug in this crate.
                    Err(e) => panic!("built-in parameter table {name}: {e}"),
                }
            }
            all
        })
    }

    /// Reads a table in the TOML form shown in the module documentation.
    /// Every problem is reported with the entry's index and field.
    #[cfg(feature = "toml")]
    pub fn from_toml_str(text: &str) -> Result<Parameters, Error> {
        let name = "parameters";
        let raw: RawTable =
            toml::from_str(text).map_err(|e| Error::parameter(name, e.message().to_owned()))?;
        Parameters::from_raw(raw, name)
    }

    fn from_raw(raw: RawTable, name: &str) -> Result<Parameters, Error> {
        let mut entries = Vec::with_capacity(raw.parameter.len());
        let mut problems = Vec::new();
        for (i, r) in raw.parameter.into_iter().enumerate() {
            let at = |field: &str| format!("{name}.parameter[{i}].{field}");
            let law = match r.law.as_deref().map(|l| (l, Law::parse(l))) {
                None => None,
                Some((_, Some(l))) => Some(l),
                Some((_, None)) => {
                    let laws = <Law as crate::codes::Code>::codes().join(", ");
                    problems.push(InputError::new(
                        at("law"),
                        Code::InvalidValue,
                        format!("not one of: {laws}"),
                    ));
                    None
                }
            };
            let start = crate::text::parse_date(&r.start);
            if start.is_err() {
                problems.push(InputError::new(
                    at("start"),
                    Code::InvalidDate,
                    "not an ISO date (YYYY-MM-DD)",
                ));
            }
            let end = match r.end.as_deref().map(crate::text::parse_date) {
                None => None,
                Some(Ok(d)) => Some(d),
                Some(Err(_)) => {
                    problems.push(InputError::new(
                        at("end"),
                        Code::InvalidDate,
                        "not an ISO date (YYYY-MM-DD)",
                    ));
                    None
                }
            };
            if r.value < 0 {
                problems.push(InputError::new(
                    at("value"),
                    Code::OutOfRange,
                    "must not be negative",
                ));
            }
            if r.unit == Unit::Percent && r.value > 100 {
                problems.push(InputError::new(
                    at("value"),
                    Code::OutOfRange,
                    "a percentage above 100",
                ));
            }
            if r.id.trim().is_empty() {
                problems.push(InputError::new(at("id"), Code::MissingField, "empty id"));
            } else if !is_read(&r.id) {
                // Never quoted: a misspelt id would otherwise be accepted and
                // never used, and the results would silently rest on the
                // built-in value.
                problems.push(InputError::new(
                    at("id"),
                    Code::InvalidValue,
                    "not a parameter id coopkit reads, so it would never be used (a misspelling?); \
                     the ids are those of Parameters::builtin() and the size-class ids size.d113.<sector>.\
                     <class>.<members|revenue_vnd|capital_vnd> and size.c01.<class>.<members|capital_vnd>",
                ));
            }
            if let (Ok(s), Some(e)) = (&start, end) {
                if e <= *s {
                    problems.push(InputError::new(
                        at("end"),
                        Code::Inconsistent,
                        "must be after start",
                    ));
                }
            }
            if let Ok(start) = start {
                entries.push(Parameter {
                    id: r.id,
                    law,
                    start,
                    end,
                    value: r.value.max(0) as u64,
                    unit: r.unit,
                    citation: r.citation,
                    citation_vi: r.citation_vi,
                    note_vi: r.note_vi,
                    confirmed: r.confirmed,
                    note: r.note,
                });
            }
        }
        for (i, a) in entries.iter().enumerate() {
            for b in &entries[i + 1..] {
                if a.id == b.id && a.law == b.law && overlaps(a, b) {
                    problems.push(InputError::new(
                        name.to_owned(),
                        Code::DuplicateId,
                        format!(
                            "{} has two values in force at once from {}",
                            a.id,
                            b.start.max(a.start)
                        ),
                    ));
                }
            }
        }
        if problems.is_empty() {
            Ok(Parameters { entries })
        } else {
            Err(Error::parameters(name, problems))
        }
    }

    /// This table with `other`'s entries taking precedence wherever they
    /// are in force (same id and law).
    pub fn overlay(&self, other: &Parameters) -> Parameters {
        let mut entries = other.entries.clone();
        entries.extend(self.entries.iter().cloned());
        Parameters { entries }
    }

    /// Every entry.
    pub fn entries(&self) -> &[Parameter] {
        &self.entries
    }

    /// The value of `id` for `law` (or for no law) in force on `date`.
    /// Entries earlier in the table win (so an overlay's entries win).
    pub fn get(&self, id: &str, law: Option<Law>, date: Date) -> Option<&Parameter> {
        asked::note(id);
        self.entries
            .iter()
            .find(|p| p.id == id && p.law == law && p.in_force_on(date))
    }

    /// The value of `id` under `law` on `date`. When `date` lies outside
    /// every period the law's table gives for `id` (a law named explicitly for
    /// a date it was not in force), the nearest version is used: the last one
    /// for later dates, the first one for earlier dates.
    pub fn for_law(&self, id: &str, law: Law, date: Date) -> Option<&Parameter> {
        asked::note(id);
        if let Some(p) = self.get(id, Some(law), date) {
            return Some(p);
        }
        let mut versions = self.entries.iter().filter(|p| p.id == id && p.law == Some(law));
        let first = versions.next()?;
        let (mut earliest, mut latest) = (first, first);
        for p in versions {
            if p.start < earliest.start {
                earliest = p;
            }
            if p.start > latest.start {
                latest = p;
            }
        }
        Some(if date < earliest.start { earliest } else { latest })
    }
}

/// In the crate's own tests, every parameter id asked for is noted, so that a
/// test can hold the ids the code builds (often with `format!`) to the table.
pub(crate) mod asked {
    #[cfg(test)]
    thread_local! {
        static ASKED: std::cell::RefCell<std::collections::BTreeSet<String>> = Default::default();
    }

    /// Notes that `id` was asked for (nothing outside the crate's tests).
    #[inline]
    pub(crate) fn note(_id: &str) {
        #[cfg(test)]
        ASKED.with(|a| {
            a.borrow_mut().insert(_id.to_owned());
        });
    }

    /// Every id asked for on this thread so far.
    #[cfg(test)]
    pub(crate) fn all() -> std::collections::BTreeSet<String> {
        ASKED.with(|a| a.borrow().clone())
    }
}

fn overlaps(a: &Parameter, b: &Parameter) -> bool {
    let a_before_b = a.end.is_some_and(|e| e <= b.start);
    let b_before_a = b.end.is_some_and(|e| e <= a.start);
    !(a_before_b || b_before_a)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn units_are_a_code_list() {
        crate::codes::tests::round_trip::<Unit>();
    }

    #[test]
    fn builtin_tables_load_and_are_all_confirmed() {
        let p = Parameters::builtin();
        assert!(
            p.entries().iter().all(|e| e.confirmed),
            "an unconfirmed value is built in"
        );
        assert!(p.entries().iter().all(|e| !e.citation.trim().is_empty()));
    }

    #[test]
    fn user_table_reports_every_problem_with_its_path() {
        let text = r#"
            [[parameter]]
            id = "members.minimum_age"
            law = "vn-2099"
            start = "2024-13-01"
            value = -1
            unit = "count"
            citation = "c"
        "#;
        let err = Parameters::from_toml_str(text).unwrap_err();
        let paths: Vec<&str> = err.problems().iter().map(|p| p.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "parameters.parameter[0].law",
                "parameters.parameter[0].start",
                "parameters.parameter[0].value"
            ]
        );
        assert!(
            !err.to_string().contains("vn-2099"),
            "a value typed where a code was expected is not echoed"
        );
        let e = err.to_string();
        assert!(e.contains("parameter[0].law"), "{e}");
        assert!(e.contains("parameter[0].start"), "{e}");
        assert!(e.contains("parameter[0].value"), "{e}");
    }

    /// A misspelt id would be accepted and never used, the results resting
    /// silently on the built-in value: it is an error, not quoted. Every id
    /// of the built-in tables and of the example interim table is read.
    #[test]
    fn an_id_no_rule_reads_is_an_error() {
        let text = "[[parameter]]\nid = \"members.minimun_age\"\nstart = \"2024-01-01\"\nvalue = 16\nunit = \"count\"\ncitation = \"c\"";
        let err = Parameters::from_toml_str(text).unwrap_err();
        assert_eq!(err.problems()[0].path, "parameters.parameter[0].id");
        assert!(!err.to_string().contains("minimun"), "{err}");
        assert!(Parameters::builtin().entries().iter().all(|p| is_read(&p.id)));
        for id in [
            "size.d113.trade_services.medium.revenue_vnd",
            "size.c01.large.capital_vnd",
            "governance.full_structure_min_members.cooperative",
            "members.minimum.cooperative_group",
        ] {
            assert!(is_read(id), "{id}");
        }
        for id in [
            "size.d113.fishing.medium.members",
            "members.minimum.company",
            "capital",
            "",
        ] {
            assert!(!is_read(id), "{id}");
        }
    }

    #[test]
    fn overlapping_periods_are_rejected_and_overlay_wins() {
        let two = r#"
            [[parameter]]
            id = "members.minimum_age"
            start = "2024-01-01"
            value = 1
            unit = "count"
            citation = "c"
            [[parameter]]
            id = "members.minimum_age"
            start = "2025-01-01"
            value = 2
            unit = "count"
            citation = "c"
        "#;
        assert!(Parameters::from_toml_str(two).is_err());
        let dated = two.replacen("citation = \"c\"", "citation = \"c\"\nend = \"2025-01-01\"", 1);
        let p = Parameters::from_toml_str(&dated).unwrap();
        assert_eq!(
            p.get("members.minimum_age", None, d("2024-12-31"))
                .map(|p| p.value),
            Some(1)
        );
        assert_eq!(
            p.get("members.minimum_age", None, d("2025-01-01"))
                .map(|p| p.value),
            Some(2)
        );
        assert_eq!(p.get("members.minimum_age", None, d("2023-12-31")), None);
        let user = Parameters::from_toml_str(
            "[[parameter]]\nid = \"members.minimum_age\"\nstart = \"2000-01-01\"\nvalue = 9\nunit = \"count\"\ncitation = \"mine\"",
        )
        .unwrap();
        assert_eq!(
            p.overlay(&user)
                .get("members.minimum_age", None, d("2025-06-01"))
                .map(|p| p.value),
            Some(9)
        );
    }
}
