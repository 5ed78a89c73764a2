//! The conformance cases of `tests/conformance/`: each case's input and
//! options give exactly its `expected` output (the contract's JSON shape),
//! and that output agrees with the case's hand-written `expect`:
//! - `check`: rule → the status of its findings (one status for all of
//!   them, or one per finding in order);
//! - `classify`: an object the output must contain (nested objects match
//!   key by key);
//! - `indicators`: indicator → the value of its first row.
//!
//! The Python (`bindings/python/tests/test_conformance.py`) and JavaScript
//! (`bindings/wasm/tests/conformance.test.js`) suites run the same cases
//! and compare exactly. After a deliberate change of output,
//! `COOPKIT_UPDATE=1 cargo test -p coopkit-examples --test conformance`
//! rewrites `expected` (review the diff); `expect` is never rewritten.

use coopkit::indicators::Query;
use coopkit::{Code, Date, LawChoice, WomenManagedRule};
use serde_json::Value;
use std::path::{Path, PathBuf};

mod common;

fn folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/conformance")
}

fn date(v: &Value) -> Date {
    v.as_str().expect("a date string").parse().expect("an ISO date")
}

fn strings(v: Option<&Value>) -> Option<Vec<String>> {
    match v? {
        Value::String(s) => Some(vec![s.clone()]),
        Value::Array(a) => Some(
            a.iter()
                .map(|s| s.as_str().expect("a string").to_owned())
                .collect(),
        ),
        other => panic!("expected a string or a list, got {other}"),
    }
}

fn query(o: &Value) -> Query {
    let ids = strings(o.get("ids"));
    let by = strings(o.get("by")).unwrap_or_default();
    let id_refs: Option<Vec<&str>> = ids.as_ref().map(|v| v.iter().map(String::as_str).collect());
    let by_refs: Vec<&str> = by.iter().map(String::as_str).collect();
    let (first, dates) = match &o["as_of"] {
        Value::Array(list) => (date(&list[0]), Some(list.iter().map(date).collect::<Vec<_>>())),
        one => (date(one), None),
    };
    let mut q = Query::from_names(first, id_refs.as_deref(), &by_refs).expect("a valid query");
    if let Some(dates) = dates {
        q = q.at(dates);
    }
    if let Some(r) = o.get("women_managed_rule") {
        q.women_managed_rule = WomenManagedRule::parse_option(r.as_str().unwrap()).unwrap();
    }
    if let Some(d) = o.get("disaggregate") {
        q.disaggregate = Some(Code::parse_option(d.as_str().unwrap()).unwrap());
    }
    q.totals = o.get("totals").and_then(Value::as_bool).unwrap_or(false);
    q.min_cell = o.get("min_cell").and_then(Value::as_u64).map(|n| n as u32);
    q
}

fn run(case: &Value) -> Value {
    let o = &case["options"];
    let input = &case["input"];
    match case["call"].as_str().unwrap() {
        "check" => {
            let coop = coopkit::io::cooperative_from_value(input)
                .unwrap_or_else(|e| panic!("{}: {e}", case["name"]));
            let law = LawChoice::parse_option(o["law"].as_str().unwrap_or("auto")).unwrap();
            serde_json::to_value(coopkit::check(&coop, law, date(&o["as_of"]))).unwrap()
        }
        "classify" => {
            let coop = coopkit::io::cooperative_from_value(input)
                .unwrap_or_else(|e| panic!("{}: {e}", case["name"]));
            serde_json::to_value(coopkit::classify(&coop, date(&o["as_of"]))).unwrap()
        }
        "indicators" => {
            let records = input["cooperatives"].as_array().expect("a registry");
            let reg = coopkit::io::registry_from_values(records)
                .unwrap_or_else(|e| panic!("{}: {e}", case["name"]));
            serde_json::to_value(reg.indicators(&query(o)).expect("indicators")).unwrap()
        }
        "on_units" => {
            let units = units(case);
            let records = input["cooperatives"].as_array().expect("a registry");
            let reg = coopkit::io::registry_from_values(records).expect("a valid registry");
            let (moved, report) = reg
                .on_units(&units, date(&o["from"]), date(&o["to"]))
                .expect("remapped");
            let json: Value = serde_json::from_str(&coopkit::io::registry_to_json(&moved)).unwrap();
            serde_json::json!({
                "cooperatives": json["cooperatives"],
                "unmapped": report.unmapped,
                "changed": report.changed,
                "districts_removed": report.districts_removed,
            })
        }
        "read_units" => {
            let read = coopkit::io::ReadOptions::new()
                .units(units(case), date(&o["as_of"]))
                .read_json(&input.to_string());
            match read {
                Ok(l) => serde_json::json!({"ok": l.registry.iter().map(|c| c.id).collect::<Vec<_>>()}),
                Err(e) => serde_json::json!({"errors": e.input_errors().iter()
                    .map(|e| serde_json::json!([e.path, e.code.as_str()])).collect::<Vec<_>>()}),
            }
        }
        other => panic!("unknown call {other}"),
    }
}

/// The case's unit table laid over the built-in one, as the bindings lay it.
fn units(case: &Value) -> coopkit::units::Units {
    let table = coopkit::units::Units::from_csv_str(case["units"].as_str().expect("a unit table"))
        .expect("a valid unit table");
    coopkit::units::Units::builtin().overlay(&table)
}

fn contains(whole: &Value, part: &Value) -> bool {
    match (whole, part) {
        (Value::Object(w), Value::Object(p)) => {
            p.iter().all(|(k, v)| w.get(k).is_some_and(|x| contains(x, v)))
        }
        _ => whole == part,
    }
}

/// The hand-written expectation, against the output; the problems found.
fn intent(case: &Value, out: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    let Some(expect) = case["expect"].as_object() else {
        return problems;
    };
    match case["call"].as_str().unwrap() {
        "check" => {
            for (rule, want) in expect {
                let got: Vec<&Value> = out["findings"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|f| f["rule"] == *rule)
                    .map(|f| &f["status"])
                    .collect();
                let ok = match want {
                    Value::Array(list) => {
                        got.len() == list.len() && got.iter().zip(list).all(|(g, w)| *g == w)
                    }
                    one => !got.is_empty() && got.iter().all(|g| *g == one),
                };
                if !ok {
                    problems.push(format!("{rule}: expected {want}, got {got:?}"));
                }
            }
        }
        "classify" => {
            // women_managed is a list of {rule, value, reason}: match it by rule.
            for (key, want) in expect {
                let ok = match (key.as_str(), &out[key.as_str()]) {
                    ("women_managed", Value::Array(list)) => want
                        .as_object()
                        .unwrap()
                        .iter()
                        .all(|(rule, v)| list.iter().any(|e| e["rule"] == *rule && e["value"] == *v)),
                    (_, got) => contains(got, want),
                };
                if !ok {
                    problems.push(format!("{key}: expected {want}, got {}", out[key.as_str()]));
                }
            }
        }
        "on_units" => {
            let codes: Vec<Value> = out["cooperatives"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| serde_json::json!([c["province"], c["district"], c["commune"]]))
                .collect();
            let unmapped: Vec<Value> = out["unmapped"]
                .as_array()
                .unwrap()
                .iter()
                .map(|u| serde_json::json!([u["index"], u["field"]]))
                .collect();
            let got = serde_json::json!({
                "codes": codes,
                "changed": out["changed"],
                "districts_removed": out["districts_removed"],
                "unmapped": unmapped,
            });
            if got != Value::Object(expect.clone()) {
                problems.push(format!("expected {}, got {got}", Value::Object(expect.clone())));
            }
        }
        "read_units" => {
            if *out != Value::Object(expect.clone()) {
                problems.push(format!("expected {}, got {out}", Value::Object(expect.clone())));
            }
        }
        _ => {
            for (id, want) in expect {
                let row = out["rows"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|r| r["indicator"] == *id);
                match row {
                    Some(r) if r["value"] == *want => {}
                    _ => problems.push(format!("{id}: expected {want}, got {row:?}")),
                }
            }
        }
    }
    problems
}

#[test]
fn every_conformance_case_gives_its_expected_output() {
    let update = std::env::var_os("COOPKIT_UPDATE").is_some();
    let mut failures = Vec::new();
    let mut n = 0;
    for (path, mut doc) in common::case_files(&folder()) {
        for case in doc["cases"].as_array_mut().unwrap() {
            n += 1;
            let name = format!(
                "{}: {}",
                path.file_name().unwrap().to_string_lossy(),
                case["name"]
            );
            // Through JSON text, as `expected` was read: serde_json's float
            // parsing may differ from the computed float in the last bit.
            let out: Value = serde_json::from_str(&run(case).to_string()).unwrap();
            for p in intent(case, &out) {
                failures.push(format!("{name}: {p}"));
            }
            if update {
                case["expected"] = out;
            } else if case.get("expected") != Some(&out) {
                failures.push(format!(
                    "{name}: output differs from `expected` (COOPKIT_UPDATE=1 to rewrite)"
                ));
            }
        }
        if update {
            std::fs::write(path, serde_json::to_string_pretty(&doc).unwrap() + "\n").unwrap();
        }
    }
    assert!(n >= 30, "only {n} conformance cases");
    assert!(
        failures.is_empty(),
        "{} of {n} cases:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
