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
//!
//! # Quick start
//!
//! Load a cooperative from JSON (the interchange format of [`io`]), check it
//! against the law in force on a date, and classify it:
//!
//! ```
//! use coopkit::{check, classify, LawChoice, SizeClass, Status};
//!
//! let coop = coopkit::io::cooperative_from_json(
//!     r#"{"id": "htx-1", "name": "HTX Dệt thổ cẩm Ba Tơ", "kind": "cooperative", "sector": "agriculture",
//!         "members": [
//!           {"id": "m1", "type": "individual", "sex": "female", "ethnicity": "Hrê", "kind": "official"},
//!           {"id": "m2", "type": "individual", "sex": "female", "kind": "official"},
//!           {"id": "m3", "type": "household", "sex": "male", "kind": "official"},
//!           {"id": "m4", "type": "individual", "sex": "female", "kind": "official"}
//!         ],
//!         "positions": [{"role": "director", "member": "m1"}]}"#,
//! )?;
//! let as_of = "2025-01-01".parse()?;
//!
//! let report = check(&coop, LawChoice::Auto, as_of);
//! let minimum = report.rule("members.minimum").next().unwrap();
//! println!("{}: {}", minimum.citation, minimum.message.vi);
//! assert_eq!(minimum.status, Status::Fail); // four official members; Law 17/2023 requires five
//! assert_eq!(minimum.citation, "Law 17/2023/QH15, Art. 4(7)");
//! assert!(minimum.message.vi.contains("yêu cầu tối thiểu 5"));
//!
//! let c = classify(&coop, as_of);
//! assert_eq!(c.size_class.class, Some(SizeClass::Micro));
//! assert_eq!(c.has_minority_member, Some(true)); // a Hrê member
//! assert_eq!(c.women_managed[0].value, Some(true)); // the director is a woman
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod classify;
pub mod codes;
pub mod error;
pub mod indicators;
pub mod io;
pub mod law;
mod logic;
pub mod model;
pub mod num;
pub mod params;
pub mod registry;
pub mod report;
pub mod text;
pub mod unicode;
pub mod units;

pub use classify::{classify, Classification, SizeClass, SizeStatus, WomenManagedRule};
pub use codes::{Code, Rule, Term};
pub use error::{Error, InputError, InputErrorCode, InputErrors, Loc, Result};
pub use law::{
    check, CheckReport, Comparison, Finding, Law, LawChoice, Message, ParameterUse, Parameters, Status,
    Subject, Value,
};
pub use model::{
    Cooperative, Country, Date, Employees, Ethnicity, GeneralMeeting, Governance, Holder, IloType, Kind,
    Member, MemberKind, MemberType, Position, Role, Sector, Sex, Summary,
};
pub use registry::Registry;
pub use text::Lang;

/// The README's Rust examples, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
struct ReadmeDoctests;
