//! Properties: what the writers write, the readers read back equal; no
//! input makes a reader panic.

mod common;

use common::all;
use coopkit::io::{
    cooperative_from_json, cooperative_from_value, cooperative_to_json, registry_from_csv,
    registry_from_csv_lenient, registry_from_json, registry_from_json_lenient, registry_to_csv,
    registry_to_json, registry_to_json_lines, validate,
};
use coopkit::Registry;
use proptest::prelude::*;
use serde_json::Value;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn generated_cooperatives_are_valid(c in common::strategies::cooperative()) {
        prop_assert_eq!(validate(&c), vec![]);
    }

    #[test]
    fn json_round_trip(c in common::strategies::cooperative()) {
        let text = cooperative_to_json(&c);
        prop_assert_eq!(cooperative_from_json(&text).unwrap(), c);
    }

    #[test]
    fn registry_json_round_trip(cs in common::strategies::cooperatives(5)) {
        let r = Registry::from_cooperatives(cs.clone()).unwrap();
        prop_assert_eq!(all(&registry_from_json(&registry_to_json(&r)).unwrap()), cs.clone());
        prop_assert_eq!(all(&registry_from_json(&registry_to_json_lines(&r)).unwrap()), cs);
    }

    #[test]
    fn registry_csv_round_trip(cs in common::strategies::cooperatives(5)) {
        let r = Registry::from_cooperatives(cs.clone()).unwrap();
        let (c, m, p) = registry_to_csv(&r);
        let back = registry_from_csv(c.as_bytes(), Some(m.as_bytes()), Some(p.as_bytes()));
        prop_assert_eq!(all(&back.unwrap()), cs);
    }

    #[test]
    fn json_readers_never_panic_on_text(s in "\\PC{0,200}") {
        let _ = cooperative_from_json(&s);
        let _ = registry_from_json(&s);
        let _ = registry_from_json_lenient(&s);
    }

    #[test]
    fn csv_readers_never_panic_on_bytes(
        c in proptest::collection::vec(any::<u8>(), 0..200),
        m in proptest::collection::vec(any::<u8>(), 0..200),
        p in proptest::collection::vec(any::<u8>(), 0..200),
    ) {
        let _ = registry_from_csv(c.as_slice(), Some(m.as_slice()), Some(p.as_slice()));
        let _ = registry_from_csv_lenient(c.as_slice(), Some(m.as_slice()), Some(p.as_slice()));
    }

    /// A valid CSV folder with one cell replaced by arbitrary text: never a
    /// panic, and an error names a line of the file the cell is in.
    #[test]
    fn csv_readers_never_panic_on_damaged_cells(
        cs in common::strategies::cooperatives(3),
        file in 0usize..3,
        at in any::<prop::sample::Index>(),
        cell in "\\PC{0,12}",
    ) {
        let files = common::damaged_csv(cs, file, at, &cell);
        let [c, m, p] = &files;
        let _ = registry_from_csv(c.as_bytes(), Some(m.as_bytes()), Some(p.as_bytes()));
        if let Ok(l) = registry_from_csv_lenient(c.as_bytes(), Some(m.as_bytes()), Some(p.as_bytes())) {
            for e in l.errors() {
                prop_assert!(e.path.contains(".csv"), "{}", e.path);
            }
        }
    }

    /// A valid record with one field replaced by an arbitrary JSON value:
    /// never a panic; an error, if any, names a path inside the record.
    #[test]
    fn damaged_records_are_reported_not_panicked_on(
        c in common::strategies::cooperative(),
        key in prop::sample::select(vec![
            "id", "name", "kind", "sector", "established", "charter_capital_vnd", "members",
            "positions", "employees", "summary", "declared_women_managed", "nonsense",
        ]),
        v in json_value(),
    ) {
        let mut value = serde_json::to_value(&c).unwrap();
        value.as_object_mut().unwrap().insert(key.to_string(), v);
        if let Err(e) = cooperative_from_value(&value) {
            prop_assert!(!e.input_errors().is_empty());
        }
    }
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        "\\PC{0,8}".prop_map(Value::String),
        Just(Value::String("2024-02-30".into())),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(
                prop::sample::select(vec!["id", "type", "role", "member", "sex", "female", "male", "x"]),
                inner,
                0..4
            )
            .prop_map(|m| Value::Object(m.into_iter().map(|(k, v)| (k.to_string(), v)).collect())),
        ]
    })
}
