//! The boundary between JavaScript and the core: the one place where core
//! errors become JavaScript `Error`s, and where a panic is caught before it
//! can leave the module (built with `panic = "unwind"` and WebAssembly
//! exceptions, so the instance stays sound and the next call works).
//!
//! The error classes are defined in `js/errors.js`, which hands this module
//! its factory at start-up (`__setErrorFactory`), so `instanceof` and the
//! stack are those of real JavaScript classes.

use crate::convert::to_js;
use coopkit::InputError;
use js_sys::{Array, Function, Object, Reflect};
use std::cell::RefCell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use wasm_bindgen::prelude::*;

thread_local! {
    static FACTORY: RefCell<Option<Function>> = const { RefCell::new(None) };
}

/// Registers `(kind, message, code, path, errors) => Error`. Called once by
/// the package's entry module; not public API.
#[wasm_bindgen(js_name = "__setErrorFactory")]
pub fn set_error_factory(factory: Function) {
    FACTORY.with(|f| *f.borrow_mut() = Some(factory));
}

/// What the JavaScript side builds: `CoopkitError`, `InputError` or
/// `ParameterError`.
#[derive(Clone, Copy)]
enum Kind {
    Coopkit,
    Input,
    Parameter,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Coopkit => "CoopkitError",
            Kind::Input => "InputError",
            Kind::Parameter => "ParameterError",
        }
    }
}

fn build(kind: Kind, message: &str, code: &str, path: Option<&str>, errors: &[InputError]) -> JsValue {
    let args = Array::of5(
        &JsValue::from_str(kind.name()),
        &JsValue::from_str(message),
        &JsValue::from_str(code),
        &path.map_or(JsValue::NULL, JsValue::from_str),
        &problem_list(errors),
    );
    let made = FACTORY.with(|f| f.borrow().as_ref().map(|f| f.apply(&JsValue::NULL, &args)));
    match made {
        Some(Ok(e)) => e,
        // No factory (the raw glue used directly): a plain Error.
        _ => js_sys::Error::new(message).into(),
    }
}

/// Located problems as `[{path, code, message}]`.
pub fn problem_list(errors: &[InputError]) -> JsValue {
    let list = Array::new_with_length(errors.len() as u32);
    for (i, e) in errors.iter().enumerate() {
        let o = Object::new();
        let _ = Reflect::set(&o, &"path".into(), &JsValue::from_str(&e.path));
        let _ = Reflect::set(&o, &"code".into(), &JsValue::from_str(e.code.as_str()));
        let _ = Reflect::set(&o, &"message".into(), &JsValue::from_str(&e.message));
        list.set(i as u32, o.into());
    }
    list.into()
}

/// The one mapping of a core error to a JavaScript error.
pub fn to_js_err(err: &coopkit::Error) -> JsValue {
    let message = err.to_string();
    match err {
        coopkit::Error::Input(_) => {
            let errors = err.input_errors();
            build(Kind::Input, &message, errors[0].code.as_str(), err.path(), errors)
        }
        coopkit::Error::Parameter { .. } => {
            build(Kind::Parameter, &message, err.code(), err.path(), err.problems())
        }
        other => build(Kind::Coopkit, &message, other.code(), other.path(), &[]),
    }
}

/// An `InputError` from problems found while converting a JavaScript value.
pub fn input_error(errors: Vec<InputError>) -> JsValue {
    match coopkit::InputErrors::new(errors) {
        Some(e) => to_js_err(&coopkit::Error::Input(e)),
        None => build(
            Kind::Coopkit,
            "internal error: empty error list",
            "internal",
            None,
            &[],
        ),
    }
}

/// A `ParameterError` for a bad option or argument.
pub fn parameter_error(path: &str, message: &str) -> JsValue {
    to_js_err(&coopkit::Error::parameter(path, message))
}

/// Runs `f`; a core error becomes its JavaScript error, a panic a
/// `CoopkitError` with code `internal`.
pub fn call<T>(f: impl FnOnce() -> Result<T, JsValue>) -> Result<T, JsValue> {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|payload| {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_owned());
        Err(build(
            Kind::Coopkit,
            &format!("internal error in coopkit (please report it): {what}"),
            "internal",
            None,
            &[],
        ))
    })
}

/// [`call`] for a core result.
pub fn core<T>(r: Result<T, coopkit::Error>) -> Result<T, JsValue> {
    r.map_err(|e| to_js_err(&e))
}

/// A serialisable result as a plain value; one too large for a JavaScript
/// string is a `CoopkitError` with code `limit`.
pub fn out<T: serde::Serialize>(t: &T) -> Result<JsValue, JsValue> {
    to_js(t).map_err(|e| build(Kind::Coopkit, &e, "limit", None, &[]))
}
