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
//! The report itself is in `report/`, a function from arguments to text that
//! the tests in `tests/report.rs` call too.

#[path = "report/mod.rs"]
mod report;

fn main() {
    // `args_os`, read lossily: an argument that is not UTF-8 is an error, not a panic.
    let args: Vec<String> = std::env::args_os()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    match report::run(&args) {
        // Written, not printed: a closed pipe (`| head`) ends the output
        // quietly instead of panicking.
        Ok(text) => {
            let _ = std::io::Write::write_all(&mut std::io::stdout().lock(), text.as_bytes());
        }
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(e.exit_code());
        }
    }
}
