//! Pickling: every result and input object can cross a process boundary
//! (`multiprocessing`, `concurrent.futures`). Check reports and
//! classifications are pure functions of a cooperative, a date, a law and a
//! parameter table, so they pickle as those and are computed again when
//! unpickled; cooperatives and registries pickle as their interchange JSON.
//! Nothing here decides anything: the core reads and computes.

use crate::boundary::{call, guard};
use crate::objects::{CheckReport, Classification, Cooperative, Parameters};
use crate::registry::Registry;
use crate::{input, io_bridge};
use pyo3::prelude::*;
use pyo3::types::{PyString, PyTuple};
use std::sync::Arc;

/// What a result was computed from.
#[derive(Clone)]
pub struct Origin {
    source: Source,
    /// The TOML laid over the built-in parameters (None: the built-in table).
    parameters: Option<Arc<str>>,
}

#[derive(Clone)]
enum Source {
    /// A cooperative given on its own.
    One(Arc<coopkit::Cooperative>),
    /// The cooperative at a position of a registry.
    Of(Arc<coopkit::Registry>, usize),
}

impl Origin {
    pub fn one(coop: &coopkit::Cooperative, parameters: Option<Arc<str>>) -> Self {
        Origin {
            source: Source::One(Arc::new(coop.clone())),
            parameters,
        }
    }

    pub fn of(registry: &Arc<coopkit::Registry>, index: usize, parameters: Option<Arc<str>>) -> Self {
        Origin {
            source: Source::Of(registry.clone(), index),
            parameters,
        }
    }

    /// The cooperative as interchange JSON.
    fn cooperative_json(&self, py: Python<'_>) -> PyResult<String> {
        let coop = match &self.source {
            Source::One(c) => Some(c.as_ref().clone()),
            Source::Of(r, i) => guard(py, || r.get(*i))?,
        };
        let coop = coop.ok_or_else(|| pyo3::exceptions::PyIndexError::new_err(0))?;
        guard(py, || coopkit::io::cooperative_to_json(&coop))
    }
}

/// The TOML of a `parameters=` argument, for pickling (None: built-in).
pub fn parameters_source(parameters: Option<&Bound<'_, PyAny>>) -> Option<Arc<str>> {
    let p = parameters?;
    if let Ok(p) = p.cast::<Parameters>() {
        return p.get().toml.clone();
    }
    p.cast::<PyString>().ok()?.to_str().ok().map(Arc::from)
}

fn module_fn<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("coopkit._coopkit")?.getattr(name)
}

fn parameters_of(py: Python<'_>, toml: Option<&str>) -> PyResult<coopkit::Parameters> {
    match toml {
        None => guard(py, || coopkit::Parameters::builtin().clone()),
        Some(text) => Ok(Parameters::from_toml_text(py, text)?.inner),
    }
}

/// `(the module's function, args)`: what `__reduce__` returns.
fn reduced<'py>(py: Python<'py>, function: &str, args: Bound<'py, PyTuple>) -> PyResult<Bound<'py, PyTuple>> {
    PyTuple::new(py, [module_fn(py, function)?, args.into_any()])
}

/// The origin of a result, or the error of one that has none.
fn origin_of<'a>(origin: &'a Option<Origin>, what: &str) -> PyResult<&'a Origin> {
    origin.as_ref().ok_or_else(|| {
        pyo3::exceptions::PyTypeError::new_err(format!("this {what} does not know what it was computed from"))
    })
}

/// `(callable, args)` for a check report.
pub fn reduce_report<'py>(py: Python<'py>, r: &CheckReport) -> PyResult<Bound<'py, PyTuple>> {
    let origin = origin_of(&r.origin, "CheckReport")?;
    let args = (
        origin.cooperative_json(py)?,
        r.inner.law.as_str(),
        r.inner.as_of.to_string(),
        origin.parameters.as_deref(),
        r.lang,
    );
    reduced(py, "_check_report_from_state", args.into_pyobject(py)?)
}

/// `(callable, args)` for a classification.
pub fn reduce_classification<'py>(py: Python<'py>, c: &Classification) -> PyResult<Bound<'py, PyTuple>> {
    let origin = origin_of(&c.origin, "Classification")?;
    let args = (
        origin.cooperative_json(py)?,
        c.inner.as_of.to_string(),
        origin.parameters.as_deref(),
    );
    reduced(py, "_classification_from_state", args.into_pyobject(py)?)
}

/// `(callable, args)` for a cooperative.
pub fn reduce_cooperative<'py>(py: Python<'py>, c: &Cooperative) -> PyResult<Bound<'py, PyTuple>> {
    let json = guard(py, || coopkit::io::cooperative_to_json(&c.inner))?;
    reduced(py, "_cooperative_from_state", (json,).into_pyobject(py)?)
}

/// A rejected record as plain values: (index, id, [(path, code, message)]).
type RejectedState = (usize, Option<String>, Vec<(String, String, String)>);

/// `(callable, args)` for a registry: its JSON and what a lenient read left out.
pub fn reduce_registry<'py>(py: Python<'py>, r: &Registry) -> PyResult<Bound<'py, PyTuple>> {
    let reg = &r.inner;
    let json = guard(py, || io_bridge::registry_to_json(reg))?;
    let rejected: Vec<RejectedState> = r
        .rejected
        .iter()
        .map(|x| {
            let errors = x
                .errors
                .iter()
                .map(|e| (e.path.clone(), e.code.as_str().to_owned(), e.message.clone()))
                .collect();
            (x.index, x.id.clone(), errors)
        })
        .collect();
    reduced(py, "_registry_from_state", (json, rejected).into_pyobject(py)?)
}

/// Unpickles a check report: the same check, computed again.
#[pyfunction]
#[pyo3(signature = (coop_json, law, as_of, parameters, lang))]
pub fn _check_report_from_state(
    py: Python<'_>,
    coop_json: &str,
    law: &str,
    as_of: &str,
    parameters: Option<&str>,
    lang: Option<&str>,
) -> PyResult<CheckReport> {
    let coop = call(py, || io_bridge::cooperative_from_json(coop_json))?;
    let law = input::law(py, law)?;
    let day = call(py, || coopkit::codes::parse_date_option("as_of", as_of))?;
    let table = parameters_of(py, parameters)?;
    let report = guard(py, || table.check(&coop, law, day))?;
    let mut out = CheckReport::with_origin(report, Origin::one(&coop, parameters.map(Arc::from)));
    out.lang = lang.map(|l| input::lang(py, l)).transpose()?;
    Ok(out)
}

/// Unpickles a classification: the same classification, computed again.
#[pyfunction]
pub fn _classification_from_state(
    py: Python<'_>,
    coop_json: &str,
    as_of: &str,
    parameters: Option<&str>,
) -> PyResult<Classification> {
    let coop = call(py, || io_bridge::cooperative_from_json(coop_json))?;
    let day = call(py, || coopkit::codes::parse_date_option("as_of", as_of))?;
    let table = parameters_of(py, parameters)?;
    let c = guard(py, || coopkit::classify::classify_with(&table, &coop, day))?;
    Ok(Classification::with_origin(
        c,
        Origin::one(&coop, parameters.map(Arc::from)),
    ))
}

/// Unpickles a cooperative.
#[pyfunction]
pub fn _cooperative_from_state(py: Python<'_>, json: &str) -> PyResult<Cooperative> {
    Ok(Cooperative {
        inner: call(py, || io_bridge::cooperative_from_json(json))?,
    })
}

/// Unpickles a registry, with its rejected records.
#[pyfunction]
pub fn _registry_from_state(py: Python<'_>, json: &str, rejected: Vec<RejectedState>) -> PyResult<Registry> {
    let inner = call(py, || io_bridge::registry_from_json(json))?;
    let mut out = Vec::with_capacity(rejected.len());
    for (index, id, errors) in rejected {
        let errors = errors
            .into_iter()
            .map(|(path, code, message)| {
                let code = input::option::<coopkit::InputErrorCode>(py, &code)?;
                Ok(coopkit::InputError::new(path, code, message))
            })
            .collect::<PyResult<Vec<_>>>()?;
        out.push(coopkit::io::Rejected { index, id, errors });
    }
    Ok(Registry {
        inner: Arc::new(inner),
        rejected: out,
    })
}
