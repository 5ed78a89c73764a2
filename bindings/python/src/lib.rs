//! The Python binding of coopkit: a thin layer that converts Python values,
//! calls the core and maps its errors. No domain logic lives here.
//!
//! Built by maturin as `coopkit._coopkit`; the pure-Python package
//! `coopkit` (under `python/`) re-exports it with the exception classes,
//! HTML rendering and data-frame conversions.

mod boundary;
mod input;
mod io_bridge;
mod objects;
mod registry;

use boundary::guard;
use objects::{with_cooperative, with_parameters, CheckReport, Classification};
use pyo3::prelude::*;

/// Checks one cooperative against the law in force on `as_of`.
///
/// `coop` is a dict in the interchange format, JSON text, or a
/// `coopkit.Cooperative`; `law` is "auto", "vn-2012" or "vn-2023"; `as_of` a
/// `datetime.date` or ISO string (None: today); `parameters` a
/// `coopkit.Parameters` or TOML text laid over the built-in table.
#[pyfunction]
#[pyo3(signature = (coop, law="auto", as_of=None, *, parameters=None))]
fn check(
    py: Python<'_>,
    coop: &Bound<'_, PyAny>,
    law: &str,
    as_of: Option<&Bound<'_, PyAny>>,
    parameters: Option<&Bound<'_, PyAny>>,
) -> PyResult<CheckReport> {
    let law = input::law(py, law)?;
    let as_of = input::as_of(py, as_of)?;
    with_parameters(py, parameters, |p| {
        with_cooperative(py, coop, |c| CheckReport::new(p.check(c, law, as_of)))
    })
}

/// Classifies one cooperative on `as_of`: size class, ILO type, minority
/// membership and women-managed status under each named rule.
#[pyfunction]
#[pyo3(signature = (coop, as_of=None, *, parameters=None))]
fn classify(
    py: Python<'_>,
    coop: &Bound<'_, PyAny>,
    as_of: Option<&Bound<'_, PyAny>>,
    parameters: Option<&Bound<'_, PyAny>>,
) -> PyResult<Classification> {
    let as_of = input::as_of(py, as_of)?;
    with_parameters(py, parameters, |p| {
        with_cooperative(py, coop, |c| {
            Classification::new(coopkit::classify::classify_with(p, c, as_of))
        })
    })
}

/// Panics on purpose, to test that a Rust panic arrives as
/// `coopkit.CoopkitError` and never as a crash. Not public API.
#[pyfunction]
fn _panic_for_test(py: Python<'_>) -> PyResult<()> {
    guard(py, || panic!("deliberate panic for the binding's tests"))
}

/// The compiled part of the `coopkit` package.
#[pymodule]
fn _coopkit(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(check, m)?)?;
    m.add_function(wrap_pyfunction!(classify, m)?)?;
    m.add_function(wrap_pyfunction!(objects::set_language, m)?)?;
    m.add_function(wrap_pyfunction!(objects::get_language, m)?)?;
    m.add_function(wrap_pyfunction!(_panic_for_test, m)?)?;
    m.add_class::<objects::Cooperative>()?;
    m.add_class::<objects::Finding>()?;
    m.add_class::<objects::CheckReport>()?;
    m.add_class::<objects::Classification>()?;
    m.add_class::<objects::Parameters>()?;
    m.add_class::<registry::Registry>()?;
    m.add_class::<registry::RegistryIter>()?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
