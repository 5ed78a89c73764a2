//! `coopkit.Registry`: many cooperatives, read from JSON, CSV, records or
//! data frames, checked and classified together, and summarised by
//! indicators.

use crate::boundary::{call, guard, guard_detached, input_error, parameter_error, to_py_err};
use crate::frames;
use crate::input;
use crate::io_bridge;
use crate::io_bridge::{Loaded, ReadOptions, Rejected};
use crate::objects::{with_parameters, CheckReport, Cooperative};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyInt, PyList, PyString};
use std::path::PathBuf;

/// Many cooperatives with unique ids, in input order.
#[pyclass(module = "coopkit", frozen)]
pub struct Registry {
    /// Shared with the reports of `check`, which recompute themselves from
    /// it when pickled.
    pub inner: std::sync::Arc<coopkit::Registry>,
    /// Records left out by a lenient read, with their problems.
    pub rejected: Vec<Rejected>,
}

/// Text or a path? A str that looks like JSON (after blanks: an object,
/// an array, a string, a number, `null`, `true` or `false`), or that holds
/// a line break, is JSON text, so `from_json("null")` is a JSON error and
/// not a missing file; any other str, or an `os.PathLike`, is a path, read
/// only if it is a regular file within the byte limit.
enum Source {
    Text(String),
    Path(PathBuf),
}

fn looks_like_json(s: &str) -> bool {
    let head = s.trim_start();
    let first = head.chars().next();
    s.contains('\n')
        || matches!(first, Some('{' | '[' | '"' | '-' | '0'..='9'))
        || ["null", "true", "false"].contains(&head.trim_end())
}

fn source(py: Python<'_>, obj: &Bound<'_, PyAny>) -> PyResult<Source> {
    if let Ok(s) = obj.cast::<PyString>() {
        let s = s.to_str().map_err(|_| {
            parameter_error(py, "source", "text that is not valid Unicode (a lone surrogate)")
        })?;
        return Ok(if looks_like_json(s) {
            // Before the text is copied into the core: the copy is the
            // read's first allocation.
            crate::memory::room_for(s.len() as u64)?;
            Source::Text(s.to_owned())
        } else {
            Source::Path(PathBuf::from(s))
        });
    }
    match obj.extract::<PathBuf>() {
        Ok(p) => Ok(Source::Path(p)),
        Err(_) => Err(parameter_error(
            py,
            "source",
            "expected JSON text, a path or an os.PathLike",
        )),
    }
}

/// `headers={table: {column: header or [headers]}}` as (table, column,
/// header) triples, for the core to check.
fn excel_headers(
    py: Python<'_>,
    headers: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<(String, String, String)>> {
    let mut out = Vec::new();
    let Some(h) = headers.filter(|h| !h.is_none()) else {
        return Ok(out);
    };
    let wrong = || parameter_error(py, "headers", "expected {table: {column: header or [headers]}}");
    let tables = h.cast::<PyDict>().map_err(|_| wrong())?;
    for (table, columns) in tables.iter() {
        let table: String = table.extract().map_err(|_| wrong())?;
        let columns = columns.cast::<PyDict>().map_err(|_| wrong())?;
        for (column, names) in columns.iter() {
            let column: String = column.extract().map_err(|_| wrong())?;
            let names: Vec<String> = match names.extract::<String>() {
                Ok(one) => vec![one],
                Err(_) => names.extract().map_err(|_| wrong())?,
            };
            for name in names {
                out.push((table.clone(), column.clone(), name));
            }
        }
    }
    Ok(out)
}

/// The `max_bytes=`, `max_records=`, `max_members=`, `max_depth=` and
/// `max_errors=` arguments of a reader, in the order of the core's
/// `io::LIMITS` (None: the core's default).
type Limits = [Option<u64>; 5];

impl Registry {
    fn lenient(loaded: Loaded) -> Self {
        Registry {
            inner: std::sync::Arc::new(loaded.registry),
            rejected: loaded.rejected,
        }
    }

    /// Runs the core's reader, strict or lenient as asked, with the
    /// interpreter released.
    fn load(
        py: Python<'_>,
        lenient: bool,
        units: Option<(coopkit::units::Units, coopkit::Date)>,
        limits: Limits,
        delimiter: Option<&str>,
        read: impl FnOnce(&ReadOptions) -> Result<Loaded, coopkit::Error> + Send,
    ) -> PyResult<Self> {
        let mut options = ReadOptions::new().lenient(lenient);
        if let Some(d) = delimiter {
            options = options.delimiter_text(d).map_err(|e| to_py_err(py, &e))?;
        }
        for (limit, value) in coopkit::io::LIMITS.iter().zip(limits) {
            if let Some(v) = value {
                options = options.limit(limit.name, v).map_err(|e| to_py_err(py, &e))?;
            }
        }
        if let Some((u, on)) = units {
            options = options.units(u, on);
        }
        guard_detached(py, || read(&options).map(Registry::lenient))?.map_err(|e| to_py_err(py, &e))
    }

    fn position(&self, py: Python<'_>, key: &Bound<'_, PyAny>) -> PyResult<usize> {
        let len = self.inner.len();
        if let Ok(i) = key.cast::<PyInt>() {
            let i: isize = i.extract()?;
            let j = if i < 0 { i + len as isize } else { i };
            if j < 0 || j as usize >= len {
                return Err(pyo3::exceptions::PyIndexError::new_err(format!(
                    "registry index {i} out of range for {len} cooperatives"
                )));
            }
            return Ok(j as usize);
        }
        if let Ok(s) = key.cast::<PyString>() {
            let id = s.to_str()?;
            return self
                .inner
                .index_of(id)
                .ok_or_else(|| pyo3::exceptions::PyKeyError::new_err(id.to_owned()));
        }
        Err(parameter_error(py, "key", "expected an int position or a str id"))
    }
}

#[pymethods]
impl Registry {
    /// Reads `{"cooperatives": [...]}` or JSON Lines, from text or from a
    /// file path. With `lenient=True` records with problems are left out and
    /// listed in `.rejected` instead of raising `InputError`. With
    /// `units=` (a `coopkit.Units`) and `units_as_of=` (the registry's date)
    /// every province, district and commune code must be a unit valid on
    /// that date, else an input error at its record and field.
    /// `max_bytes`, `max_records`, `max_members` (and positions, per
    /// cooperative), `max_depth` (JSON nesting) and `max_errors` raise or
    /// lower the limits of the read (`coopkit.LIMITS`); input beyond one
    /// is an `InputError` of type "too_large" naming it.
    #[staticmethod]
    #[pyo3(signature = (source, *, lenient=false, units=None, units_as_of=None, max_bytes=None, max_records=None, max_members=None, max_depth=None, max_errors=None))]
    #[allow(clippy::too_many_arguments)]
    fn from_json(
        py: Python<'_>,
        source: &Bound<'_, PyAny>,
        lenient: bool,
        units: Option<&Bound<'_, crate::objects::Units>>,
        units_as_of: Option<&Bound<'_, PyAny>>,
        max_bytes: Option<u64>,
        max_records: Option<u64>,
        max_members: Option<u64>,
        max_depth: Option<u64>,
        max_errors: Option<u64>,
    ) -> PyResult<Self> {
        let limits = [max_bytes, max_records, max_members, max_depth, max_errors];
        let units = crate::objects::units_and_date(py, units, units_as_of)?;
        match self::source(py, source)? {
            Source::Text(t) => Registry::load(py, lenient, units, limits, None, |o| o.read_json(&t)),
            // A file: regular, within the limit, and a blank `.json` is an error.
            Source::Path(p) => {
                crate::memory::room_for(std::fs::metadata(&p).map_or(0, |m| m.len()))?;
                Registry::load(py, lenient, units, limits, None, |o| o.read_json_file(&p))
            }
        }
    }

    /// Reads a CSV folder holding cooperatives.csv, members.csv and
    /// positions.csv. Problems are located by file, line (the header is
    /// line 1) and column: `members.csv:42.birth_date`, all at once. With
    /// `lenient=True` invalid cooperatives are left out and listed in
    /// `.rejected` (a header problem still raises).
    #[staticmethod]
    #[pyo3(signature = (folder, *, lenient=false, units=None, units_as_of=None, delimiter=None, max_bytes=None, max_records=None, max_members=None, max_errors=None))]
    #[allow(clippy::too_many_arguments)]
    fn from_csv(
        py: Python<'_>,
        folder: PathBuf,
        lenient: bool,
        units: Option<&Bound<'_, crate::objects::Units>>,
        units_as_of: Option<&Bound<'_, PyAny>>,
        delimiter: Option<&Bound<'_, PyAny>>,
        max_bytes: Option<u64>,
        max_records: Option<u64>,
        max_members: Option<u64>,
        max_errors: Option<u64>,
    ) -> PyResult<Self> {
        let limits = [max_bytes, max_records, max_members, None, max_errors];
        let units = crate::objects::units_and_date(py, units, units_as_of)?;
        let delimiter = delimiter
            .filter(|d| !d.is_none())
            .map(|d| {
                d.extract::<String>().map_err(|_| {
                    parameter_error(py, "delimiter", "expected a str of one character, such as \";\"")
                })
            })
            .transpose()?;
        let size: u64 = ["cooperatives.csv", "members.csv", "positions.csv"]
            .iter()
            .filter_map(|f| std::fs::metadata(folder.join(f)).ok())
            .map(|m| m.len())
            .sum();
        crate::memory::room_for(size)?;
        Registry::load(py, lenient, units, limits, delimiter.as_deref(), |o| {
            o.read_csv_dir(&folder)
        })
    }

    /// Reads an Excel workbook (`.xlsx`), from a path or its bytes: a sheet
    /// of cooperatives and optionally one of members and one of positions,
    /// with the contract's sheet and column names or the core's Vietnamese
    /// ones (`coopkit::io::excel`), Vietnamese labels in coded columns,
    /// Excel dates and numbers; `headers` adds your own column headers.
    /// Problems are at the sheet and cell (`members!E18.birth_date`). With
    /// `lenient=True` invalid cooperatives are left out and listed in
    /// `.rejected`.
    #[staticmethod]
    #[pyo3(signature = (source, *, lenient=false, units=None, units_as_of=None, headers=None, max_bytes=None, max_records=None, max_members=None, max_errors=None))]
    #[allow(clippy::too_many_arguments)]
    fn from_excel(
        py: Python<'_>,
        source: &Bound<'_, PyAny>,
        lenient: bool,
        units: Option<&Bound<'_, crate::objects::Units>>,
        units_as_of: Option<&Bound<'_, PyAny>>,
        headers: Option<&Bound<'_, PyAny>>,
        max_bytes: Option<u64>,
        max_records: Option<u64>,
        max_members: Option<u64>,
        max_errors: Option<u64>,
    ) -> PyResult<Self> {
        let limits = [max_bytes, max_records, max_members, None, max_errors];
        let units = crate::objects::units_and_date(py, units, units_as_of)?;
        let extra = excel_headers(py, headers)?;
        // The user's headers are checked by the core before anything is read.
        let add = |o: &ReadOptions| {
            let mut o = o.clone();
            for (table, column, header) in &extra {
                o = o.excel_header(table, column, header)?;
            }
            Ok::<_, coopkit::Error>(o)
        };
        add(&ReadOptions::new()).map_err(|e| to_py_err(py, &e))?;
        if let Ok(b) = source.cast::<pyo3::types::PyBytes>() {
            let bytes = b.as_bytes().to_vec();
            crate::memory::room_for(bytes.len() as u64)?;
            return Registry::load(py, lenient, units, limits, None, |o| add(o)?.read_xlsx(&bytes));
        }
        let path: PathBuf = source.extract().map_err(|_| {
            parameter_error(
                py,
                "source",
                "expected a path, an os.PathLike or the workbook's bytes",
            )
        })?;
        crate::memory::room_for(std::fs::metadata(&path).map_or(0, |m| m.len()))?;
        Registry::load(py, lenient, units, limits, None, |o| {
            add(o)?.read_xlsx_file(&path)
        })
    }

    /// Builds a registry from a list of dicts, one cooperative each, in the
    /// interchange format. Problems are reported as
    /// `cooperatives[i].field`, all at once.
    #[staticmethod]
    #[pyo3(signature = (records, *, lenient=false, units=None, units_as_of=None, max_records=None, max_members=None, max_errors=None))]
    #[allow(clippy::too_many_arguments)]
    fn from_records(
        py: Python<'_>,
        records: &Bound<'_, PyAny>,
        lenient: bool,
        units: Option<&Bound<'_, crate::objects::Units>>,
        units_as_of: Option<&Bound<'_, PyAny>>,
        max_records: Option<u64>,
        max_members: Option<u64>,
        max_errors: Option<u64>,
    ) -> PyResult<Self> {
        let limits = [None, max_records, max_members, None, max_errors];
        let units = crate::objects::units_and_date(py, units, units_as_of)?;
        let mut values = Vec::new();
        for (i, rec) in records.try_iter()?.enumerate() {
            values.push(input::try_value(&rec?, &format!("cooperatives[{i}]"))?);
        }
        Registry::load(py, lenient, units, limits, None, |o: &ReadOptions| {
            o.read_values(values)
        })
    }

    /// Builds a registry from data frames: `cooperatives` (one row each),
    /// `members` and `positions` (each row with a `cooperative_id`), as
    /// pandas, polars or pyarrow tables, read through the Arrow PyCapsule
    /// interface with no Python object per row. The columns and rules are
    /// those of the CSV folder form (`from_csv`): `employees_female`,
    /// `summary_members`, `members_listed`, ...; a null cell is absent; keep
    /// codes such as `ethnicity` ("01") as text, and money as integers.
    /// Columns may be typed (dates, date-times on a whole day, integers,
    /// booleans, categoricals) or text; a float in a money column and a
    /// date-time with a time of day are refused, as their text would be.
    /// Problems name table and row: `members[17].birth_date` (row 17 from 0),
    /// `members.type` (a column). With `lenient=True` invalid cooperatives
    /// are left out and listed in `.rejected`.
    #[staticmethod]
    #[pyo3(signature = (cooperatives, members=None, positions=None, *, lenient=false, max_records=None, max_members=None, max_errors=None))]
    #[allow(clippy::too_many_arguments)]
    fn from_frames(
        py: Python<'_>,
        cooperatives: &Bound<'_, PyAny>,
        members: Option<&Bound<'_, PyAny>>,
        positions: Option<&Bound<'_, PyAny>>,
        lenient: bool,
        max_records: Option<u64>,
        max_members: Option<u64>,
        max_errors: Option<u64>,
    ) -> PyResult<Self> {
        let limits = [None, max_records, max_members, None, max_errors];
        let coops = frames::read(py, cooperatives, "cooperatives")?;
        let members = members
            .filter(|m| !m.is_none())
            .map(|m| frames::read(py, m, "members"))
            .transpose()?;
        let positions = positions
            .filter(|p| !p.is_none())
            .map(|p| frames::read(py, p, "positions"))
            .transpose()?;
        // Every column without a cell form, in all three tables, at once.
        let mut errors = Vec::new();
        let mut table = |s: &frames::Stream| s.table().map_err(|e| errors.extend(e)).ok();
        let c = table(&coops);
        let m = members.as_ref().and_then(&mut table);
        let p = positions.as_ref().and_then(&mut table);
        let (Some(c), true) = (c, errors.is_empty()) else {
            return Err(input_error(py, errors));
        };
        let (m, p) = (m.as_ref().map(frames::as_table), p.as_ref().map(frames::as_table));
        Registry::load(py, lenient, None, limits, None, |o| o.read_tables(&c, m, p))
    }

    /// This registry, whose location codes are those valid on `from_`, put
    /// onto the units of `units` valid on `to` (a 2024 registry on 2026
    /// units). Returns `(registry, report)`: every cooperative, and a dict
    /// with "unmapped" (each code that could not be mapped, kept as it was:
    /// {"index", "id", "field", "reason": {"en", "vi"}}), "changed" and
    /// "districts_removed" (from 1 Jul 2025 there are no districts).
    #[pyo3(signature = (units, *, from_, to))]
    fn on_units<'py>(
        &self,
        py: Python<'py>,
        units: &Bound<'py, crate::objects::Units>,
        from_: &Bound<'py, PyAny>,
        to: &Bound<'py, PyAny>,
    ) -> PyResult<(Registry, Bound<'py, PyDict>)> {
        let (from, to) = (input::as_of(py, Some(from_))?, input::as_of(py, Some(to))?);
        let u = units.get();
        let (registry, r) =
            guard_detached(py, || self.inner.on_units(&u.inner, from, to))?.map_err(|e| to_py_err(py, &e))?;
        let report = PyDict::new(py);
        report.set_item("unmapped", crate::objects::to_py(py, &r.unmapped)?)?;
        report.set_item("changed", r.changed)?;
        report.set_item("districts_removed", r.districts_removed)?;
        Ok((
            Registry {
                inner: std::sync::Arc::new(registry),
                rejected: Vec::new(),
            },
            report,
        ))
    }

    /// The cooperatives that match every filter given, in order, as a new
    /// registry: `ids` (one id or several; each must be in the registry),
    /// `province`, `district`, `commune` (one code or several), `sector`
    /// and `kind` (one code or several, parsed by the core).
    #[pyo3(signature = (*, ids=None, province=None, district=None, commune=None, sector=None, kind=None))]
    #[allow(clippy::too_many_arguments)]
    fn filter(
        &self,
        py: Python<'_>,
        ids: Option<&Bound<'_, PyAny>>,
        province: Option<&Bound<'_, PyAny>>,
        district: Option<&Bound<'_, PyAny>>,
        commune: Option<&Bound<'_, PyAny>>,
        sector: Option<&Bound<'_, PyAny>>,
        kind: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Registry> {
        let ids = input::names(py, "ids", ids)?;
        if let Some(missing) = ids
            .iter()
            .flatten()
            .position(|id| self.inner.index_of(id).is_none())
        {
            return Err(parameter_error(
                py,
                &format!("ids[{missing}]"),
                "not the id of a cooperative in this registry",
            ));
        }
        let province = input::names(py, "province", province)?;
        let district = input::names(py, "district", district)?;
        let commune = input::names(py, "commune", commune)?;
        let sectors = codes::<coopkit::Sector>(py, "sector", sector)?;
        let kinds = codes::<coopkit::Kind>(py, "kind", kind)?;
        let within = |list: &Option<Vec<String>>, code: &Option<String>| {
            list.as_ref()
                .is_none_or(|l| code.as_ref().is_some_and(|c| l.contains(c)))
        };
        let inner = guard_detached(py, || {
            self.inner.filter(|c| {
                ids.as_ref().is_none_or(|l| l.contains(&c.id))
                    && within(&province, &c.province)
                    && within(&district, &c.district)
                    && within(&commune, &c.commune)
                    && sectors.as_ref().is_none_or(|l| l.contains(&c.sector))
                    && kinds.as_ref().is_none_or(|l| l.contains(&c.kind))
            })
        })?;
        Ok(Registry {
            inner: std::sync::Arc::new(inner),
            rejected: Vec::new(),
        })
    }

    /// The registry's three tables as `coopkit.Table`s, in a dict with the
    /// keys `cooperatives`, `members` and `positions`: the CSV folder form
    /// (the columns `to_csv` writes), each column typed (amounts and counts
    /// `Int64`, dates, yes/no as nullable booleans). `Registry.from_frames(
    /// **reg.to_frames())` gives the registry back.
    fn to_frames<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let reg = &self.inner;
        let frames = guard_detached(py, || coopkit::io::registry_frames(reg))?;
        let out = PyDict::new(py);
        out.set_item("cooperatives", table(py, frames.cooperatives)?)?;
        out.set_item("members", table(py, frames.members)?)?;
        out.set_item("positions", table(py, frames.positions)?)?;
        Ok(out)
    }

    /// The registry in the interchange format, as JSON text.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        guard(py, || io_bridge::registry_to_json(&self.inner))
    }

    /// Writes the registry as a CSV folder (cooperatives.csv, members.csv,
    /// positions.csv), creating the folder if needed.
    #[pyo3(signature = (folder, *, bom=false))]
    fn to_csv(&self, py: Python<'_>, folder: PathBuf, bom: bool) -> PyResult<()> {
        call(py, || {
            coopkit::io::registry_to_csv_dir_with(&self.inner, &folder, bom)
        })
    }

    /// Records a lenient read left out: a list of {"index": position in the
    /// input, "id": the record's id or None, "errors": [{"path", "code",
    /// "message"}, ...]}.
    #[getter]
    fn rejected<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for r in &self.rejected {
            let d = PyDict::new(py);
            d.set_item("index", r.index)?;
            d.set_item("id", r.id.as_deref())?;
            d.set_item("errors", crate::boundary::problem_list(py, &r.errors)?)?;
            list.append(d)?;
        }
        Ok(list)
    }

    /// The ids, in order.
    fn ids(&self) -> Vec<String> {
        self.inner.iter().map(|c| c.id).collect()
    }

    /// Checks every cooperative under `law` on `as_of` (default today).
    #[pyo3(
        signature = (*, law=coopkit::LawChoice::Auto, as_of=None, parameters=None),
        text_signature = "($self, *, law='auto', as_of=None, parameters=None)"
    )]
    fn check(
        &self,
        py: Python<'_>,
        #[pyo3(from_py_with = input::code_arg::<coopkit::LawChoice>)] law: coopkit::LawChoice,
        as_of: Option<&Bound<'_, PyAny>>,
        parameters: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Vec<CheckReport>> {
        let as_of = input::as_of(py, as_of)?;
        let toml = crate::pickling::parameters_source(parameters);
        with_parameters(py, parameters, |p| {
            let reports = guard_detached(py, || {
                self.inner
                    .iter()
                    .map(|c| p.check(&c, law, as_of))
                    .collect::<Vec<_>>()
            })?;
            let origin = |i| crate::pickling::Origin::of(&self.inner, i, toml.clone());
            Ok(reports
                .into_iter()
                .enumerate()
                .map(|(i, r)| CheckReport::with_origin(r, origin(i)))
                .collect())
        })
    }

    /// Computes indicators as of `as_of` (default today), grouped by any of
    /// "province", "district", "commune", "cooperative", "sector", "kind",
    /// "size_class", "women_managed". `as_of` may be a list of dates, or
    /// `years=(2020, 2026)` every 31 December between two years: one table
    /// over all the dates, with an `as_of` column first (a trend). `ids`: indicator ids (None: all, in the contract's
    /// order). `women_managed_rule`: "chair_or_director", "management_majority",
    /// "women_owned" or "declared". `disaggregate`: a member attribute ("sex",
    /// "ethnic_group", "kinh_vs_minority", "member_kind", "age_band");
    /// `totals`: add margin rows; `min_cell`: suppress counts below it.
    /// Returns an `IndicatorTable` (columns: the `by` dimensions, then
    /// disaggregation, category, indicator, numerator, denominator, value,
    /// unit, contributing, not_contributing, reason, reason_vi, suppressed).
    #[pyo3(
        signature = (ids=None, *, by=None, as_of=None, women_managed_rule=coopkit::WomenManagedRule::ChairOrDirector,
                     disaggregate=None, totals=false, min_cell=None, parameters=None, years=None, units=None),
        text_signature = "($self, ids=None, *, by=None, as_of=None, women_managed_rule='chair_or_director', disaggregate=None, totals=False, min_cell=None, parameters=None, years=None, units=None)"
    )]
    #[allow(clippy::too_many_arguments)]
    fn indicators<'py>(
        &self,
        py: Python<'py>,
        ids: Option<&Bound<'py, PyAny>>,
        by: Option<&Bound<'py, PyAny>>,
        as_of: Option<&Bound<'py, PyAny>>,
        #[pyo3(from_py_with = input::code_arg::<coopkit::WomenManagedRule>)]
        women_managed_rule: coopkit::WomenManagedRule,
        disaggregate: Option<&str>,
        totals: bool,
        #[pyo3(from_py_with = input::min_cell_arg)] min_cell: Option<u32>,
        parameters: Option<&Bound<'py, PyAny>>,
        years: Option<(i32, i32)>,
        units: Option<&Bound<'py, crate::objects::Units>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        use coopkit::indicators::{Disaggregation, Query};
        let dates = match (input::as_of_list(py, as_of)?, years) {
            (Some(_), Some(_)) => {
                return Err(crate::boundary::parameter_error(
                    py,
                    "years",
                    "give a list of dates in as_of or years, not both",
                ))
            }
            (Some(d), None) => Some(d),
            (None, Some((first, last))) => Some(call(py, || coopkit::indicators::year_ends(first, last))?),
            (None, None) => None,
        };
        let as_of = match &dates {
            Some(d) => d.first().copied().unwrap_or_default(),
            None => input::as_of(py, as_of)?,
        };
        let ids = input::names(py, "ids", ids)?;
        let by = input::names(py, "by", by)?.unwrap_or_default();
        let id_refs: Option<Vec<&str>> = ids.as_ref().map(|v| v.iter().map(String::as_str).collect());
        let by_refs: Vec<&str> = by.iter().map(String::as_str).collect();
        let mut query = call(py, || Query::from_names(as_of, id_refs.as_deref(), &by_refs))?;
        query.women_managed_rule = women_managed_rule;
        query.disaggregate = disaggregate
            .map(|d| input::option::<Disaggregation>(py, d))
            .transpose()?;
        query.totals = totals;
        query.min_cell = min_cell;
        query.dates = dates;
        query.units = units.map(|u| u.get().inner.clone());
        if parameters.is_some_and(|p| !p.is_none()) {
            query.parameters = Some(with_parameters(py, parameters, |p| Ok(p.clone()))?);
        }
        let table = guard_detached(py, || self.inner.indicators(&query).map(|t| (t.columns(), t)))?
            .map_err(|e| to_py_err(py, &e))?;
        let (c, t) = table;
        let (cols, types) = columns(py, c.named())?;
        let kwargs = PyDict::new(py);
        kwargs.set_item("types", types)?;
        kwargs.set_item("as_of", crate::objects::date(py, t.as_of)?)?;
        kwargs.set_item("women_managed_rule", t.women_managed_rule.as_str())?;
        kwargs.set_item("core", CoreTable { inner: t })?;
        py.import("coopkit._table")?
            .getattr("IndicatorTable")?
            .call((cols,), Some(&kwargs))
    }

    /// Progress towards each of the programme's targets on `as_of` (default
    /// today), under `women_managed_rule`: a `coopkit.Table`, one row per
    /// target (target, description, as_of, unit, target_value, achieved,
    /// share, numerator, denominator, met, progress, expected, on_track,
    /// not_contributing, reason), text in `lang`. `baselines` maps a
    /// target id to `{"date": ..., "value": n}`, the measured start that
    /// tells whether progress is on track.
    #[pyo3(
        signature = (*, as_of=None, women_managed_rule=coopkit::WomenManagedRule::ChairOrDirector, baselines=None, lang=None),
        text_signature = "($self, *, as_of=None, women_managed_rule='chair_or_director', baselines=None, lang=None)"
    )]
    fn progress<'py>(
        &self,
        py: Python<'py>,
        as_of: Option<&Bound<'py, PyAny>>,
        #[pyo3(from_py_with = input::code_arg::<coopkit::WomenManagedRule>)]
        women_managed_rule: coopkit::WomenManagedRule,
        baselines: Option<&Bound<'py, PyDict>>,
        #[pyo3(from_py_with = input::opt_code_arg::<coopkit::Lang>)] lang: Option<coopkit::Lang>,
    ) -> PyResult<Bound<'py, PyAny>> {
        use coopkit::indicators::targets;
        let lang = crate::objects::lang_or(lang);
        let as_of = input::as_of(py, as_of)?;
        let mut base = Vec::new();
        if let Some(b) = baselines {
            for (key, value) in b.iter() {
                let id: String = key
                    .extract()
                    .map_err(|_| parameter_error(py, "baselines", "keys are target ids"))?;
                // Checked by the core before anything is read from it.
                let t = call(py, || targets::programme_target("baselines", &id))?;
                let path = format!("baselines.{}", t.id);
                let entry = value
                    .cast::<PyDict>()
                    .map_err(|_| parameter_error(py, &path, "expected {\"date\": ..., \"value\": n}"))?;
                let date = entry.get_item("date")?;
                let date = input::as_of(py, date.as_ref())
                    .map_err(|_| parameter_error(py, &format!("{path}.date"), "expected a date"))?;
                let n: u64 = entry
                    .get_item("value")?
                    .and_then(|v| v.extract().ok())
                    .ok_or_else(|| {
                        parameter_error(
                            py,
                            &format!("{path}.value"),
                            "expected a whole number of at least 0",
                        )
                    })?;
                base.push((t.id.as_str(), targets::Baseline { date, value: n }));
            }
        }
        let reg = &self.inner;
        let out = guard_detached(py, || {
            targets::programme_progress(reg, as_of, &base, women_managed_rule)
        })?
        .map_err(|e| to_py_err(py, &e))?;
        let all = targets::programme_targets();
        table(py, coopkit::indicators::progress_columns(&out, all, lang))
    }

    /// Every finding of every cooperative under `law` on `as_of` (default
    /// today), one row each: cooperative, law, as_of, rule, rule_label,
    /// status, subject, measured, required, unit, comparison, citation,
    /// message; labels, citations and messages in `lang` (default
    /// `get_language()`). Returns a `coopkit.Table`.
    #[pyo3(
        signature = (*, law=coopkit::LawChoice::Auto, as_of=None, parameters=None, lang=None),
        text_signature = "($self, *, law='auto', as_of=None, parameters=None, lang=None)"
    )]
    fn findings<'py>(
        &self,
        py: Python<'py>,
        #[pyo3(from_py_with = input::code_arg::<coopkit::LawChoice>)] law: coopkit::LawChoice,
        as_of: Option<&Bound<'py, PyAny>>,
        parameters: Option<&Bound<'py, PyAny>>,
        #[pyo3(from_py_with = input::opt_code_arg::<coopkit::Lang>)] lang: Option<coopkit::Lang>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let as_of = input::as_of(py, as_of)?;
        let lang = crate::objects::lang_or(lang);
        let named = with_parameters(py, parameters, |p| {
            guard_detached(py, || {
                let reports: Vec<_> = self.inner.iter().map(|c| p.check(&c, law, as_of)).collect();
                coopkit::indicators::findings_columns(&reports, lang)
            })
        })?;
        table(py, named)
    }

    /// Classifies every cooperative on `as_of` (default today): a
    /// `coopkit.Table`, one row per cooperative (cooperative, as_of,
    /// size_class, size_status, size_basis, ilo_type, has_minority_member,
    /// then one column per women-managed rule: women_managed_<rule>, True,
    /// False or None), the size basis cited in `lang` (default
    /// `get_language()`). `coopkit.classify(registry[id])` gives one
    /// cooperative's classification with its reasons.
    #[pyo3(signature = (*, as_of=None, parameters=None, lang=None))]
    fn classify<'py>(
        &self,
        py: Python<'py>,
        as_of: Option<&Bound<'py, PyAny>>,
        parameters: Option<&Bound<'py, PyAny>>,
        #[pyo3(from_py_with = input::opt_code_arg::<coopkit::Lang>)] lang: Option<coopkit::Lang>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let lang = crate::objects::lang_or(lang);
        let as_of = input::as_of(py, as_of)?;
        let named = with_parameters(py, parameters, |p| {
            guard_detached(py, || {
                let all: Vec<_> = self
                    .inner
                    .iter()
                    .map(|c| coopkit::classify::classify_with(p, &c, as_of))
                    .collect();
                coopkit::indicators::classification_columns(&all, lang)
            })
        })?;
        table(py, named)
    }

    /// The province report on `as_of` (default today), in `lang` (default
    /// "vi"): the indicators for each province, the programme's targets,
    /// each cooperative checked under `law` and classified, and the notes on
    /// what rests on confirmed law. `title` and `source` (a file name) are
    /// shown in its header; `units` names the places beside their codes.
    /// Returns a `coopkit.Report` (`to_text()`, `to_html()`, `to_excel()`).
    #[pyo3(
        signature = (*, as_of=None, lang=coopkit::Lang::Vi, law=coopkit::LawChoice::Auto,
                     women_managed_rule=coopkit::WomenManagedRule::ChairOrDirector, parameters=None,
                     units=None, title=None, source=None),
        text_signature = "($self, *, as_of=None, lang='vi', law='auto', women_managed_rule='chair_or_director', parameters=None, units=None, title=None, source=None)"
    )]
    #[allow(clippy::too_many_arguments)]
    fn report(
        &self,
        py: Python<'_>,
        as_of: Option<&Bound<'_, PyAny>>,
        #[pyo3(from_py_with = input::code_arg::<coopkit::Lang>)] lang: coopkit::Lang,
        #[pyo3(from_py_with = input::code_arg::<coopkit::LawChoice>)] law: coopkit::LawChoice,
        #[pyo3(from_py_with = input::code_arg::<coopkit::WomenManagedRule>)]
        women_managed_rule: coopkit::WomenManagedRule,
        parameters: Option<&Bound<'_, PyAny>>,
        units: Option<&Bound<'_, crate::objects::Units>>,
        title: Option<String>,
        source: Option<String>,
    ) -> PyResult<crate::report::Report> {
        let as_of = input::as_of(py, as_of)?;
        let mut options = coopkit::report::ReportOptions::new(as_of)
            .lang(lang)
            .law(law)
            .rule(women_managed_rule);
        if let Some(u) = units {
            // A `coopkit.Units` already holds the built-in units under the user's.
            options = options.units(u.get().inner.clone());
        }
        if let Some(t) = title {
            options = options.title(t);
        }
        if let Some(s) = source {
            options = options.source(s);
        }
        let options = with_parameters(py, parameters, |p| Ok(options.params(p.clone())))?;
        let inner = guard_detached(py, || self.inner.report(&options))?.map_err(|e| to_py_err(py, &e))?;
        Ok(crate::report::Report { inner })
    }

    fn __len__(&self) -> usize {
        self.inner.len()
    }

    /// Pickles as its interchange JSON and its rejected records.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyTuple>> {
        crate::pickling::reduce_registry(py, self)
    }

    fn __getitem__(&self, py: Python<'_>, key: &Bound<'_, PyAny>) -> PyResult<Cooperative> {
        let i = self.position(py, key)?;
        let inner =
            guard(py, || self.inner.get(i))?.ok_or_else(|| pyo3::exceptions::PyIndexError::new_err(i))?;
        Ok(Cooperative { inner })
    }

    fn __contains__(&self, id: &Bound<'_, PyAny>) -> bool {
        id.cast::<PyString>()
            .ok()
            .and_then(|s| s.to_str().ok().and_then(|s| self.inner.index_of(s)))
            .is_some()
    }

    fn __iter__(slf: PyRef<'_, Self>) -> RegistryIter {
        RegistryIter {
            registry: slf.into(),
            next: 0,
        }
    }

    fn __repr__(&self) -> String {
        let rejected = if self.rejected.is_empty() {
            String::new()
        } else {
            format!(", {} rejected", self.rejected.len())
        };
        format!("<Registry {} cooperatives{rejected}>", self.inner.len())
    }
}

/// The core's indicator table behind an `IndicatorTable`, kept for its JSON
/// form (serialised only when asked for).
#[pyclass(module = "coopkit", frozen)]
pub struct CoreTable {
    inner: coopkit::indicators::Table,
}

#[pymethods]
impl CoreTable {
    /// The table in the core's JSON form.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        guard(py, || self.inner.to_json())
    }
}

/// Iterator over a registry's cooperatives.
#[pyclass(module = "coopkit")]
pub struct RegistryIter {
    registry: Py<Registry>,
    next: usize,
}

#[pymethods]
impl RegistryIter {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }
    fn __next__(&mut self, py: Python<'_>) -> Option<Cooperative> {
        let c = self.registry.get().inner.get(self.next)?;
        let _ = py;
        self.next += 1;
        Some(Cooperative { inner: c })
    }
}

/// `field` as one code or several of the core's list `C` (its error names
/// the field and the valid codes); `None` when not given.
fn codes<C: coopkit::Code>(
    py: Python<'_>,
    field: &str,
    obj: Option<&Bound<'_, PyAny>>,
) -> PyResult<Option<Vec<C>>> {
    input::names(py, field, obj)?
        .map(|v| v.iter().map(|s| input::option::<C>(py, s)).collect())
        .transpose()
}

/// Named core columns as a dict of Python lists and a dict of their kinds
/// (`text`, `code`, `count`, `number`, `flag`, `truth`, `date`), which
/// `coopkit.Table` uses to give every data frame its types.
fn columns<'py>(
    py: Python<'py>,
    named: Vec<(&'static str, coopkit::indicators::Column)>,
) -> PyResult<(Bound<'py, PyDict>, Bound<'py, PyDict>)> {
    use coopkit::indicators::Column;
    let cols = PyDict::new(py);
    let types = PyDict::new(py);
    for (name, column) in named {
        types.set_item(name, column.kind())?;
        match column {
            Column::Text(v) => cols.set_item(name, v)?,
            Column::Code(v) => cols.set_item(name, v)?,
            Column::Count(v) => cols.set_item(name, v)?,
            Column::Number(v) => cols.set_item(name, v)?,
            Column::Flag(v) => cols.set_item(name, v)?,
            Column::Truth(v) => cols.set_item(name, v)?,
            Column::Date(v) => {
                let dates = v
                    .into_iter()
                    .map(|d| d.map(|d| crate::objects::date(py, d)).transpose())
                    .collect::<PyResult<Vec<_>>>()?;
                cols.set_item(name, dates)?
            }
        }
    }
    Ok((cols, types))
}

/// A `coopkit.Table` of named core columns.
pub(crate) fn table<'py>(
    py: Python<'py>,
    named: Vec<(&'static str, coopkit::indicators::Column)>,
) -> PyResult<Bound<'py, PyAny>> {
    let (cols, types) = columns(py, named)?;
    let kwargs = PyDict::new(py);
    kwargs.set_item("types", types)?;
    py.import("coopkit._table")?
        .getattr("Table")?
        .call((cols,), Some(&kwargs))
}
