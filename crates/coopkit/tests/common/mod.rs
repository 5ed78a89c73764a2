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

use coopkit::{Date, Error, InputErrorCode};

/// A date from its ISO form.
pub fn d(s: &str) -> Date {
    s.parse().expect("test date")
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
