//! The hostile-input catalogue of `tests/bad_inputs/`: each case's input
//! gives exactly its hand-written outcome, the error class with every
//! located error (path and code, in order), or what a read keeps and
//! rejects. The Python (`bindings/python/tests/test_bad_inputs.py`) and
//! JavaScript (`bindings/wasm/tests/bad_inputs.test.js`) suites run the
//! same cases and must give the same outcome. Nothing here is generated:
//! a case that fails is a bug in the library or in the case, to be read.

use coopkit::indicators::Query;
use coopkit::io::{Loaded, ReadOptions};
use coopkit::{Code, Error, LawChoice, WomenManagedRule};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

mod common;

fn folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/bad_inputs")
}

/// The outcome of a failed call, in the catalogue's shape.
fn error(e: &Error) -> Value {
    match e {
        Error::Input(errors) => json!({
            "class": "InputError",
            "errors": errors.errors().iter().map(|e| json!([e.path, e.code.as_str()])).collect::<Vec<_>>(),
        }),
        Error::Parameter { path, .. } => json!({"class": "ParameterError", "path": path}),
        other => json!({"class": "CoopkitError", "code": other.code()}),
    }
}

/// What a read kept and rejected.
fn loaded(l: &Loaded) -> Value {
    json!({
        "accepted": l.registry.iter().map(|c| c.id).collect::<Vec<_>>(),
        "rejected": l.rejected.iter().map(|r| json!([
            r.index,
            r.id,
            r.errors.iter().map(|e| json!([e.path, e.code.as_str()])).collect::<Vec<_>>(),
        ])).collect::<Vec<_>>(),
    })
}

/// The read options of a case: `lenient`, `delimiter` and the limits.
fn options(o: &Value) -> Result<ReadOptions, Error> {
    let mut r = ReadOptions::new();
    for (name, v) in o.as_object().into_iter().flatten() {
        r = match name.as_str() {
            "lenient" => r.lenient(v.as_bool().unwrap()),
            "delimiter" => r.delimiter_text(v.as_str().unwrap())?,
            limit => r.limit(limit, v.as_u64().unwrap()).unwrap(),
        };
    }
    Ok(r)
}

/// A CSV file of a case: text, or `{"hex": ...}` for bytes that are not
/// UTF-8.
fn file(v: &Value) -> Vec<u8> {
    match v {
        Value::String(s) => s.as_bytes().to_vec(),
        other => {
            let hex = other["hex"].as_str().unwrap().as_bytes();
            hex.chunks(2)
                .map(|pair| u8::from_str_radix(std::str::from_utf8(pair).unwrap(), 16).unwrap())
                .collect()
        }
    }
}

fn strings(v: Option<&Value>) -> Vec<String> {
    v.and_then(Value::as_array)
        .map(|a| a.iter().map(|s| s.as_str().unwrap().to_owned()).collect())
        .unwrap_or_default()
}

/// A call with options as a Rust user writes them: the core's parsers of
/// option text, which are what the bindings call too.
fn call(case: &Value) -> Result<Value, Error> {
    let (input, o) = (&case["input"], &case["options"]);
    let as_of = coopkit::codes::parse_date_option("as_of", o["as_of"].as_str().unwrap())?;
    match case["read"].as_str().unwrap() {
        "check" => {
            let law = LawChoice::parse_option(o["law"].as_str().unwrap_or("auto"))?;
            let coop = coopkit::io::cooperative_from_value(input)?;
            Ok(serde_json::to_value(coopkit::check(&coop, law, as_of)).unwrap())
        }
        _ => {
            let by = strings(o.get("by"));
            let by: Vec<&str> = by.iter().map(String::as_str).collect();
            let mut q = Query::from_names(as_of, None, &by)?;
            if let Some(r) = o.get("women_managed_rule") {
                q.women_managed_rule = WomenManagedRule::parse_option(r.as_str().unwrap())?;
            }
            let records = input["cooperatives"].as_array().unwrap();
            let reg = coopkit::io::registry_from_values(records)?;
            Ok(serde_json::to_value(reg.indicators(&q)?).unwrap())
        }
    }
}

/// The case's outcome: `{"error": ...}` or `{"loaded": ...}`.
fn outcome(case: &Value) -> Value {
    let given = case.get("options").filter(|_| !is_call(case));
    let o = match options(given.unwrap_or(&Value::Null)) {
        Ok(o) => o,
        Err(e) => return json!({"error": error(&e)}),
    };
    let input = &case["input"];
    let read = match case["read"].as_str().unwrap() {
        "json" => o.read_json(input.as_str().unwrap()),
        "csv" => {
            let members = input.get("members").map(file);
            let positions = input.get("positions").map(file);
            o.read_csv(
                &file(&input["cooperatives"]),
                members.as_deref(),
                positions.as_deref(),
            )
        }
        "records" => o.read_values(input.as_array().unwrap().iter().cloned().map(Ok).collect()),
        "xlsx" => o.read_xlsx(&file(input)),
        _ => {
            return match call(case) {
                Ok(out) => json!({"result": out}),
                Err(e) => json!({"error": error(&e)}),
            }
        }
    };
    match read {
        Ok(l) => json!({"loaded": loaded(&l)}),
        Err(e) => json!({"error": error(&e)}),
    }
}

fn is_call(case: &Value) -> bool {
    matches!(case["read"].as_str(), Some("check" | "indicators"))
}

/// The outcome the case expects: its `error` or its `loaded`.
fn expected(case: &Value) -> Value {
    match (case.get("error"), case.get("loaded")) {
        (Some(e), None) => json!({"error": e}),
        (None, Some(l)) => json!({"loaded": l}),
        _ => panic!("{}: a case expects an error or what is loaded", case["name"]),
    }
}

#[test]
fn every_bad_input_gives_its_outcome() {
    let (mut n, mut failures) = (0, Vec::new());
    for (path, doc) in common::case_files(&folder()) {
        for case in doc["cases"].as_array().unwrap() {
            let runtimes = strings(case.get("runtimes"));
            if !runtimes.is_empty() && !runtimes.iter().any(|r| r == "rust") {
                continue;
            }
            n += 1;
            let got = outcome(case);
            if got != expected(case) {
                failures.push(format!(
                    "{}: {}\n  expected {}\n  got      {}",
                    path.file_name().unwrap().to_string_lossy(),
                    case["name"],
                    expected(case),
                    got
                ));
            }
        }
    }
    assert!(n >= 60, "only {n} cases run in Rust");
    assert!(
        failures.is_empty(),
        "{} of {n} cases:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
