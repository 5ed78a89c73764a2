//! The Quảng Ngãi province report: the five figures the provincial Women's
//! Union published on 16 Oct 2024, recomputed from member-level data; the
//! contract's indicators for the province; progress towards the 2030
//! programme; and each cooperative checked against the law in force.
//!
//! ```sh
//! cargo run --release -p coopkit-examples --example quang_ngai -- --lang vi
//! cargo run --release -p coopkit-examples --example quang_ngai -- --data my-registry.json --as-of 2025-06-30
//! ```
//!
//! The report itself is in `report/mod.rs`, where the tests can call it too.

#[path = "report/mod.rs"]
mod report;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match report::run(&args) {
        Ok(text) => print!("{text}"),
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(e.exit_code());
        }
    }
}
