//! `gen --scale 1.0 --seed 1 --out DIR`: writes a synthetic national
//! registry in the CSV folder form (`cooperatives.csv`, `members.csv`,
//! `positions.csv`).

use coopkit_benches::{write_csv, Config, Generator};
use std::path::PathBuf;

fn main() {
    let mut scale = 1.0;
    let mut seed = 1u64;
    let mut out = PathBuf::from("target/registry");
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let v = args.next().unwrap_or_default();
        match a.as_str() {
            "--scale" => scale = v.parse().expect("--scale: a number"),
            "--seed" => seed = v.parse().expect("--seed: an integer"),
            "--out" => out = PathBuf::from(v),
            _ => {
                eprintln!("usage: gen [--scale 1.0] [--seed 1] [--out DIR]");
                std::process::exit(2);
            }
        }
    }
    let g = Generator::new(Config { scale, seed });
    let t = std::time::Instant::now();
    match write_csv(g.iter(), &out) {
        Ok((c, m)) => eprintln!(
            "wrote {c} cooperatives and {m} listed members to {} in {:.1} s",
            out.display(),
            t.elapsed().as_secs_f64()
        ),
        Err(e) => {
            eprintln!("{}: {e}", out.display());
            std::process::exit(1);
        }
    }
}
