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
}

impl InputErrorCode {
    /// Every code, in order.
    pub const ALL: [InputErrorCode; 11] = [
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

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
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

impl fmt::Display for InputErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0.len();
        if n == 1 {
            return write!(f, "{}", self.0[0]);
        }
        write!(f, "{n} input errors:")?;
        for e in &self.0 {
            write!(f, "\n  {e}")?;
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
