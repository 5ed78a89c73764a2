//! `coopkit.Registry`: many cooperatives, read from JSON, CSV, records or
//! data frames, checked and classified together, and summarised by
//! indicators.

use crate::boundary::{call, guard, guard_detached, input_error, parameter_error, to_py_err};
use crate::frames;
use crate::input;
use crate::io_bridge;
use crate::objects::{with_parameters, CheckReport, Classification, Cooperative};
use coopkit::InputError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyInt, PyList, PyString};
use std::path::PathBuf;

/// Many cooperatives with unique ids, in input order.
#[pyclass(module = "coopkit", frozen)]
pub struct Registry {
    pub inner: coopkit::Registry,
    /// Records left out by a lenient read, with their problems.
    pub rejected: Vec<InputError>,
}

/// Text or a path? A str that starts (after blanks) with `{` or `[` is
/// JSON text; any other str, or an `os.PathLike`, is a path.
enum Source {
    Text(String),
    Path(PathBuf),
}

fn source(py: Python<'_>, obj: &Bound<'_, PyAny>) -> PyResult<Source> {
    if let Ok(s) = obj.cast::<PyString>() {
        let s = s.to_str()?;
        let head = s.trim_start();
        return Ok(if head.starts_with('{') || head.starts_with('[') {
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

fn read_text(path: &std::path::Path) -> Result<String, coopkit::Error> {
    std::fs::read_to_string(path).map_err(|e| coopkit::Error::Io {
        path: path.display().to_string(),
        message: e.to_string(),
    })
}

fn dicts<'py>(py: Python<'py>, errors: &[InputError]) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for e in errors {
        let d = PyDict::new(py);
        d.set_item("path", &e.path)?;
        d.set_item("code", e.code.as_str())?;
        d.set_item("message", &e.message)?;
        list.append(d)?;
    }
    Ok(list)
}

impl Registry {
    fn strict(inner: coopkit::Registry) -> Self {
        Registry {
            inner,
            rejected: Vec::new(),
        }
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
    /// listed in `.rejected` instead of raising `InputError`.
    #[staticmethod]
    #[pyo3(signature = (source, *, lenient=false))]
    fn from_json(py: Python<'_>, source: &Bound<'_, PyAny>, lenient: bool) -> PyResult<Self> {
        let src = self::source(py, source)?;
        let text = match src {
            Source::Text(t) => t,
            Source::Path(p) => call(py, || read_text(&p))?,
        };
        guard_detached(py, || {
            if lenient {
                io_bridge::registry_from_json_lenient(&text)
                    .map(|(inner, rejected)| Registry { inner, rejected })
            } else {
                io_bridge::registry_from_json(&text).map(Registry::strict)
            }
        })?
        .map_err(|e| to_py_err(py, &e))
    }

    /// Reads a CSV folder holding cooperatives.csv, members.csv and
    /// positions.csv.
    #[staticmethod]
    fn from_csv(py: Python<'_>, folder: PathBuf) -> PyResult<Self> {
        call(py, || io_bridge::registry_from_csv_dir(&folder)).map(Registry::strict)
    }

    /// Builds a registry from a list of dicts, one cooperative each, in the
    /// interchange format. Problems are reported as
    /// `cooperatives[i].field`, all at once.
    #[staticmethod]
    #[pyo3(signature = (records, *, lenient=false))]
    fn from_records(py: Python<'_>, records: &Bound<'_, PyAny>, lenient: bool) -> PyResult<Self> {
        let mut coops = Vec::new();
        let mut errors = Vec::new();
        for (i, rec) in records.try_iter()?.enumerate() {
            let at = format!("cooperatives[{i}]");
            let value = match input::try_value(&rec?, &at)? {
                Ok(v) => v,
                Err(problems) => {
                    errors.extend(problems);
                    continue;
                }
            };
            match guard(py, || io_bridge::cooperative_from_value(&value))? {
                Ok(c) => coops.push(c),
                Err(e) if e.code() == "input" => {
                    errors.extend(e.input_errors().iter().map(|p| prefixed(p, &at)));
                }
                Err(e) => return Err(to_py_err(py, &e)),
            }
        }
        if !errors.is_empty() && !lenient {
            return Err(input_error(py, errors));
        }
        let inner = call(py, || coopkit::Registry::from_cooperatives(coops))?;
        Ok(Registry {
            inner,
            rejected: errors,
        })
    }

    /// Builds a registry from data frames: `cooperatives` (one row each),
    /// `members` and `positions` (each row with a `cooperative_id`), as
    /// pandas, polars or pyarrow tables, read through the Arrow PyCapsule
    /// interface with no Python object per row. Column names are the
    /// interchange format's fields (`summary.members` for nested ones).
    /// Problems name table and row: `members[17].birth_date`.
    #[staticmethod]
    #[pyo3(signature = (cooperatives, members=None, positions=None, *, lenient=false))]
    fn from_frames(
        py: Python<'_>,
        cooperatives: &Bound<'_, PyAny>,
        members: Option<&Bound<'_, PyAny>>,
        positions: Option<&Bound<'_, PyAny>>,
        lenient: bool,
    ) -> PyResult<Self> {
        let coops = frames::read(py, cooperatives, "cooperatives")?;
        let members = members
            .filter(|m| !m.is_none())
            .map(|m| frames::read(py, m, "members"))
            .transpose()?;
        let positions = positions
            .filter(|p| !p.is_none())
            .map(|p| frames::read(py, p, "positions"))
            .transpose()?;
        let built = guard_detached(py, || {
            let (assembled, mut errors) = frames::assemble(&coops, members.as_ref(), positions.as_ref());
            let mut kept = Vec::with_capacity(assembled.len());
            for (k, a) in assembled.iter().enumerate() {
                match io_bridge::cooperative_from_value(&a.record) {
                    Ok(c) => kept.push(c),
                    Err(e) if e.code() == "input" => {
                        errors.extend(e.input_errors().iter().map(|p| frames::relocate(p, k, a)))
                    }
                    Err(e) => return Err(e),
                }
            }
            if !errors.is_empty() && !lenient {
                return Ok(Err(errors));
            }
            coopkit::Registry::from_cooperatives(kept).map(|inner| {
                Ok(Registry {
                    inner,
                    rejected: errors,
                })
            })
        })?;
        match built {
            Ok(Ok(r)) => Ok(r),
            Ok(Err(errors)) => Err(input_error(py, errors)),
            Err(e) => Err(to_py_err(py, &e)),
        }
    }

    /// The registry in the interchange format, as JSON text.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        guard(py, || io_bridge::registry_to_json(&self.inner))
    }

    /// Records a lenient read left out: a list of {"path", "code", "message"}.
    #[getter]
    fn rejected<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        dicts(py, &self.rejected)
    }

    /// The ids, in order.
    fn ids(&self) -> Vec<String> {
        self.inner.iter().map(|c| c.id).collect()
    }

    /// Checks every cooperative under `law` on `as_of` (default today).
    #[pyo3(signature = (law="auto", as_of=None, *, parameters=None))]
    fn check(
        &self,
        py: Python<'_>,
        law: &str,
        as_of: Option<&Bound<'_, PyAny>>,
        parameters: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Vec<CheckReport>> {
        let law = input::law(py, law)?;
        let as_of = input::as_of(py, as_of)?;
        with_parameters(py, parameters, |p| {
            let reports = guard_detached(py, || {
                self.inner
                    .iter()
                    .map(|c| p.check(&c, law, as_of))
                    .collect::<Vec<_>>()
            })?;
            Ok(reports.into_iter().map(CheckReport::new).collect())
        })
    }

    /// Classifies every cooperative on `as_of` (default today).
    #[pyo3(signature = (as_of=None, *, parameters=None))]
    fn classify(
        &self,
        py: Python<'_>,
        as_of: Option<&Bound<'_, PyAny>>,
        parameters: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Vec<Classification>> {
        let as_of = input::as_of(py, as_of)?;
        with_parameters(py, parameters, |p| {
            let all = guard_detached(py, || {
                self.inner
                    .iter()
                    .map(|c| coopkit::classify::classify_with(p, &c, as_of))
                    .collect::<Vec<_>>()
            })?;
            Ok(all.into_iter().map(Classification::new).collect())
        })
    }

    fn __len__(&self) -> usize {
        self.inner.len()
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

/// A problem of one record, its path put under the record's own (`at`).
fn prefixed(e: &InputError, at: &str) -> InputError {
    let path = if e.path.is_empty() {
        at.to_owned()
    } else if e.path.starts_with('[') {
        format!("{at}{}", e.path)
    } else {
        format!("{at}.{}", e.path)
    };
    InputError::new(path, e.code, e.message.clone())
}
