//! Administrative units with dates: a location code means nothing without
//! its list and its date (REFERENCE §6).
//!
//! Until 30 Jun 2025 Vietnam had three levels (provinces, districts,
//! communes; Decision 124/2004/QĐ-TTg and its updates); from 1 Jul 2025 two
//! (provinces and communes, Decision 19/2025/QĐ-TTg), with new codes and
//! merged provinces (Resolution 202/2025/QH15: Kon Tum and Quảng Ngãi became
//! the new Quảng Ngãi). A [`Units`] table holds each unit with its code,
//! Vietnamese name, level, kind, the days it was valid and its successors, as
//! data like the legal parameters. With it a registry's codes get names
//! ([`Units::name`]), are checked against the units valid on the registry's
//! date ([`Units::check`]), and are put onto the units of another date
//! ([`Units::remap`]), every record that cannot be mapped reported.
//!
//! Built in is only what the reference confirms: Quảng Ngãi, province 51 of
//! the list of Decision 124/2004, valid to 30 Jun 2025. The official lists
//! are loaded by the user in one CSV layout ([`Units::from_csv_str`]):
//!
//! ```text
//! code,name,level,kind,parent,valid_from,valid_to,successors,source
//! 51,Quảng Ngãi,province,tinh,,,2025-06-30,,Decision 124/2004/QĐ-TTg
//! ```
//!
//! `level` is `province`, `district` or `commune`; `kind` (optional) one of
//! [`UnitKind`]; `parent` the code of the unit above (optional);
//! `valid_from` and `valid_to` the first and the last day the unit is valid
//! (ISO dates, each optional: open-ended); `successors` the codes, separated
//! by `;`, of the units of the same level that took it over the day after
//! `valid_to`; `source` the list or decision. A user's table is laid over the
//! built-in one with [`Units::overlay`].

pub use crate::codes::{Level, UnitKind};
use crate::error::{Error, InputError, InputErrorCode as Code};
use crate::model::{Cooperative, Date};
use crate::text::Message;
use std::collections::HashMap;

/// One unit of one list.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct AdminUnit {
    /// Its code on its list.
    pub code: String,
    /// Its name in Vietnamese, as the list writes it.
    pub name: String,
    /// Province, district or commune.
    pub level: Level,
    /// Tỉnh, xã, phường, đặc khu, ...
    pub kind: Option<UnitKind>,
    /// The code of the unit above it, when given.
    pub parent: Option<String>,
    /// The first day it is valid; `None`: since before any date asked.
    pub valid_from: Option<Date>,
    /// The last day it is valid; `None`: still valid.
    pub valid_to: Option<Date>,
    /// The units of the same level that took it over the day after
    /// `valid_to`.
    pub successors: Vec<String>,
    /// The list or decision it comes from.
    pub source: String,
}

impl AdminUnit {
    /// Valid on `date`.
    pub fn valid_on(&self, date: Date) -> bool {
        self.valid_from.is_none_or(|d| d <= date) && self.valid_to.is_none_or(|d| date <= d)
    }
}

/// The most rows a unit table may have (Vietnam has about 10,600 communes
/// on the 2004 list; a table of every list and update stays far below).
pub const MAX_UNITS: usize = 1_000_000;

/// First and last day of validity (`None`: open-ended).
type Period = (Option<Date>, Option<Date>);

/// A table of administrative units with dates.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Units {
    units: Vec<AdminUnit>,
    /// (level, code) → positions in `units`.
    index: HashMap<(Level, String), Vec<usize>>,
    /// The distinct (valid_from, valid_to) periods of each level's units (a
    /// few per list), so that [`Units::covers`] does not scan every unit.
    periods: HashMap<Level, Vec<Period>>,
}

const BUILTIN: &str = "\
code,name,level,kind,parent,valid_from,valid_to,successors,source
51,Quảng Ngãi,province,tinh,,,2025-06-30,,Decision 124/2004/QĐ-TTg
";

impl Units {
    /// The built-in table: only what the reference confirms (Quảng Ngãi,
    /// province 51 of the Decision 124/2004 list, valid to 30 Jun 2025;
    /// the new codes of Decision 19/2025 are loaded by the user).
    pub fn builtin() -> Units {
        Units::from_csv_str(BUILTIN).unwrap_or_default()
    }

    /// Every unit, in the order loaded.
    pub fn entries(&self) -> &[AdminUnit] {
        &self.units
    }

    /// Number of units.
    pub fn len(&self) -> usize {
        self.units.len()
    }

    /// No unit at all.
    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    fn push(&mut self, u: AdminUnit) {
        let periods = self.periods.entry(u.level).or_default();
        if !periods.contains(&(u.valid_from, u.valid_to)) {
            periods.push((u.valid_from, u.valid_to));
        }
        self.index
            .entry((u.level, u.code.clone()))
            .or_default()
            .push(self.units.len());
        self.units.push(u);
    }

    /// This table with `other`'s units added; a unit of `other` with the
    /// same level, code and first day replaces the built-in one.
    pub fn overlay(&self, other: &Units) -> Units {
        let mut out = Units::default();
        for u in self.units.iter().filter(|u| {
            !other
                .units
                .iter()
                .any(|o| o.level == u.level && o.code == u.code && o.valid_from == u.valid_from)
        }) {
            out.push(u.clone());
        }
        for u in &other.units {
            out.push(u.clone());
        }
        out
    }

    /// Reads a table in the CSV layout of the module documentation (UTF-8,
    /// comma-separated, a header row; columns in any order; `code`, `name`
    /// and `level` required). Every problem is reported, by row and column
    /// (`units.csv:4.valid_to`), without quoting the cell.
    pub fn from_csv_str(text: &str) -> Result<Units, Error> {
        let mut rdr = csv::ReaderBuilder::new()
            .flexible(false)
            .from_reader(text.as_bytes());
        let header: Vec<String> = match rdr.headers() {
            Ok(h) => h
                .iter()
                .map(|s| s.trim().trim_start_matches('\u{feff}').to_string())
                .collect(),
            Err(_) => return Err(Error::parameter("units.csv", "no header row")),
        };
        let mut errors = Vec::new();
        const COLUMNS: [&str; 9] = [
            "code",
            "name",
            "level",
            "kind",
            "parent",
            "valid_from",
            "valid_to",
            "successors",
            "source",
        ];
        for (j, h) in header.iter().enumerate() {
            if !COLUMNS.contains(&h.as_str()) {
                errors.push(InputError::new(
                    format!("units.csv:1[{j}]"),
                    Code::UnknownField,
                    format!("unknown column; the columns are: {}", COLUMNS.join(", ")),
                ));
            }
        }
        for required in ["code", "name", "level"] {
            if !header.iter().any(|h| h == required) {
                errors.push(InputError::new(
                    format!("units.csv:1.{required}"),
                    Code::MissingField,
                    "required column missing",
                ));
            }
        }
        let col = |name: &str| header.iter().position(|h| h == name);
        let mut units = Units::default();
        // The CSV row of each unit kept, for messages about pairs of them.
        let mut lines = Vec::new();
        for (i, record) in rdr.records().enumerate() {
            let line = i + 2;
            if i >= MAX_UNITS {
                errors.push(InputError::new(
                    "units.csv",
                    Code::OutOfRange,
                    format!("more than {MAX_UNITS} rows"),
                ));
                break;
            }
            let record = match record {
                Ok(r) => r,
                Err(_) => {
                    errors.push(InputError::new(
                        format!("units.csv:{line}"),
                        Code::Syntax,
                        "not a CSV row of the header's width",
                    ));
                    continue;
                }
            };
            let cell = |name: &str| {
                col(name)
                    .and_then(|j| record.get(j))
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
            };
            let at = |f: &str| format!("units.csv:{line}.{f}");
            let mut bad = |f: &str, code: Code, msg: &str| errors.push(InputError::new(at(f), code, msg));
            let code = cell("code").map(str::to_owned);
            let name = cell("name").map(|s| crate::unicode::nfc(s).into_owned());
            if code.is_none() {
                bad("code", Code::MissingField, "empty");
            }
            if name.is_none() {
                bad("name", Code::MissingField, "empty");
            }
            let level = match cell("level") {
                None => {
                    bad("level", Code::MissingField, "empty");
                    None
                }
                Some(s) => {
                    let l = Level::parse(s);
                    if l.is_none() {
                        bad(
                            "level",
                            Code::InvalidValue,
                            "not one of: province, district, commune",
                        );
                    }
                    l
                }
            };
            let kind = cell("kind").and_then(|s| {
                let k = UnitKind::parse(s);
                if k.is_none() {
                    bad(
                        "kind",
                        Code::InvalidValue,
                        &format!("not one of: {}", <UnitKind as crate::Code>::codes().join(", ")),
                    );
                }
                k
            });
            let mut date = |f: &str| {
                cell(f).and_then(|s| {
                    let d = crate::text::parse_date(s).ok();
                    if d.is_none() {
                        bad(f, Code::InvalidDate, "not an ISO date (YYYY-MM-DD)");
                    }
                    d
                })
            };
            let valid_from = date("valid_from");
            let valid_to = date("valid_to");
            if let (Some(a), Some(b)) = (valid_from, valid_to) {
                if b < a {
                    errors.push(InputError::new(
                        at("valid_to"),
                        Code::Inconsistent,
                        "`valid_to` is before `valid_from`",
                    ));
                }
            }
            let successors: Vec<String> = cell("successors")
                .map(|s| {
                    s.split(';')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(str::to_owned)
                        .collect()
                })
                .unwrap_or_default();
            if !successors.is_empty() && valid_to.is_none() {
                errors.push(InputError::new(
                    at("successors"),
                    Code::Inconsistent,
                    "successors need a `valid_to` date",
                ));
            }
            if let (Some(code), Some(name), Some(level)) = (code, name, level) {
                lines.push(line);
                units.push(AdminUnit {
                    code,
                    name,
                    level,
                    kind,
                    parent: cell("parent").map(str::to_owned),
                    valid_from,
                    valid_to,
                    successors,
                    source: cell("source").unwrap_or("").to_owned(),
                });
            }
        }
        // Two units with one code and level valid on the same day, in row order.
        let mut dups = Vec::new();
        for ids in units.index.values() {
            for (a, &i) in ids.iter().enumerate() {
                for &j in &ids[..a] {
                    let (u, v) = (&units.units[i], &units.units[j]);
                    let starts_before_end =
                        |start: Option<Date>, end: Option<Date>| start.zip(end).is_none_or(|(s, e)| s <= e);
                    let overlap = starts_before_end(v.valid_from, u.valid_to)
                        && starts_before_end(u.valid_from, v.valid_to);
                    if overlap {
                        dups.push((lines[i], lines[j]));
                    }
                }
            }
        }
        dups.sort_unstable();
        for (line, first) in dups {
            errors.push(InputError::new(
                format!("units.csv:{line}.code"),
                Code::DuplicateId,
                format!("the same level and code as row {first}, valid on the same days"),
            ));
        }
        match crate::error::InputErrors::new(errors) {
            Some(e) => Err(Error::Input(e)),
            None => Ok(units),
        }
    }

    /// The unit of `level` with `code` valid on `date`.
    pub fn find(&self, level: Level, code: &str, date: Date) -> Option<&AdminUnit> {
        self.index
            .get(&(level, code.to_owned()))?
            .iter()
            .map(|&i| &self.units[i])
            .find(|u| u.valid_on(date))
    }

    /// The name of the unit of `level` with `code` valid on `date`.
    pub fn name(&self, level: Level, code: &str, date: Date) -> Option<&str> {
        self.find(level, code, date).map(|u| u.name.as_str())
    }

    /// The table has units of `level` valid on `date`: only then are codes
    /// of that level checked.
    pub fn covers(&self, level: Level, date: Date) -> bool {
        self.periods.get(&level).is_some_and(|ps| {
            ps.iter()
                .any(|&(from, to)| from.is_none_or(|d| d <= date) && to.is_none_or(|d| date <= d))
        })
    }

    /// The last day of `level` when the table has units of it and every one
    /// ended before `date`; `None` otherwise.
    fn ended(&self, level: Level, date: Date) -> Option<Date> {
        let periods = self.periods.get(&level).filter(|ps| !ps.is_empty())?;
        let ends: Option<Vec<Date>> = periods.iter().map(|&(_, to)| to).collect();
        ends?.into_iter().max().filter(|&last| last < date)
    }

    /// The location codes of `coop` that are not units valid on `date`,
    /// each as (field, problem), for levels the table covers on that date,
    /// and a code of a level whose units all ended before it (a district
    /// from 1 Jul 2025).
    /// The message never quotes the code.
    pub fn check(&self, coop: &Cooperative, date: Date) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        for (field, level, value) in fields(coop) {
            let Some(code) = value else { continue };
            if !self.covers(level, date) {
                // A level the table has, all of whose units ended before
                // `date` (districts, from 1 Jul 2025): no code of it is valid.
                if let Some(last) = self.ended(level, date) {
                    out.push((
                        field,
                        format!(
                            "no {} of the unit table is valid on {} (the last ones end on {}): leave it out",
                            level.as_str(),
                            crate::text::date(date).en,
                            crate::text::date(last).en
                        ),
                    ));
                }
                continue;
            }
            if self.find(level, code, date).is_none() {
                let on = crate::text::date(date).en;
                let msg = match self.index.get(&(level, code.to_owned())) {
                    Some(_) => format!("the code is on the unit table, but not valid on {on}"),
                    None => format!("not a {} code of the unit table valid on {on}", level.as_str()),
                };
                out.push((field, msg));
            }
        }
        out
    }

    /// The unit valid on `to` that the unit of `level` with `code`, valid on
    /// `from`, became: itself when still valid, else through its
    /// successors. Exactly one is an answer; none or several is a problem,
    /// said in both languages.
    pub fn successor(&self, level: Level, code: &str, from: Date, to: Date) -> Result<&AdminUnit, Message> {
        let Some(start) = self.find(level, code, from) else {
            return Err(Message::new(
                format!(
                    "not a {} code of the unit table valid on {}",
                    level.as_str(),
                    crate::text::date(from).en
                ),
                format!(
                    "không phải mã {} trong bảng đơn vị hành chính có hiệu lực ngày {}",
                    level.label(crate::Lang::Vi),
                    crate::text::date(from).vi
                ),
            ));
        };
        let mut frontier = vec![start];
        let mut found: Vec<&AdminUnit> = Vec::new();
        // Each step moves forward in time; a table's chains are short.
        for _ in 0..64 {
            let mut next = Vec::new();
            for u in frontier {
                if u.valid_on(to) {
                    if !found.iter().any(|f| std::ptr::eq(*f, u)) {
                        found.push(u);
                    }
                    continue;
                }
                let Some(end) = u.valid_to.filter(|e| *e < to) else {
                    continue;
                };
                let day_after = end.succ_opt().unwrap_or(end);
                for s in &u.successors {
                    if let Some(v) = self.find(level, s, day_after) {
                        next.push(v);
                    }
                }
            }
            if next.is_empty() {
                break;
            }
            frontier = next;
        }
        match found.as_slice() {
            [one] => Ok(one),
            [] => Err(Message::new(
                format!(
                    "no unit valid on {} succeeds it in the unit table",
                    crate::text::date(to).en
                ),
                format!(
                    "bảng đơn vị hành chính không có đơn vị kế thừa có hiệu lực ngày {}",
                    crate::text::date(to).vi
                ),
            )),
            many => Err(Message::new(
                format!(
                    "it was divided among {} units valid on {}: which one is not known",
                    many.len(),
                    crate::text::date(to).en
                ),
                format!(
                    "đơn vị được chia cho {} đơn vị có hiệu lực ngày {}: chưa rõ thuộc đơn vị nào",
                    many.len(),
                    crate::text::date(to).vi
                ),
            )),
        }
    }

    /// `coops` (whose codes are those valid on `from`) with their codes put
    /// onto the units valid on `to`. A code that cannot be mapped is kept
    /// as it was and reported, with its record and field; nothing is
    /// dropped. Where `to` has no district level (from 1 Jul 2025), the
    /// district codes are removed and the removal counted, not reported as
    /// a problem. Levels the table does not cover on `from` are kept as
    /// they are.
    pub fn remap(&self, coops: impl IntoIterator<Item = Cooperative>, from: Date, to: Date) -> Remapped {
        let mut out = Remapped::default();
        let districts_on_to = self.covers(Level::District, to);
        for (index, mut c) in coops.into_iter().enumerate() {
            for level in [Level::Province, Level::District, Level::Commune] {
                let slot = match level {
                    Level::Province => &mut c.province,
                    Level::District => &mut c.district,
                    Level::Commune => &mut c.commune,
                };
                let Some(code) = slot.clone() else { continue };
                if level == Level::District && !districts_on_to {
                    *slot = None;
                    out.districts_removed += 1;
                    continue;
                }
                if !self.covers(level, from) {
                    continue;
                }
                match self.successor(level, &code, from, to) {
                    Ok(u) => {
                        if u.code != code {
                            out.changed += 1;
                        }
                        *slot = Some(u.code.clone());
                    }
                    Err(reason) => out.unmapped.push(Unmapped {
                        index,
                        id: c.id.clone(),
                        field: level.as_str(),
                        reason,
                    }),
                }
            }
            out.cooperatives.push(c);
        }
        out
    }
}

/// The location fields of a cooperative with their levels.
fn fields(c: &Cooperative) -> [(&'static str, Level, Option<&str>); 3] {
    [
        ("province", Level::Province, c.province.as_deref()),
        ("district", Level::District, c.district.as_deref()),
        ("commune", Level::Commune, c.commune.as_deref()),
    ]
}

/// A location code [`Units::remap`] could not put onto the new units.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Unmapped {
    /// Position of the cooperative in the input.
    pub index: usize,
    /// Its id.
    pub id: String,
    /// `province`, `district` or `commune`.
    pub field: &'static str,
    /// Why, in English and Vietnamese.
    pub reason: Message,
}

/// What [`Units::remap`] gives.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Remapped {
    /// Every cooperative, in input order, with the codes that could be mapped.
    pub cooperatives: Vec<Cooperative>,
    /// Every code that could not be mapped (kept as it was).
    pub unmapped: Vec<Unmapped>,
    /// Codes replaced by another unit's code.
    pub changed: usize,
    /// District codes removed because the new date has no district level.
    pub districts_removed: usize,
}
