//! JSON and JSON Lines readers.

use super::decode::{self, fields, join, json_type, Raw, Record};
use super::limits::{self, Limits};
use super::validate::{validate_at, JsonLocate};
use super::{finish_lenient, finish_strict, Decoded, Loaded};
use crate::error::{Error, InputError, InputErrorCode as Code, InputErrors};
use crate::model::Cooperative;
use crate::registry::Registry;
use serde::de::DeserializeSeed;
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
/// At most `max_errors` are kept in `errors`; the rest are counted in
/// `hidden`.
#[allow(clippy::too_many_arguments)]
fn list<T>(
    map: &Map<String, Value>,
    name: &str,
    prefix: &str,
    what: &str,
    allowed: &[&str],
    errors: &mut Vec<InputError>,
    hidden: &mut u64,
    max_errors: usize,
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
        // A list of many bad items keeps the first errors only, so their
        // number cannot outgrow memory.
        if errors.len() > max_errors {
            *hidden += (errors.len() - max_errors) as u64;
            errors.truncate(max_errors);
        }
    }
    Some(out)
}

/// Decodes one cooperative at `prefix`, running the cross-field checks when
/// every field is good.
pub(crate) fn decode_cooperative(value: &Value, prefix: &str, limits: &Limits) -> Decoded {
    let mut errors = Vec::new();
    let max_errors = usize::try_from(limits.errors).unwrap_or(usize::MAX);
    let mut hidden = 0;
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
        &mut hidden,
        max_errors,
        |r, e| decode::member(r, e),
    );
    let positions = list(
        map,
        "positions",
        prefix,
        "a position",
        fields::POSITION,
        &mut errors,
        &mut hidden,
        max_errors,
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
    if errors.len() > max_errors {
        hidden += (errors.len() - max_errors) as u64;
        errors.truncate(max_errors);
    }
    if hidden > 0 {
        errors.push(limits::hidden_errors(prefix, hidden, limits.errors));
    }
    let coop = errors.is_empty().then_some(coop);
    Decoded::new(id, coop, errors, id_path)
}

/// JSON text as a value, refusing an object that names a key twice: with
/// serde_json's own `Value` the second would silently replace the first
/// (a second `"cooperatives"` would drop the whole list). The error is a
/// syntax error at the key's line and column; the key is never quoted.
/// Arrays longer than the members limit and nesting deeper than the depth
/// limit are refused while parsing, before they take memory.
fn parse(text: &str, limits: &Limits) -> Result<Value, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    let v = Strict::new(0, limits).deserialize(&mut de)?;
    de.end()?;
    Ok(v)
}

/// Marks a serde error that is a limit, not a syntax error.
const LIMIT: &str = "\u{1}limit\u{1}";

/// Ends the path inside a limit error's message.
const PATH_END: char = '\u{2}';

fn limit_error<E: serde::de::Error>(found: &str, name: &str, limit: u64) -> E {
    E::custom(format!(
        "{LIMIT}{PATH_END}{}",
        limits::exceeded_message(found, name, limit)
    ))
}

/// A limit error met inside a value, with the value's `step` (`[3]`,
/// `.members`) put before its path, so the error names where the limit was
/// met; any other error is returned as it was. Only the failing values pay.
/// Inside a record the path is cut after a few steps
/// ([`limits::shorten`]), so deep nesting never makes it long.
fn locate<E: serde::de::Error>(e: E, step: impl FnOnce() -> String) -> E {
    match limit_parts(&e.to_string()) {
        Some((inner, message)) => {
            let path = format!("{}{inner}", step());
            E::custom(format!(
                "{LIMIT}{}{PATH_END}{}",
                limits::shorten(&path),
                at_line(message)
            ))
        }
        None => e,
    }
}

/// A limit error met in the record at `index` of the list, with its path
/// inside the record (already cut) kept as it is.
fn locate_record<E: serde::de::Error>(e: E, index: usize) -> E {
    locate_in(e, &format!("[{index}]"))
}

/// A limit error with `step` put before its path, uncut.
fn locate_in<E: serde::de::Error>(e: E, step: &str) -> E {
    match limit_parts(&e.to_string()) {
        Some((inner, message)) => E::custom(format!("{LIMIT}{step}{inner}{PATH_END}{}", at_line(message))),
        None => e,
    }
}

/// A message without the " at line L column C" serde_json adds as an error
/// leaves each value (the outermost level adds it once more).
fn at_line(message: &str) -> &str {
    message.split(" at line ").next().unwrap_or(message)
}

/// A key as a step of a path ([`decode::shown_key`]).
fn key_step(key: &str) -> String {
    format!(".{}", decode::shown_key(key))
}

/// The path and message of a limit error's text, when it is one.
fn limit_parts(text: &str) -> Option<(&str, &str)> {
    let rest = text.strip_prefix(LIMIT)?;
    rest.split_once(PATH_END)
}

/// Reads one JSON value at nesting `depth` without duplicate keys, within
/// the depth and array-length limits.
#[derive(Clone, Copy)]
struct Strict {
    depth: u64,
    max_depth: u64,
    max_items: u64,
}

impl Strict {
    fn new(depth: u64, limits: &Limits) -> Self {
        Strict {
            depth,
            max_depth: limits.depth,
            max_items: limits.members,
        }
    }

    /// The seed of a value inside this one's array or object.
    fn inner<E: serde::de::Error>(self) -> Result<Strict, E> {
        if self.depth >= self.max_depth {
            return Err(limit_error(
                "JSON nested more deeply",
                "max_depth",
                self.max_depth,
            ));
        }
        Ok(Strict {
            depth: self.depth + 1,
            ..self
        })
    }
}

impl<'de> serde::de::DeserializeSeed<'de> for Strict {
    type Value = Value;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Strict {
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
        d.deserialize_any(self)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let inner = self.inner()?;
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(v) = seq
            .next_element_seed(inner)
            .map_err(|e| locate(e, || format!("[{}]", out.len())))?
        {
            if out.len() as u64 >= self.max_items {
                return Err(limit_error(
                    "a JSON array of more items (members, positions or others)",
                    "max_members",
                    self.max_items,
                ));
            }
            out.push(v);
        }
        Ok(Value::Array(out))
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let inner = self.inner()?;
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let v = map
                .next_value_seed(inner)
                .map_err(|e| locate(e, || key_step(&key)))?;
            insert_once(&mut out, key, v)?;
        }
        Ok(Value::Object(out))
    }
}

/// Puts `key` in `map`, or fails when it is there already.
fn insert_once<E: serde::de::Error>(map: &mut Map<String, Value>, key: String, v: Value) -> Result<(), E> {
    match map.entry(key) {
        serde_json::map::Entry::Vacant(e) => {
            e.insert(v);
            Ok(())
        }
        serde_json::map::Entry::Occupied(_) => Err(E::custom(
            "a key given twice in one object (the second would silently replace the first)",
        )),
    }
}

/// A whole JSON text read as a registry: the `cooperatives` list decoded
/// record by record as it is parsed, so only one record's JSON value is in
/// memory at a time.
enum Document {
    /// `{"cooperatives": ...}`: the records, or the type found instead of
    /// an array; and the other keys, which are errors.
    Registry {
        records: Result<Vec<Decoded>, &'static str>,
        others: Map<String, Value>,
    },
    /// Another object: one cooperative.
    Object(Map<String, Value>),
    /// Not an object: its type.
    Other(&'static str),
}

/// Reads a [`Document`].
struct DocumentSeed<'a> {
    limits: &'a Limits,
}

impl<'de> serde::de::DeserializeSeed<'de> for DocumentSeed<'_> {
    type Value = Document;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Document, D::Error> {
        d.deserialize_any(self)
    }
}

/// A value that is not an object, parsed (so syntax errors are found) and
/// given by its type.
macro_rules! other {
    ($wrap:expr; $($f:ident($($t:ty)?)),*) => {$(
        fn $f<E: serde::de::Error>(self $(, v: $t)?) -> Result<Self::Value, E> {
            let v = serde::de::Visitor::$f::<E>(Strict::new(0, self.limits) $(, v as $t)?)?;
            Ok($wrap(json_type(&v)))
        }
    )*};
}

impl<'de> serde::de::Visitor<'de> for DocumentSeed<'_> {
    type Value = Document;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON value")
    }
    other!(Document::Other; visit_bool(bool), visit_i64(i64), visit_u64(u64), visit_f64(f64), visit_str(&str), visit_unit());
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, seq: A) -> Result<Document, A::Error> {
        Strict::new(0, self.limits).visit_seq(seq)?;
        Ok(Document::Other("an array"))
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Document, A::Error> {
        let inner = Strict::new(1, self.limits);
        let mut others = Map::new();
        let mut records = None;
        while let Some(key) = map.next_key::<String>()? {
            if key == "cooperatives" {
                if records.is_some() || others.contains_key(&key) {
                    return Err(serde::de::Error::custom(
                        "a key given twice in one object (the second would silently replace the first)",
                    ));
                }
                records = Some(
                    map.next_value_seed(ListSeed { limits: self.limits })
                        .map_err(|e| locate_in(e, "cooperatives"))?,
                );
            } else {
                let v = map
                    .next_value_seed(inner)
                    .map_err(|e| locate(e, || key_step(&key)))?;
                insert_once(&mut others, key, v)?;
            }
        }
        Ok(match records {
            Some(records) => Document::Registry { records, others },
            None => Document::Object(others),
        })
    }
}

/// Reads the `cooperatives` list, decoding each record as soon as it is
/// parsed; anything but an array is given by its type.
struct ListSeed<'a> {
    limits: &'a Limits,
}

impl<'de> serde::de::DeserializeSeed<'de> for ListSeed<'_> {
    type Value = Result<Vec<Decoded>, &'static str>;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for ListSeed<'_> {
    type Value = Result<Vec<Decoded>, &'static str>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("an array of cooperatives")
    }
    other!(Err; visit_bool(bool), visit_i64(i64), visit_u64(u64), visit_f64(f64), visit_str(&str), visit_unit());
    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        Strict::new(1, self.limits).visit_map(map)?;
        Ok(Err("an object"))
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        // Depth is counted from each record, as in JSON Lines and in a
        // binding's values, so one record meets the limit at one depth in
        // every form.
        let record = Strict::new(0, self.limits);
        let mut out = Vec::new();
        while let Some(v) = seq
            .next_element_seed(record)
            .map_err(|e| locate_record(e, out.len()))?
        {
            if out.len() as u64 >= self.limits.records {
                return Err(locate_record(
                    limit_error(
                        "more cooperatives in the registry",
                        "max_records",
                        self.limits.records,
                    ),
                    out.len(),
                ));
            }
            let prefix = format!("cooperatives[{}]", out.len());
            out.push(decode_cooperative(&v, &prefix, self.limits));
        }
        Ok(Ok(out))
    }
}

/// A syntax error's message: where, and what serde_json found (its messages
/// name the expected token, never the text read).
fn syntax_message(e: &serde_json::Error, line: Option<usize>) -> String {
    let full = e.to_string();
    let what = full.split(" at line ").next().unwrap_or(&full);
    let what = limit_parts(what).map_or(what, |(_, m)| m);
    let line = line.unwrap_or(e.line());
    format!("JSON syntax error at line {line}, column {}: {what}", e.column())
}

/// A parse error: a syntax error, or a limit met while parsing
/// (`too_large`, at the line and column where it was met).
fn syntax(path: &str, e: &serde_json::Error, line: Option<usize>) -> InputError {
    let text = e.to_string();
    if let Some((inner, _)) = limit_parts(&text) {
        let at = match (path, inner.strip_prefix('.')) {
            ("", Some(field)) => field.to_owned(),
            _ => format!("{path}{inner}"),
        };
        let msg = syntax_message(e, line).replacen("JSON syntax error at", "at", 1);
        return InputError::new(at, Code::TooLarge, msg);
    }
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
    let limits = Limits::default();
    let value: Value = parse(text, &limits).map_err(|e| one(syntax("", &e, None)))?;
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
    let d = decode_cooperative(value, "", &Limits::default());
    match (d.coop, InputErrors::new(d.errors)) {
        (Some(c), None) => Ok(c),
        (_, Some(e)) => Err(Error::Input(e)),
        (None, None) => Err(one(InputError::new("", Code::InvalidType, "not a cooperative"))),
    }
}

/// The records of a registry file, or the errors that make it unreadable
/// as a whole.
pub(crate) fn records(text: &str, limits: &Limits) -> Result<Vec<Decoded>, Vec<InputError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Ok(Vec::new());
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let doc = DocumentSeed { limits }
        .deserialize(&mut de)
        .and_then(|d| de.end().map(|()| d));
    match doc {
        Ok(Document::Registry { records, others }) => {
            let mut errors = Vec::new();
            unknown_fields(&others, &[&["cooperatives"]], "", &mut errors);
            match records {
                Ok(r) if errors.is_empty() => Ok(r),
                Ok(_) => Err(errors),
                Err(t) => {
                    errors.push(InputError::new(
                        "cooperatives",
                        Code::InvalidType,
                        format!("expected an array of cooperatives, found {t}"),
                    ));
                    Err(errors)
                }
            }
        }
        Ok(Document::Object(map)) => Ok(vec![decode_cooperative(
            &Value::Object(map),
            "cooperatives[0]",
            limits,
        )]),
        Ok(Document::Other(t)) => Err(vec![InputError::new(
            "",
            Code::InvalidType,
            format!(
                "expected {{\"cooperatives\": [...]}} or JSON Lines (one cooperative object a line), found {t}"
            ),
        )]),
        Err(_) if is_json_lines(text, limits) => json_lines(text, limits),
        Err(e) => {
            let mut error = syntax("", &e, None);
            // A limit met inside a lone cooperative object: that record is
            // `cooperatives[0]`, as its other errors are.
            let inside_a_field = !error.path.is_empty() && !error.path.starts_with(['[', 'c']);
            if error.code == Code::TooLarge && inside_a_field {
                error.path = format!("cooperatives[0].{}", error.path);
            }
            Err(vec![error])
        }
    }
}

/// The first non-blank line is a whole cooperative object on its own (or
/// meets a limit on its own line, with more lines after it).
fn is_json_lines(text: &str, limits: &Limits) -> bool {
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let Some(first) = lines.next() else {
        return false;
    };
    match parse(first, limits) {
        Ok(Value::Object(m)) => !m.contains_key("cooperatives"),
        Err(e) => {
            e.to_string().starts_with(LIMIT) && first.trim_start().starts_with('{') && lines.next().is_some()
        }
        Ok(_) => false,
    }
}

/// One record a non-blank line; the `i`-th record is `cooperatives[i]`
/// (blank lines are skipped and not counted), and a syntax error's message
/// gives the line number in the file. More records than the limit is an
/// error for the whole file.
fn json_lines(text: &str, limits: &Limits) -> Result<Vec<Decoded>, Vec<InputError>> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let prefix = format!("cooperatives[{}]", out.len());
        if out.len() as u64 >= limits.records {
            let found = format!("more cooperatives (line {})", n + 1);
            return Err(vec![limits::exceeded(
                prefix,
                &found,
                "max_records",
                limits.records,
            )]);
        }
        let d = match parse(line, limits) {
            Ok(v) => decode_cooperative(&v, &prefix, limits),
            Err(e) => Decoded::new(
                None,
                None,
                vec![syntax(&prefix, &e, Some(n + 1))],
                join(&prefix, "id"),
            ),
        };
        out.push(d);
    }
    Ok(out)
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
    let recs =
        records(text, &Limits::default()).map_err(|e| Error::Input(InputErrors::new(e).expect("errors")))?;
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
    let recs =
        records(text, &Limits::default()).map_err(|e| Error::Input(InputErrors::new(e).expect("errors")))?;
    Ok(finish_lenient(recs, Vec::new()))
}

/// A registry from JSON or JSON Lines text within `limits`, strict or
/// lenient ([`registry_from_json`], [`registry_from_json_lenient`]).
pub(crate) fn read(text: &str, limits: &Limits, lenient: bool) -> Result<Loaded, Error> {
    let recs = records(text, limits).map_err(|e| Error::Input(InputErrors::new(e).expect("errors")))?;
    super::finish(recs, Vec::new(), lenient)
}

/// Each value decoded as the cooperative at `cooperatives[i]`.
fn value_records(values: &[Value], limits: &Limits) -> Vec<Decoded> {
    values
        .iter()
        .enumerate()
        .map(|(i, v)| decode_cooperative(v, &format!("cooperatives[{i}]"), limits))
        .collect()
}

/// [`registry_from_values_lenient`] within `limits`.
pub(crate) fn values_lenient(values: &[Value], limits: &Limits) -> Loaded {
    finish_lenient(value_records(values, limits), Vec::new())
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
    finish_strict(value_records(values, &Limits::default()), Vec::new())
}

/// Reads a registry from parsed records, keeping the valid ones (as
/// [`registry_from_json_lenient`]).
pub fn registry_from_values_lenient(values: &[Value]) -> Loaded {
    finish_lenient(value_records(values, &Limits::default()), Vec::new())
}
