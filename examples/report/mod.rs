//! The Quảng Ngãi province report, as a function from command-line arguments
//! to text, so that tests can read what a person would see.
//!
//! Each part shows one use of the library: reading a registry
//! (`coopkit::io`, here), computing indicators and progress towards targets
//! (`Registry::indicators`, in `figures.rs`), checking each cooperative
//! against the law in force and classifying it (`coopkit::check` and
//! `coopkit::classify`, in `checks.rs`). `table.rs` aligns columns and
//! `text.rs` writes numbers the English or the Vietnamese way.

mod checks;
mod figures;
mod table;
mod text;
mod workbook;

use coopkit::{
    CheckReport, Classification, Cooperative, Date, Law, LawChoice, Parameters, Registry, WomenManagedRule,
};
use std::fmt::{self, Write};
use std::path::PathBuf;
use table::wrap;
use text::{Lang, Words};

/// The example data: sixteen fictional cooperatives that reproduce the
/// figures published on 16 Oct 2024 (see `examples/data/README.md`).
const EMBEDDED: &str = include_str!("../data/quang-ngai-2024.json");

/// The date of the provincial workshop that published the figures.
const WORKSHOP_DATE: &str = "2024-10-16";

/// Lines are kept within this many columns.
const WIDTH: usize = 96;

const USAGE: &str = "\
Usage: quang_ngai [OPTIONS]

Prints the province report on cooperatives managed by women.

Options:
  --data PATH     a registry (.json, .jsonl, .xlsx or a folder of CSV
                  files); default: the embedded Quảng Ngãi example data
  --as-of DATE    the date of the report, YYYY-MM-DD (default 2024-10-16);
                  several dates, comma-separated, add the trend of the
                  five figures and the report is for the last of them
  --law LAW       auto (the law in force on the date), vn-2012 or vn-2023
  --lang LANG     en or vi (default en)
  --rule RULE     women-managed rule: chair_or_director (default),
                  management_majority, women_owned or declared
  --params PATH   a parameter table (TOML) laid over the built-in one, for
                  example examples/params/interim-2024.toml
  --units PATH    a table of administrative units (CSV, the layout of
                  coopkit::units) laid over the built-in one: names beside
                  codes, and codes checked against the units of the date
  --xlsx PATH     also write the indicators and every finding to an Excel
                  workbook, in the report's language
  -h, --help      this message";

/// Why the report could not be produced.
#[derive(Debug)]
pub enum ReportError {
    /// An unknown argument (exit code 2; the usage text follows the message).
    Usage(String),
    /// An option with a bad value (exit code 2).
    BadValue(String),
    /// The library refused the data (exit code 1); its message names the
    /// record and field.
    Library(coopkit::Error),
}

impl ReportError {
    /// The process exit code: 2 for a usage error, 1 otherwise.
    pub fn exit_code(&self) -> i32 {
        match self {
            ReportError::Usage(_) | ReportError::BadValue(_) => 2,
            ReportError::Library(_) => 1,
        }
    }
}

impl fmt::Display for ReportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReportError::Usage(msg) => write!(f, "error: {msg}\n\n{USAGE}"),
            ReportError::BadValue(msg) => write!(f, "error: {msg} (see --help)"),
            ReportError::Library(e) => write!(f, "error: {e}"),
        }
    }
}

impl From<coopkit::Error> for ReportError {
    fn from(e: coopkit::Error) -> Self {
        ReportError::Library(e)
    }
}

/// What the command line asks for.
struct Options {
    data: Option<PathBuf>,
    as_of: Date,
    law: LawChoice,
    lang: Lang,
    rule: WomenManagedRule,
    params: Option<PathBuf>,
    /// The dates of `--as-of` when it lists more than one (a trend).
    trend: Vec<Date>,
    /// `--units`, read when the arguments are.
    units_path: Option<PathBuf>,
    /// The unit table: the built-in one, with `--units` laid over it.
    units: coopkit::units::Units,
    /// `--xlsx`: where to write the workbook.
    xlsx: Option<PathBuf>,
}

/// Reads `--name value` and `--name=value` pairs; `None` means `--help`.
fn parse_args(args: &[String]) -> Result<Option<Options>, ReportError> {
    let usage = ReportError::Usage;
    let bad = ReportError::BadValue;
    let mut o = Options {
        data: None,
        as_of: WORKSHOP_DATE.parse().expect("the workshop date is a date"),
        law: LawChoice::Auto,
        lang: Lang::En,
        rule: WomenManagedRule::default(),
        params: None,
        trend: Vec::new(),
        units_path: None,
        units: coopkit::units::Units::builtin(),
        xlsx: None,
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        if arg == "-h" || arg == "--help" {
            return Ok(None);
        }
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) => (n, Some(v.to_string())),
            None => (arg.as_str(), None),
        };
        if !matches!(
            name,
            "--data" | "--as-of" | "--law" | "--lang" | "--rule" | "--params" | "--units" | "--xlsx"
        ) {
            return Err(usage(format!("unknown argument {arg:?}")));
        }
        let value = match inline.or_else(|| args.next().cloned()) {
            Some(v) => v,
            None => return Err(bad(format!("{name} needs a value"))),
        };
        match name {
            "--data" => o.data = Some(PathBuf::from(value)),
            "--params" => o.params = Some(PathBuf::from(value)),
            "--units" => o.units_path = Some(PathBuf::from(value)),
            "--xlsx" => o.xlsx = Some(PathBuf::from(value)),
            "--as-of" => {
                let parts: Vec<&str> = value.split(',').collect();
                let mut dates = Vec::new();
                for (i, part) in parts.iter().enumerate() {
                    let which = if parts.len() == 1 {
                        String::new()
                    } else {
                        format!(" date {} of {}", i + 1, parts.len())
                    };
                    dates.push(part.trim().parse::<Date>().map_err(|_| {
                        bad(format!("--as-of:{which} not a valid date (expected YYYY-MM-DD)"))
                    })?);
                }
                if dates.len() > coopkit::indicators::MAX_DATES {
                    return Err(bad(format!(
                        "--as-of: at most {} dates",
                        coopkit::indicators::MAX_DATES
                    )));
                }
                dates.sort();
                dates.dedup();
                o.as_of = *dates.last().ok_or_else(|| bad("--as-of needs a date".into()))?;
                o.trend = if dates.len() > 1 { dates } else { Vec::new() };
            }
            "--law" => {
                o.law = LawChoice::parse(&value)
                    .ok_or_else(|| bad(format!("--law: {value:?}; expected auto, vn-2012 or vn-2023")))?
            }
            "--lang" => {
                o.lang = match value.as_str() {
                    "en" => Lang::En,
                    "vi" => Lang::Vi,
                    _ => return Err(bad(format!("--lang: {value:?}; expected en or vi"))),
                }
            }
            _ => {
                o.rule = WomenManagedRule::parse(&value).ok_or_else(|| {
                    bad(format!(
                        "--rule: {value:?}; expected chair_or_director, management_majority, women_owned or declared"
                    ))
                })?
            }
        }
    }
    Ok(Some(o))
}

/// The report for these command-line arguments (without the program name),
/// or the usage text for `--help`.
pub fn run(args: &[String]) -> Result<String, ReportError> {
    let Some(mut options) = parse_args(args)? else {
        return Ok(format!("{USAGE}\n"));
    };
    if let Some(path) = &options.units_path {
        let text = std::fs::read_to_string(path)
            .map_err(|e| ReportError::BadValue(format!("--units: cannot read {}: {e}", path.display())))?;
        options.units = options
            .units
            .overlay(&coopkit::units::Units::from_csv_str(&text)?);
    }
    // With a unit table of the user's, every location code must be a unit
    // valid on the report's date.
    let read = match &options.units_path {
        Some(_) => coopkit::io::ReadOptions::new().units(options.units.clone(), options.as_of),
        None => coopkit::io::ReadOptions::new(),
    };
    let registry = match &options.data {
        Some(path) => read.read_path(path)?.registry,
        None => read.read_json(EMBEDDED)?.registry,
    };
    let params = match &options.params {
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| {
                ReportError::BadValue(format!("--params: cannot read {}: {e}", path.display()))
            })?;
            Parameters::builtin().overlay(&Parameters::from_toml_str(&text)?)
        }
        None => Parameters::builtin().clone(),
    };
    let text = report(&registry, &params, &options)?;
    if let Some(path) = &options.xlsx {
        let bytes = workbook::write(&registry, &options)?;
        std::fs::write(path, bytes)
            .map_err(|e| ReportError::BadValue(format!("--xlsx: cannot write {}: {e}", path.display())))?;
    }
    Ok(text)
}

/// One cooperative with what the library says about it.
struct Assessed {
    coop: Cooperative,
    check: CheckReport,
    class: Classification,
}

fn report(registry: &Registry, params: &Parameters, o: &Options) -> Result<String, coopkit::Error> {
    let law = o.law.resolve(o.as_of);
    // As the indicator engine does, leave out cooperatives not yet
    // established on the date.
    let (assessed, later): (Vec<Cooperative>, Vec<Cooperative>) = registry
        .iter()
        .partition(|c| c.established.is_none_or(|d| d <= o.as_of) && c.dissolved.is_none_or(|d| d > o.as_of));
    let assessed: Vec<Assessed> = assessed
        .into_iter()
        .map(|coop| Assessed {
            check: params.check(&coop, o.law, o.as_of),
            class: coopkit::classify::classify_with(params, &coop, o.as_of),
            coop,
        })
        .collect();
    let mut out = String::new();
    header(&mut out, registry, law, o);
    figures::figures(&mut out, registry, o)?;
    figures::trend(&mut out, registry, o)?;
    figures::indicators(&mut out, registry, o)?;
    figures::programme(&mut out, registry, o)?;
    checks::cooperatives(&mut out, &assessed, &later, o);
    checks::footer(&mut out, &assessed, law, params, o);
    Ok(out)
}

fn heading(out: &mut String, title: &str) {
    let _ = write!(out, "\n{title}\n{}\n", "=".repeat(title.chars().count()));
}

/// The header: what the report is computed from.
fn header(out: &mut String, registry: &Registry, law: Law, o: &Options) {
    let l = o.lang;
    let title = l.pick(
        "Quảng Ngãi province: cooperatives managed by women",
        "Tỉnh Quảng Ngãi: hợp tác xã do phụ nữ tham gia quản lý",
    );
    let _ = writeln!(out, "{title}\n{}", "#".repeat(title.chars().count()));
    let source = match &o.data {
        Some(path) => path.display().to_string(),
        None => format!(
            "examples/data/quang-ngai-2024.json ({})",
            l.pick("embedded, fictional", "kèm theo, minh họa")
        ),
    };
    let how = match (o.law, law.in_force_on(o.as_of)) {
        (LawChoice::Auto, true) => l.pick("the law in force on that date", "luật có hiệu lực vào ngày đó"),
        (LawChoice::Auto, false) => l.pick(
            "the nearest law; NOT in force on that date",
            "luật gần nhất; KHÔNG có hiệu lực vào ngày đó",
        ),
        (LawChoice::Law(_), true) => l.pick(
            "named; in force on that date",
            "chỉ định; có hiệu lực vào ngày đó",
        ),
        (LawChoice::Law(_), false) => l.pick(
            "named; NOT in force on that date",
            "chỉ định; KHÔNG có hiệu lực vào ngày đó",
        ),
    };
    let rule_meaning = o.rule.label(l);
    let date_note = if o.as_of.to_string() == WORKSHOP_DATE {
        l.pick(" (the date of the workshop)", " (ngày hội thảo)")
    } else {
        ""
    };
    let fields = [
        (
            l.pick("Data", "Dữ liệu"),
            format!(
                "{source}: {} {}",
                registry.len(),
                l.pick("cooperatives", "hợp tác xã")
            ),
        ),
        (
            l.pick("As of", "Tính đến ngày"),
            format!("{}{date_note}", l.date(o.as_of)),
        ),
        (
            l.pick("Law applied", "Luật áp dụng"),
            match l {
                Lang::En => format!("{} ({}), {how}", law.title(), law.as_str()),
                Lang::Vi => format!("{}, {how}", l.law(law)),
            },
        ),
        (
            l.pick("Women-managed", "Do phụ nữ tham gia quản lý"),
            match l {
                Lang::En => format!(
                    "{} {}: {rule_meaning}",
                    l.pick("rule", "tiêu chí"),
                    l.rule(o.rule)
                ),
                Lang::Vi => format!("{} {}", l.pick("rule", "tiêu chí"), l.rule(o.rule)),
            },
        ),
    ];
    let label_width = fields.iter().map(|(k, _)| k.chars().count()).max().unwrap_or(0);
    for (label, value) in fields {
        let pad = " ".repeat(label_width - label.chars().count());
        out.push_str(&wrap(&format!("{label}{pad}  "), &value, WIDTH));
    }
}
