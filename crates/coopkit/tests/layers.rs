//! The core's modules in one direction (`../shared/design/LAYERS.md`): a
//! module names only modules below it, so none imports, directly or through
//! others, a module that imports it. Read from the source files, comments
//! left out; the `io` submodules are held to their own order too.

use std::collections::BTreeSet;
use std::path::Path;

/// Bottom first.
const LAYERS: &[&str] = &[
    "error",
    "unicode",
    "num",
    "logic",
    "text",
    "codes",
    "model",
    "params",
    "units",
    "classify",
    "law",
    "registry",
    "io",
    "indicators",
    "report",
];

/// The `io` submodules, bottom first: `csv::records` before `csv::columnar`,
/// which reads through it; the entry points last.
const IO_LAYERS: &[&str] = &[
    "files",
    "limits",
    "decode",
    "validate",
    "csv/records",
    "csv/columnar",
    "csv",
    "json",
    "tables",
    "write",
    "frame",
    "reader",
    "excel",
    "workbook",
    "mod",
];

/// Every `crate::name` a file names outside comments.
fn crate_refs(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(i) = rest.find("crate::") {
            let tail = &rest[i + 7..];
            if let Some(group) = tail.strip_prefix('{') {
                // `crate::{a, b::c}`: the first segment of each.
                let inner = group.split('}').next().unwrap_or("");
                for part in inner.split(',') {
                    let name = part.trim().split("::").next().unwrap_or("").trim();
                    if !name.is_empty() {
                        out.insert(name.to_owned());
                    }
                }
            } else {
                let name: String = tail
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                out.insert(name);
            }
            rest = tail;
        }
    }
    out
}

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn modules_import_only_modules_below_them() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    let mut problems = Vec::new();
    for f in &all {
        let rel = f.strip_prefix(&src).unwrap().to_string_lossy().replace('\\', "/");
        let top = rel.split('/').next().unwrap().trim_end_matches(".rs").to_owned();
        if top == "lib" {
            continue;
        }
        let Some(mine) = LAYERS.iter().position(|l| *l == top) else {
            problems.push(format!("{rel}: module {top} is not in LAYERS"));
            continue;
        };
        let text = std::fs::read_to_string(f).unwrap();
        for name in crate_refs(&text) {
            if name == top || name.chars().next().is_some_and(|c| c.is_ascii_uppercase()) {
                continue; // itself, or a re-export at the root (`crate::Error`)
            }
            match LAYERS.iter().position(|l| *l == name) {
                Some(theirs) if theirs < mine => {}
                Some(_) => problems.push(format!(
                    "{rel} ({top}) names crate::{name}, which is not below it"
                )),
                None => problems.push(format!("{rel} names crate::{name}, not in LAYERS")),
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn io_submodules_import_only_those_below_them() {
    let io = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/io");
    let mut all = Vec::new();
    files(&io, &mut all);
    let rank = |name: &str| IO_LAYERS.iter().position(|l| *l == name);
    let mut problems = Vec::new();
    for f in &all {
        let rel = f.strip_prefix(&io).unwrap().to_string_lossy().replace('\\', "/");
        let me = rel.trim_end_matches(".rs").trim_end_matches("/mod");
        let Some(mine) = rank(me) else {
            problems.push(format!("io/{rel} is not in IO_LAYERS"));
            continue;
        };
        let text = std::fs::read_to_string(f).unwrap();
        let in_csv = rel.starts_with("csv/") && rel != "csv/mod.rs";
        for line in text.lines().map(|l| l.split("//").next().unwrap_or("")) {
            // `crate::io::a::b`, or `super::a::b` seen from this file.
            let mut named = Vec::new();
            for (i, _) in line.match_indices("io::") {
                if line[..i].ends_with("crate::") {
                    named.push(path_at(&line[i + 4..]));
                }
            }
            for (i, _) in line.match_indices("super::") {
                if line[..i].ends_with("::") {
                    continue; // `super::super::`, or inside a longer path
                }
                let p = path_at(&line[i + 7..]);
                if p.is_empty() {
                    continue; // `use super::*` in a test module
                }
                named.push(if in_csv { format!("csv::{p}") } else { p });
            }
            for path in named {
                let parts: Vec<&str> = path.split("::").collect();
                let target = if parts.len() >= 2
                    && parts[0] == "csv"
                    && rank(&format!("csv/{}", parts[1])).is_some()
                {
                    format!("csv/{}", parts[1])
                } else {
                    parts[0].to_owned()
                };
                match rank(&target) {
                    Some(theirs) if theirs < mine || target == me => {}
                    Some(_) => problems.push(format!("io/{rel} names io::{target}, which is not below it")),
                    None => {}
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The `a::b::c` path at the start of `s`.
fn path_at(s: &str) -> String {
    s.chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == ':')
        .collect::<String>()
        .trim_end_matches(':')
        .to_owned()
}
