//! `gen --scale 1.0 --seed 1 --out DIR [--shuffle]`: writes a synthetic
//! national registry in the CSV folder form (`cooperatives.csv`,
//! `members.csv`, `positions.csv`); with `--shuffle` the member rows are in
//! random order, not grouped by cooperative.

use coopkit_benches::{shuffle_members, write_csv, Config, Generator};
use std::path::PathBuf;

fn main() {
    let mut scale = 1.0;
    let mut seed = 1u64;
    let mut out = PathBuf::from("target/registry");
    let mut shuffle = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--shuffle" {
            shuffle = true;
            continue;
        }
        let v = args.next().unwrap_or_default();
        match a.as_str() {
            "--scale" => scale = v.parse().expect("--scale: a number"),
            "--seed" => seed = v.parse().expect("--seed: an integer"),
            "--out" => out = PathBuf::from(v),
            _ => {
                eprintln!("usage: gen [--scale 1.0] [--seed 1] [--out DIR] [--shuffle]");
                std::process::exit(2);
            }
        }
    }
    let g = Generator::new(Config { scale, seed });
    let t = std::time::Instant::now();
    match write_csv(g.iter(), &out) {
        Ok((c, m)) => {
            if shuffle {
                if let Err(e) = shuffle_members(&out, seed) {
                    eprintln!("{}: {e}", out.display());
                    std::process::exit(1);
                }
            }
            eprintln!(
                "wrote {c} cooperatives and {m} listed members{} to {} in {:.1} s",
                if shuffle { " (member rows shuffled)" } else { "" },
                out.display(),
                t.elapsed().as_secs_f64()
            )
        }
        Err(e) => {
            eprintln!("{}: {e}", out.display());
            std::process::exit(1);
        }
    }
}
