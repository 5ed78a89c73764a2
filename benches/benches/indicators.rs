//! Criterion benchmarks: every contract indicator grouped by province ×
//! sector on a loaded registry, and loading the registry from CSV.
//! Scale from `COOPKIT_BENCH_SCALE` (default 0.1; 1.0 is national).

use coopkit::indicators::{Dimension, Query};
use coopkit_benches::{write_csv, Config, Generator};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};

fn scale() -> f64 {
    std::env::var("COOPKIT_BENCH_SCALE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0.1)
}

fn benches(c: &mut Criterion) {
    let g = Generator::new(Config {
        scale: scale(),
        seed: 1,
    });
    let reg = g.registry();
    let q = Query::new("2024-12-31".parse().unwrap()).by([Dimension::Province, Dimension::Sector]);
    let mut grp = c.benchmark_group(format!("scale_{}", scale()));
    grp.sample_size(10);
    // Later queries at a date reuse the women-managed results of the first.
    grp.bench_function("all_indicators_by_province_sector_repeat", |b| {
        b.iter(|| std::hint::black_box(reg.indicators(&q).unwrap()))
    });
    // The first query at a date classifies every cooperative (a clone
    // starts with nothing remembered; the clone is not timed).
    grp.bench_function("all_indicators_by_province_sector_first", |b| {
        b.iter_batched(
            || reg.clone(),
            |r| std::hint::black_box(r.indicators(&q).unwrap()),
            BatchSize::LargeInput,
        )
    });
    let dir = std::env::temp_dir().join(format!("coopkit-bench-{}", std::process::id()));
    write_csv(g.iter(), &dir).unwrap();
    // The library's reader: columnar, `members.csv` decoded on every core.
    grp.bench_function("load_csv", |b| {
        b.iter(|| std::hint::black_box(coopkit::io::registry_from_csv_dir(&dir).unwrap()))
    });
    let with = |threads: usize, columnar: bool| coopkit::io::CsvOptions {
        threads,
        columnar,
        ..coopkit::io::CsvOptions::default()
    };
    // The same on the calling thread only (as on wasm32).
    grp.bench_function("load_csv_one_thread", |b| {
        let o = with(1, true);
        b.iter(|| std::hint::black_box(coopkit::io::registry_from_csv_dir_with(&dir, &o).unwrap()))
    });
    // Record by record: what the reader falls back to on invalid input.
    grp.bench_function("load_csv_record_reader", |b| {
        let o = with(1, false);
        b.iter(|| std::hint::black_box(coopkit::io::registry_from_csv_dir_with(&dir, &o).unwrap()))
    });
    grp.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(all, benches);
criterion_main!(all);
