//! The result of a query: rows of numerator, denominator and value, as flat
//! JSON objects or as columns (for data frames and Arrow).

use super::ids::{Dimension, Disaggregation, IndicatorId, Unit};
use crate::classify::WomenManagedRule;
use crate::law::Message;
use crate::model::Date;
use serde::ser::{SerializeMap, SerializeStruct, Serializer};
use serde::Serialize;

/// One indicator in one group (and category, when disaggregated).
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The date of the row, in a table over several dates (`None` in a
    /// table of one date, whose date is [`Table::as_of`]).
    pub as_of: Option<Date>,
    /// The group: each dimension of the query with its value; `None` is the
    /// total over that dimension (rows of margins).
    pub group: Vec<(Dimension, Option<String>)>,
    /// The Vietnamese names of the row's location codes (province,
    /// district, commune), when the query gave a unit table: `None` for a
    /// code the table has no unit for on the row's date.
    pub names: Vec<(Dimension, Option<String>)>,
    /// The category of a disaggregated row; `None` for the total of all
    /// categories.
    pub disaggregation: Option<(Disaggregation, String)>,
    /// Which indicator.
    pub indicator: IndicatorId,
    /// Sum of the contributing cooperatives' numerators (the count itself
    /// for counts). `None` when no cooperative contributed, or suppressed.
    pub numerator: Option<u64>,
    /// Sum of their denominators (shares and ratios only).
    pub denominator: Option<u64>,
    /// The value: the count, numerator ÷ denominator × 100 for percentages,
    /// numerator ÷ denominator for ratios. Never NaN: `None` with a reason.
    pub value: Option<f64>,
    /// Unit of `value`.
    pub unit: Unit,
    /// Cooperatives in the group that had the data.
    pub contributing: u64,
    /// Cooperatives in the group that lacked the data (board seats unknown,
    /// sex of some members unknown, ...).
    pub not_contributing: u64,
    /// Why there is no value, or why it is suppressed.
    pub reason: Option<Message>,
    /// Hidden by disclosure control.
    pub suppressed: bool,
}

impl Row {
    /// The value of `dim` in this row's group (`None` for a total over it,
    /// or when the table is not grouped by `dim`).
    pub fn group_value(&self, dim: Dimension) -> Option<&str> {
        self.group
            .iter()
            .find(|(d, _)| *d == dim)
            .and_then(|(_, v)| v.as_deref())
    }

    /// The category of a disaggregated row.
    pub fn category(&self) -> Option<&str> {
        self.disaggregation.as_ref().map(|(_, c)| c.as_str())
    }
}

impl Serialize for Row {
    /// A flat object: `as_of` in a table over several dates, one key per
    /// grouping dimension, then `disaggregation`,
    /// `category`, `indicator`, `numerator`, `denominator`, `value`, `unit`,
    /// `contributing`, `not_contributing`, `reason` (English), `reason_vi`
    /// and `suppressed`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        if let Some(d) = &self.as_of {
            m.serialize_entry("as_of", d)?;
        }
        for (d, v) in &self.group {
            m.serialize_entry(d.as_str(), v)?;
            if let Some((_, name)) = self.names.iter().find(|(n, _)| n == d) {
                m.serialize_entry(name_column(*d), name)?;
            }
        }
        m.serialize_entry("disaggregation", &self.disaggregation.as_ref().map(|(d, _)| d))?;
        m.serialize_entry("category", &self.category())?;
        m.serialize_entry("indicator", &self.indicator)?;
        m.serialize_entry("numerator", &self.numerator)?;
        m.serialize_entry("denominator", &self.denominator)?;
        m.serialize_entry("value", &self.value)?;
        m.serialize_entry("unit", &self.unit)?;
        m.serialize_entry("contributing", &self.contributing)?;
        m.serialize_entry("not_contributing", &self.not_contributing)?;
        m.serialize_entry("reason", &self.reason.as_ref().map(|r| &r.en))?;
        m.serialize_entry("reason_vi", &self.reason.as_ref().map(|r| &r.vi))?;
        m.serialize_entry("suppressed", &self.suppressed)?;
        m.end()
    }
}

/// The column of a location dimension's names: `province_name`, ...
pub fn name_column(d: Dimension) -> &'static str {
    match d {
        Dimension::Province => "province_name",
        Dimension::District => "district_name",
        Dimension::Commune => "commune_name",
        _ => "name",
    }
}

/// The rows of one query, with what they were computed for.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The date (the first date of a table over several dates).
    pub as_of: Date,
    /// The dates of a table over several dates, in the order asked; each
    /// row carries its own. `None` for a table of one date.
    pub dates: Option<Vec<Date>>,
    /// The women-managed rule used.
    pub women_managed_rule: WomenManagedRule,
    /// The grouping dimensions, in order.
    pub by: Vec<Dimension>,
    /// The disaggregation, if any.
    pub disaggregate: Option<Disaggregation>,
    /// The minimum cell size applied, if any.
    pub min_cell: Option<u32>,
    /// Rows: for each group (sorted by its values), each indicator in the
    /// order asked, its total row then its category rows.
    pub rows: Vec<Row>,
}

impl Serialize for Table {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut t = s.serialize_struct("Table", 7)?;
        t.serialize_field("as_of", &self.as_of)?;
        t.serialize_field("dates", &self.dates)?;
        t.serialize_field("women_managed_rule", &self.women_managed_rule)?;
        t.serialize_field("by", &self.by)?;
        t.serialize_field("disaggregate", &self.disaggregate)?;
        t.serialize_field("min_cell", &self.min_cell)?;
        t.serialize_field("rows", &self.rows)?;
        t.end()
    }
}

/// A table as one vector per field, for data frames and Arrow.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Columns {
    /// The date of each row, in a table over several dates (`None` for a
    /// table of one date: then there is no such column).
    pub as_of: Option<Vec<Date>>,
    /// One column per grouping dimension (`None`: total over it).
    pub group: Vec<(Dimension, Vec<Option<String>>)>,
    /// The names of the location dimensions' codes, when the query gave a
    /// unit table.
    pub names: Vec<(Dimension, Vec<Option<String>>)>,
    /// The disaggregation of each row (`None` for total rows).
    pub disaggregation: Vec<Option<&'static str>>,
    /// The category of each row.
    pub category: Vec<Option<String>>,
    /// Indicator ids.
    pub indicator: Vec<&'static str>,
    /// Numerators.
    pub numerator: Vec<Option<u64>>,
    /// Denominators.
    pub denominator: Vec<Option<u64>>,
    /// Values.
    pub value: Vec<Option<f64>>,
    /// Units.
    pub unit: Vec<&'static str>,
    /// Contributing cooperatives.
    pub contributing: Vec<u64>,
    /// Cooperatives lacking the data.
    pub not_contributing: Vec<u64>,
    /// Reasons, in English.
    pub reason: Vec<Option<String>>,
    /// Reasons, in Vietnamese.
    pub reason_vi: Vec<Option<String>>,
    /// Suppressed by disclosure control.
    pub suppressed: Vec<bool>,
}

pub use crate::io::Column;

impl Columns {
    /// The columns with their names, in the order a table shows them:
    /// `as_of` (a table over several dates only), the `by` dimensions, then `disaggregation`, `category`, `indicator`,
    /// `numerator`, `denominator`, `value`, `unit`, `contributing`,
    /// `not_contributing`, `reason`, `reason_vi`, `suppressed`. A binding
    /// builds its data frame from this list and names nothing itself.
    pub fn named(self) -> Vec<(&'static str, Column)> {
        let some = |v: Vec<&'static str>| Column::Code(v.into_iter().map(Some).collect());
        let counts = |v: Vec<u64>| Column::Count(v.into_iter().map(Some).collect());
        let mut out: Vec<(&'static str, Column)> = Vec::new();
        if let Some(dates) = self.as_of {
            out.push(("as_of", Column::Date(dates.into_iter().map(Some).collect())));
        }
        let mut names = self.names;
        for (d, v) in self.group {
            out.push((d.as_str(), Column::Text(v)));
            if let Some(k) = names.iter().position(|(n, _)| *n == d) {
                out.push((name_column(d), Column::Text(names.swap_remove(k).1)));
            }
        }
        out.extend([
            ("disaggregation", Column::Code(self.disaggregation)),
            ("category", Column::Text(self.category)),
            ("indicator", some(self.indicator)),
            ("numerator", Column::Count(self.numerator)),
            ("denominator", Column::Count(self.denominator)),
            ("value", Column::Number(self.value)),
            ("unit", some(self.unit)),
            ("contributing", counts(self.contributing)),
            ("not_contributing", counts(self.not_contributing)),
            ("reason", Column::Text(self.reason)),
            ("reason_vi", Column::Text(self.reason_vi)),
            ("suppressed", Column::Flag(self.suppressed)),
        ]);
        out
    }
}

impl Table {
    /// The rows as columns.
    pub fn columns(&self) -> Columns {
        let mut c = Columns {
            group: self
                .by
                .iter()
                .map(|&d| (d, Vec::with_capacity(self.rows.len())))
                .collect(),
            as_of: self.dates.as_ref().map(|_| Vec::with_capacity(self.rows.len())),
            names: self
                .rows
                .first()
                .map(|r| {
                    r.names
                        .iter()
                        .map(|(d, _)| (*d, Vec::with_capacity(self.rows.len())))
                        .collect()
                })
                .unwrap_or_default(),
            ..Columns::default()
        };
        for r in &self.rows {
            if let Some(dates) = &mut c.as_of {
                dates.push(r.as_of.unwrap_or(self.as_of));
            }
            for (j, (_, v)) in r.group.iter().enumerate() {
                c.group[j].1.push(v.clone());
            }
            for (j, (_, v)) in r.names.iter().enumerate() {
                if let Some(col) = c.names.get_mut(j) {
                    col.1.push(v.clone());
                }
            }
            c.disaggregation
                .push(r.disaggregation.as_ref().map(|(d, _)| d.as_str()));
            c.category.push(r.category().map(str::to_string));
            c.indicator.push(r.indicator.as_str());
            c.numerator.push(r.numerator);
            c.denominator.push(r.denominator);
            c.value.push(r.value);
            c.unit.push(r.unit.as_str());
            c.contributing.push(r.contributing);
            c.not_contributing.push(r.not_contributing);
            c.reason.push(r.reason.as_ref().map(|m| m.en.clone()));
            c.reason_vi.push(r.reason.as_ref().map(|m| m.vi.clone()));
            c.suppressed.push(r.suppressed);
        }
        c
    }

    /// The table as JSON text.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The total row (no category) of `indicator` in the group with these
    /// values (in the order of [`Table::by`]; `None` for a margin).
    pub fn find(&self, indicator: IndicatorId, group: &[Option<&str>]) -> Option<&Row> {
        self.rows.iter().find(|r| {
            r.indicator == indicator
                && r.disaggregation.is_none()
                && r.group.len() == group.len()
                && r.group.iter().zip(group).all(|((_, v), g)| v.as_deref() == *g)
        })
    }

    /// As [`Table::find`], among the rows of `date` in a table over several
    /// dates.
    pub fn find_on(&self, date: Date, indicator: IndicatorId, group: &[Option<&str>]) -> Option<&Row> {
        self.rows.iter().find(|r| {
            r.as_of == Some(date)
                && r.indicator == indicator
                && r.disaggregation.is_none()
                && r.group.len() == group.len()
                && r.group.iter().zip(group).all(|((_, v), g)| v.as_deref() == *g)
        })
    }

    /// The row of `indicator` in category `category` of the group.
    pub fn find_category(
        &self,
        indicator: IndicatorId,
        group: &[Option<&str>],
        category: &str,
    ) -> Option<&Row> {
        self.rows.iter().find(|r| {
            r.indicator == indicator
                && r.category() == Some(category)
                && r.group.len() == group.len()
                && r.group.iter().zip(group).all(|((_, v), g)| v.as_deref() == *g)
        })
    }
}
