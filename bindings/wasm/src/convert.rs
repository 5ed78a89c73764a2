//! JavaScript values to and from JSON values: the only conversion code.
//!
//! Input: a plain object, array, string, boolean, `null`, a safe integer or
//! other number, a `BigInt`, or a `Date` (its day). Anything else (a
//! function, a `Map`, `NaN`, an integer beyond 2^53 − 1 that has already
//! lost its digits) is a located problem; every problem of a value is
//! reported, by path, never its content.
//!
//! Output: integers within ±(2^53 − 1) are numbers; a larger one (possible
//! only from JSON or CSV text, read exactly by the core) is a `BigInt`,
//! never a rounded number.

use coopkit::{InputError, InputErrorCode};
use js_sys::{Array, BigInt, Date, Object, Reflect};
use serde_json::{Map, Number, Value};
use wasm_bindgen::{JsCast, JsValue};

/// The largest integer a JavaScript number holds exactly.
pub const MAX_SAFE: u64 = (1 << 53) - 1;

/// `v` as a whole number from 0 to `max`, if it is one.
pub fn whole(v: &JsValue, max: u64) -> Option<u64> {
    v.as_f64()
        .filter(|n| n.fract() == 0.0 && (0.0..=max as f64).contains(n))
        .map(|n| n as u64)
}

/// The largest result handed over as one string (V8's strings stop near
/// 512 MiB; JSON.parse needs room beside it).
const MAX_RESULT: usize = 256 << 20;

/// Deepest nesting accepted inside a record: the core's, for a record in a
/// JSON registry.
const MAX_DEPTH: usize = coopkit::io::DEFAULT_MAX_DEPTH as usize;

/// `value` as JSON, or every located problem in it. `root` prefixes paths.
pub fn to_value(value: &JsValue, root: &str) -> Result<Value, Vec<InputError>> {
    let mut errors = Vec::new();
    let mut path = root.to_owned();
    let v = walk(value, &mut path, 0, &mut errors);
    for e in &mut errors {
        // Too deep: the core's error, at the core's (shortened) path.
        if e.code == InputErrorCode::TooLarge && e.message.is_empty() {
            *e = coopkit::io::too_deep(root, e.path.get(root.len()..).unwrap_or(""));
        }
    }
    if errors.is_empty() {
        Ok(v)
    } else {
        Err(errors)
    }
}

fn problem(errors: &mut Vec<InputError>, path: &str, code: InputErrorCode, message: &str) -> Value {
    let at = if path.is_empty() { "(value)" } else { path };
    errors.push(InputError::new(at, code, message));
    Value::Null
}

fn walk(v: &JsValue, path: &mut String, depth: usize, errors: &mut Vec<InputError>) -> Value {
    if v.is_null() || v.is_undefined() {
        return Value::Null;
    }
    if let Some(b) = v.as_bool() {
        return Value::Bool(b);
    }
    if let Some(s) = v.as_string() {
        return Value::String(s);
    }
    if let Some(n) = v.as_f64() {
        return number(n, path, errors);
    }
    if v.is_bigint() {
        let text = v
            .clone()
            .unchecked_into::<BigInt>()
            .to_string(10)
            .ok()
            .and_then(|s| s.as_string());
        let n = text.as_deref().and_then(|t| {
            t.parse::<u64>()
                .map(Number::from)
                .or_else(|_| t.parse::<i64>().map(Number::from))
                .ok()
        });
        return match n {
            Some(n) => Value::Number(n),
            None => problem(
                errors,
                path,
                InputErrorCode::Overflow,
                "a BigInt too large to hold",
            ),
        };
    }
    if let Some(d) = v.dyn_ref::<Date>() {
        return date(d, path, errors);
    }
    if depth >= MAX_DEPTH {
        // Its path is shortened by `to_value`, which knows the record's.
        return problem(errors, path, InputErrorCode::TooLarge, "");
    }
    if Array::is_array(v) {
        let array: &Array = v.unchecked_ref();
        if u64::from(array.length()) > coopkit::io::DEFAULT_MAX_MEMBERS {
            errors.push(coopkit::io::too_long(path.as_str(), array.length() as usize));
            return Value::Null;
        }
        let mut out = Vec::with_capacity(array.length() as usize);
        for (i, item) in array.iter().enumerate() {
            let at = path.len();
            path.push('[');
            path.push_str(&i.to_string());
            path.push(']');
            out.push(walk(&item, path, depth + 1, errors));
            path.truncate(at);
        }
        return Value::Array(out);
    }
    if let Some(what) = not_plain(v) {
        return problem(errors, path, InputErrorCode::InvalidType, what);
    }
    let entries = Object::entries(v.unchecked_ref());
    let mut map = Map::new();
    for entry in entries.iter() {
        let pair: Array = entry.unchecked_into();
        let (key, item) = (pair.get(0).as_string().unwrap_or_default(), pair.get(1));
        if item.is_undefined() {
            // As JSON.stringify does: an undefined property is absent.
            continue;
        }
        let at = path.len();
        if !path.is_empty() {
            path.push('.');
        }
        // A key that is not a field is not shown: it may be personal.
        path.push_str(coopkit::io::shown_key(&key));
        let value = walk(&item, path, depth + 1, errors);
        path.truncate(at);
        map.insert(key, value);
    }
    Value::Object(map)
}

/// A number: a safe integer as an integer, a fraction as a float (the core
/// says where a float is not allowed), never a number that lost digits.
fn number(n: f64, path: &str, errors: &mut Vec<InputError>) -> Value {
    if !n.is_finite() {
        return problem(
            errors,
            path,
            InputErrorCode::InvalidType,
            "NaN or infinity where a value is expected",
        );
    }
    if n.fract() == 0.0 {
        if n.abs() > MAX_SAFE as f64 {
            return problem(
                errors,
                path,
                InputErrorCode::Overflow,
                "a number above 2^53 - 1 is not exact in JavaScript: give it as a BigInt or a string",
            );
        }
        // Exact: |n| ≤ 2^53 − 1.
        return Value::Number(if n < 0.0 {
            Number::from(n as i64)
        } else {
            Number::from(n as u64)
        });
    }
    Number::from_f64(n).map_or(Value::Null, Value::Number)
}

/// A `Date` as its ISO day: a date made at UTC midnight (`new
/// Date("2024-10-16")`) gives its UTC day, any other its local day (`new
/// Date(2024, 9, 16)` in Hanoi is 17:00 UTC the day before).
fn date(d: &Date, path: &str, errors: &mut Vec<InputError>) -> Value {
    if d.get_time().is_nan() {
        return problem(errors, path, InputErrorCode::InvalidDate, "an invalid Date");
    }
    let utc_midnight = d.get_utc_hours() == 0
        && d.get_utc_minutes() == 0
        && d.get_utc_seconds() == 0
        && d.get_utc_milliseconds() == 0;
    let (y, m, day) = if utc_midnight {
        (d.get_utc_full_year(), d.get_utc_month() + 1, d.get_utc_date())
    } else {
        (d.get_full_year(), d.get_month() + 1, d.get_date())
    };
    Value::String(format!("{y:04}-{m:02}-{day:02}"))
}

/// Why an object is not a plain record, or `None` when it is one.
fn not_plain(v: &JsValue) -> Option<&'static str> {
    if v.is_function() {
        Some("a function has no JSON form")
    } else if v.is_symbol() {
        Some("a symbol has no JSON form")
    } else if v.is_instance_of::<js_sys::Map>() || v.is_instance_of::<js_sys::Set>() {
        Some("a Map or Set has no JSON form: use a plain object or an array")
    } else if v.is_instance_of::<js_sys::ArrayBuffer>() || js_sys::ArrayBuffer::is_view(v) {
        Some("binary data where a record is expected")
    } else if !v.is_object() {
        Some("not a JSON value")
    } else {
        None
    }
}

/// A result as a plain JavaScript value, its fields in the core's order:
/// the core's JSON text through `JSON.parse` (V8's fastest way to build
/// objects), or, when the text holds an integer beyond 2^53 − 1 that
/// `JSON.parse` would round, a walk that makes it a `BigInt`.
pub fn to_js<T: serde::Serialize>(t: &T) -> Result<JsValue, String> {
    let text = serde_json::to_string(t).map_err(|e| e.to_string())?;
    if text.len() > MAX_RESULT {
        return Err(format!(
            "the result is {} MB of JSON, more than one JavaScript string holds ({} MB): \
             ask for part of a registry at a time (the offset and limit options)",
            text.len() >> 20,
            MAX_RESULT >> 20
        ));
    }
    if has_unsafe_integer(&text) {
        let v: Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
        return Ok(value_to_js(&v));
    }
    js_sys::JSON::parse(&text).map_err(|_| "JSON.parse refused the core's output".to_owned())
}

/// Whether JSON `text` has, outside strings, an integer token beyond
/// ±(2^53 − 1): only then can `JSON.parse` lose digits.
fn has_unsafe_integer(text: &str) -> bool {
    let bytes = text.as_bytes();
    // Almost always there is no run of 16 digits at all: one quick pass.
    let mut run = 0u8;
    let long_run = bytes.iter().any(|b| {
        run = if b.is_ascii_digit() {
            run.saturating_add(1)
        } else {
            0
        };
        run >= 16
    });
    if !long_run {
        return false;
    }
    let (mut i, mut in_string) = (0, false);
    while i < bytes.len() {
        let b = bytes[i];
        if in_string {
            match b {
                b'\\' => i += 1,
                b'"' => in_string = false,
                _ => {}
            }
            i += 1;
            continue;
        }
        if b == b'"' {
            in_string = true;
            i += 1;
            continue;
        }
        if b == b'-' || b.is_ascii_digit() {
            let start = i;
            while i < bytes.len() && matches!(bytes[i], b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9') {
                i += 1;
            }
            let token = &text[start..i];
            let integer = !token.contains(['.', 'e', 'E']);
            if integer && token.trim_start_matches('-').len() >= 16 {
                let big = token
                    .trim_start_matches('-')
                    .parse::<u64>()
                    .map_or(true, |n| n > MAX_SAFE);
                if big {
                    return true;
                }
            }
            continue;
        }
        i += 1;
    }
    false
}

/// A JSON value as a plain JavaScript value.
pub fn value_to_js(v: &Value) -> JsValue {
    match v {
        Value::Null => JsValue::NULL,
        Value::Bool(b) => JsValue::from_bool(*b),
        Value::Number(n) => {
            if let Some(u) = n.as_u64() {
                if u <= MAX_SAFE {
                    JsValue::from_f64(u as f64)
                } else {
                    BigInt::from(u).into()
                }
            } else if let Some(i) = n.as_i64() {
                if i.unsigned_abs() <= MAX_SAFE {
                    JsValue::from_f64(i as f64)
                } else {
                    BigInt::from(i).into()
                }
            } else {
                JsValue::from_f64(n.as_f64().unwrap_or(f64::NAN))
            }
        }
        Value::String(s) => JsValue::from_str(s),
        Value::Array(items) => {
            let a = Array::new_with_length(items.len() as u32);
            for (i, item) in items.iter().enumerate() {
                a.set(i as u32, value_to_js(item));
            }
            a.into()
        }
        Value::Object(map) => {
            let o = Object::new();
            for (k, item) in map {
                // Setting a property on a fresh plain object cannot fail.
                let _ = Reflect::set(&o, &JsValue::from_str(k), &value_to_js(item));
            }
            o.into()
        }
    }
}
