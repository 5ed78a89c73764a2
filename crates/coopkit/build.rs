//! The built-in parameter and target tables are kept as TOML (`params/`),
//! with comments, for people to read and review; at build time they become
//! JSON, which the library reads with the JSON parser it has anyway. So the
//! TOML parser is only compiled in for users' own tables (the `toml`
//! feature, on by default), and the WebAssembly module does without it.

use std::path::PathBuf;

fn main() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for name in ["vn-2012", "vn-2023", "classification", "targets"] {
        let src = format!("params/{name}.toml");
        println!("cargo:rerun-if-changed={src}");
        let text = std::fs::read_to_string(&src).unwrap_or_else(|e| panic!("{src}: {e}"));
        let value: toml::Value = toml::from_str(&text).unwrap_or_else(|e| panic!("{src}: {e}"));
        let json = serde_json::to_string(&value).expect("TOML values are JSON values");
        std::fs::write(out.join(format!("{name}.json")), json).unwrap_or_else(|e| panic!("{name}.json: {e}"));
    }
}
