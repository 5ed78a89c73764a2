//! The generator is reproducible, and its CSV folder reads back into the
//! same registry and the same indicators.

use coopkit::indicators::{Dimension, Query};
use coopkit::io::{
    registry_from_csv_columnar, registry_from_csv_dir, registry_from_csv_dir_with, CsvOptions,
};
use coopkit_benches::{write_csv, Config, Generator};

#[test]
fn same_seed_same_registry_and_csv_round_trip() {
    let g = Generator::new(Config {
        scale: 0.002,
        seed: 7,
    });
    assert_eq!(g.len(), 70 + 200);
    let a: Vec<_> = g.iter().collect();
    let b: Vec<_> = Generator::new(Config {
        scale: 0.002,
        seed: 7,
    })
    .iter()
    .collect();
    assert_eq!(a, b);
    let other: Vec<_> = Generator::new(Config {
        scale: 0.002,
        seed: 8,
    })
    .iter()
    .collect();
    assert_ne!(a, other);
    // Mixed data: some cooperatives only have summaries.
    assert!(a.iter().any(|c| c.members.is_none() && c.summary.is_some()));
    assert!(a.iter().any(|c| c.members.is_some()));

    let dir = std::env::temp_dir().join(format!("coopkit-gen-test-{}", std::process::id()));
    write_csv(a.iter().cloned(), &dir).unwrap();
    let loaded = registry_from_csv_dir(&dir).unwrap();
    // The generator's folder is valid: the columnar reader reads it without
    // falling back, on one thread or several, into what the record reader reads.
    let file = |n: &str| std::fs::read(dir.join(n)).unwrap();
    let (c, m, p) = (
        file("cooperatives.csv"),
        file("members.csv"),
        file("positions.csv"),
    );
    let record = CsvOptions {
        columnar: false,
        ..CsvOptions::default()
    };
    let by_record = registry_from_csv_dir_with(&dir, &record);
    let _ = std::fs::remove_dir_all(&dir);
    let by_record = by_record.unwrap();
    for threads in [1, 2] {
        let options = CsvOptions {
            threads,
            block_bytes: 1 << 14,
            columnar: true,
            ..Default::default()
        };
        let columnar = registry_from_csv_columnar(&c, Some(&m), Some(&p), &options).expect("columnar");
        assert_eq!(columnar.len(), by_record.len());
        for i in 0..by_record.len() {
            assert_eq!(columnar.get(i), by_record.get(i), "record {i}");
        }
    }
    assert_eq!(by_record.len(), loaded.len());
    for i in 0..loaded.len() {
        assert_eq!(by_record.get(i), loaded.get(i), "record {i}");
    }
    let direct = g.registry();
    assert_eq!(loaded.len(), direct.len());
    for i in 0..direct.len() {
        assert_eq!(loaded.get(i), direct.get(i), "record {i}");
    }
    let q = Query::new("2024-12-31".parse().unwrap()).by([Dimension::Province, Dimension::Sector]);
    assert_eq!(loaded.indicators(&q).unwrap(), direct.indicators(&q).unwrap());
}
