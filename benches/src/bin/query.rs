//! `query --dir DIR [--as-of 2024-12-31] [--repeat 5] [--json OUT] [--ids a,b] [--by province,sector]
//! [--reader coopkit|record] [--threads N]`: loads the CSV folder, computes every contract
//! indicator grouped by province × sector, and prints timings and memory as JSON on stdout (for
//! `compare.py`); `--json OUT` writes the table.
//!
//! Readers: `coopkit` is `coopkit::io::registry_from_csv_dir` (the columnar
//! reader, `--threads` decoding `members.csv`, default every core);
//! `record` the library's record-by-record reader (what it falls back to on
//! invalid input).

use coopkit::indicators::{Dimension, Query};
use std::time::Instant;

/// Peak resident set size, from /proc (Linux only; 0 elsewhere).
fn peak_rss() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse::<u64>().ok()))
        })
        .map_or(0, |kb| kb * 1024)
}

fn rss() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse::<u64>().ok()))
        })
        .map_or(0, |kb| kb * 1024)
}

fn main() {
    let mut dir = String::from("target/registry");
    let mut as_of = String::from("2024-12-31");
    let mut repeat = 5usize;
    let mut json: Option<String> = None;
    let mut ids: Option<String> = None;
    let mut by: Option<String> = None;
    let mut reader = String::from("coopkit");
    let mut options = coopkit::io::CsvOptions::default();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let v = args.next().unwrap_or_default();
        match a.as_str() {
            "--dir" => dir = v,
            "--as-of" => as_of = v,
            "--repeat" => repeat = v.parse().expect("--repeat: an integer"),
            "--json" => json = Some(v),
            "--ids" => ids = Some(v),
            "--by" => by = Some(v),
            "--reader" => reader = v,
            "--threads" => options.threads = v.parse().expect("--threads: an integer"),
            _ => {
                eprintln!("usage: query --dir DIR [--as-of DATE] [--repeat N] [--json OUT]");
                std::process::exit(2);
            }
        }
    }
    let rss0 = rss();
    let t = Instant::now();
    let path = std::path::Path::new(&dir);
    let loaded = match reader.as_str() {
        "coopkit" => coopkit::io::registry_from_csv_dir_with(path, &options).map_err(|e| e.to_string()),
        "record" => {
            options.columnar = false;
            coopkit::io::registry_from_csv_dir_with(path, &options).map_err(|e| e.to_string())
        }
        _ => Err("--reader: coopkit or record".to_string()),
    };
    let reg = match loaded {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{dir}: {e}");
            std::process::exit(1);
        }
    };
    let load_s = t.elapsed().as_secs_f64();
    let peak_after_load = peak_rss();
    let rss_loaded = rss();
    let mut q =
        Query::new(as_of.parse().expect("--as-of: an ISO date")).by([Dimension::Province, Dimension::Sector]);
    if let Some(by) = &by {
        let names: Vec<&str> = by.split(',').collect();
        q.by = Query::from_names(q.as_of, None, &names).expect("--by").by;
    }
    if let Some(ids) = &ids {
        let names: Vec<&str> = ids.split(',').collect();
        q.ids = Query::from_names(q.as_of, Some(&names), &[]).expect("--ids").ids;
    }
    let mut times = Vec::new();
    let mut table = None;
    for _ in 0..repeat.max(1) {
        let t = Instant::now();
        let tab = reg.indicators(&q).expect("query");
        times.push(t.elapsed().as_secs_f64());
        table = Some(tab);
    }
    let first = times[0];
    times.sort_by(f64::total_cmp);
    let table = table.expect("at least one run");
    if let Some(path) = json {
        std::fs::write(&path, table.to_json()).expect("write the table");
    }
    let out = serde_json::json!({
        "cooperatives": reg.len(),
        "members": reg.member_count(),
        "rows": table.rows.len(),
        "load_s": load_s,
        "query_s_first": first,
        "query_s_median": times[times.len() / 2],
        "query_s_min": times[0],
        "query_runs": times.len(),
        "column_bytes": reg.column_bytes(),
        "rss_before_load": rss0,
        "rss_loaded": rss_loaded,
        "peak_rss_after_load": peak_after_load,
        "peak_rss": peak_rss(),
    });
    println!("{out}");
}
