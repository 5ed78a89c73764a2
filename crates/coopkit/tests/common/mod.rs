//! Helpers shared by the integration tests; a test file takes them with
//! `mod common;`.
//!
//! - [`strategies`]: proptest strategies for valid cooperatives;
//! - [`law`]: cooperatives built for the law rules, and short ways to read a
//!   check report;
//! - here: dates, text assertions and the located errors of a reader.
#![allow(dead_code)]

pub mod law;
pub mod strategies;

use coopkit::indicators::{Dimension, Query};
use coopkit::io::registry_to_csv;
use coopkit::{Cooperative, Date, Error, InputErrorCode, Registry};

/// A date from its ISO form.
pub fn d(s: &str) -> Date {
    s.parse().expect("test date")
}

/// Every cooperative of a registry, in order.
pub fn all(r: &Registry) -> Vec<Cooperative> {
    r.iter().collect()
}

/// Two readers gave the same registry: the same cooperatives at the same
/// indices, and the same indicators (which read the columns the engine
/// uses, not only what `get` rebuilds).
#[track_caller]
pub fn assert_same_registry(a: &Registry, b: &Registry) {
    assert_eq!(all(a), all(b));
    for c in a.iter() {
        assert_eq!(a.index_of(&c.id), b.index_of(&c.id));
    }
    let q = Query::new(d("2024-12-31")).by([Dimension::Province, Dimension::Sector]);
    assert_eq!(a.indicators(&q).unwrap(), b.indicators(&q).unwrap());
}

/// `text` contains `part`; the message shows the whole text.
#[track_caller]
pub fn assert_contains(text: &str, part: &str) {
    assert!(text.contains(part), "{part:?} not in: {text}");
}

/// Every input error of a reader's result, as (path, code); empty when it
/// read without error.
pub fn error_list<T>(read: Result<T, Error>) -> Vec<(String, InputErrorCode)> {
    match read {
        Ok(_) => vec![],
        Err(e) => e
            .input_errors()
            .iter()
            .map(|e| (e.path.clone(), e.code))
            .collect(),
    }
}

/// One error, as [`error_list`] gives it.
pub fn one_error(path: &str, code: InputErrorCode) -> Vec<(String, InputErrorCode)> {
    vec![(path.to_string(), code)]
}

/// Every input error of `err`, as (path, code).
pub fn located(err: &Error) -> Vec<(&str, InputErrorCode)> {
    err.input_errors()
        .iter()
        .map(|e| (e.path.as_str(), e.code))
        .collect()
}

/// The records a lenient read rejected, each as (index, id, the paths of
/// its errors).
pub fn rejected_paths(loaded: &coopkit::io::Loaded) -> Vec<(usize, Option<&str>, Vec<&str>)> {
    loaded
        .rejected
        .iter()
        .map(|r| {
            (
                r.index,
                r.id.as_deref(),
                r.errors.iter().map(|e| e.path.as_str()).collect(),
            )
        })
        .collect()
}

/// The CSV folder (cooperatives, members, positions) of `cs`, with the cell
/// after one comma of file `file` (0, 1 or 2), picked by `at`, replaced by
/// `cell`: a damaged file for the readers' robustness properties.
pub fn damaged_csv(
    cs: Vec<Cooperative>,
    file: usize,
    at: proptest::sample::Index,
    cell: &str,
) -> [String; 3] {
    let r = Registry::from_cooperatives(cs).expect("strategies give unique ids");
    let (c, m, p) = registry_to_csv(&r);
    let mut files = [c, m, p];
    let t = &files[file];
    let commas: Vec<usize> = t.match_indices(',').map(|(i, _)| i).collect();
    if !commas.is_empty() {
        let i = commas[at.index(commas.len())];
        files[file] = format!("{},{}{}", &t[..i], cell, &t[i + 1..]);
    }
    files
}
