//! Reading and writing the interchange formats of the contract (§1): JSON,
//! JSON Lines and the CSV folder form. Every error names its record and
//! field by path; all errors of an input are reported together; no value of
//! a member (a birth date, an ethnicity, a sex) is ever quoted in a message.
//!
//! # Paths
//!
//! - One cooperative: relative to the record, `members[17].birth_date`,
//!   `summary.members_female`, `positions[2].member`. The empty path is the
//!   record as a whole (a syntax error, a value that is not an object).
//! - A registry in JSON: `cooperatives[3].members[17].birth_date`. In JSON
//!   Lines the `i`-th record (counting from 0, blank lines skipped and not
//!   counted) is `cooperatives[i]`, the same index as in the object form and
//!   in the [`Registry`]; a syntax error's message gives the line number in
//!   the file.
//! - CSV: `file:line.column`, with the line number in the file (the header is
//!   line 1): `members.csv:42.birth_date`. Errors about a header are at line 1
//!   (`members.csv:1.brith_date`).
//!
//! # Choices
//!
//! - **Absent values.** In JSON `null` is the same as an absent field; in CSV
//!   an empty cell is absent. An empty JSON string is an error (leave the
//!   field out instead), so both formats mean the same thing. Cells and
//!   strings are not trimmed.
//! - **Text** (ids, names, codes, member references) is normalised to Unicode
//!   NFC on input, so NFD and NFC spellings of an id are the same id. Round
//!   trips are exact for records whose text is NFC (what readers produce).
//! - **Ids** (of cooperatives, members and positions, and a position's
//!   `member`) must hold something visible and no control or invisible
//!   character (only spaces, NUL, a line break, a zero-width space, a
//!   byte-order mark are `invalid_value`), so two ids that look the same are
//!   the same id. The id is never quoted.
//! - **Numbers.** Money is whole đồng: `1000.0` and `1.5e9` are errors
//!   (`invalid_type`); negatives are `out_of_range`; beyond `u64::MAX`
//!   (counts: `u32::MAX`) is `overflow`. In CSV an integer is ASCII digits.
//! - **Booleans.** JSON `true`/`false`. CSV `true`/`false` in any letter case
//!   (spreadsheets write `TRUE`) or `1`/`0`; anything else (`yes`, `x`) is an
//!   error.
//! - **Dates** are `YYYY-MM-DD` exactly; impossible days (`2024-02-30`) are
//!   `invalid_date`. A member's `birth_date` before 1900 or after 2100 is
//!   `out_of_range` (year 1 and year 9999 are typing errors, and year 1
//!   would pass the age rule); `joined`
//!   before `birth_date` is `inconsistent`. The value is never quoted.
//! - **Enums** must be spelt as in the contract (lower case); messages list
//!   the allowed values and never quote the bad one.
//! - **Unknown fields and columns** are errors. One is named in its path
//!   when it is a near miss of a known name (`brith_date`); anything else
//!   (a name or a birth date where a header row is missing, a key of any
//!   length) is `<field not shown>` in JSON or `<column 3>` in CSV, so no
//!   personal data is echoed.
//! - **Ethnicity** is a GSO 2008 code or name (see [`crate::Ethnicity::parse`]);
//!   **nationality** is an officially assigned ISO 3166-1 alpha-2 code, in
//!   either case (`XX`, `UK` or `VNM` are errors), Viet Nam when absent.
//! - **Positions** name a `member`, or describe a non-member holder by `sex`
//!   and/or `ethnicity`; `member` together with `sex` or `ethnicity` is
//!   `inconsistent`; with neither, the post is held by someone who is not
//!   known to be a member and whose sex is unknown (valid: a vacancy is
//!   recorded by leaving the post out).
//!   A member reference is checked only when the cooperative has a member list.
//! - **Employees**: when given, both `female` and `male` are required.
//! - **Cross-field checks** are those of [`validate()`]. They run on every
//!   record whose member and position lists decode without error (bad
//!   cooperative-level fields are left out and do not stop them); when a
//!   member or position is bad, they are skipped for that record, since a
//!   partial list would give false reports. Summary counts are compared with
//!   the *current* members (no `left` date) and positions (no `end` date).
//! - A **registry** reports a repeated cooperative id (after NFC) at the later
//!   record's `id` (`duplicate_id`); in lenient mode the first is kept.
//! - **Limits.** A read is bounded ([`LIMITS`], set with
//!   [`ReadOptions::limit`]; Python `max_records=`, JavaScript
//!   `maxRecords`): bytes of one input (4 GiB), records (1,000,000),
//!   members and positions of one cooperative (1,000,000), JSON nesting
//!   in one record (64) and errors kept (10,000). Input beyond a limit is one error of
//!   code `too_large` at the record or list where it was met (a too long
//!   JSON array is refused while it is parsed, before it takes memory), and
//!   errors past `max_errors` are counted in one last `too_large` error,
//!   never dropped silently. JSON is decoded record by record as it is
//!   parsed, so a read takes about twice the text's size at its peak.
//!
//! # CSV folder
//!
//! `cooperatives.csv` (required), `members.csv` and `positions.csv`
//! (optional), comma-separated, UTF-8, with a header row. Columns may come in
//! any order; optional columns may be left out; unknown or repeated columns
//! are errors. Columns:
//!
//! - `cooperatives.csv`: the cooperative's scalar fields (`id`, `name`,
//!   `kind`, `sector`, `province`, `district`, `commune`, `established`,
//!   `charter_capital_vnd`, `total_capital_vnd`, `annual_revenue_vnd`,
//!   `governance`, `general_meeting`, `ilo_type`, `circular_type`,
//!   `declared_women_managed`), `employees_female`, `employees_male`, the
//!   summary as `summary_members`, `summary_members_female`, ...,
//!   `summary_director_female`, and two booleans of this crate's own,
//!   `members_listed` and `positions_listed` (below).
//! - `members.csv`: `cooperative_id` and the member fields.
//! - `positions.csv`: `cooperative_id`, `role`, `member`, `sex`, `ethnicity`,
//!   `id`, `start`, `end`.
//!
//! A cooperative with rows in `members.csv` has that member list, in file
//! order. A cooperative with no rows has **no list** (`None`: unknown, so
//! summary-only cooperatives mix with listed ones), unless its
//! `members_listed` cell is `true`, which makes the list known and empty
//! (`Some(vec![])`); `members_listed` `false` with rows is `inconsistent`.
//! The same holds for positions with `positions_listed`. The writer fills
//! these cells so that CSV round trips are exact, with one exception: a
//! summary or employees record with no value at all has no cells, so it
//! reads back as absent (which means the same: every count unknown).
//!
//! Member and position rows attach to the first cooperative row with their
//! `cooperative_id` (a repeated id is reported on the later row). A UTF-8
//! byte order mark and CRLF line ends (spreadsheet exports) are accepted.
//!
//! A member or position row whose `cooperative_id` names no cooperative is an
//! `unknown_reference` error at `members.csv:42.cooperative_id`; in lenient
//! mode such rows are gathered per unknown id into pseudo-rejections whose
//! `index` counts on past the last cooperative row (see [`Rejected`]).
//! Errors in a header (unknown, repeated or missing required column) make the
//! file unreadable as a whole, in lenient mode too.
//!
//! Errors come grouped by cooperative (its row, then its member rows, then
//! its position rows, then cross-field checks), then rows of unknown
//! cooperatives.
//!
//! # Tables
//!
//! The same three tables can be handed over column by column, as data
//! frames or Arrow tables are, through the [`Table`] trait
//! ([`registry_from_tables`], [`registry_from_tables_lenient`]; [`RowTable`]
//! is a ready-made one). A [`Cell`] means what its text would mean in the CSV
//! file: [`Cell::Null`] is an empty cell, integers are their digits, a float
//! keeps its decimal point (so `5.0` in a money column is an error, as in
//! JSON) and NaN is empty, booleans are `true`/`false`, and a
//! [`Cell::Date`] (days since 1970-01-01) is `YYYY-MM-DD`. Problems are put
//! on the tables' rows, counted from 0 across chunks:
//! `members[17].birth_date`, `cooperatives[3].id`, and `members.brith_date`
//! for a column. Valid tables go straight into the registry's columns
//! (dates, money and booleans from their typed values); any problem sends
//! them to the record reader, which reports every error.

mod csv;
mod decode;
#[cfg(feature = "excel")]
pub mod excel;
mod files;
mod frame;
mod json;
mod limits;
mod reader;
mod tables;
mod validate;
#[cfg(feature = "excel")]
pub mod workbook;
mod write;

pub use self::csv::CsvOptions;
pub use self::csv::{
    registry_from_csv, registry_from_csv_bytes_lenient, registry_from_csv_columnar, registry_from_csv_dir,
    registry_from_csv_dir_lenient, registry_from_csv_dir_with, registry_from_csv_lenient,
    registry_from_csv_with,
};
pub use self::decode::shown_key;
#[cfg(feature = "excel")]
pub use self::excel::registry_from_xlsx;
pub use self::files::{read_text, DEFAULT_MAX_BYTES};
pub use self::frame::{registry_frames, Column, RegistryFrames};
pub use self::json::{
    cooperative_from_json, cooperative_from_value, registry_from_json, registry_from_json_lenient,
    registry_from_values, registry_from_values_lenient,
};
pub use self::limits::{
    too_deep, too_long, Limit, DEFAULT_MAX_DEPTH, DEFAULT_MAX_ERRORS, DEFAULT_MAX_MEMBERS,
    DEFAULT_MAX_RECORDS, LIMITS,
};
pub use self::reader::ReadOptions;
pub use self::tables::{registry_from_tables, registry_from_tables_lenient, Cell, RowTable, Table};
pub use self::validate::validate;
pub use self::write::{
    cooperative_to_json, registry_to_csv, registry_to_csv_dir, registry_to_csv_dir_with, registry_to_json,
    registry_to_json_lines,
};

use crate::error::{Error, InputError, InputErrorCode, InputErrors};
use crate::model::Cooperative;
use crate::registry::Registry;
use std::collections::HashMap;
use std::path::Path;

/// A record that could not be read, with all its errors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejected {
    /// Position of the record in its input (0-based; JSON Lines blank lines
    /// not counted; in CSV the data row of `cooperatives.csv`). Every
    /// record is either kept or rejected: kept + rejected is the number of
    /// records. (Rows of `members.csv` or `positions.csv` naming an unknown
    /// cooperative are not records: they fail the read, lenient or not.)
    pub index: usize,
    /// The record's id, when it could be read.
    pub id: Option<String>,
    /// Every error of the record.
    pub errors: Vec<InputError>,
}

/// What a lenient reader returns: the valid cooperatives and the rejected
/// records. Nothing is dropped silently.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The valid cooperatives, in input order.
    pub registry: Registry,
    /// The invalid records, in input order.
    pub rejected: Vec<Rejected>,
}

impl Loaded {
    /// A registry read with nothing rejected.
    pub(crate) fn clean(registry: Registry) -> Self {
        Loaded {
            registry,
            rejected: Vec::new(),
        }
    }

    /// Every error of every rejected record, in order.
    pub fn errors(&self) -> impl Iterator<Item = &InputError> {
        self.rejected.iter().flat_map(|r| r.errors.iter())
    }
}

/// One record after decoding and checking.
pub(crate) struct Decoded {
    /// The id, when readable.
    id: Option<String>,
    /// The record, when it has no error.
    coop: Option<Cooperative>,
    errors: Vec<InputError>,
    /// Where the id is, for duplicate reports.
    id_path: String,
}

impl Decoded {
    pub(crate) fn new(
        id: Option<String>,
        coop: Option<Cooperative>,
        errors: Vec<InputError>,
        id_path: String,
    ) -> Self {
        Decoded {
            id,
            coop,
            errors,
            id_path,
        }
    }
}

/// Marks every repeated id (the later records).
fn mark_duplicates(records: &mut [Decoded]) {
    let mut first: HashMap<String, usize> = HashMap::with_capacity(records.len());
    for i in 0..records.len() {
        let Some(id) = records[i].id.clone() else { continue };
        match first.get(&id) {
            Some(&j) => {
                let msg = format!("duplicate cooperative id, first used at {}", records[j].id_path);
                let r = &mut records[i];
                r.errors.push(InputError::new(
                    r.id_path.clone(),
                    InputErrorCode::DuplicateId,
                    msg,
                ));
                r.coop = None;
            }
            None => {
                first.insert(id, i);
            }
        }
    }
}

pub(crate) fn finish_strict(mut records: Vec<Decoded>, orphans: Vec<Rejected>) -> Result<Registry, Error> {
    mark_duplicates(&mut records);
    let mut errors = Vec::new();
    let mut coops = Vec::with_capacity(records.len());
    for r in records {
        errors.extend(r.errors);
        coops.extend(r.coop);
    }
    errors.extend(orphans.into_iter().flat_map(|o| o.errors));
    if let Some(e) = InputErrors::new(errors) {
        return Err(Error::Input(e));
    }
    Registry::from_cooperatives(coops)
}

/// A lenient result as a strict one: the registry when nothing was
/// rejected, or every error of every rejected record.
pub(crate) fn finish_strict_loaded(loaded: Loaded) -> Result<Registry, Error> {
    match InputErrors::new(loaded.errors().cloned().collect()) {
        Some(e) => Err(Error::Input(e)),
        None => Ok(loaded.registry),
    }
}

/// [`finish_lenient`], or [`finish_strict`] as a [`Loaded`] with nothing
/// rejected.
///
/// Rows that name no known cooperative (`orphans`) fail a lenient read too:
/// they are not records, so rejecting them would break `accepted +
/// rejected == records`, and leaving them out would silently take members
/// from the cooperative they belong to.
pub(crate) fn finish(records: Vec<Decoded>, orphans: Vec<Rejected>, lenient: bool) -> Result<Loaded, Error> {
    if lenient && orphans.is_empty() {
        Ok(finish_lenient(records, orphans))
    } else {
        // Strict, or lenient with rows of no record: every error, in order.
        finish_strict(records, orphans).map(Loaded::clean)
    }
}

pub(crate) fn finish_lenient(mut records: Vec<Decoded>, orphans: Vec<Rejected>) -> Loaded {
    mark_duplicates(&mut records);
    let mut registry = Registry::new();
    let mut rejected = Vec::new();
    for (index, r) in records.into_iter().enumerate() {
        match (r.coop, r.errors.is_empty()) {
            (Some(c), true) => {
                if let Err(msg) = registry.push(c) {
                    // Cannot happen after mark_duplicates; kept so nothing is lost.
                    let e = InputError::new(r.id_path, InputErrorCode::DuplicateId, msg);
                    rejected.push(Rejected {
                        index,
                        id: r.id,
                        errors: vec![e],
                    });
                }
            }
            (_, _) => rejected.push(Rejected {
                index,
                id: r.id,
                errors: r.errors,
            }),
        }
    }
    rejected.extend(orphans);
    Loaded { registry, rejected }
}

/// Reads a registry from a file or folder, strictly: `.json`, `.jsonl` or
/// `.ndjson` files (either JSON form is accepted in each), or a folder in the
/// CSV form ([`registry_from_csv_dir`]).
pub fn registry_from_path(path: &Path) -> Result<Registry, Error> {
    ReadOptions::new().read_path(path).map(|l| l.registry)
}

impl Registry {
    /// Reads a registry from JSON or JSON Lines text ([`registry_from_json`]).
    pub fn from_json_str(text: &str) -> Result<Registry, Error> {
        registry_from_json(text)
    }

    /// Reads a registry from a file or CSV folder ([`registry_from_path`]).
    pub fn from_path(path: &Path) -> Result<Registry, Error> {
        registry_from_path(path)
    }

    /// The registry as `{"cooperatives": [...]}` ([`registry_to_json`]).
    pub fn to_json(&self) -> String {
        registry_to_json(self)
    }
}
