//! `wasm_baseline --province FILE [--dir DIR] [--repeat N]`: the native
//! figures `benches/wasm.mjs` sets the WebAssembly package beside, for the
//! same work on one thread: every cooperative of the example province
//! checked and its indicators computed (the registry loaded once), and the
//! national CSV registry loaded, checked and its indicators computed.
//! Prints JSON: best-of-N seconds for each step.

use coopkit::indicators::Query;
use coopkit::io::ReadOptions;
use coopkit::{LawChoice, Registry};
use std::time::Instant;

fn best<T>(repeat: usize, mut f: impl FnMut() -> T) -> (f64, T) {
    let mut best = f64::INFINITY;
    let mut last = None;
    for _ in 0..repeat.max(1) {
        let t = Instant::now();
        let out = std::hint::black_box(f());
        best = best.min(t.elapsed().as_secs_f64());
        last = Some(out);
    }
    (best, last.expect("at least one run"))
}

/// Checks every cooperative and computes every indicator, ungrouped.
fn work(reg: &Registry, as_of: coopkit::Date) -> usize {
    let failed = reg
        .iter()
        .map(|c| coopkit::check(&c, LawChoice::Auto, as_of))
        .filter(|r| !r.ok)
        .count();
    let rows = reg.indicators(&Query::new(as_of)).expect("indicators").rows.len();
    failed + rows
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let province = arg("--province").unwrap_or_else(|| "examples/data/quang-ngai-2024.json".to_owned());
    let repeat: usize = arg("--repeat").and_then(|r| r.parse().ok()).unwrap_or(5);
    let as_of: coopkit::Date = "2024-10-16".parse().expect("a date");
    let one = ReadOptions::new().threads(1);

    let text = std::fs::read_to_string(&province).expect("the province file");
    let reg = one.read_json(&text).expect("the province").registry;
    let (province_work, _) = best(repeat * 20, || work(&reg, as_of));
    let mut out = format!("{{\"province_work_s\": {province_work:e}");

    if let Some(dir) = arg("--dir") {
        let path = std::path::Path::new(&dir);
        let read = |n: &str| std::fs::read(path.join(n)).expect("a CSV file");
        let (c, m, p) = (
            read("cooperatives.csv"),
            read("members.csv"),
            read("positions.csv"),
        );
        let (load, reg) = best(repeat, || {
            one.read_csv(&c, Some(&m), Some(&p))
                .expect("the registry")
                .registry
        });
        let (national_work, _) = best(repeat, || work(&reg, as_of));
        out.push_str(&format!(
            ", \"national_cooperatives\": {}, \"national_members\": {}, \"national_load_s\": {load:e}, \"national_work_s\": {national_work:e}",
            reg.len(),
            reg.member_count()
        ));
    }
    println!("{out}}}");
}
