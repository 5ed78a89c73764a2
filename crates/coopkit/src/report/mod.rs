//! The province report, built once as data and rendered as text, as one
//! self-contained HTML file, or as an Excel workbook.
//!
//! [`Registry::report`] computes everything a women's union reports on a
//! date: the contract's indicators for each province, progress towards the
//! 2030 programme's targets, each cooperative checked against the law in
//! force and classified, and what in the results rests on confirmed law. The
//! result, a [`Report`], is plain data (sections of tables, findings, charts
//! and notes, every word already in the chosen language, every number
//! written the way that language writes it), so that the terminal text
//! ([`Report::to_text`]), the HTML page ([`Report::to_html`]), the Python
//! package and the web page show the same figures. A caller may add its own
//! sections (the Quảng Ngãi example adds the five published figures).
//!
//! ```
//! use coopkit::report::ReportOptions;
//! use coopkit::{Date, Lang};
//! let registry = coopkit::io::registry_from_json(r#"{"cooperatives": [{"id": "c1",
//!     "name": "HTX Lúa", "kind": "cooperative", "sector": "agriculture", "province": "51",
//!     "summary": {"members": 12, "members_female": 7}}]}"#).unwrap();
//! let as_of: Date = "2025-01-01".parse().unwrap();
//! let report = registry.report(&ReportOptions::new(as_of).lang(Lang::Vi)).unwrap();
//! let text = report.to_text(96);
//! assert!(text.starts_with("Tỉnh Quảng Ngãi: hợp tác xã do phụ nữ tham gia quản lý"));
//! assert!(text.contains("Tỷ lệ nữ trong thành viên"));
//! assert!(report.to_html().starts_with("<!DOCTYPE html>"));
//! ```

mod cooperatives;
mod figures;
mod html;
mod text;
mod words;
#[cfg(feature = "excel")]
mod workbook;

pub use words::{fraction, value, Words};

use crate::codes::UnitKind;
use crate::indicators::Table as IndicatorTable;
use crate::law::CheckReport;
use crate::params::Parameters;
use crate::text::{capitalise, Lang};
use crate::units::{Level, Units};
use crate::{Classification, Cooperative, Date, Kind, LawChoice, Registry, Status, WomenManagedRule};
use serde::Serialize;

/// What a report is computed for, and how it is written.
#[derive(Debug, Clone)]
pub struct ReportOptions {
    /// The date of the report.
    pub as_of: Date,
    /// The law the cooperatives are checked against (default: the law in
    /// force on the date).
    pub law: LawChoice,
    /// The language of every word (default Vietnamese).
    pub lang: Lang,
    /// The rule that decides which cooperatives are managed by women.
    pub rule: WomenManagedRule,
    /// The parameter table of the checks and classifications.
    pub params: Parameters,
    /// The administrative units whose names are shown beside codes.
    pub units: Units,
    /// The report's title; default: from the province, when the data is of one.
    pub title: Option<String>,
    /// Where the data came from (a file name), shown in the header.
    pub source: Option<String>,
    /// Said after the date in the header, for example `(ngày hội thảo)`.
    pub as_of_note: Option<String>,
    /// Notes put first in the closing section.
    pub notes: Vec<String>,
}

impl ReportOptions {
    /// A report on `as_of`, in Vietnamese, under the law in force on that
    /// date, the built-in parameters and units, and the default
    /// women-managed rule.
    pub fn new(as_of: Date) -> Self {
        ReportOptions {
            as_of,
            law: LawChoice::Auto,
            lang: Lang::Vi,
            rule: WomenManagedRule::default(),
            params: Parameters::builtin().clone(),
            units: Units::builtin(),
            title: None,
            source: None,
            as_of_note: None,
            notes: Vec::new(),
        }
    }

    /// The language of the report.
    pub fn lang(mut self, lang: Lang) -> Self {
        self.lang = lang;
        self
    }

    /// The law to check against.
    pub fn law(mut self, law: LawChoice) -> Self {
        self.law = law;
        self
    }

    /// The women-managed rule.
    pub fn rule(mut self, rule: WomenManagedRule) -> Self {
        self.rule = rule;
        self
    }

    /// The parameter table (for example the built-in one with a user's laid over it).
    pub fn params(mut self, params: Parameters) -> Self {
        self.params = params;
        self
    }

    /// The unit table.
    pub fn units(mut self, units: Units) -> Self {
        self.units = units;
        self
    }

    /// The title.
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Where the data came from.
    pub fn source(mut self, source: impl Into<String>) -> Self {
        self.source = Some(source.into());
        self
    }

    /// A note after the date in the header.
    pub fn as_of_note(mut self, note: impl Into<String>) -> Self {
        self.as_of_note = Some(note.into());
        self
    }

    /// A note put first in the closing section.
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }
}

/// A report: a title, the facts it is computed from, and its sections.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// `vi` or `en`.
    pub lang: Lang,
    /// The title.
    pub title: String,
    /// What the report is computed from: (label, value), for example
    /// (`Tính đến ngày`, `16/10/2024`).
    pub facts: Vec<(String, String)>,
    /// The sections, in order.
    pub sections: Vec<Section>,
    /// The tables behind the workbook (not part of the report's data).
    #[serde(skip)]
    #[cfg_attr(not(feature = "excel"), allow(dead_code))]
    pub(crate) basis: Basis,
}

/// What the workbook is written from.
#[derive(Debug, Clone, Default)]
#[cfg_attr(not(feature = "excel"), allow(dead_code))]
pub(crate) struct Basis {
    pub indicators: Option<IndicatorTable>,
    /// Every cooperative's id, name, findings and classification.
    pub assessed: Vec<(String, String, CheckReport, Classification)>,
    /// The women-managed rule of the report.
    pub rule: WomenManagedRule,
}

/// A section: a heading and what is under it.
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    /// A stable name (`indicators`, `programme`, `cooperatives`, `notes`),
    /// the anchor of the section in HTML.
    pub id: String,
    /// Its number, when it has one (`2`, `1b`).
    pub number: Option<String>,
    /// The heading, in the report's language.
    pub title: String,
    /// What it holds, in order.
    pub blocks: Vec<Block>,
}

impl Section {
    /// A numbered section (numbers are given by [`Report::renumber`]).
    pub fn new(id: impl Into<String>, title: impl Into<String>) -> Self {
        Section {
            id: id.into(),
            number: Some(String::new()),
            title: title.into(),
            blocks: Vec::new(),
        }
    }

    /// The heading as shown: `2. Các chỉ tiêu của tỉnh`.
    pub fn heading(&self) -> String {
        match self.number.as_deref() {
            Some(n) if !n.is_empty() => format!("{n}. {}", self.title),
            _ => self.title.clone(),
        }
    }

    /// Adds a block.
    pub fn push(&mut self, block: Block) {
        self.blocks.push(block);
    }
}

/// One piece of a section.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// Prose, wrapped to the width.
    Paragraph {
        /// The text.
        text: String,
    },
    /// A short heading over what follows (`Theo lĩnh vực:`).
    Label {
        /// The text.
        text: String,
    },
    /// One line, not wrapped (`Tỉnh Quảng Ngãi (mã 51):`).
    Line {
        /// The text.
        text: String,
    },
    /// A blank line in text; nothing in HTML.
    Space,
    /// A table.
    Table(Table),
    /// A list of items.
    List {
        /// How it is set out.
        style: ListStyle,
        /// Its items.
        items: Vec<String>,
    },
    /// A target of the programme: what it asks, one line per due date, and
    /// what it is measured by or why it cannot be.
    Target {
        /// Its number in the section (the charts' labels name it).
        number: usize,
        /// What the target asks.
        description: String,
        /// One line per due date, with what is achieved.
        lines: Vec<String>,
        /// What it is measured by, or why it cannot be.
        note: Option<String>,
    },
    /// The findings of one cooperative that failed or could not be assessed.
    Findings {
        /// The cooperative's id and name.
        heading: String,
        /// Its findings.
        items: Vec<FindingItem>,
    },
    /// A bar chart.
    Chart(Chart),
}

/// How a list is set out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ListStyle {
    /// Bullets (`- `): the closing notes.
    Bullets,
    /// Remarks on the table above (`  — `): why values are missing.
    Remarks,
    /// Indented lines (a legend).
    Legend,
}

/// A finding as the report shows it.
#[derive(Debug, Clone, Serialize)]
pub struct FindingItem {
    /// `fail` or `not_assessable`.
    pub status: Status,
    /// The rule, with what was measured and required.
    pub text: String,
    /// The citation in the report's language.
    pub citation: String,
    /// The message in the report's language.
    pub message: String,
}

impl FindingItem {
    /// Its mark: `✗` failed, `?` not assessable.
    pub fn mark(&self) -> &'static str {
        if self.status == Status::Fail {
            "✗"
        } else {
            "?"
        }
    }
}

/// A table of text cells (numbers already written in the language).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Table {
    /// Column headings.
    pub header: Vec<String>,
    /// For each column, whether it holds numbers (aligned right).
    pub numeric: Vec<bool>,
    /// The rows.
    pub rows: Vec<TableRow>,
}

/// A row of a table.
#[derive(Debug, Clone, Serialize)]
pub struct TableRow {
    /// Its cells (fewer than the columns: the rest are empty).
    pub cells: Vec<String>,
    /// A row that heads the rows under it (its first cell spans the table).
    pub group: bool,
}

impl Table {
    /// A table with these headings; a heading starting with `>` is a column
    /// of numbers (the `>` is not shown).
    pub fn new<S: AsRef<str>>(header: &[S]) -> Self {
        Table {
            numeric: header.iter().map(|h| h.as_ref().starts_with('>')).collect(),
            header: header
                .iter()
                .map(|h| h.as_ref().trim_start_matches('>').to_string())
                .collect(),
            rows: Vec::new(),
        }
    }

    /// Adds a row.
    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(TableRow { cells, group: false });
    }

    /// Adds a row that heads the rows under it.
    pub fn group(&mut self, text: impl Into<String>) {
        self.rows.push(TableRow {
            cells: vec![text.into()],
            group: true,
        });
    }
}

/// A horizontal bar chart, one or more series.
#[derive(Debug, Clone, Serialize)]
pub struct Chart {
    /// Its title.
    pub title: String,
    /// The name of each series (for example members, board seats).
    pub series: Vec<String>,
    /// One bar group per label.
    pub bars: Vec<Bar>,
    /// The value at the end of the scale (100 for shares).
    pub max: f64,
    /// Grid lines: value and label (`50 %`).
    pub ticks: Vec<(f64, String)>,
    /// A reference line (a target) with its label.
    pub marker: Option<(f64, String)>,
}

impl Chart {
    /// A chart of shares in percent: the scale from 0 to 100 %, a grid line
    /// every 25 %.
    pub fn shares(title: impl Into<String>, series: Vec<String>, bars: Vec<Bar>) -> Chart {
        Chart {
            title: title.into(),
            series,
            bars,
            max: 100.0,
            ticks: [0, 25, 50, 75, 100]
                .map(|t| (f64::from(t), format!("{t} %")))
                .to_vec(),
            marker: None,
        }
    }

    /// A chart of counts: the scale from 0 to a round number at or above
    /// the largest value, five grid lines written in `lang`.
    pub fn counts(title: impl Into<String>, series: Vec<String>, bars: Vec<Bar>, lang: Lang) -> Chart {
        let top = bars
            .iter()
            .flat_map(|b| b.values.iter().flatten())
            .fold(0.0_f64, |a, &b| a.max(b));
        let step = nice_step(top / 4.0);
        let ticks = (0..=4)
            .map(|i| {
                let v = step * f64::from(i);
                (v, lang.decimal(v, 0))
            })
            .collect();
        Chart {
            title: title.into(),
            series,
            bars,
            max: step * 4.0,
            ticks,
            marker: None,
        }
    }

    /// The chart with a reference line at `at`.
    pub fn marker(mut self, at: f64, label: impl Into<String>) -> Chart {
        self.marker = Some((at, label.into()));
        self
    }
}

/// The smallest of 1, 2, 2.5 or 5 times a power of ten at or above `x`
/// (1 when there is nothing to show).
fn nice_step(x: f64) -> f64 {
    if !x.is_finite() || x <= 0.0 {
        return 1.0;
    }
    let power = 10f64.powf(x.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|s| *s >= x)
        .unwrap_or(10.0 * power)
        .max(1.0)
}

/// One label of a chart with a value per series.
#[derive(Debug, Clone, Serialize)]
pub struct Bar {
    /// The label (a cooperative's id).
    pub label: String,
    /// The value of each series in percent, `None` when there is none.
    pub values: Vec<Option<f64>>,
    /// The value of each series as written in the report (`36,6 %`).
    pub texts: Vec<String>,
}

impl Report {
    /// The report as terminal text, lines kept within `width` columns
    /// where words allow.
    pub fn to_text(&self, width: usize) -> String {
        text::render(self, width)
    }

    /// The report as one self-contained HTML page: styles and SVG charts
    /// inline, no script and no external resource, print styles for A4.
    pub fn to_html(&self) -> String {
        html::render(self)
    }

    /// The page inside an `<iframe srcdoc>` 100 % wide, so that its styles
    /// stay inside it: what a notebook shows (`_repr_html_` in Python).
    pub fn to_html_frame(&self) -> String {
        html::frame(&html::render(self), &self.title)
    }

    /// The report's data as JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The indicator table, the findings of every cooperative and their
    /// classification as an Excel workbook in the report's language.
    #[cfg(feature = "excel")]
    pub fn to_xlsx(&self) -> crate::Result<Vec<u8>> {
        workbook::write(self)
    }

    /// Numbers the sections that have a number, 1, 2, 3, … in order.
    pub fn renumber(&mut self) {
        let mut n = 0;
        for s in self.sections.iter_mut().filter(|s| s.number.is_some()) {
            n += 1;
            s.number = Some(n.to_string());
        }
    }

    /// The section with this id.
    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }
}

/// One cooperative with what the library says about it.
pub(crate) struct Assessed {
    pub coop: Cooperative,
    pub check: CheckReport,
    pub class: Classification,
}

impl Registry {
    /// The report on this registry: see [the module](crate::report).
    pub fn report(&self, o: &ReportOptions) -> crate::Result<Report> {
        let law = o.law.resolve(o.as_of);
        // As the indicator engine does, leave out cooperatives not yet
        // established or already dissolved on the date.
        let (assessed, later): (Vec<Cooperative>, Vec<Cooperative>) = self.iter().partition(|c| {
            c.established.is_none_or(|d| d <= o.as_of) && c.dissolved.is_none_or(|d| d > o.as_of)
        });
        let assessed: Vec<Assessed> = assessed
            .into_iter()
            .map(|coop| Assessed {
                check: o.params.check(&coop, o.law, o.as_of),
                class: crate::classify::classify_with(&o.params, &coop, o.as_of),
                coop,
            })
            .collect();
        // Every cooperative of the registry, read once above.
        let all = || assessed.iter().map(|a| &a.coop).chain(&later);
        let mut kinds: Vec<Kind> = all().map(|c| c.kind).collect();
        kinds.sort();
        kinds.dedup();
        // The indicator table only the workbook needs.
        let indicators = match cfg!(feature = "excel") {
            true => Some(self.indicators(&crate::indicators::Query::new(o.as_of).rule(o.rule))?),
            false => None,
        };
        let mut report = Report {
            lang: o.lang,
            title: o.title.clone().unwrap_or_else(|| title(all(), o)),
            facts: figures::facts(self, law, o),
            sections: vec![
                figures::indicators(self, o)?,
                figures::programme(self, &kinds, o)?,
                cooperatives::cooperatives(self, &assessed, &later, o)?,
                cooperatives::notes(&assessed, law, o),
            ],
            basis: Basis {
                indicators,
                assessed: assessed
                    .into_iter()
                    .map(|a| (a.coop.id, a.coop.name, a.check, a.class))
                    .collect(),
                rule: o.rule,
            },
        };
        report.renumber();
        Ok(report)
    }
}

/// The default title: the province's name when every cooperative is in the
/// same province and the unit table names it on the date.
fn title<'a>(coops: impl Iterator<Item = &'a Cooperative>, o: &ReportOptions) -> String {
    let l = o.lang;
    let what = l.pick(
        "cooperatives managed by women",
        "hợp tác xã do phụ nữ tham gia quản lý",
    );
    let mut provinces = coops.map(|c| c.province.clone());
    let first = provinces.next().flatten();
    let one = first.filter(|p| provinces.all(|q| q.as_ref() == Some(p)));
    let unit = one.and_then(|p| o.units.find(Level::Province, &p, o.as_of).cloned());
    match unit {
        Some(u) => match l {
            Lang::En => match u.kind {
                Some(UnitKind::ThanhPhoTrucThuocTrungUong) => format!("{} city: {what}", u.name),
                _ => format!("{} province: {what}", u.name),
            },
            Lang::Vi => {
                let kind = match u.kind {
                    Some(UnitKind::ThanhPhoTrucThuocTrungUong) => "Thành phố",
                    _ => "Tỉnh",
                };
                format!("{kind} {}: {what}", u.name)
            }
        },
        None => capitalise(what),
    }
}
