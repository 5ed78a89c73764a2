//! Python values into the core's inputs: a walk of dicts, lists, strings,
//! integers, bools and None straight into `serde_json::Value` (no JSON text
//! in between), and the `law`, `as_of` and `lang` arguments.
//!
//! The walk decides nothing about the domain: a float stays a float and the
//! core's decoder says whether the field accepts it (money never does).

use crate::boundary::{input_error, parameter_error, to_py_err};
use coopkit::{Code, Date, InputError, InputErrorCode, Lang, LawChoice};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDate, PyDateTime, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde_json::{Map, Number, Value};

/// Deepest nesting accepted inside a record: the core's, for a record in a
/// JSON registry (the interchange format needs two levels).
const MAX_DEPTH: usize = coopkit::io::DEFAULT_MAX_DEPTH as usize;

/// Converts a Python object to a JSON value. Every value that has no JSON
/// form is reported, by path, in one `coopkit.InputError`.
pub fn to_value(py: Python<'_>, obj: &Bound<'_, PyAny>, root: &str) -> PyResult<Value> {
    try_value(obj, root)?.map_err(|errors| input_error(py, errors))
}

/// [`to_value`], with the located problems returned rather than raised.
pub fn try_value(obj: &Bound<'_, PyAny>, root: &str) -> PyResult<Result<Value, Vec<InputError>>> {
    let mut errors = Vec::new();
    let mut path = root.to_owned();
    let v = walk(obj, &mut path, 0, &mut errors)?;
    for e in &mut errors {
        // Too deep: the core's error, at the core's (shortened) path.
        if e.code == coopkit::InputErrorCode::TooLarge && e.message.is_empty() {
            *e = coopkit::io::too_deep(root, e.path.get(root.len()..).unwrap_or(""));
        }
    }
    Ok(if errors.is_empty() { Ok(v) } else { Err(errors) })
}

fn walk(
    obj: &Bound<'_, PyAny>,
    path: &mut String,
    depth: usize,
    errors: &mut Vec<InputError>,
) -> PyResult<Value> {
    if obj.is_none() {
        return Ok(Value::Null);
    }
    // bool before int: Python's bool is an int.
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(match s.to_str() {
            Ok(text) => Value::String(text.to_owned()),
            Err(_) => {
                errors.push(not_unicode(path));
                Value::Null
            }
        });
    }
    if let Ok(i) = obj.cast::<PyInt>() {
        if let Ok(n) = i.extract::<u64>() {
            return Ok(Value::Number(n.into()));
        }
        if let Ok(n) = i.extract::<i64>() {
            return Ok(Value::Number(n.into()));
        }
        errors.push(InputError::new(
            path.clone(),
            InputErrorCode::Overflow,
            "integer too large to hold",
        ));
        return Ok(Value::Null);
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return Ok(match Number::from_f64(f.value()) {
            Some(n) => Value::Number(n),
            None => {
                errors.push(InputError::new(
                    path.clone(),
                    InputErrorCode::InvalidType,
                    "NaN or infinity where a value is expected (an empty cell?)",
                ));
                Value::Null
            }
        });
    }
    if depth >= MAX_DEPTH {
        // Its path is shortened by `try_value`, which knows the record's.
        errors.push(InputError::new(path.clone(), InputErrorCode::TooLarge, ""));
        return Ok(Value::Null);
    }
    if let Ok(d) = obj.cast::<PyDict>() {
        let mut map = Map::with_capacity(d.len());
        for (k, v) in d.iter() {
            let Ok(key) = k.cast::<PyString>() else {
                errors.push(InputError::new(
                    path.clone(),
                    InputErrorCode::InvalidType,
                    "a dict key that is not a string",
                ));
                continue;
            };
            let Ok(key) = key.to_str() else {
                errors.push(not_unicode(path));
                continue;
            };
            let len = path.len();
            if !path.is_empty() {
                path.push('.');
            }
            // A key that is not a field is not shown: it may be personal.
            path.push_str(coopkit::io::shown_key(key));
            let value = walk(&v, path, depth + 1, errors)?;
            path.truncate(len);
            map.insert(key.to_owned(), value);
        }
        return Ok(Value::Object(map));
    }
    if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        let len = obj.len()?;
        // Ten million members would take gigabytes as values: refused first.
        if len as u64 > coopkit::io::DEFAULT_MAX_MEMBERS {
            errors.push(coopkit::io::too_long(path.as_str(), len));
            return Ok(Value::Null);
        }
        let mut out = Vec::with_capacity(len);
        for (i, item) in obj.try_iter()?.enumerate() {
            let at = path.len();
            path.push_str(&format!("[{i}]"));
            out.push(walk(&item?, path, depth + 1, errors)?);
            path.truncate(at);
        }
        return Ok(Value::Array(out));
    }
    if obj.is_instance_of::<PyDate>() {
        // A date (or a datetime, whose day is taken) as its ISO form.
        let day = if obj.is_instance_of::<PyDateTime>() {
            obj.call_method0("date")?
        } else {
            obj.clone()
        };
        return Ok(Value::String(day.call_method0("isoformat")?.extract()?));
    }
    let type_name = obj.get_type().name()?.to_string();
    errors.push(InputError::new(
        path.clone(),
        InputErrorCode::InvalidType,
        format!("a Python {type_name} has no JSON form (expected dict, list, str, int, bool, None or date)"),
    ));
    Ok(Value::Null)
}

/// A str Python holds but UTF-8 cannot (a lone surrogate, as a bad decode
/// leaves): an input error at its path, never a `UnicodeEncodeError`.
fn not_unicode(path: &str) -> InputError {
    InputError::new(
        path,
        InputErrorCode::InvalidValue,
        "text that is not valid Unicode (a lone surrogate, as a bad decoding leaves)",
    )
}

/// An option that is one of the core's code lists (`law=`,
/// `women_managed_rule=`, `lang=`), for `#[pyo3(from_py_with)]`: a str the
/// core parses; anything else (None, a number, a lone surrogate) is the
/// library's `ParameterError` naming the option and its values, never a
/// `TypeError`.
pub fn code_arg<C: Code>(obj: &Bound<'_, PyAny>) -> PyResult<C> {
    let py = obj.py();
    match obj.cast::<PyString>().ok().and_then(|s| s.to_str().ok()) {
        Some(text) => option(py, text),
        None => Err(parameter_error(
            py,
            C::FIELD,
            &format!("expected a str, one of: {}", C::codes().join(", ")),
        )),
    }
}

/// [`code_arg`] of an option whose None means its default.
pub fn opt_code_arg<C: Code>(obj: &Bound<'_, PyAny>) -> PyResult<Option<C>> {
    if obj.is_none() {
        return Ok(None);
    }
    code_arg(obj).map(Some)
}

/// `min_cell=`: None, or a whole number from 0 to 4294967295.
pub fn min_cell_arg(obj: &Bound<'_, PyAny>) -> PyResult<Option<u32>> {
    if obj.is_none() {
        return Ok(None);
    }
    let whole = obj
        .cast::<PyInt>()
        .ok()
        .filter(|_| !obj.is_instance_of::<PyBool>());
    whole
        .and_then(|i| i.extract::<u32>().ok())
        .map(Some)
        .ok_or_else(|| {
            parameter_error(
                obj.py(),
                "min_cell",
                "expected None or a whole number from 0 to 4294967295",
            )
        })
}

/// `law`, parsed by the core (its error names the option and the values).
pub fn law(py: Python<'_>, law: &str) -> PyResult<LawChoice> {
    option(py, law)
}

/// Any option that is one of the core's code lists, parsed by the core.
pub fn option<C: Code>(py: Python<'_>, text: &str) -> PyResult<C> {
    C::parse_option(text).map_err(|e| to_py_err(py, &e))
}

/// `as_of`: a `datetime.date` (a datetime gives its day), an ISO string, or
/// None for today.
pub fn as_of(py: Python<'_>, obj: Option<&Bound<'_, PyAny>>) -> PyResult<Date> {
    let text: String = match obj {
        None => today(py)?,
        Some(o) if o.is_none() => today(py)?,
        Some(o) => {
            if let Ok(s) = o.cast::<PyString>() {
                s.to_str()?.to_owned()
            } else if o.is_instance_of::<PyDate>() {
                let day = if o.is_instance_of::<PyDateTime>() {
                    o.call_method0("date")?
                } else {
                    o.clone()
                };
                day.call_method0("isoformat")?.extract()?
            } else if let Some(day) = numpy_day(o)? {
                day
            } else {
                return Err(parameter_error(
                    py,
                    "as_of",
                    "expected a datetime.date, an ISO date string, a numpy.datetime64 or None",
                ));
            }
        }
    };
    coopkit::codes::parse_date_option("as_of", &text).map_err(|e| to_py_err(py, &e))
}

/// `as_of` as several dates when it is a list or tuple (a trend); `None`
/// for one date or None. Each item as [`as_of`] reads it, its error at
/// `as_of[i]`.
pub fn as_of_list(py: Python<'_>, obj: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Vec<Date>>> {
    let Some(o) = obj else { return Ok(None) };
    if !(o.is_instance_of::<pyo3::types::PyList>() || o.is_instance_of::<pyo3::types::PyTuple>()) {
        return Ok(None);
    }
    let n = o.len()?;
    if n > coopkit::indicators::MAX_DATES {
        return Err(to_py_err(
            py,
            &coopkit::Error::parameter(
                "as_of",
                format!("at most {} dates", coopkit::indicators::MAX_DATES),
            ),
        ));
    }
    let mut out = Vec::with_capacity(n);
    for (i, item) in o.try_iter()?.enumerate() {
        let item = item?;
        let d = as_of(py, Some(&item)).map_err(|_| {
            parameter_error(
                py,
                &format!("as_of[{i}]"),
                "expected a datetime.date or an ISO date string",
            )
        })?;
        out.push(d);
    }
    Ok(Some(out))
}

/// A `numpy.datetime64` (or a 0-d array of one) as its ISO day: the day
/// of a value on a whole day, else an error (a time of day is not a date).
fn numpy_day(o: &Bound<'_, PyAny>) -> PyResult<Option<String>> {
    let module = o.get_type().module()?.to_string();
    if !module.starts_with("numpy") || !o.hasattr("dtype")? {
        return Ok(None);
    }
    let kind: String = o.getattr("dtype")?.getattr("kind")?.extract()?;
    if kind != "M" {
        return Ok(None);
    }
    let day = o.call_method1("astype", ("datetime64[D]",))?;
    if !day.eq(o)? {
        return Err(parameter_error(
            o.py(),
            "as_of",
            "a numpy.datetime64 with a time of day; give the day (datetime64[D])",
        ));
    }
    let text: String = day.str()?.extract()?;
    Ok(Some(text))
}

fn today(py: Python<'_>) -> PyResult<String> {
    py.import("datetime")?
        .getattr("date")?
        .call_method0("today")?
        .call_method0("isoformat")?
        .extract()
}

/// `lang`, parsed by the core: its code, `"vi"` or `"en"`.
pub fn lang(py: Python<'_>, lang: &str) -> PyResult<&'static str> {
    option::<Lang>(py, lang).map(Lang::as_str)
}

/// `ids` or `by`: one name, or a sequence of names (a string is one name,
/// never a sequence of letters).
pub fn names(py: Python<'_>, field: &str, obj: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Vec<String>>> {
    match obj {
        None => Ok(None),
        Some(o) if o.is_none() => Ok(None),
        Some(o) => {
            if let Ok(s) = o.cast::<PyString>() {
                return Ok(Some(vec![s.to_str()?.to_owned()]));
            }
            o.extract::<Vec<String>>()
                .map(Some)
                .map_err(|_| parameter_error(py, field, "expected a name or a sequence of names"))
        }
    }
}
