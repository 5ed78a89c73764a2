//! The boundary between Python and the core: the one place where core
//! errors become Python exceptions, and where a panic is caught before it
//! can cross into Python.

use pyo3::call::PyCallArgs;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// The exception classes, defined in `coopkit/_errors.py` so that they carry
/// their docstrings and attributes in plain Python.
fn errors_module(py: Python<'_>) -> PyResult<&Bound<'_, PyModule>> {
    static MODULE: PyOnceLock<Py<PyModule>> = PyOnceLock::new();
    MODULE
        .get_or_try_init(py, || py.import("coopkit._errors").map(Bound::unbind))
        .map(|m| m.bind(py))
}

fn raise<'py>(py: Python<'py>, class: &str, args: impl PyCallArgs<'py>) -> PyErr {
    let built = errors_module(py)
        .and_then(|m| m.getattr(class))
        .and_then(|cls| cls.call1(args));
    match built {
        Ok(exc) => PyErr::from_value(exc),
        Err(e) => e,
    }
}

/// Maps a core error to `coopkit.InputError`, `coopkit.ParameterError` or
/// `coopkit.CoopkitError` (for file errors). The only such mapping.
pub fn to_py_err(py: Python<'_>, err: &coopkit::Error) -> PyErr {
    let message = err.to_string();
    let path = err.path().map(str::to_owned);
    match err {
        coopkit::Error::Input(_) => match problem_list(py, err.input_errors()) {
            Ok(list) => raise(py, "InputError", (message, list)),
            Err(e) => e,
        },
        coopkit::Error::Parameter { .. } => raise(py, "ParameterError", (message, path)),
        coopkit::Error::Io {
            source: Some(source), ..
        } if source.kind() == std::io::ErrorKind::NotFound => raise(py, "MissingFileError", (message, path)),
        other => raise(py, "CoopkitError", (message, path, other.code())),
    }
}

/// Located problems as a list of `{"path", "code", "message", "loc"}` dicts: the
/// `errors` of `InputError` and of a lenient read's `rejected` records.
pub fn problem_list<'py>(py: Python<'py>, errors: &[coopkit::InputError]) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for e in errors {
        let d = PyDict::new(py);
        d.set_item("path", &e.path)?;
        d.set_item("code", e.code.as_str())?;
        d.set_item("message", &e.message)?;
        let loc = pyo3::types::PyList::empty(py);
        for step in e.loc() {
            match step {
                coopkit::Loc::Name(n) => loc.append(n)?,
                coopkit::Loc::Index(i) => loc.append(i)?,
            }
        }
        d.set_item("loc", pyo3::types::PyTuple::new(py, loc)?)?;
        list.append(d)?;
    }
    Ok(list)
}

/// A `coopkit.ParameterError` for a bad argument of a binding function.
pub fn parameter_error(py: Python<'_>, path: &str, message: &str) -> PyErr {
    to_py_err(py, &coopkit::Error::parameter(path, message))
}

/// A `coopkit.InputError` from located problems found in the binding
/// (a Python value that is no JSON value, say).
pub fn input_error(py: Python<'_>, errors: Vec<coopkit::InputError>) -> PyErr {
    match coopkit::InputErrors::new(errors) {
        Some(e) => to_py_err(py, &coopkit::Error::Input(e)),
        None => raise(
            py,
            "CoopkitError",
            (
                "internal error: empty error list".to_owned(),
                None::<String>,
                "internal",
            ),
        ),
    }
}

fn panic_error(py: Python<'_>, payload: Box<dyn std::any::Any + Send>) -> PyErr {
    let what = payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_owned());
    raise(
        py,
        "CoopkitError",
        (
            format!("internal error in coopkit (please report it): {what}"),
            None::<String>,
            "internal",
        ),
    )
}

/// Runs `f`, turning a panic into `coopkit.CoopkitError` (code `internal`)
/// instead of letting it unwind into Python.
pub fn guard<T>(py: Python<'_>, f: impl FnOnce() -> T) -> PyResult<T> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|p| panic_error(py, p))
}

/// [`guard`] with the interpreter released while `f` runs (for long calls
/// over a whole registry).
pub fn guard_detached<T: Send>(py: Python<'_>, f: impl FnOnce() -> T + Send) -> PyResult<T> {
    py.detach(|| catch_unwind(AssertUnwindSafe(f)))
        .map_err(|p| panic_error(py, p))
}

/// [`guard`] for core calls that return a core `Result`.
pub fn call<T>(py: Python<'_>, f: impl FnOnce() -> Result<T, coopkit::Error>) -> PyResult<T> {
    guard(py, f)?.map_err(|e| to_py_err(py, &e))
}
