//! The WebAssembly binding of coopkit: converts JavaScript values, calls the
//! core and maps its errors. No domain logic, code list, label or message
//! lives here: every name comes from the core.
//!
//! The npm package `coopkit` (under `js/`) wraps this module: it defines
//! the error classes, initialises the module in Node and in browsers, and
//! carries the TypeScript types.

mod boundary;
mod convert;
mod options;
mod registry;

use boundary::{call, core, input_error, out, parameter_error};
use coopkit::indicators::targets;
use coopkit::{Code, Cooperative, Lang, LawChoice};
use options::Options;
use wasm_bindgen::prelude::*;

pub use registry::{Registry, Units};

/// A cooperative from a plain object or JSON text (paths are relative to
/// the record: `members[3].birth_date`).
fn cooperative(coop: &JsValue) -> Result<Cooperative, JsValue> {
    if let Some(text) = coop.as_string() {
        return core(coopkit::io::cooperative_from_json(&text));
    }
    if !coop.is_object() || js_sys::Array::is_array(coop) {
        return Err(parameter_error("coop", "expected a plain object or JSON text"));
    }
    let value = convert::to_value(coop, "").map_err(input_error)?;
    core(coopkit::io::cooperative_from_value(&value))
}

/// Checks one cooperative against the law in force on `asOf`.
#[wasm_bindgen]
pub fn check(coop: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    call(|| {
        let o = Options::new(&options, &["law", "asOf"])?;
        let law: LawChoice = o.code("law")?.unwrap_or(LawChoice::Auto);
        let as_of = o.date_or_today("asOf")?;
        let c = cooperative(&coop)?;
        out(&coopkit::check(&c, law, as_of))
    })
}

/// Classifies one cooperative on `asOf`.
#[wasm_bindgen]
pub fn classify(coop: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    call(|| {
        let o = Options::new(&options, &["asOf"])?;
        let as_of = o.date_or_today("asOf")?;
        let c = cooperative(&coop)?;
        out(&coopkit::classify(&c, as_of))
    })
}

/// Every label of every code list in `lang` (`"vi"`, the default, or
/// `"en"`): `{field: {code: label}}`.
#[wasm_bindgen]
pub fn vocabulary(lang: Option<String>) -> Result<JsValue, JsValue> {
    call(|| {
        let lang = language(lang)?;
        let map: serde_json::Map<String, serde_json::Value> = coopkit::codes::vocabulary(lang)
            .into_iter()
            .map(|(field, labels)| {
                let labels = labels
                    .into_iter()
                    .map(|(code, label)| (code.to_owned(), serde_json::Value::from(label)))
                    .collect();
                (field.to_owned(), serde_json::Value::Object(labels))
            })
            .collect();
        out(&map)
    })
}

fn language(lang: Option<String>) -> Result<Lang, JsValue> {
    match lang {
        None => Ok(Lang::default()),
        Some(l) => Lang::parse_option(&l).map_err(|e| boundary::to_js_err(&e)),
    }
}

/// The programme's targets (Decision 01/QD-TTg of 2023), with their citations and
/// how a registry measures each.
#[wasm_bindgen]
pub fn targets() -> Result<JsValue, JsValue> {
    call(|| out(&targets::programme_targets()))
}

/// Numbers, amounts, shares and dates written the way a reader of `lang`
/// writes them: `kind` is `count`, `vnd`, `percent` (of `value` over
/// `denominator`, exact) or `date` (`value` an ISO date).
#[wasm_bindgen]
pub fn format(
    kind: &str,
    value: JsValue,
    denominator: Option<f64>,
    lang: Option<String>,
) -> Result<String, JsValue> {
    call(|| {
        let lang = language(lang)?;
        let whole = |v: &JsValue| {
            convert::whole(v, convert::MAX_SAFE)
                .ok_or_else(|| parameter_error("value", "expected a whole number of at least 0"))
        };
        let message = match kind {
            "count" => coopkit::text::count(whole(&value)?),
            "vnd" => coopkit::text::vnd(whole(&value)?),
            "percent" => {
                let den = denominator
                    .filter(|d| d.fract() == 0.0 && *d >= 1.0 && *d <= convert::MAX_SAFE as f64)
                    .ok_or_else(|| parameter_error("denominator", "expected a whole number of at least 1"))?;
                coopkit::text::percent(
                    coopkit::num::Ratio::new(whole(&value)?, den as u64).ok_or_else(|| {
                        parameter_error("denominator", "expected a whole number of at least 1")
                    })?,
                )
            }
            "date" => coopkit::text::date(options::date("value", &value)?),
            _ => return Err(parameter_error("kind", "not one of: count, vnd, percent, date")),
        };
        Ok(message.text(lang).to_owned())
    })
}

/// The package's version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// The readers' limits and their defaults, by their JavaScript names
/// (`maxBytes`, `maxRecords`, `maxMembers`, `maxDepth`, `maxErrors`).
#[wasm_bindgen]
pub fn limits() -> Result<JsValue, JsValue> {
    let out = js_sys::Object::new();
    for (limit, default) in coopkit::io::ReadOptions::new().limits() {
        js_sys::Reflect::set(&out, &limit.js_name.into(), &JsValue::from_f64(default as f64))?;
    }
    Ok(out.into())
}

/// Panics on purpose, to test that a panic arrives as a `CoopkitError` and
/// that the module works afterwards. Not public API.
#[wasm_bindgen(js_name = "__panicForTest")]
pub fn panic_for_test() -> Result<JsValue, JsValue> {
    call(|| panic!("deliberate panic for the binding's tests"))
}
