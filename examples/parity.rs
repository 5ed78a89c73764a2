//! The native answers that the WebAssembly package must give: every function
//! of the JavaScript API, called on every cooperative of the example data
//! and of the test fixtures, with the options written as JavaScript passes
//! them. `bindings/wasm/tests/parity.test.js` makes the same calls in Node
//! and compares the results, value for value.
//!
//! ```sh
//! cargo run -p coopkit-examples --example parity -- target/parity.json
//! ```

use coopkit::indicators::{targets, Query};
use coopkit::io::ReadOptions;
use coopkit::{Code, Date, LawChoice, Registry, WomenManagedRule};
use serde_json::{json, Value};
use std::path::Path;

/// The inputs, relative to the repository root: (name, JSON text or CSV folder).
const SOURCES: &[&str] = &[
    "examples/data/quang-ngai-2024.json",
    "crates/coopkit/tests/data/registry.jsonl",
    "crates/coopkit/tests/data/csv_registry",
];

fn date(s: &str) -> Date {
    s.parse().expect("a date of this file")
}

fn indicator_cases() -> Vec<Value> {
    vec![
        json!({"asOf": "2024-10-16"}),
        json!({"asOf": "2024-10-16", "by": "sector"}),
        json!({"asOf": "2024-10-16", "by": ["cooperative"], "ids": ["members_female_share", "board_female_share"]}),
        json!({"asOf": "2025-06-30", "by": ["kind", "sector"], "womenManagedRule": "management_majority", "totals": true}),
        json!({"asOf": "2024-10-16", "by": "district", "disaggregate": "sex", "minCell": 3}),
    ]
}

fn query(o: &Value) -> Query {
    let strings = |k: &str| -> Option<Vec<String>> {
        match o.get(k) {
            None => None,
            Some(Value::String(s)) => Some(vec![s.clone()]),
            Some(Value::Array(a)) => Some(a.iter().map(|v| v.as_str().unwrap().to_owned()).collect()),
            Some(_) => panic!("{k}"),
        }
    };
    let ids = strings("ids");
    let by = strings("by").unwrap_or_default();
    let id_refs: Option<Vec<&str>> = ids.as_ref().map(|v| v.iter().map(String::as_str).collect());
    let by_refs: Vec<&str> = by.iter().map(String::as_str).collect();
    let mut q = Query::from_names(date(o["asOf"].as_str().unwrap()), id_refs.as_deref(), &by_refs).unwrap();
    if let Some(r) = o.get("womenManagedRule") {
        q.women_managed_rule = WomenManagedRule::parse_option(r.as_str().unwrap()).unwrap();
    }
    if let Some(d) = o.get("disaggregate") {
        q.disaggregate = Some(Code::parse_option(d.as_str().unwrap()).unwrap());
    }
    q.totals = o.get("totals").and_then(Value::as_bool).unwrap_or(false);
    q.min_cell = o.get("minCell").and_then(Value::as_u64).map(|n| n as u32);
    q
}

fn load(root: &Path, source: &str) -> Registry {
    let path = root.join(source);
    ReadOptions::new()
        .read_path(&path)
        .expect("the fixtures load")
        .registry
}

fn main() {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "target/parity.json".to_owned());
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let checks = [
        ("auto", "2024-06-30"),
        ("auto", "2024-10-16"),
        ("vn-2012", "2024-10-16"),
        ("vn-2023", "2026-01-01"),
    ];
    let mut cases = Vec::new();
    for source in SOURCES {
        let reg = load(&root, source);
        for (i, c) in reg.iter().enumerate() {
            for (law, as_of) in checks {
                let law = LawChoice::parse_option(law).unwrap();
                cases.push(json!({
                    "source": source, "call": "check", "index": i,
                    "options": {"law": law.as_str(), "asOf": as_of},
                    "expected": coopkit::check(&c, law, date(as_of)),
                }));
            }
            cases.push(json!({
                "source": source, "call": "classify", "index": i, "options": {"asOf": "2024-10-16"},
                "expected": coopkit::classify(&c, date("2024-10-16")),
            }));
        }
        for o in indicator_cases() {
            cases.push(json!({
                "source": source, "call": "indicators", "options": o,
                "expected": reg.indicators(&query(&o)).unwrap(),
            }));
        }
        let progress: Vec<_> = targets::programme_targets()
            .iter()
            .map(|t| {
                targets::progress(&reg, t, date("2025-12-31"), None, WomenManagedRule::default()).unwrap()
            })
            .collect();
        cases.push(json!({
            "source": source, "call": "progress", "options": {"asOf": "2025-12-31"}, "expected": progress,
        }));
    }
    cases.push(json!({"call": "targets", "expected": targets::programme_targets()}));
    let mut vocabulary = serde_json::Map::new();
    for lang in coopkit::Lang::all() {
        let v: serde_json::Map<String, Value> = coopkit::codes::vocabulary(*lang)
            .into_iter()
            .map(|(f, l)| {
                (
                    f.to_owned(),
                    l.into_iter()
                        .map(|(c, t)| (c.to_owned(), Value::from(t)))
                        .collect(),
                )
            })
            .collect();
        vocabulary.insert(lang.as_str().to_owned(), Value::Object(v));
    }
    cases.push(json!({"call": "vocabulary", "expected": vocabulary}));
    let text = serde_json::to_string(&json!({ "cases": cases })).unwrap();
    std::fs::write(&out, text).unwrap_or_else(|e| panic!("writing {out}: {e}"));
    eprintln!("{} cases written to {out}", cases.len());
}
