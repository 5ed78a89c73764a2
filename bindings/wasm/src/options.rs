//! The options object of each function (`{law, asOf}`, ...): its names are
//! checked, so a misspelt option is an error naming it rather than a
//! silently ignored key. The values are parsed by the core.

use crate::boundary::{input_error, parameter_error, to_js_err};
use crate::convert;
use coopkit::{Code, Date};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// An options object, checked against the names a function takes.
pub struct Options {
    object: Option<Object>,
}

impl Options {
    /// `value` (an object, `undefined` or `null`) with only `names` in it.
    pub fn new(value: &JsValue, names: &[&str]) -> Result<Self, JsValue> {
        if value.is_undefined() || value.is_null() {
            return Ok(Options { object: None });
        }
        if !value.is_object() || Array::is_array(value) || value.is_function() {
            return Err(parameter_error("options", "expected an object of options"));
        }
        let object: Object = value.clone().unchecked_into();
        for key in Object::keys(&object).iter() {
            let key = key.as_string().unwrap_or_default();
            if !names.contains(&key.as_str()) {
                // A key that looks like a name in code is named; anything
                // else (data passed by mistake) is not echoed.
                let named = key.len() <= 40
                    && key.starts_with(|c: char| c.is_ascii_alphabetic())
                    && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
                let what = if named {
                    format!("no option {key}")
                } else {
                    "an unknown option".to_owned()
                };
                return Err(parameter_error(
                    "options",
                    &format!("{what}; the options are: {}", names.join(", ")),
                ));
            }
        }
        Ok(Options { object: Some(object) })
    }

    fn get(&self, name: &str) -> Option<JsValue> {
        let v = Reflect::get(self.object.as_ref()?, &JsValue::from_str(name)).ok()?;
        (!v.is_undefined() && !v.is_null()).then_some(v)
    }

    /// A string option, `None` when absent.
    pub fn string(&self, name: &str) -> Result<Option<String>, JsValue> {
        match self.get(name) {
            None => Ok(None),
            Some(v) => v
                .as_string()
                .map(Some)
                .ok_or_else(|| parameter_error(name, "expected a string")),
        }
    }

    /// A code-list option parsed by the core (its error lists the values).
    pub fn code<C: Code>(&self, name: &str) -> Result<Option<C>, JsValue> {
        match self.string(name)? {
            None => Ok(None),
            Some(s) => C::parse_option(&s)
                .map(Some)
                .map_err(|e| to_js_err(&rename(e, name))),
        }
    }

    /// One string or an array of strings.
    pub fn strings(&self, name: &str) -> Result<Option<Vec<String>>, JsValue> {
        let Some(v) = self.get(name) else {
            return Ok(None);
        };
        if let Some(s) = v.as_string() {
            return Ok(Some(vec![s]));
        }
        if Array::is_array(&v) {
            let array: Array = v.unchecked_into();
            let mut out = Vec::with_capacity(array.length() as usize);
            for item in array.iter() {
                out.push(
                    item.as_string()
                        .ok_or_else(|| parameter_error(name, "expected a string or an array of strings"))?,
                );
            }
            return Ok(Some(out));
        }
        Err(parameter_error(name, "expected a string or an array of strings"))
    }

    /// A boolean option.
    pub fn flag(&self, name: &str) -> Result<bool, JsValue> {
        match self.get(name) {
            None => Ok(false),
            Some(v) => v
                .as_bool()
                .ok_or_else(|| parameter_error(name, "expected true or false")),
        }
    }

    /// A whole number from 0 to `u32::MAX`.
    pub fn count(&self, name: &str) -> Result<Option<u32>, JsValue> {
        match self.get(name) {
            None => Ok(None),
            Some(v) => convert::whole(&v, u64::from(u32::MAX))
                .map(|n| Some(n as u32))
                .ok_or_else(|| parameter_error(name, "expected a whole number of at least 0")),
        }
    }

    /// A whole-number option up to 2^53 (the largest integer a JavaScript
    /// number holds exactly).
    pub fn whole(&self, name: &str) -> Result<Option<u64>, JsValue> {
        match self.get(name) {
            None => Ok(None),
            Some(v) => convert::whole(&v, 1 << 53)
                .map(Some)
                .ok_or_else(|| parameter_error(name, "expected a whole number of at least 0")),
        }
    }

    /// A date option (an ISO string or a `Date`); today (local) when absent.
    pub fn date_or_today(&self, name: &str) -> Result<Date, JsValue> {
        match self.get(name) {
            None => parse_date(name, &today()),
            Some(v) => date(name, &v),
        }
    }

    /// Several dates when the option is an array (a trend), each as
    /// [`date`] reads it, its error at `name[i]`; `None` otherwise.
    pub fn dates(&self, name: &str) -> Result<Option<Vec<Date>>, JsValue> {
        let Some(v) = self.get(name) else {
            return Ok(None);
        };
        if !Array::is_array(&v) {
            return Ok(None);
        }
        let array: Array = v.unchecked_into();
        if array.length() as usize > coopkit::indicators::MAX_DATES {
            return Err(to_js_err(&coopkit::Error::parameter(
                name,
                format!("at most {} dates", coopkit::indicators::MAX_DATES),
            )));
        }
        let mut out = Vec::with_capacity(array.length() as usize);
        for (i, item) in array.iter().enumerate() {
            out.push(date(&format!("{name}[{i}]"), &item)?);
        }
        Ok(Some(out))
    }

    /// Two whole years `[first, last]`.
    pub fn years(&self, name: &str) -> Result<Option<(i32, i32)>, JsValue> {
        let Some(v) = self.get(name) else {
            return Ok(None);
        };
        let bad = || parameter_error(name, "expected [first year, last year]");
        if !Array::is_array(&v) {
            return Err(bad());
        }
        let array: Array = v.unchecked_into();
        if array.length() != 2 {
            return Err(bad());
        }
        let year = |i: u32| {
            convert::whole(&array.get(i), 9999)
                .map(|y| y as i32)
                .ok_or_else(bad)
        };
        Ok(Some((year(0)?, year(1)?)))
    }

    /// The raw value of an option, for options that are records.
    pub fn value(&self, name: &str) -> Option<JsValue> {
        self.get(name)
    }
}

/// A date given as an ISO string or a `Date`.
pub fn date(name: &str, v: &JsValue) -> Result<Date, JsValue> {
    if let Some(s) = v.as_string() {
        return parse_date(name, &s);
    }
    if v.is_instance_of::<js_sys::Date>() {
        return match convert::to_value(v, name) {
            Ok(serde_json::Value::String(s)) => parse_date(name, &s),
            Ok(_) => Err(parameter_error(name, "expected an ISO date string or a Date")),
            Err(errors) => Err(input_error(errors)),
        };
    }
    Err(parameter_error(name, "expected an ISO date string or a Date"))
}

fn parse_date(name: &str, s: &str) -> Result<Date, JsValue> {
    coopkit::codes::parse_date_option(name, s).map_err(|e| to_js_err(&e))
}

/// Today in the local time zone, as `YYYY-MM-DD`.
fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// The core names the field of a code list (`women_managed_rule`); the
/// error names the option as the caller wrote it (`womenManagedRule`).
fn rename(e: coopkit::Error, name: &str) -> coopkit::Error {
    match e {
        coopkit::Error::Parameter {
            path,
            message,
            problems,
        } if path != name => {
            let message = message.replace(&path, name);
            coopkit::Error::Parameter {
                path: name.to_owned(),
                message,
                problems,
            }
        }
        other => other,
    }
}
