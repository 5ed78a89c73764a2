//! The registry and results as named, typed columns: what a binding turns
//! into a data frame, so that it names no column and types none itself.

use super::write::{csv_headers, registry_to_csv};
use crate::model::Date;
use crate::registry::Registry;

/// One typed column of a table a binding turns into a data frame: the
/// registry's tables ([`registry_frames`]), indicator tables
/// ([`crate::indicators::Columns::named`]) and result tables
/// ([`crate::indicators::findings_columns`] and the like).
#[derive(Debug, Clone, PartialEq)]
pub enum Column {
    /// Text, `None` where absent.
    Text(Vec<Option<String>>),
    /// Codes, `None` where absent.
    Code(Vec<Option<&'static str>>),
    /// Whole numbers, `None` where absent.
    Count(Vec<Option<u64>>),
    /// Numbers, `None` where there is no value.
    Number(Vec<Option<f64>>),
    /// Yes/no, never absent.
    Flag(Vec<bool>),
    /// Yes, no, or `None` where unknown.
    Truth(Vec<Option<bool>>),
    /// Dates, `None` where absent.
    Date(Vec<Option<Date>>),
}

impl Column {
    /// The kind of the column, for a binding's data-frame types: `text`,
    /// `code`, `count`, `number`, `flag`, `truth` or `date`.
    pub fn kind(&self) -> &'static str {
        match self {
            Column::Text(_) => "text",
            Column::Code(_) => "code",
            Column::Count(_) => "count",
            Column::Number(_) => "number",
            Column::Flag(_) => "flag",
            Column::Truth(_) => "truth",
            Column::Date(_) => "date",
        }
    }

    /// How many rows it has.
    pub fn len(&self) -> usize {
        match self {
            Column::Text(v) => v.len(),
            Column::Code(v) => v.len(),
            Column::Count(v) => v.len(),
            Column::Number(v) => v.len(),
            Column::Flag(v) => v.len(),
            Column::Truth(v) => v.len(),
            Column::Date(v) => v.len(),
        }
    }

    /// It has no rows.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A registry's three tables, each as named columns: the CSV folder form
/// (the same columns, in the same order, the same values as
/// [`super::registry_to_csv`] writes) with each column typed: amounts,
/// years and counts as counts, dates as dates, yes/no as truth values,
/// everything else as text. [`super::registry_from_tables`] reads them
/// back to an equal registry.
#[derive(Debug, Clone, PartialEq)]
pub struct RegistryFrames {
    /// One row per cooperative.
    pub cooperatives: Vec<(&'static str, Column)>,
    /// One row per listed member, with `cooperative_id`.
    pub members: Vec<(&'static str, Column)>,
    /// One row per listed position, with `cooperative_id`.
    pub positions: Vec<(&'static str, Column)>,
}

/// The registry as [`RegistryFrames`].
pub fn registry_frames(registry: &Registry) -> RegistryFrames {
    let (c, m, p) = registry_to_csv(registry);
    let [coops, members, positions] = csv_headers();
    RegistryFrames {
        cooperatives: typed(&c, &coops),
        members: typed(&m, &members),
        positions: typed(&p, &positions),
    }
}

/// How a column of the CSV form is typed.
fn kind(name: &str) -> &'static str {
    const DATES: &[&str] = &[
        "established",
        "dissolved",
        "birth_date",
        "joined",
        "left",
        "start",
        "end",
    ];
    if DATES.contains(&name) {
        "date"
    } else if super::decode::fields::YES_NO_COLUMNS.contains(&name) {
        "truth"
    } else if name.ends_with("_vnd")
        || name.ends_with("_year")
        || name.starts_with("employees_")
        || name.starts_with("summary_")
    {
        "count"
    } else {
        "text"
    }
}

/// The CSV text written by [`registry_to_csv`] as typed columns. Every cell
/// was written by this crate, so it parses as its column's kind.
fn typed(csv_text: &str, names: &[&'static str]) -> Vec<(&'static str, Column)> {
    let mut cells: Vec<Vec<String>> = vec![Vec::new(); names.len()];
    let mut reader = ::csv::ReaderBuilder::new().from_reader(csv_text.as_bytes());
    for record in reader.records().flatten() {
        for (column, cell) in cells.iter_mut().zip(record.iter()) {
            column.push(cell.to_owned());
        }
    }
    names
        .iter()
        .zip(cells)
        .map(|(name, v)| {
            fn some(s: &str) -> Option<&str> {
                (!s.is_empty()).then_some(s)
            }
            let column = match kind(name) {
                "date" => Column::Date(
                    v.iter()
                        .map(|s| some(s).and_then(|s| s.parse::<Date>().ok()))
                        .collect(),
                ),
                "truth" => Column::Truth(v.iter().map(|s| some(s).map(|s| s == "true")).collect()),
                "count" => Column::Count(
                    v.iter()
                        .map(|s| some(s).and_then(|s| s.parse::<u64>().ok()))
                        .collect(),
                ),
                _ => Column::Text(v.into_iter().map(|s| (!s.is_empty()).then_some(s)).collect()),
            };
            (*name, column)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::{registry_from_tables, Cell, RowTable};

    /// The typed frames hold exactly what the CSV form holds: read back as
    /// tables, they give the same registry.
    #[test]
    fn the_frames_read_back_to_the_same_registry() {
        let json = include_str!("../../../../examples/data/quang-ngai-2024.json");
        let reg = crate::io::registry_from_json(json).unwrap();
        let frames = registry_frames(&reg);
        let table = |cols: &[(&'static str, Column)]| -> (Vec<String>, Vec<Vec<String>>) {
            let names: Vec<String> = cols.iter().map(|(n, _)| (*n).to_string()).collect();
            let n = cols.first().map_or(0, |c| c.1.len());
            let rows = (0..n)
                .map(|i| {
                    cols.iter()
                        .map(|(_, c)| match c {
                            Column::Text(v) => v[i].clone().unwrap_or_default(),
                            Column::Count(v) => v[i].map(|x| x.to_string()).unwrap_or_default(),
                            Column::Truth(v) => v[i].map(|x| x.to_string()).unwrap_or_default(),
                            Column::Date(v) => v[i].map(|x| x.to_string()).unwrap_or_default(),
                            other => panic!("unexpected column kind {}", other.kind()),
                        })
                        .collect()
                })
                .collect();
            (names, rows)
        };
        let (c, m, p) = (
            table(&frames.cooperatives),
            table(&frames.members),
            table(&frames.positions),
        );
        fn as_table((names, rows): &(Vec<String>, Vec<Vec<String>>)) -> RowTable<'_> {
            fn cell(s: &str) -> Cell<'_> {
                if s.is_empty() {
                    Cell::Null
                } else {
                    Cell::Text(s)
                }
            }
            RowTable {
                columns: names.clone(),
                rows: rows.iter().map(|r| r.iter().map(|s| cell(s)).collect()).collect(),
            }
        }
        let back = registry_from_tables(&as_table(&c), Some(&as_table(&m)), Some(&as_table(&p))).unwrap();
        assert_eq!(back.len(), reg.len());
        for i in 0..reg.len() {
            assert_eq!(back.get(i), reg.get(i));
        }
        // Typed, not text: a birth date is a date, capital a count.
        let kind_of =
            |cols: &[(&'static str, Column)], name: &str| cols.iter().find(|c| c.0 == name).unwrap().1.kind();
        assert_eq!(kind_of(&frames.members, "birth_date"), "date");
        assert_eq!(kind_of(&frames.members, "capital_vnd"), "count");
        assert_eq!(kind_of(&frames.cooperatives, "summary_chair_female"), "truth");
        assert_eq!(kind_of(&frames.cooperatives, "summary_members"), "count");
    }
}
