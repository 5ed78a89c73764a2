//! The Python binding of coopkit: a thin layer that converts Python values,
//! calls the core and maps its errors. No domain logic lives here.
//!
//! Built by maturin as `coopkit._coopkit`; the pure-Python package
//! `coopkit` (under `python/`) re-exports it with the exception classes,
//! HTML rendering and data-frame conversions.

mod boundary;
mod frames;
mod input;
mod io_bridge;
mod memory;
mod objects;
mod pickling;
mod registry;
mod report;
mod workbook;

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
#[pyo3(
    signature = (coop, *, law=coopkit::LawChoice::Auto, as_of=None, parameters=None),
    text_signature = "(coop, *, law='auto', as_of=None, parameters=None)"
)]
fn check(
    py: Python<'_>,
    coop: &Bound<'_, PyAny>,
    #[pyo3(from_py_with = input::code_arg::<coopkit::LawChoice>)] law: coopkit::LawChoice,
    as_of: Option<&Bound<'_, PyAny>>,
    parameters: Option<&Bound<'_, PyAny>>,
) -> PyResult<CheckReport> {
    let as_of = input::as_of(py, as_of)?;
    let toml = pickling::parameters_source(parameters);
    with_parameters(py, parameters, |p| {
        with_cooperative(py, coop, |c| {
            CheckReport::with_origin(p.check(c, law, as_of), pickling::Origin::one(c, toml))
        })
    })
}

/// Classifies one cooperative on `as_of`: size class, ILO type, minority
/// membership and women-managed status under each named rule.
#[pyfunction]
#[pyo3(signature = (coop, *, as_of=None, parameters=None))]
fn classify(
    py: Python<'_>,
    coop: &Bound<'_, PyAny>,
    as_of: Option<&Bound<'_, PyAny>>,
    parameters: Option<&Bound<'_, PyAny>>,
) -> PyResult<Classification> {
    let as_of = input::as_of(py, as_of)?;
    let toml = pickling::parameters_source(parameters);
    with_parameters(py, parameters, |p| {
        with_cooperative(py, coop, |c| {
            Classification::with_origin(
                coopkit::classify::classify_with(p, c, as_of),
                pickling::Origin::one(c, toml),
            )
        })
    })
}

/// The 2025 and 2030 targets of the programme for cooperatives with women
/// in management (Decision 01/QD-TTg of 2023) and Resolution 28's share of
/// women directors: a `coopkit.Table`, one row per target (target,
/// description, value, unit, due, indicator, kind, measurable, citation),
/// the description and citation in `lang` (default `get_language()`).
#[pyfunction]
#[pyo3(signature = (*, lang=None))]
fn targets<'py>(
    py: Python<'py>,
    #[pyo3(from_py_with = input::opt_code_arg::<coopkit::Lang>)] lang: Option<coopkit::Lang>,
) -> PyResult<Bound<'py, PyAny>> {
    let lang = objects::lang_or(lang);
    let all = coopkit::indicators::targets::programme_targets();
    registry::table(py, coopkit::indicators::targets_columns(all, lang))
}

/// A date (a `datetime.date` or ISO string) written the way `lang` writes
/// it: `2024-10-16` or `16/10/2024`. For the HTML views.
#[pyfunction]
fn _format_date(py: Python<'_>, value: &Bound<'_, PyAny>, lang: &str) -> PyResult<String> {
    let d = input::as_of(py, Some(value))?;
    let lang: coopkit::Lang = input::option(py, lang)?;
    Ok(coopkit::text::date(d).text(lang).to_owned())
}

/// A number of `unit` ("count", "percent" or "ratio") as `lang` (default:
/// `get_language()`) writes it: `1.778` / `1,778`, `36,6 %` / `36.6 %`,
/// for a user's own charts and tables; the HTML views use it too.
#[pyfunction]
#[pyo3(signature = (value, unit="count", lang=None))]
fn format_number(
    py: Python<'_>,
    value: f64,
    unit: &str,
    #[pyo3(from_py_with = input::opt_code_arg::<coopkit::Lang>)] lang: Option<coopkit::Lang>,
) -> PyResult<String> {
    let lang = objects::lang_or(lang);
    let unit: coopkit::indicators::Unit = input::option(py, unit)?;
    Ok(unit.text(value, lang))
}

/// A citation in Vietnamese legal style (`coopkit::text::citation_vi`). For
/// the HTML views.
#[pyfunction]
fn _citation_vi(text: &str) -> String {
    coopkit::text::citation_vi(text)
}

/// Panics on purpose, to test that a Rust panic arrives as
/// `coopkit.CoopkitError` and never as a crash. Not public API.
#[pyfunction]
fn _panic_for_test(py: Python<'_>) -> PyResult<()> {
    guard(py, || panic!("deliberate panic for the binding's tests"))
}

/// The core's own answer, JSON text in and JSON text out with no Python
/// object in between: what `check(...).to_dict()` must equal. For tests.
#[pyfunction]
fn _core_check_json(py: Python<'_>, coop_json: &str, law: &str, as_of: &str) -> PyResult<String> {
    let law = input::law(py, law)?;
    let as_of = input::as_of(py, Some(pyo3::types::PyString::new(py, as_of).as_any()))?;
    let report = boundary::call(py, || {
        io_bridge::cooperative_from_json(coop_json).map(|c| coopkit::check(&c, law, as_of))
    })?;
    serde_json::to_string(&report).map_err(|e| pyo3::exceptions::PyRuntimeError::new_err(e.to_string()))
}

/// [`_core_check_json`] for classification. For tests.
#[pyfunction]
fn _core_classify_json(py: Python<'_>, coop_json: &str, as_of: &str) -> PyResult<String> {
    let as_of = input::as_of(py, Some(pyo3::types::PyString::new(py, as_of).as_any()))?;
    let c = boundary::call(py, || {
        io_bridge::cooperative_from_json(coop_json).map(|c| coopkit::classify(&c, as_of))
    })?;
    serde_json::to_string(&c).map_err(|e| pyo3::exceptions::PyRuntimeError::new_err(e.to_string()))
}

/// Seconds for `n` checks done wholly in Rust (decode from a parsed JSON
/// value, check), the baseline of the binding's overhead. For benches.
#[pyfunction]
fn _bench_core_check(py: Python<'_>, coop_json: &str, law: &str, as_of: &str, n: usize) -> PyResult<f64> {
    let law = input::law(py, law)?;
    let as_of = input::as_of(py, Some(pyo3::types::PyString::new(py, as_of).as_any()))?;
    let value: serde_json::Value = serde_json::from_str(coop_json)
        .map_err(|e| boundary::parameter_error(py, "coop_json", &e.to_string()))?;
    let elapsed = boundary::call(py, || {
        let start = std::time::Instant::now();
        for _ in 0..n {
            let c = io_bridge::cooperative_from_value(std::hint::black_box(&value))?;
            std::hint::black_box(coopkit::check(&c, law, as_of));
        }
        Ok(start.elapsed().as_secs_f64())
    })?;
    Ok(elapsed)
}

/// Seconds for `n` indicator computations done wholly in Rust (query
/// parsed once), the baseline of `Registry.indicators`. For benches.
#[pyfunction]
fn _bench_core_indicators(
    py: Python<'_>,
    registry: &Bound<'_, registry::Registry>,
    by: Vec<String>,
    as_of: &str,
    n: usize,
) -> PyResult<f64> {
    let as_of = input::as_of(py, Some(pyo3::types::PyString::new(py, as_of).as_any()))?;
    let by: Vec<&str> = by.iter().map(String::as_str).collect();
    let q = boundary::call(py, || coopkit::indicators::Query::from_names(as_of, None, &by))?;
    let reg = &registry.get().inner;
    boundary::call(py, || {
        let start = std::time::Instant::now();
        for _ in 0..n {
            std::hint::black_box(reg.indicators(&q)?.columns());
        }
        Ok(start.elapsed().as_secs_f64())
    })
}

/// The compiled part of the `coopkit` package.
#[pymodule]
fn _coopkit(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(check, m)?)?;
    m.add_function(wrap_pyfunction!(classify, m)?)?;
    m.add_function(wrap_pyfunction!(targets, m)?)?;
    m.add_function(wrap_pyfunction!(objects::set_language, m)?)?;
    m.add_function(wrap_pyfunction!(objects::get_language, m)?)?;
    m.add_function(wrap_pyfunction!(objects::indicator_label, m)?)?;
    m.add_function(wrap_pyfunction!(objects::_vocabulary, m)?)?;
    m.add_function(wrap_pyfunction!(objects::_excel_names, m)?)?;
    m.add_function(wrap_pyfunction!(workbook::_write_xlsx, m)?)?;
    m.add_function(wrap_pyfunction!(objects::label, m)?)?;
    m.add_function(wrap_pyfunction!(pickling::_check_report_from_state, m)?)?;
    m.add_function(wrap_pyfunction!(pickling::_classification_from_state, m)?)?;
    m.add_function(wrap_pyfunction!(pickling::_cooperative_from_state, m)?)?;
    m.add_function(wrap_pyfunction!(pickling::_registry_from_state, m)?)?;
    m.add_function(wrap_pyfunction!(_panic_for_test, m)?)?;
    m.add_function(wrap_pyfunction!(_format_date, m)?)?;
    m.add_function(wrap_pyfunction!(format_number, m)?)?;
    m.add_function(wrap_pyfunction!(_citation_vi, m)?)?;
    m.add_function(wrap_pyfunction!(_core_check_json, m)?)?;
    m.add_function(wrap_pyfunction!(_core_classify_json, m)?)?;
    m.add_function(wrap_pyfunction!(_bench_core_check, m)?)?;
    m.add_function(wrap_pyfunction!(_bench_core_indicators, m)?)?;
    m.add_class::<objects::Cooperative>()?;
    m.add_class::<objects::Finding>()?;
    m.add_class::<objects::CheckReport>()?;
    m.add_class::<objects::Classification>()?;
    m.add_class::<objects::Parameters>()?;
    m.add_class::<objects::Units>()?;
    m.add_class::<registry::Registry>()?;
    m.add_class::<report::Report>()?;
    m.add_class::<registry::RegistryIter>()?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    // The readers' limits and their defaults, by the core's names.
    let limits = pyo3::types::PyDict::new(m.py());
    for (limit, default) in coopkit::io::ReadOptions::new().limits() {
        limits.set_item(limit.name, default)?;
    }
    m.add("LIMITS", limits)?;
    Ok(())
}
