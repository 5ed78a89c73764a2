//! One error type for the whole crate, mapped once in each binding.
//!
//! Messages name the record and field by path
//! (`cooperatives[3].members[17].birth_date: ...`) and never echo personal
//! data: names and birth dates stay out of every message.

use serde::Serialize;
use std::fmt;

/// What went wrong with one field of the input.
///
/// Its `Serialize` and `FromStr` (the snake_case name) are those of every
/// code list ([`crate::codes::Code`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InputErrorCode {
    /// The text is not JSON, JSON Lines or CSV.
    Syntax,
    /// A required field is absent.
    MissingField,
    /// A field the format does not have (a misspelling, say).
    UnknownField,
    /// A value of the wrong JSON type.
    InvalidType,
    /// A value outside the field's code list.
    InvalidValue,
    /// Not an ISO date, or an impossible one.
    InvalidDate,
    /// An id used twice where it must be unique.
    DuplicateId,
    /// A reference to a record that does not exist.
    UnknownReference,
    /// A negative amount, or a count out of range.
    OutOfRange,
    /// A number too large to hold.
    Overflow,
    /// Fields that contradict each other.
    Inconsistent,
    /// More than a read's limit allows (records, members, nesting depth,
    /// errors: [`crate::io::LIMITS`]); the message names the limit and how
    /// to raise it.
    TooLarge,
}

impl InputErrorCode {
    /// Every code, in order.
    pub const ALL: [InputErrorCode; 12] = [
        InputErrorCode::Syntax,
        InputErrorCode::MissingField,
        InputErrorCode::UnknownField,
        InputErrorCode::InvalidType,
        InputErrorCode::InvalidValue,
        InputErrorCode::InvalidDate,
        InputErrorCode::DuplicateId,
        InputErrorCode::UnknownReference,
        InputErrorCode::OutOfRange,
        InputErrorCode::Overflow,
        InputErrorCode::Inconsistent,
        InputErrorCode::TooLarge,
    ];

    /// The snake_case name, as serialised.
    pub fn as_str(self) -> &'static str {
        match self {
            InputErrorCode::Syntax => "syntax",
            InputErrorCode::MissingField => "missing_field",
            InputErrorCode::UnknownField => "unknown_field",
            InputErrorCode::InvalidType => "invalid_type",
            InputErrorCode::InvalidValue => "invalid_value",
            InputErrorCode::InvalidDate => "invalid_date",
            InputErrorCode::DuplicateId => "duplicate_id",
            InputErrorCode::UnknownReference => "unknown_reference",
            InputErrorCode::OutOfRange => "out_of_range",
            InputErrorCode::Overflow => "overflow",
            InputErrorCode::Inconsistent => "inconsistent",
            InputErrorCode::TooLarge => "too_large",
        }
    }
}

/// One located problem in the input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InputError {
    /// Where: `cooperatives[3].members[17].birth_date`, or for CSV
    /// `members.csv:42.birth_date`.
    pub path: String,
    /// What kind of problem.
    pub code: InputErrorCode,
    /// What is wrong, without personal data.
    pub message: String,
}

impl InputError {
    /// A new error at `path`.
    pub fn new(path: impl Into<String>, code: InputErrorCode, message: impl Into<String>) -> Self {
        InputError {
            path: path.into(),
            code,
            message: message.into(),
        }
    }
}

/// One step of a problem's location ([`InputError::loc`]): a table, file
/// or field name, or a position (a list index, a CSV line).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Loc {
    /// A name: `cooperatives`, `members.csv`, `birth_date`.
    Name(String),
    /// A position: `3` of `members[3]`, the line `42` of `members.csv:42`.
    Index(u64),
}

impl InputError {
    /// The path as steps, as pydantic's `loc`:
    /// `cooperatives[3].members[17].birth_date` is
    /// `["cooperatives", 3, "members", 17, "birth_date"]`, and
    /// `members.csv:42.birth_date` is `["members.csv", 42, "birth_date"]`.
    pub fn loc(&self) -> Vec<Loc> {
        loc_of(&self.path)
    }
}

/// [`InputError::loc`] of a path written by this crate.
pub fn loc_of(path: &str) -> Vec<Loc> {
    let mut out = Vec::new();
    // A file's line: `members.csv:42.birth_date` (the name keeps its dot).
    let rest = match path.split_once(':') {
        Some((file, tail)) if tail.starts_with(|c: char| c.is_ascii_digit()) => {
            out.push(Loc::Name(file.to_owned()));
            let end = tail.find(|c: char| !c.is_ascii_digit()).unwrap_or(tail.len());
            out.push(index(&tail[..end]));
            tail[end..].strip_prefix('.').unwrap_or(&tail[end..])
        }
        _ => path,
    };
    for part in rest.split('.').filter(|p| !p.is_empty()) {
        let (name, mut brackets) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if !name.is_empty() {
            out.push(Loc::Name(name.to_owned()));
        }
        while let Some(tail) = brackets.strip_prefix('[') {
            let Some(close) = tail.find(']') else {
                out.push(Loc::Name(brackets.to_owned()));
                break;
            };
            out.push(index(&tail[..close]));
            brackets = &tail[close + 1..];
        }
    }
    out
}

fn index(digits: &str) -> Loc {
    digits
        .parse()
        .map(Loc::Index)
        .unwrap_or_else(|_| Loc::Name(digits.to_owned()))
}

/// The path with every position replaced by `*`: the column a problem is
/// in, whatever its row (`members.csv:*.sex`, `cooperatives[*].members[*].sex`).
fn pattern(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut in_number = false;
    let mut prev = '\0';
    for c in path.chars() {
        if c.is_ascii_digit() && (in_number || prev == '[' || prev == ':') {
            if !in_number {
                out.push('*');
                in_number = true;
            }
            continue;
        }
        in_number = false;
        out.push(c);
        prev = c;
    }
    out
}

impl fmt::Display for InputError {
    /// `path: message`; a problem with the input as a whole (its path is
    /// empty: a JSON syntax error, a document that is not a registry) is
    /// its message alone.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// Every problem found in one input, in the order met. Never empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct InputErrors(Vec<InputError>);

impl InputErrors {
    /// Wraps a list; `None` if it is empty.
    pub fn new(errors: Vec<InputError>) -> Option<Self> {
        (!errors.is_empty()).then_some(InputErrors(errors))
    }

    /// The errors.
    pub fn errors(&self) -> &[InputError] {
        &self.0
    }

    /// The first error.
    pub fn first(&self) -> &InputError {
        &self.0[0]
    }

    /// Consumes the list.
    pub fn into_vec(self) -> Vec<InputError> {
        self.0
    }
}

impl InputErrors {
    /// How many lines [`Display`](fmt::Display) shows at most, besides its
    /// first.
    pub const SHOWN: usize = 10;

    /// The problems grouped by column: the same field of every row (the
    /// path with every position as `*`), the same code and the same message make one
    /// group, in the order first met. Each group is
    /// `(first error, how many, the paths of its first three)`.
    pub fn grouped(&self) -> Vec<(&InputError, usize, Vec<&str>)> {
        let mut at: std::collections::HashMap<(String, InputErrorCode, &str), usize> =
            std::collections::HashMap::new();
        let mut groups: Vec<(&InputError, usize, Vec<&str>)> = Vec::new();
        for e in &self.0 {
            let key = (pattern(&e.path), e.code, e.message.as_str());
            match at.get(&key) {
                Some(&g) => {
                    let group = &mut groups[g];
                    group.1 += 1;
                    if group.2.len() < 3 {
                        group.2.push(&e.path);
                    }
                }
                None => {
                    at.insert(key, groups.len());
                    groups.push((e, 1, vec![e.path.as_str()]));
                }
            }
        }
        groups
    }
}

/// One problem as `path: message`. Several as a count, then one line per
/// column and kind of problem (a problem repeated down a column is one line
/// with its count and first rows), at most [`InputErrors::SHOWN`] lines:
/// the message stays short however many problems there are, and every one
/// of them stays in [`InputErrors::errors`].
impl fmt::Display for InputErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0.len();
        if n == 1 {
            return write!(f, "{}", self.0[0]);
        }
        write!(f, "{n} input errors:")?;
        let groups = self.grouped();
        for (e, count, paths) in groups.iter().take(Self::SHOWN) {
            if *count == 1 {
                write!(f, "\n  {e}")?;
            } else {
                let more = if *count > paths.len() { ", ..." } else { "" };
                write!(
                    f,
                    "\n  {}: {} ({count} times: {}{more})",
                    pattern(&e.path),
                    e.message,
                    paths.join(", ")
                )?;
            }
        }
        if groups.len() > Self::SHOWN {
            let rest: usize = groups[Self::SHOWN..].iter().map(|g| g.1).sum();
            write!(
                f,
                "\n  and {rest} more in {} other places (every problem is in the error's list)",
                groups.len() - Self::SHOWN
            )?;
        }
        Ok(())
    }
}

/// The crate's error.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input has one or more located problems.
    #[error("{0}")]
    Input(InputErrors),
    /// A parameter table, option or argument is invalid.
    #[error("{path}: {message}")]
    Parameter {
        /// Which parameter or argument.
        path: String,
        /// What is wrong (every problem, for a table).
        message: String,
        /// For a parameter table, every located problem
        /// (`parameters.parameter[3].start`); empty for an option.
        problems: Vec<InputError>,
    },
    /// Reading or writing a file failed (only in helpers that open files).
    #[error("{path}: {message}")]
    Io {
        /// The file.
        path: String,
        /// The system's message, or what is wrong with the path.
        message: String,
        /// The operating system's error, when there is one.
        #[source]
        source: Option<IoSource>,
    },
}

/// The operating system's error behind an [`Error::Io`], shared so that the
/// error stays cheap to clone. Two are equal when their kind and message are.
#[derive(Debug, Clone)]
pub struct IoSource(std::sync::Arc<std::io::Error>);

impl IoSource {
    /// What kind of failure it was (`NotFound`, `PermissionDenied`, ...).
    pub fn kind(&self) -> std::io::ErrorKind {
        self.0.kind()
    }

    /// The error itself.
    pub fn get(&self) -> &std::io::Error {
        &self.0
    }
}

impl PartialEq for IoSource {
    fn eq(&self, other: &Self) -> bool {
        self.kind() == other.kind() && self.0.to_string() == other.0.to_string()
    }
}

impl Eq for IoSource {}

impl fmt::Display for IoSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for IoSource {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&*self.0)
    }
}

impl Error {
    /// A parameter error.
    pub fn parameter(path: impl Into<String>, message: impl Into<String>) -> Self {
        Error::Parameter {
            path: path.into(),
            message: message.into(),
            problems: Vec::new(),
        }
    }

    /// A parameter table's located problems, all of them, at `path`.
    pub fn parameters(path: impl Into<String>, problems: Vec<InputError>) -> Self {
        let message = problems
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; ");
        Error::Parameter {
            path: path.into(),
            message,
            problems,
        }
    }

    /// Every located problem: the input errors, or a parameter table's
    /// problems; empty for other errors.
    pub fn problems(&self) -> &[InputError] {
        match self {
            Error::Input(e) => e.errors(),
            Error::Parameter { problems, .. } => problems,
            Error::Io { .. } => &[],
        }
    }

    /// A file error at `path`, keeping the operating system's error as its
    /// source.
    pub fn io(path: impl Into<String>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            message: source.to_string(),
            source: Some(IoSource(std::sync::Arc::new(source))),
        }
    }

    /// A file error at `path` with no operating-system error behind it (a
    /// path of the wrong kind, say).
    pub fn io_message(path: impl Into<String>, message: impl Into<String>) -> Self {
        Error::Io {
            path: path.into(),
            message: message.into(),
            source: None,
        }
    }

    /// A stable machine-readable code: `input`, `parameter` or `io`.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Input(_) => "input",
            Error::Parameter { .. } => "parameter",
            Error::Io { .. } => "io",
        }
    }

    /// The path of the (first) problem.
    pub fn path(&self) -> Option<&str> {
        match self {
            Error::Input(e) => Some(&e.first().path),
            Error::Parameter { path, .. } | Error::Io { path, .. } => Some(path),
        }
    }

    /// Every located input error (empty for other kinds).
    pub fn input_errors(&self) -> &[InputError] {
        match self {
            Error::Input(e) => e.errors(),
            _ => &[],
        }
    }
}

impl From<InputErrors> for Error {
    fn from(e: InputErrors) -> Self {
        Error::Input(e)
    }
}

/// The crate's result.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_reads_as_its_steps() {
        let l = |p: &str| serde_json::to_string(&loc_of(p)).unwrap();
        assert_eq!(
            l("cooperatives[3].members[17].birth_date"),
            r#"["cooperatives",3,"members",17,"birth_date"]"#
        );
        assert_eq!(
            l("members.csv:42.birth_date"),
            r#"["members.csv",42,"birth_date"]"#
        );
        assert_eq!(l("members.csv:42"), r#"["members.csv",42]"#);
        assert_eq!(l("members.type"), r#"["members","type"]"#);
        assert_eq!(l("[2].id"), r#"[2,"id"]"#);
        assert_eq!(l(""), "[]");
    }

    #[test]
    fn a_problem_repeated_down_a_column_is_one_line_with_its_count() {
        let mut errors: Vec<InputError> = (0..395)
            .map(|i| {
                InputError::new(
                    format!("members[{i}].capital_vnd"),
                    InputErrorCode::InvalidType,
                    "not whole",
                )
            })
            .collect();
        errors.push(InputError::new(
            "members[7].sex",
            InputErrorCode::InvalidValue,
            "not a sex",
        ));
        let text = InputErrors::new(errors).unwrap().to_string();
        assert_eq!(
            text,
            "396 input errors:\n  members[*].capital_vnd: not whole (395 times: members[0].capital_vnd, \
             members[1].capital_vnd, members[2].capital_vnd, ...)\n  members[7].sex: not a sex"
        );
    }

    #[test]
    fn the_message_stays_short_however_many_columns_fail() {
        let errors: Vec<InputError> = (0..100_000)
            .map(|i| {
                InputError::new(
                    format!("members.csv:{}.c{i}", i + 2),
                    InputErrorCode::UnknownField,
                    "unknown",
                )
            })
            .collect();
        let e = InputErrors::new(errors).unwrap();
        let text = e.to_string();
        assert_eq!(text.lines().count(), 1 + InputErrors::SHOWN + 1, "{text}");
        assert!(text.ends_with("and 99990 more in 99990 other places (every problem is in the error's list)"));
        assert_eq!(e.errors().len(), 100_000);
    }
}
