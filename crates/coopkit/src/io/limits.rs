//! The limits of one read: how many records, members or positions in one
//! cooperative, how deep the JSON may nest and how many errors are kept.
//! With the byte limit of [`super::files`] they bound the memory a read can
//! take, so a hostile or broken input meets a clear error naming the limit
//! (code `too_large`) instead of exhausting memory. The defaults keep a
//! national registry (about 100,000 cooperatives, 6 million members)
//! well inside them.
//!
//! Every limit has one name in snake_case (Rust, Python: `max_records=`)
//! and one in camelCase (JavaScript: `maxRecords`); the bindings take the
//! names from [`LIMITS`] and set them with [`crate::io::ReadOptions::limit`].

use crate::error::{Error, InputError, InputErrorCode};

/// The default largest number of records (cooperatives) in one registry.
pub const DEFAULT_MAX_RECORDS: u64 = 1_000_000;
/// The default largest number of members, and of positions, in one
/// cooperative (the largest Vietnamese cooperatives, people's credit funds,
/// have tens of thousands of members).
pub const DEFAULT_MAX_MEMBERS: u64 = 1_000_000;
/// The default deepest nesting of JSON arrays and objects, counted from each
/// record (the contract's records nest 3 deep: cooperative, members,
/// member), in every form: a registry, JSON Lines, a binding's values.
pub const DEFAULT_MAX_DEPTH: u64 = 64;
/// The default largest number of errors kept for one read (and for one
/// record); the errors past it are counted in a last `too_large` error.
pub const DEFAULT_MAX_ERRORS: u64 = 10_000;

/// One limit: its names and what it bounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    /// The option's name in Rust and Python (`max_records`).
    pub name: &'static str,
    /// The option's name in JavaScript (`maxRecords`).
    pub js_name: &'static str,
    /// What it bounds, in English, for messages and documentation.
    pub bounds: &'static str,
}

/// Every limit of a read, `max_bytes` first.
pub const LIMITS: [Limit; 5] = [
    Limit {
        name: "max_bytes",
        js_name: "maxBytes",
        bounds: "bytes of one input (a JSON file or text, one CSV file)",
    },
    Limit {
        name: "max_records",
        js_name: "maxRecords",
        bounds: "records (cooperatives) in one registry",
    },
    Limit {
        name: "max_members",
        js_name: "maxMembers",
        bounds: "members, and positions, of one cooperative (and items of any JSON array in a record)",
    },
    Limit {
        name: "max_depth",
        js_name: "maxDepth",
        bounds: "levels of nested JSON arrays and objects, counted from each record",
    },
    Limit {
        name: "max_errors",
        js_name: "maxErrors",
        bounds: "errors kept for one read (the rest are counted)",
    },
];

/// The limits other than the byte limit (which the CSV options carry).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Limits {
    pub records: u64,
    pub members: u64,
    pub depth: u64,
    pub errors: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            records: DEFAULT_MAX_RECORDS,
            members: DEFAULT_MAX_MEMBERS,
            depth: DEFAULT_MAX_DEPTH,
            errors: DEFAULT_MAX_ERRORS,
        }
    }
}

/// The limit called `name` (either spelling), or a parameter error naming
/// the option as the caller spelt it.
pub(crate) fn find(name: &str) -> Result<&'static Limit, Error> {
    LIMITS
        .iter()
        .find(|l| l.name == name || l.js_name == name)
        .ok_or_else(|| {
            let names: Vec<&str> = LIMITS.iter().map(|l| l.name).collect();
            Error::parameter(
                "limit",
                format!("unknown limit; the limits are: {}", names.join(", ")),
            )
        })
}

/// The error for input beyond the limit `name` at `path`: what was found,
/// the limit and how to raise it.
pub(crate) fn exceeded(path: impl Into<String>, found: &str, name: &str, limit: u64) -> InputError {
    InputError::new(
        path,
        InputErrorCode::TooLarge,
        exceeded_message(found, name, limit),
    )
}

/// The error a binding gives for one of its own values (a Python dict, a
/// JavaScript object) nested deeper than [`DEFAULT_MAX_DEPTH`] inside a record
/// at `record`, found while converting it before the core sees it: the
/// same error, at the same path, as the JSON reader's for that record as
/// text. `inner` is the path inside the record (`.extra.x[0]`), its keys
/// given by [`shown_key`](crate::io::shown_key).
pub fn too_deep(record: &str, inner: &str) -> InputError {
    exceeded(
        format!("{record}{}", shorten(inner)),
        "JSON nested more deeply",
        "max_depth",
        DEFAULT_MAX_DEPTH,
    )
}

/// How many steps of a path inside a record a limit error shows; deeper
/// steps are `…`, so a path never grows with the input.
const SHOWN_STEPS: usize = 8;

/// `inner` (steps such as `.members`, `[3]`) cut after [`SHOWN_STEPS`]
/// steps, with `…` for the rest.
pub(crate) fn shorten(inner: &str) -> std::borrow::Cow<'_, str> {
    // A step starts at `.` or `[` (field names and `<field not shown>`
    // hold neither).
    let starts = inner.char_indices().filter(|&(_, c)| c == '.' || c == '[');
    match starts.map(|(i, _)| i).nth(SHOWN_STEPS) {
        Some(cut) => format!("{}…", &inner[..cut]).into(),
        None => inner.into(),
    }
}

/// The error a binding gives for one of its own lists (a Python list, a
/// JavaScript array) at `path` longer than [`DEFAULT_MAX_MEMBERS`], found
/// before converting its items: the core's `max_members` error.
pub fn too_long(path: impl Into<String>, len: usize) -> InputError {
    exceeded(
        path,
        &format!("a list of {len} items (members, positions or others)"),
        "max_members",
        DEFAULT_MAX_MEMBERS,
    )
}

/// The message of [`exceeded`].
pub(crate) fn exceeded_message(found: &str, name: &str, limit: u64) -> String {
    let js = find(name).map_or(name, |l| l.js_name);
    format!(
        "{found}, more than the limit of {limit} ({name}); raise it with the {name} option \
         (ReadOptions::limit in Rust, {js} in JavaScript)"
    )
}

/// `errors` cut to `max` with, past it, one `too_large` error at `path`
/// counting the rest: nothing is dropped without saying so.
/// A count of an earlier cut (one record's, in a list of many) is added to
/// this one's, so the count stays the number of errors left out.
pub(crate) fn cap_errors(errors: Vec<InputError>, max: u64, path: &str) -> Vec<InputError> {
    let cap = usize::try_from(max).unwrap_or(usize::MAX);
    let earlier: u64 = errors.iter().filter_map(hidden_count).sum();
    if errors.len() <= cap && earlier == 0 {
        return errors;
    }
    let mut kept: Vec<InputError> = errors.into_iter().filter(|e| hidden_count(e).is_none()).collect();
    let hidden = earlier + kept.len().saturating_sub(cap) as u64;
    kept.truncate(cap);
    if hidden > 0 {
        kept.push(hidden_errors(path, hidden, max));
    }
    kept
}

/// How many errors a [`hidden_errors`] error counts; `None` for any other.
fn hidden_count(e: &InputError) -> Option<u64> {
    if e.code != InputErrorCode::TooLarge {
        return None;
    }
    let (n, rest) = e.message.split_once(' ')?;
    rest.starts_with(HIDDEN).then(|| n.parse().ok()).flatten()
}

const HIDDEN: &str = "more errors not shown";

/// The last error of a list cut at `max`: `hidden` more were found.
pub(crate) fn hidden_errors(path: &str, hidden: u64, max: u64) -> InputError {
    InputError::new(
        path,
        InputErrorCode::TooLarge,
        format!(
            "{hidden} {HIDDEN}: only the first {max} are kept (max_errors); \
             fix these and read again, or raise the max_errors option"
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_spellings_name_one_limit_and_others_are_refused() {
        assert_eq!(find("maxRecords").unwrap().name, "max_records");
        assert_eq!(find("max_depth").unwrap().js_name, "maxDepth");
        let e = find("max_rows").unwrap_err();
        assert_eq!(e.code(), "parameter");
        assert!(e.to_string().contains("max_records"), "{e}");
    }

    #[test]
    fn a_capped_list_counts_what_it_leaves_out() {
        let errs: Vec<InputError> = (0..5)
            .map(|i| InputError::new(format!("x[{i}]"), InputErrorCode::MissingField, "m"))
            .collect();
        let capped = cap_errors(errs.clone(), 3, "");
        assert_eq!(capped.len(), 4);
        assert_eq!(capped[3].code, InputErrorCode::TooLarge);
        assert!(
            capped[3].message.starts_with("2 more errors"),
            "{}",
            capped[3].message
        );
        assert_eq!(cap_errors(errs.clone(), 5, "").len(), 5);
        // A cut list cut again counts both cuts.
        let again = cap_errors([capped, errs].concat(), 3, "");
        assert_eq!(again.len(), 4);
        assert!(
            again[3].message.starts_with("7 more errors"),
            "{}",
            again[3].message
        );
    }
}
