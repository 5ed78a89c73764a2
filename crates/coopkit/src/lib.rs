//! # coopkit
//!
//! Cooperatives managed by women: the model of cooperative groups,
//! cooperatives and unions with their members and boards; their membership,
//! capital and governance checked against the law in force on a date (Vietnam:
//! Law 23/2012/QH13 and Law 17/2023/QH15); their classification (Decree
//! 113/2024/NĐ-CP, Circular 01/2020/TT-BKHĐT, ILO types, four named
//! women-managed rules); and the indicators women's unions, statistics
//! offices and researchers report.
//!
//! Legal thresholds are data with dates and citations ([`law::Parameters`]);
//! every finding carries its citation, the measured and required values and a
//! message in English and Vietnamese.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod classify;
pub mod error;
pub mod indicators;
pub mod io;
pub mod law;
pub mod model;
pub mod num;
pub mod registry;
mod text;

pub use classify::{classify, Classification, SizeClass, WomenManagedRule};
pub use error::{Error, InputError, InputErrorCode, InputErrors, Result};
pub use law::{check, CheckReport, Finding, Law, LawChoice, Message, Parameters, Status, Subject, Value};
pub use model::{
    Cooperative, Country, Date, Employees, Ethnicity, GeneralMeeting, Governance, Holder, IloType, Kind,
    Member, MemberKind, MemberType, Position, Role, Sector, Sex, Summary,
};
pub use registry::Registry;

/// The README's Rust examples, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
struct ReadmeDoctests;
