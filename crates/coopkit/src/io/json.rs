//! JSON and JSON Lines readers.

use super::decode::{self, fields, join, json_type, Raw, Record};
use super::validate::{validate_at, JsonLocate};
use super::{finish_lenient, finish_strict, Decoded, Loaded};
use crate::error::{Error, InputError, InputErrorCode as Code, InputErrors};
use crate::model::Cooperative;
use crate::registry::Registry;
use serde_json::{Map, Value};

/// A JSON object as a [`Record`] whose paths start with `prefix`.
struct JsonRecord<'a> {
    map: &'a Map<String, Value>,
    prefix: &'a str,
}

impl Record for JsonRecord<'_> {
    fn get(&self, field: &str) -> Option<Raw<'_>> {
        self.map.get(field).filter(|v| !v.is_null()).map(Raw::Json)
    }
    fn path(&self, field: &str) -> String {
        join(self.prefix, field)
    }
}

/// The object at `path`, or an `InvalidType` error.
fn object<'a>(
    v: &'a Value,
    path: &str,
    what: &str,
    errors: &mut Vec<InputError>,
) -> Option<&'a Map<String, Value>> {
    match v {
        Value::Object(m) => Some(m),
        other => {
            let t = json_type(other);
            errors.push(InputError::new(
                path,
                Code::InvalidType,
                format!("expected an object ({what}), found {t}"),
            ));
            None
        }
    }
}

/// Reports every key of `map` not in `allowed`.
fn unknown_fields(map: &Map<String, Value>, allowed: &[&[&str]], prefix: &str, errors: &mut Vec<InputError>) {
    for key in map.keys() {
        if !allowed.iter().any(|list| list.contains(&key.as_str())) {
            let list: Vec<&str> = allowed.iter().flat_map(|l| l.iter().copied()).collect();
            let (at, note) = if decode::shown_name(key, allowed) {
                (join(prefix, key), "")
            } else {
                // Keys are held sorted, so a position would mislead.
                (
                    join(prefix, "<field not shown>"),
                    " (its name is not shown: it is not written as a field name)",
                )
            };
            errors.push(InputError::new(
                at,
                Code::UnknownField,
                format!("unknown field{note}; the fields are: {}", list.join(", ")),
            ));
        }
    }
}

/// Decodes a list of objects at `prefix.name` with `item`.
fn list<T>(
    map: &Map<String, Value>,
    name: &str,
    prefix: &str,
    what: &str,
    allowed: &[&str],
    errors: &mut Vec<InputError>,
    item: impl Fn(&JsonRecord<'_>, &mut Vec<InputError>) -> Option<T>,
) -> Option<Vec<T>> {
    let path = join(prefix, name);
    let items = match map.get(name)? {
        Value::Null => return None,
        Value::Array(a) => a,
        other => {
            let t = json_type(other);
            errors.push(InputError::new(
                path,
                Code::InvalidType,
                format!("expected an array, found {t}"),
            ));
            return None;
        }
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, v) in items.iter().enumerate() {
        let p = format!("{path}[{i}]");
        if let Some(m) = object(v, &p, what, errors) {
            unknown_fields(m, &[allowed], &p, errors);
            if let Some(x) = item(&JsonRecord { map: m, prefix: &p }, errors) {
                out.push(x);
            }
        }
    }
    Some(out)
}

/// Decodes one cooperative at `prefix`, running the cross-field checks when
/// every field is good.
pub(crate) fn decode_cooperative(value: &Value, prefix: &str) -> Decoded {
    let mut errors = Vec::new();
    let id_path = join(prefix, "id");
    let Some(map) = object(value, prefix, "a cooperative", &mut errors) else {
        return Decoded::new(None, None, errors, id_path);
    };
    unknown_fields(
        map,
        &[fields::COOPERATIVE_SCALARS, fields::COOPERATIVE_NESTED],
        prefix,
        &mut errors,
    );
    let rec = JsonRecord { map, prefix };
    let (id, mut coop) = decode::cooperative_scalars(&rec, &mut errors);
    let before_lists = errors.len();
    let members = list(
        map,
        "members",
        prefix,
        "a member",
        fields::MEMBER,
        &mut errors,
        |r, e| decode::member(r, e),
    );
    let positions = list(
        map,
        "positions",
        prefix,
        "a position",
        fields::POSITION,
        &mut errors,
        |r, e| decode::position(r, e),
    );
    let lists_ok = errors.len() == before_lists;
    let nested = |name: &str, allowed: &[&str], errors: &mut Vec<InputError>| {
        let v = map.get(name).filter(|v| !v.is_null())?;
        let p = join(prefix, name);
        let m = object(v, &p, name, errors)?;
        unknown_fields(m, &[allowed], &p, errors);
        Some((m, p))
    };
    let employees = nested("employees", fields::EMPLOYEES, &mut errors)
        .and_then(|(m, p)| decode::employees(&JsonRecord { map: m, prefix: &p }, &mut errors));
    let summary = nested("summary", fields::SUMMARY, &mut errors)
        .and_then(|(m, p)| decode::summary(&JsonRecord { map: m, prefix: &p }, &mut errors));

    coop.members = members;
    coop.positions = positions;
    coop.employees = employees;
    coop.summary = summary;
    // The cross-field checks need whole lists; other bad fields are left
    // out of `coop` and do not disturb them.
    if lists_ok {
        validate_at(&coop, &JsonLocate(prefix), &mut errors);
    }
    let coop = errors.is_empty().then_some(coop);
    Decoded::new(id, coop, errors, id_path)
}

/// JSON text as a value, refusing an object that names a key twice: with
/// serde_json's own `Value` the second would silently replace the first
/// (a second `"cooperatives"` would drop the whole list). The error is a
/// syntax error at the key's line and column; the key is never quoted.
fn parse(text: &str) -> Result<Value, serde_json::Error> {
    serde_json::from_str::<Strict>(text).map(|s| s.0)
}

/// A JSON value read without duplicate keys.
struct Strict(Value);

impl<'de> serde::Deserialize<'de> for Strict {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(StrictVisitor).map(Strict)
    }
}

struct StrictVisitor;

impl<'de> serde::de::Visitor<'de> for StrictVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(StrictVisitor)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(Strict(v)) = seq.next_element()? {
            out.push(v);
        }
        Ok(Value::Array(out))
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let Strict(v) = map.next_value()?;
            match out.entry(key) {
                serde_json::map::Entry::Vacant(e) => {
                    e.insert(v);
                }
                serde_json::map::Entry::Occupied(_) => {
                    return Err(serde::de::Error::custom(
                        "a key given twice in one object (the second would silently replace the first)",
                    ));
                }
            }
        }
        Ok(Value::Object(out))
    }
}

/// A syntax error's message: where, and what serde_json found (its messages
/// name the expected token, never the text read).
fn syntax_message(e: &serde_json::Error, line: Option<usize>) -> String {
    let full = e.to_string();
    let what = full.split(" at line ").next().unwrap_or(&full);
    let line = line.unwrap_or(e.line());
    format!("JSON syntax error at line {line}, column {}: {what}", e.column())
}

fn syntax(path: &str, e: &serde_json::Error, line: Option<usize>) -> InputError {
    InputError::new(path, Code::Syntax, syntax_message(e, line))
}

fn one(e: InputError) -> Error {
    Error::Input(InputErrors::new(vec![e]).expect("one error"))
}

/// Reads one cooperative from JSON text. Paths are relative to the record
/// (`members[17].birth_date`); every error of the record is returned
/// together in [`Error::Input`]. A syntax error has the empty path and its
/// line and column in the message.
///
/// ```
/// let c = coopkit::io::cooperative_from_json(
///     r#"{"id": "htx-1", "name": "HTX Hoa Sen", "kind": "cooperative", "sector": "agriculture",
///        "members": [{"id": "m1", "type": "individual", "sex": "female", "birth_date": "2024-02-30"}]}"#,
/// );
/// let err = c.unwrap_err();
/// assert_eq!(err.path(), Some("members[0].birth_date"));
/// assert!(!err.to_string().contains("2024-02-30"));
/// ```
pub fn cooperative_from_json(text: &str) -> Result<Cooperative, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = parse(text).map_err(|e| one(syntax("", &e, None)))?;
    cooperative_from_value(&value)
}

/// Reads one cooperative from a parsed JSON value (paths relative to the
/// record, as for [`cooperative_from_json`]): for bindings that hold the
/// record as a dict or object already.
///
/// ```
/// use serde_json::json;
/// let v = json!({"id": "htx-1", "name": "HTX Hoa Sen", "kind": "cooperative", "sector": "agriculture",
///                "members": [{"id": "m1", "type": "individual", "capital_vnd": 1.5e9}]});
/// let err = coopkit::io::cooperative_from_value(&v).unwrap_err();
/// assert_eq!(err.path(), Some("members[0].capital_vnd"));
/// assert_eq!(err.input_errors()[0].code, coopkit::InputErrorCode::InvalidType);
/// ```
pub fn cooperative_from_value(value: &Value) -> Result<Cooperative, Error> {
    let d = decode_cooperative(value, "");
    match (d.coop, InputErrors::new(d.errors)) {
        (Some(c), None) => Ok(c),
        (_, Some(e)) => Err(Error::Input(e)),
        (None, None) => Err(one(InputError::new("", Code::InvalidType, "not a cooperative"))),
    }
}

/// The records of a registry file, or the errors that make it unreadable
/// as a whole.
fn records(text: &str) -> Result<Vec<Decoded>, Vec<InputError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Ok(Vec::new());
    }
    match parse(text) {
        Ok(Value::Object(map)) if map.contains_key("cooperatives") => {
            let mut errors = Vec::new();
            unknown_fields(&map, &[&["cooperatives"]], "", &mut errors);
            let list = match &map["cooperatives"] {
                Value::Array(a) => a,
                other => {
                    let t = json_type(other);
                    errors.push(InputError::new(
                        "cooperatives",
                        Code::InvalidType,
                        format!("expected an array of cooperatives, found {t}"),
                    ));
                    return Err(errors);
                }
            };
            if !errors.is_empty() {
                return Err(errors);
            }
            Ok(value_records(list))
        }
        Ok(v @ Value::Object(_)) => Ok(vec![decode_cooperative(&v, "cooperatives[0]")]),
        Ok(other) => Err(vec![InputError::new(
            "",
            Code::InvalidType,
            format!(
                "expected {{\"cooperatives\": [...]}} or JSON Lines (one cooperative object a line), found {}",
                json_type(&other)
            ),
        )]),
        Err(_) if is_json_lines(text) => Ok(json_lines(text)),
        Err(e) => Err(vec![syntax("", &e, None)]),
    }
}

/// The first non-blank line is a whole cooperative object on its own.
fn is_json_lines(text: &str) -> bool {
    let Some(first) = text.lines().find(|l| !l.trim().is_empty()) else {
        return false;
    };
    matches!(parse(first), Ok(Value::Object(m)) if !m.contains_key("cooperatives"))
}

/// One record a non-blank line; the `i`-th record is `cooperatives[i]`
/// (blank lines are skipped and not counted), and a syntax error's message
/// gives the line number in the file.
fn json_lines(text: &str) -> Vec<Decoded> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let prefix = format!("cooperatives[{}]", out.len());
        let d = match parse(line) {
            Ok(v) => decode_cooperative(&v, &prefix),
            Err(e) => Decoded::new(
                None,
                None,
                vec![syntax(&prefix, &e, Some(n + 1))],
                join(&prefix, "id"),
            ),
        };
        out.push(d);
    }
    out
}

/// Reads a registry from `{"cooperatives": [...]}` or JSON Lines, strictly:
/// any error fails the whole file, and the [`Error::Input`] holds every
/// error of the file (`cooperatives[3].members[17].birth_date`).
///
/// ```
/// let text = "{\"id\": \"a\", \"name\": \"HTX A\", \"kind\": \"cooperative\", \"sector\": \"agriculture\"}\n\
///             \n\
///             {\"id\": \"a\", \"name\": \"HTX B\", \"kind\": \"coop\", \"sector\": \"agriculture\"}\n";
/// let err = coopkit::io::registry_from_json(text).unwrap_err();
/// let paths: Vec<_> = err.input_errors().iter().map(|e| e.path.as_str()).collect();
/// assert_eq!(paths, ["cooperatives[1].kind", "cooperatives[1].id"]);
/// ```
pub fn registry_from_json(text: &str) -> Result<Registry, Error> {
    let recs = records(text).map_err(|e| Error::Input(InputErrors::new(e).expect("errors")))?;
    finish_strict(recs, Vec::new())
}

/// Reads a registry, keeping every valid cooperative; each invalid one is
/// in [`Loaded::rejected`] with all its errors. `Err` only when the text is
/// unreadable as a whole (not JSON, not an object or JSON Lines,
/// `cooperatives` not an array). A broken line of JSON Lines rejects that
/// record only.
///
/// ```
/// let text = r#"{"cooperatives": [
///   {"id": "a", "name": "HTX A", "kind": "cooperative", "sector": "agriculture"},
///   {"id": "b", "name": "HTX B", "kind": "cooperative", "sector": "fishing"}]}"#;
/// let loaded = coopkit::io::registry_from_json_lenient(text).unwrap();
/// assert_eq!(loaded.registry.len(), 1);
/// assert_eq!(loaded.rejected[0].index, 1);
/// assert_eq!(loaded.rejected[0].errors[0].path, "cooperatives[1].sector");
/// ```
pub fn registry_from_json_lenient(text: &str) -> Result<Loaded, Error> {
    let recs = records(text).map_err(|e| Error::Input(InputErrors::new(e).expect("errors")))?;
    Ok(finish_lenient(recs, Vec::new()))
}

/// Each value decoded as the cooperative at `cooperatives[i]`.
fn value_records(values: &[Value]) -> Vec<Decoded> {
    values
        .iter()
        .enumerate()
        .map(|(i, v)| decode_cooperative(v, &format!("cooperatives[{i}]")))
        .collect()
}

/// Reads a registry from parsed records (for bindings that hold a list of
/// dicts or objects), strictly; paths are `cooperatives[i]....` as in the
/// JSON object form.
///
/// ```
/// use serde_json::json;
/// let a = json!({"id": "a", "name": "HTX A", "kind": "union", "sector": "agriculture"});
/// let r = coopkit::io::registry_from_values(&[a.clone(), a]);
/// assert_eq!(r.unwrap_err().path(), Some("cooperatives[1].id"));
/// ```
pub fn registry_from_values(values: &[Value]) -> Result<Registry, Error> {
    finish_strict(value_records(values), Vec::new())
}

/// Reads a registry from parsed records, keeping the valid ones (as
/// [`registry_from_json_lenient`]).
pub fn registry_from_values_lenient(values: &[Value]) -> Loaded {
    finish_lenient(value_records(values), Vec::new())
}
