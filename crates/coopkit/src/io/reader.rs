//! One reader with options: every input form (JSON or JSON Lines text, the
//! three CSV files, a CSV folder, a file path, tables), strict or lenient,
//! with the CSV options, through one builder. The `registry_from_*`
//! functions are thin wrappers of it with the default options.
//!
//! ```
//! use coopkit::io::ReadOptions;
//!
//! let coops = "id;name;kind;sector\nhtx-1;HTX Hoa Sen;cooperative;agriculture\nhtx-2;HTX Sen;cooperative;farming\n";
//! // Semicolons, as a spreadsheet set to Vietnamese writes them; lenient:
//! // the valid cooperative is kept, the other rejected with its errors.
//! let loaded = ReadOptions::new()
//!     .lenient(true)
//!     .delimiter(b';')
//!     .read_csv(coops.as_bytes(), None, None)
//!     .unwrap();
//! assert_eq!(loaded.registry.len(), 1);
//! assert_eq!(loaded.rejected[0].errors[0].path, "cooperatives.csv:3.sector");
//!
//! // Strict (the default): every error of the input in one `Error::Input`.
//! let err = ReadOptions::new().delimiter(b';').read_csv(coops.as_bytes(), None, None).unwrap_err();
//! assert_eq!(err.path(), Some("cooperatives.csv:3.sector"));
//! ```

use super::csv::{read_bytes, read_dir, CsvOptions};
use super::limits::{self, Limits};
use super::tables::{registry_from_tables, registry_from_tables_lenient, Table};
use super::{Loaded, Rejected};
use crate::error::{Error, InputError, InputErrorCode};
use crate::model::Date;
use crate::units::Units;
use std::path::Path;

/// How to read a registry: strict or lenient, and how CSV is read.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReadOptions {
    lenient: bool,
    csv: CsvOptions,
    /// A unit table and the registry's date: location codes not valid then
    /// are input errors.
    units: Option<(std::sync::Arc<Units>, Date)>,
    /// The limits other than the byte limit (in `csv`).
    limits: Limits,
    /// Headers of Excel sheets given by the user: (table, column, header
    /// folded), consulted before the built-in ones.
    #[cfg(feature = "excel")]
    pub(crate) excel_headers: Vec<(&'static str, String, String)>,
}

impl ReadOptions {
    /// Strict, with the default CSV options (every core, columnar, commas).
    pub fn new() -> Self {
        ReadOptions::default()
    }

    /// Lenient: keep the valid cooperatives and return the rejected records
    /// with all their errors ([`Loaded::rejected`]). Strict (the default):
    /// any error fails the whole read with every error of the input.
    pub fn lenient(mut self, yes: bool) -> Self {
        self.lenient = yes;
        self
    }

    /// Threads that decode `members.csv` (1: only the calling thread; on
    /// wasm32 always 1).
    pub fn threads(mut self, n: usize) -> Self {
        self.csv.threads = n.max(1);
        self
    }

    /// The byte between CSV cells (`b','` by default; `b';'`, `b'\t'`, ...).
    pub fn delimiter(mut self, byte: u8) -> Self {
        self.csv.delimiter = byte;
        self
    }

    /// The CSV delimiter given as text, as the bindings take it
    /// (`delimiter=";"` in Python, `delimiter: ';'` in JavaScript): one
    /// ASCII character other than a quote or a line break, else a parameter
    /// error. Excel in a Vietnamese locale, whose decimal separator is the
    /// comma, saves CSV with `;`.
    ///
    /// ```
    /// use coopkit::io::ReadOptions;
    /// let text = "id;name;kind;sector\nA;HTX A;cooperative;agriculture\n";
    /// let o = ReadOptions::new().delimiter_text(";").unwrap();
    /// assert_eq!(o.read_csv(text.as_bytes(), None, None).unwrap().registry.len(), 1);
    /// assert!(ReadOptions::new().delimiter_text(";;").is_err());
    /// ```
    pub fn delimiter_text(self, text: &str) -> Result<Self, Error> {
        match text.as_bytes() {
            [b] if b.is_ascii() && !matches!(b, b'"' | b'\n' | b'\r') => Ok(self.delimiter(*b)),
            _ => Err(Error::parameter(
                "delimiter",
                "expected one ASCII character other than a quote or a line break, such as \";\" or a tab",
            )),
        }
    }

    /// Read valid CSV straight into the registry's columns (the default), or
    /// record by record.
    pub fn columnar(mut self, yes: bool) -> Self {
        self.csv.columnar = yes;
        self
    }

    /// These options with `csv` as the CSV options.
    pub fn csv_options(mut self, csv: CsvOptions) -> Self {
        self.csv = csv;
        self
    }

    /// Check every location code against the units of `units` valid on
    /// `as_of`, the registry's date: a province, district or commune code
    /// that is not one of them is an input error at its record and field
    /// (`cooperatives[3].commune`), for the levels the table covers on that
    /// date. Without a unit table codes are accepted as they are.
    pub fn units(mut self, units: Units, as_of: Date) -> Self {
        self.units = Some((std::sync::Arc::new(units), as_of));
        self
    }

    /// Whether reading is lenient.
    pub fn is_lenient(&self) -> bool {
        self.lenient
    }

    /// The CSV options.
    pub fn csv(&self) -> &CsvOptions {
        &self.csv
    }

    /// A JSON or JSON Lines file. A blank file is an empty registry only
    /// as JSON Lines (`.jsonl`, `.ndjson`: no record); any other blank file
    /// is an error, since it is more often a failed export than an empty
    /// registry, which JSON writes `{"cooperatives": []}`.
    pub fn read_json_file(&self, path: &Path) -> Result<Loaded, Error> {
        let text = super::files::read_text(path, self.csv.max_bytes)?;
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        let lines = matches!(ext.as_deref(), Some("jsonl" | "ndjson"));
        if !lines && text.trim_start_matches('\u{feff}').trim().is_empty() {
            return Err(Error::Input(
                crate::error::InputErrors::new(vec![crate::error::InputError::new(
                    "",
                    crate::error::InputErrorCode::Syntax,
                    "an empty file: no JSON in it (an empty registry is {\"cooperatives\": []}; \
                     an empty JSON Lines file ends in .jsonl)",
                )])
                .expect("one error"),
            ));
        }
        self.read_json(&text)
    }

    /// The largest input read, in bytes: a JSON text or file, each CSV
    /// file (default [`crate::io::DEFAULT_MAX_BYTES`], 4 GiB). A larger one
    /// is an error naming the limit, before anything is parsed.
    pub fn max_bytes(mut self, n: u64) -> Self {
        self.csv.max_bytes = n;
        self
    }

    /// Sets the limit called `name` ([`crate::io::LIMITS`], in either
    /// spelling: `max_records` or `maxRecords`) to `value`. An input beyond
    /// a limit is an error of code `too_large` naming it; past
    /// `max_errors` errors the rest are counted in one last error.
    ///
    /// ```
    /// use coopkit::io::ReadOptions;
    /// let text = r#"{"cooperatives": [
    ///   {"id": "a", "name": "HTX A", "kind": "cooperative", "sector": "agriculture"},
    ///   {"id": "b", "name": "HTX B", "kind": "cooperative", "sector": "fishing"}]}"#;
    /// let err = ReadOptions::new().limit("max_records", 1).unwrap().read_json(text).unwrap_err();
    /// assert_eq!(err.input_errors()[0].code.as_str(), "too_large");
    /// assert!(err.to_string().contains("max_records"));
    /// assert!(ReadOptions::new().limit("max_rows", 1).is_err());
    /// ```
    pub fn limit(mut self, name: &str, value: u64) -> Result<Self, Error> {
        let l = &mut self.limits;
        match limits::find(name)?.name {
            "max_bytes" => self.csv.max_bytes = value,
            "max_records" => l.records = value,
            "max_members" => l.members = value,
            "max_depth" => l.depth = value,
            _ => l.errors = value,
        }
        Ok(self)
    }

    /// The value of every limit, in the order of [`crate::io::LIMITS`].
    pub fn limits(&self) -> [(&'static crate::io::Limit, u64); 5] {
        let l = &self.limits;
        let values = [self.csv.max_bytes, l.records, l.members, l.depth, l.errors];
        let mut out = [(&limits::LIMITS[0], 0); 5];
        for (i, v) in values.into_iter().enumerate() {
            out[i] = (&limits::LIMITS[i], v);
        }
        out
    }

    /// `{"cooperatives": [...]}` or JSON Lines text. Each record is decoded
    /// as soon as it is parsed, so only one record's JSON is held at a time.
    pub fn read_json(&self, text: &str) -> Result<Loaded, Error> {
        if text.len() as u64 > self.csv.max_bytes {
            return Err(super::files::too_large(
                "json",
                text.len() as u64,
                self.csv.max_bytes,
            ));
        }
        let loaded = super::json::read(text, &self.limits, self.lenient);
        self.check_units(self.bound(loaded, Form::Json), Form::Json)
    }

    /// The limits on a read's result: every reader's records and members
    /// counted (the JSON reader also stops early, while parsing), and the
    /// errors cut at `max_errors` with the rest counted.
    fn bound(&self, loaded: Result<Loaded, Error>, form: Form) -> Result<Loaded, Error> {
        let l = &self.limits;
        let mut loaded = match loaded {
            Err(Error::Input(e)) => {
                let errors = limits::cap_errors(e.into_vec(), l.errors, "");
                return Err(Error::Input(
                    crate::error::InputErrors::new(errors).expect("a capped list keeps an error"),
                ));
            }
            other => other?,
        };
        let too_large = |e: InputError| {
            Err(Error::Input(
                crate::error::InputErrors::new(vec![e]).expect("one"),
            ))
        };
        let records = (loaded.registry.len() + loaded.rejected.len()) as u64;
        if records > l.records {
            let at = form.record(usize::try_from(l.records).unwrap_or(usize::MAX));
            return too_large(limits::exceeded(
                at,
                "more cooperatives",
                "max_records",
                l.records,
            ));
        }
        let c = &loaded.registry.coops;
        let positions = kept_positions(&loaded);
        for k in 0..loaded.registry.len() {
            let counts = [
                ("members", c.member_off[k + 1] - c.member_off[k]),
                ("positions", c.position_off[k + 1] - c.position_off[k]),
            ];
            for (list, n) in counts {
                if u64::from(n) > l.members {
                    let at = form.path(positions.get(k).copied().unwrap_or(k), list);
                    let found = format!("{n} {list} in one cooperative");
                    return too_large(limits::exceeded(at, &found, "max_members", l.members));
                }
            }
        }
        for r in &mut loaded.rejected {
            let errors = std::mem::take(&mut r.errors);
            r.errors = limits::cap_errors(errors, l.errors, &form.record(r.index));
        }
        Ok(loaded)
    }

    /// The unit check of [`ReadOptions::units`] on a read's result: in a
    /// strict read every bad code fails the read; in a lenient one its
    /// cooperative joins the rejected records.
    fn check_units(&self, loaded: Result<Loaded, Error>, form: Form) -> Result<Loaded, Error> {
        let Some((units, as_of)) = &self.units else {
            return loaded;
        };
        let mut loaded = loaded?;
        let kept = loaded.registry.len();
        let positions = kept_positions(&loaded);
        // Only the codes are read: each record's header, never its lists.
        let mut bad = Vec::new();
        let mut newly = Vec::new();
        for k in 0..kept {
            let problems = units.check(loaded.registry.header(k), *as_of);
            if problems.is_empty() {
                continue;
            }
            let index = positions.get(k).copied().unwrap_or(k);
            let id = loaded.registry.header(k).id.clone();
            let errors = problems
                .into_iter()
                .map(|(field, msg)| {
                    InputError::new(form.path(index, field), InputErrorCode::InvalidValue, msg)
                })
                .collect();
            bad.push(k);
            newly.push(Rejected {
                index,
                id: Some(id),
                errors,
            });
        }
        if newly.is_empty() {
            return Ok(loaded);
        }
        if !self.lenient {
            let errors = newly.into_iter().flat_map(|r| r.errors).collect();
            return Err(Error::Input(
                crate::error::InputErrors::new(errors).expect("each rejected record has an error"),
            ));
        }
        let keep = (0..kept)
            .filter(|k| bad.binary_search(k).is_err())
            .filter_map(|k| loaded.registry.get(k))
            .collect();
        loaded.registry = crate::registry::Registry::from_cooperatives(keep)?;
        loaded.rejected.extend(newly);
        loaded.rejected.sort_by_key(|r| r.index);
        Ok(loaded)
    }

    /// The three CSV files in memory (`members.csv` and `positions.csv`
    /// optional).
    pub fn read_csv(
        &self,
        cooperatives: &[u8],
        members: Option<&[u8]>,
        positions: Option<&[u8]>,
    ) -> Result<Loaded, Error> {
        let max = self.csv.max_bytes;
        let files = [
            ("cooperatives.csv", Some(cooperatives)),
            ("members.csv", members),
            ("positions.csv", positions),
        ];
        for (name, bytes) in files {
            if let Some(b) = bytes.filter(|b| b.len() as u64 > max) {
                return Err(super::files::too_large(name, b.len() as u64, max));
            }
        }
        let m = members.map(|m| [m]);
        let loaded = read_bytes(
            cooperatives,
            m.as_ref().map(|m| m.as_slice()),
            positions,
            &self.csv,
            self.lenient,
        );
        self.check_units(self.bound(loaded, Form::Csv), Form::Csv)
    }

    /// A folder holding `cooperatives.csv` and, optionally, `members.csv` and
    /// `positions.csv`.
    pub fn read_csv_dir(&self, dir: &Path) -> Result<Loaded, Error> {
        let loaded = read_dir(dir, &self.csv, self.lenient);
        self.check_units(self.bound(loaded, Form::Csv), Form::Csv)
    }

    /// A `.json`, `.jsonl` or `.ndjson` file, an Excel workbook (`.xlsx`,
    /// with the `excel` feature), or a CSV folder.
    pub fn read_path(&self, path: &Path) -> Result<Loaded, Error> {
        if path.is_dir() {
            return self.read_csv_dir(path);
        }
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("json" | "jsonl" | "ndjson") => self.read_json_file(path),
            #[cfg(feature = "excel")]
            Some("xlsx") => self.read_xlsx_file(path),
            _ => Err(Error::io_message(
                path.display().to_string(),
                "expected a .json, .jsonl, .ndjson or .xlsx file or a folder of CSV files",
            )),
        }
    }

    /// The three tables, cell by cell ([`Table`]), as a binding hands over
    /// data frames.
    pub fn read_tables(
        &self,
        cooperatives: &dyn Table,
        members: Option<&dyn Table>,
        positions: Option<&dyn Table>,
    ) -> Result<Loaded, Error> {
        let loaded = if self.lenient {
            registry_from_tables_lenient(cooperatives, members, positions)
        } else {
            registry_from_tables(cooperatives, members, positions).map(Loaded::clean)
        };
        self.check_units(self.bound(loaded, Form::Tables), Form::Tables)
    }

    /// Records a binding has converted from its own values (Python dicts,
    /// JavaScript objects), one by one: a record that had no JSON form
    /// comes as the problems found in it, which become that record's
    /// errors. Paths are `cooperatives[i]....`.
    pub fn read_values(
        &self,
        records: Vec<Result<serde_json::Value, Vec<InputError>>>,
    ) -> Result<Loaded, Error> {
        let mut unconverted = Vec::new();
        let values: Vec<serde_json::Value> = records
            .into_iter()
            .enumerate()
            .map(|(i, r)| {
                r.unwrap_or_else(|problems| {
                    // A placeholder keeps the position: paths count records.
                    unconverted.push((i, problems));
                    serde_json::Value::Null
                })
            })
            .collect();
        let mut loaded = super::json::values_lenient(&values, &self.limits);
        // The record's own problems replace the core's "not an object" for
        // the placeholder.
        for (i, problems) in unconverted {
            match loaded.rejected.iter_mut().find(|r| r.index == i) {
                Some(r) => r.errors = problems,
                None => loaded.rejected.push(Rejected {
                    index: i,
                    id: None,
                    errors: problems,
                }),
            }
        }
        loaded.rejected.sort_by_key(|r| r.index);
        if !self.lenient && !loaded.rejected.is_empty() {
            let errors = loaded.rejected.into_iter().flat_map(|r| r.errors).collect();
            let errors = crate::error::InputErrors::new(errors).expect("rejected records carry errors");
            return self.bound(Err(Error::Input(errors)), Form::Json);
        }
        self.check_units(self.bound(Ok(loaded), Form::Json), Form::Json)
    }
}

/// Positions in the input of the cooperatives kept: those not among the
/// rejected cooperative records (rejected rows of an unknown cooperative
/// are numbered after every cooperative row).
fn kept_positions(loaded: &Loaded) -> Vec<usize> {
    let kept = loaded.registry.len();
    if loaded.rejected.is_empty() {
        return (0..kept).collect();
    }
    let mut rejected: Vec<usize> = loaded.rejected.iter().map(|r| r.index).collect();
    rejected.sort_unstable();
    let mut total = kept;
    loop {
        let n = kept + rejected.partition_point(|&i| i < total);
        if n == total {
            break;
        }
        total = n;
    }
    (0..total)
        .filter(|i| rejected.binary_search(i).is_err())
        .collect()
}

/// The form a registry was read from, for the paths of unit errors.
#[derive(Clone, Copy)]
enum Form {
    Json,
    Csv,
    Tables,
}

impl Form {
    fn path(self, index: usize, field: &str) -> String {
        match self {
            Form::Json | Form::Tables => format!("cooperatives[{index}].{field}"),
            // Row 1 is the header.
            Form::Csv => format!("cooperatives.csv:{}.{field}", index + 2),
        }
    }

    /// The path of the record at `index`.
    fn record(self, index: usize) -> String {
        match self {
            Form::Json | Form::Tables => format!("cooperatives[{index}]"),
            Form::Csv => format!("cooperatives.csv:{}", index.saturating_add(2)),
        }
    }
}
