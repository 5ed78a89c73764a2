//! Indicators over a registry (contract §4), as DHIS2 computes health
//! indicators: each a numerator, a denominator and a unit, at a date,
//! grouped by place and kind, optionally disaggregated by a member
//! attribute, optionally with margins (totals) and disclosure control.
//!
//! ```
//! use coopkit::indicators::{Dimension, IndicatorId, Query};
//! use coopkit::{Cooperative, Kind, Registry, Sector};
//!
//! let mut c = Cooperative::new("c1", "HTX A", Kind::Cooperative, Sector::Agriculture);
//! c.province = Some("51".into());
//! c.summary = Some(coopkit::Summary { members: Some(20), members_female: Some(9), ..Default::default() });
//! let reg = Registry::from_cooperatives(vec![c]).unwrap();
//! let q = Query::new("2024-12-31".parse().unwrap())
//!     .ids([IndicatorId::Members, IndicatorId::MembersFemaleShare])
//!     .by([Dimension::Province]);
//! let t = reg.indicators(&q).unwrap();
//! let share = t.find(IndicatorId::MembersFemaleShare, &[Some("51")]).unwrap();
//! assert_eq!((share.numerator, share.denominator, share.value), (Some(9), Some(20), Some(45.0)));
//! ```
//!
//! What counts, per cooperative, on the date:
//! - a cooperative established after the date is left out of everything;
//! - members are those between `joined` and `left`; with a member list the
//!   counts come from the list, otherwise from the summary;
//! - a count needing an attribute (sex, ethnic group, kind) is taken from a
//!   list only when every current member who is a person (an individual or
//!   a household's representative) has it; otherwise the cooperative is
//!   counted in `not_contributing`. Organisations are neither women nor men,
//!   and a missing ethnic group of an organisation is no gap in the counts;
//!   a recorded one counts (as classification reads it);
//! - `coops_with_minority_member` is what
//!   [`crate::classify::has_minority_member`] says: yes when a current
//!   member's recorded group is not Kinh, unknown when some current member
//!   (person or organisation) has none recorded;
//! - board seats and director posts come from the positions held on the
//!   date, else from the summary (a summary's director counts when
//!   `director_female` is given);
//! - `members_gender_parity` divides women by men (persons) in lists, and by
//!   `members − members_female` in summaries;
//! - `jobs_female` needs a member list (worker members are those who
//!   contribute labour) and the employee counts;
//! - `representation_ratio` is computed over the cooperatives that have
//!   both shares; its numerator and denominator are not counts and are left
//!   empty.
//!
//! Disaggregation splits the member-level indicators
//! ([`IndicatorId::is_member_level`]) into categories ([`categories`]);
//! the other indicators keep only their total row. Counts of cooperatives
//! known only by summary go to the `unknown` category, so the categories of
//! every indicator add up to its total. Every category has a row whenever
//! its indicator does (a known zero is `Some(0)`; a category has no numerator
//! only when, as for the total, no cooperative of the group could
//! contribute), except the individual GSO ethnic codes, listed only when
//! some member has them.

mod categories;
mod classified;
mod disclosure;
mod engine;
mod ids;
mod results;
mod table;
pub mod targets;

pub use categories::categories;
pub use ids::{Dimension, Disaggregation, IndicatorId, Unit, UNKNOWN};
pub use results::{
    classification_columns, findings_columns, progress_columns, targets_columns, women_managed_column,
};
pub use table::{Column, Columns, Row, Table};

use crate::classify::WomenManagedRule;
use crate::law::Parameters;
use crate::model::Date;
use crate::registry::Registry;
use crate::Error;

/// What to compute.
#[derive(Debug, Clone)]
pub struct Query {
    /// The indicators, in output order; `None` for all of them.
    pub ids: Option<Vec<IndicatorId>>,
    /// Grouping dimensions (none: one group, the whole registry).
    pub by: Vec<Dimension>,
    /// The date.
    pub as_of: Date,
    /// Several dates (a trend): the query is computed at each, in this
    /// order, into one table whose rows carry their date; `as_of` is then
    /// not used. See [`Query::at`] and [`year_ends`].
    pub dates: Option<Vec<Date>>,
    /// The rule for "women-managed".
    pub women_managed_rule: WomenManagedRule,
    /// A member attribute to split member-level indicators by.
    pub disaggregate: Option<Disaggregation>,
    /// Add margin rows: totals over every subset of the grouping dimensions
    /// (the dimension's value is `None` in a total).
    pub totals: bool,
    /// Minimum cell size for publishing (see [`Table::suppress`]).
    pub min_cell: Option<u32>,
    /// Parameter table for size classes (the built-in one if `None`).
    pub parameters: Option<Parameters>,
    /// A table of administrative units: rows grouped by province, district
    /// or commune then carry the units' names (`province_name`, ...), of
    /// the units valid on each row's date.
    pub units: Option<crate::units::Units>,
}

impl Query {
    /// All indicators, ungrouped, on `as_of`, under the default rule.
    pub fn new(as_of: Date) -> Self {
        Query {
            ids: None,
            by: Vec::new(),
            as_of,
            dates: None,
            women_managed_rule: WomenManagedRule::default(),
            disaggregate: None,
            totals: false,
            min_cell: None,
            parameters: None,
            units: None,
        }
    }

    /// Name the location codes with the units of `units`.
    pub fn units(mut self, units: crate::units::Units) -> Self {
        self.units = Some(units);
        self
    }

    /// At each of these dates, into one table (a trend); see [`year_ends`]
    /// for every 31 December between two years.
    pub fn at(mut self, dates: impl IntoIterator<Item = Date>) -> Self {
        let dates: Vec<Date> = dates.into_iter().collect();
        if let Some(&first) = dates.first() {
            self.as_of = first;
        }
        self.dates = Some(dates);
        self
    }

    /// Only these indicators.
    pub fn ids(mut self, ids: impl IntoIterator<Item = IndicatorId>) -> Self {
        self.ids = Some(ids.into_iter().collect());
        self
    }

    /// Group by these dimensions.
    pub fn by(mut self, by: impl IntoIterator<Item = Dimension>) -> Self {
        self.by = by.into_iter().collect();
        self
    }

    /// Use this women-managed rule.
    pub fn rule(mut self, rule: WomenManagedRule) -> Self {
        self.women_managed_rule = rule;
        self
    }

    /// Split member-level indicators by `d`.
    pub fn disaggregate(mut self, d: Disaggregation) -> Self {
        self.disaggregate = Some(d);
        self
    }

    /// Add margin rows.
    pub fn with_totals(mut self) -> Self {
        self.totals = true;
        self
    }

    /// Suppress counts below `k`.
    pub fn min_cell(mut self, k: u32) -> Self {
        self.min_cell = Some(k);
        self
    }

    /// Parses indicator ids and dimension names of the contract, reporting
    /// every unknown name (`ids[2]`, `by[0]`).
    pub fn from_names(as_of: Date, ids: Option<&[&str]>, by: &[&str]) -> Result<Self, Error> {
        let mut errors = Vec::new();
        let mut q = Query::new(as_of);
        if let Some(ids) = ids {
            let mut v = Vec::new();
            for (i, s) in ids.iter().enumerate() {
                match IndicatorId::parse(s) {
                    Some(id) => v.push(id),
                    None => errors.push(format!(
                        "ids[{i}]: not one of: {}",
                        <IndicatorId as crate::Code>::codes().join(", ")
                    )),
                }
            }
            q.ids = Some(v);
        }
        for (i, s) in by.iter().enumerate() {
            match Dimension::parse(s) {
                Some(d) => q.by.push(d),
                None => errors.push(format!(
                    "by[{i}]: not one of: {}",
                    <Dimension as crate::Code>::codes().join(", ")
                )),
            }
        }
        if errors.is_empty() {
            Ok(q)
        } else {
            Err(Error::parameter("query", errors.join("; ")))
        }
    }
}

/// Each row's location codes named with the units valid on its date.
fn name_locations(table: &mut Table, units: &crate::units::Units) {
    use crate::units::Level;
    let level = |d: Dimension| match d {
        Dimension::Province => Some(Level::Province),
        Dimension::District => Some(Level::District),
        Dimension::Commune => Some(Level::Commune),
        _ => None,
    };
    let as_of = table.as_of;
    for r in &mut table.rows {
        let on = r.as_of.unwrap_or(as_of);
        r.names = r
            .group
            .iter()
            .filter_map(|(d, code)| {
                let l = level(*d)?;
                Some((
                    *d,
                    code.as_deref()
                        .and_then(|c| units.name(l, c, on))
                        .map(str::to_owned),
                ))
            })
            .collect();
    }
}

/// The most dates one query may ask for: a century of year ends and more.
pub const MAX_DATES: usize = 1000;

/// Every 31 December from `first` to `last` (inclusive), for a trend:
/// `year_ends(2020, 2026)` is seven dates. An empty or reversed span, or one
/// of more than [`MAX_DATES`] years, is an error at `years`.
///
/// ```
/// let d = coopkit::indicators::year_ends(2020, 2022).unwrap();
/// assert_eq!(d.iter().map(|d| d.to_string()).collect::<Vec<_>>(), ["2020-12-31", "2021-12-31", "2022-12-31"]);
/// ```
pub fn year_ends(first: i32, last: i32) -> Result<Vec<Date>, Error> {
    if last < first {
        return Err(Error::parameter("years", "the last year is before the first"));
    }
    if (last - first) as usize >= MAX_DATES {
        return Err(Error::parameter(
            "years",
            format!("at most {MAX_DATES} years in one query"),
        ));
    }
    (first..=last)
        .map(|y| {
            Date::from_ymd_opt(y, 12, 31).ok_or_else(|| Error::parameter("years", "a year out of range"))
        })
        .collect()
}

impl Registry {
    /// Computes the indicators of `query`: at `query.as_of`, or at each of
    /// `query.dates` into one table whose rows carry their date (the same
    /// rows, in the same order, as a query at each date alone).
    pub fn indicators(&self, query: &Query) -> Result<Table, Error> {
        let mut table = self.indicators_unnamed(query)?;
        if let Some(units) = &query.units {
            name_locations(&mut table, units);
        }
        Ok(table)
    }

    fn indicators_unnamed(&self, query: &Query) -> Result<Table, Error> {
        let Some(dates) = &query.dates else {
            return engine::run(self, query);
        };
        let Some((&first, rest)) = dates.split_first() else {
            return Err(Error::parameter("dates", "give at least one date"));
        };
        if dates.len() > MAX_DATES {
            return Err(Error::parameter(
                "dates",
                format!("at most {MAX_DATES} dates in one query"),
            ));
        }
        let mut one = query.clone();
        one.dates = None;
        let mut at = |d: Date| -> Result<Table, Error> {
            one.as_of = d;
            let mut t = engine::run(self, &one)?;
            for r in &mut t.rows {
                r.as_of = Some(d);
            }
            Ok(t)
        };
        let mut table = at(first)?;
        for &d in rest {
            table.rows.append(&mut at(d)?.rows);
        }
        table.dates = Some(dates.clone());
        Ok(table)
    }
}
